import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import { wsgiSite } from './apache';
import { chartImages, controlPlaneNode, defaultResourcesFor, internalEndpoints, internalServices, keystoneUser, localImageRegistryDependency, noExtraMounts, noVolumes, osloLogging, readOnlyContainer, securityContext } from './blocks';
import { apiPodLifecycle, controlPlaneTolerations, aodhEndpoint, fluentdEndpoint, localImageRegistryEndpoint, keystoneAdminUser, internalKeystoneAuthtoken, osloCacheEndpoint, publicIngress, requiredAntiAffinity } from './common';
import { identityEndpoint, keystoneInternalUrl, ociImageRegistryEndpoint, osloDbEndpoint, osloMessagingEndpoint } from './endpoints';

const staticEvaluator: Values = { jobs: ['aodh-db-sync', 'aodh-rabbit-init'], services: internalEndpoints('oslo_db', 'identity', 'alarming') };

/** Static values of aodh: the StarlingX settings applied over the chart defaults. */
export function aodhStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-aodh',
    labels: {
      api: controlPlaneNode,
      evaluator: controlPlaneNode,
      listener: controlPlaneNode,
      notifier: controlPlaneNode,
      job: controlPlaneNode,
      test: controlPlaneNode,
      isApplication: false,
    },
    images: chartImages(img, {
      bootstrap: img.heat,
      db_init: img.heat,
      db_drop: img.heat,
      rabbit_init: img.rabbitmqManagement,
      aodh_db_sync: img.aodh,
      ks_user: img.openstackclients,
      ks_service: img.heat,
      ks_endpoints: img.heat,
      aodh_api: img.aodh,
      aodh_evaluator: img.aodh,
      aodh_listener: img.aodh,
      aodh_notifier: img.aodh,
      aodh_alarms_cleaner: img.aodh,
      }),
    jobs: { alarms_cleaner: { cron: '35 */24 * * *', history: { success: 3, failed: 1 } } },
    pod: {
      security_context: {
        aodh: securityContext(42402, {
          aodh_api: { runAsUser: 0 },
          aodh_evaluator: readOnlyContainer,
          aodh_notifier: readOnlyContainer,
          aodh_listener: readOnlyContainer,
        }),
      },
      affinity: requiredAntiAffinity,
      tolerations: { aodh: controlPlaneTolerations },
      mounts: {
        ...noExtraMounts(
          'aodh_api',
          'aodh_evaluator',
          'aodh_listener',
          'aodh_notifier',
          'aodh_alarms_cleaner',
          'aodh_bootstrap',
          'aodh_tests',
        ),
        aodh_db_sync: { aodh_db_sync: noVolumes },
      },
      etcSources: {
        aodh_api: [],
        aodh_evaluator: [],
        aodh_listener: [],
        aodh_notifier: [],
        aodh_alarms_cleaner: [],
        aodh_db_sync: [],
      },
      replicas: { api: 1, evaluator: 1, listener: 1, notifier: 1 },
      lifecycle: apiPodLifecycle,
      resources: {
        enabled: false,
        ...defaultResourcesFor('api', 'evaluator', 'listener', 'notifier'),
        jobs: defaultResourcesFor('bootstrap', 'rabbit_init', 'db_init', 'db_sync', 'ks_endpoints', 'ks_service', 'ks_user', 'alarms_cleaner', 'db_drop', 'tests', 'image_repo_sync'),
      },
      labels: { include_app_kubernetes_io: false },
    },
    network: {
      api: {
        ingress: publicIngress,
        external_policy_local: false,
        node_port: { enabled: false, port: 8042 },
      },
    },
    dependencies: {
      dynamic: {
        common: {
          local_image_registry: localImageRegistryDependency('aodh-image-repo-sync'),
        },
      },
      static: {
        api: {
          jobs: ['aodh-db-sync', 'aodh-ks-user', 'aodh-ks-endpoints'],
          services: internalEndpoints('oslo_db', 'identity'),
        },
        evaluator: staticEvaluator,
        listener: staticEvaluator,
        notifier: staticEvaluator,
        rabbit_init: internalServices('oslo_messaging'),
        db_init: internalServices('oslo_db'),
        db_sync: {
          jobs: ['aodh-db-init'],
          services: internalEndpoints('oslo_db'),
        },
        db_drop: internalServices('oslo_db'),
        ks_endpoints: {
          jobs: ['aodh-ks-service'],
          services: internalEndpoints('identity'),
        },
        ks_service: internalServices('identity'),
        ks_user: internalServices('identity'),
        image_repo_sync: internalServices('local_image_registry'),
        tests: {
          jobs: ['aodh-db-sync'],
          services: internalEndpoints('identity', 'oslo_db', 'alarming'),
        },
      },
    },
    conf: {
      wsgi_aodh: wsgiSite({ port: ['alarming', 'internal', 'api'], processGroup: 'aodh', user: 'aodh', processes: 2, script: '/var/www/cgi-bin/aodh/aodh-api' }),
      paste: {
        'composite:aodh+noauth': {
          use: 'egg:Paste#urlmap',
          '/': 'aodhversions_pipeline',
          '/v2': 'aodhv2_noauth_pipeline',
          '/healthcheck': 'healthcheck',
        },
        'composite:aodh+keystone': {
          use: 'egg:Paste#urlmap',
          '/': 'aodhversions_pipeline',
          '/v2': 'aodhv2_keystone_pipeline',
          '/healthcheck': 'healthcheck',
        },
        'app:healthcheck': { use: 'egg:oslo.middleware#healthcheck', oslo_config_project: 'aodh' },
        'pipeline:aodhversions_pipeline': { pipeline: 'cors http_proxy_to_wsgi aodhversions' },
        'app:aodhversions': {
          'paste.app_factory': 'aodh.api.app:app_factory',
          root: 'aodh.api.controllers.root.VersionsController',
        },
        'pipeline:aodhv2_keystone_pipeline': { pipeline: 'cors http_proxy_to_wsgi request_id authtoken aodhv2' },
        'pipeline:aodhv2_noauth_pipeline': { pipeline: 'cors http_proxy_to_wsgi request_id aodhv2' },
        'app:aodhv2': {
          'paste.app_factory': 'aodh.api.app:app_factory',
          root: 'aodh.api.controllers.v2.root.V2Controller',
        },
        'filter:authtoken': {
          'paste.filter_factory': 'keystonemiddleware.auth_token:filter_factory',
          oslo_config_project: 'aodh',
        },
        'filter:request_id': { 'paste.filter_factory': 'oslo_middleware:RequestId.factory' },
        'filter:cors': {
          'paste.filter_factory': 'oslo_middleware.cors:filter_factory',
          oslo_config_project: 'aodh',
        },
        'filter:http_proxy_to_wsgi': {
          'paste.filter_factory': 'oslo_middleware.http_proxy_to_wsgi:HTTPProxyToWSGI.factory',
          oslo_config_project: 'aodh',
        },
      },
      policy: {},
      aodh: {
        DEFAULT: {
          debug: false,
          log_config_append: '/etc/aodh/logging.conf',
          prometheus_project_label_name: 'project',
          additional_ingestion_lag: 0,
          enable_evaluation_results_metrics: false,
        },
        oslo_middleware: { enable_proxy_headers_parsing: true },
        oslo_policy: { policy_file: '/etc/aodh/policy.yaml' },
        oslo_concurrency: { lock_path: '/var/lib/oslo-lock' },
        database: { alarm_history_time_to_live: 86400, max_retries: -1, connection: '' },
        keystone_authtoken: {
          auth_version: 'v3',
          auth_type: 'password',
          memcache_security_strategy: 'ENCRYPT',
          service_type: 'alarming',
          ...internalKeystoneAuthtoken,
        },
        service_credentials: {
          auth_type: 'password',
          interface: 'internal',
          auth_version: 'v3',
          auth_url: keystoneInternalUrl,
        },
      },
      logging: osloLogging(['aodh']),
      prometheus: {
        host: 'kube-prometheus-stack-prometheus.monitoring.svc.cluster.local',
        port: 9090,
      },
    },
    aodh_notifier: { tls: { host_cert: '/var/opt/openstack/certs/aodh-rest-notifier.pem' } },
    secrets: {
      identity: { admin: 'aodh-keystone-admin', aodh: 'aodh-keystone-user' },
      oslo_db: { admin: 'aodh-db-admin', aodh: 'aodh-db-user' },
      oslo_messaging: { admin: 'aodh-rabbitmq-admin', aodh: 'aodh-rabbitmq-user' },
      tls: { alarming: { api: { public: 'aodh-tls-public' } } },
      oci_image_registry: { aodh: 'aodh-oci-image-registry' },
    },
    bootstrap: { enabled: false, ks_user: 'aodh', script: 'openstack token issue\n' },
    endpoints: {
      cluster_domain_suffix: 'cluster.local',
      local_image_registry: localImageRegistryEndpoint,
      oci_image_registry: ociImageRegistryEndpoint('aodh'),
      identity: identityEndpoint({ admin: keystoneAdminUser, aodh: keystoneUser('aodh', { role: 'admin' }) }),
      alarming: aodhEndpoint,
      oslo_db: osloDbEndpoint('aodh', { adminTls: false }),
      oslo_cache: osloCacheEndpoint,
      oslo_messaging: osloMessagingEndpoint('aodh', { adminTls: false }),
      fluentd: fluentdEndpoint,
    },
    network_policy: { aodh: { ingress: [{}], egress: [{}] } },
    manifests: {
      configmap_bin: true,
      configmap_etc: true,
      cron_job_alarms_cleaner: true,
      deployment_api: true,
      deployment_evaluator: true,
      deployment_listener: true,
      deployment_notifier: true,
      ingress_api: true,
      job_bootstrap: true,
      job_db_drop: false,
      job_db_init: true,
      job_image_repo_sync: true,
      job_rabbit_init: true,
      job_db_sync: true,
      job_ks_endpoints: true,
      job_ks_service: true,
      job_ks_user: true,
      network_policy: false,
      pdb_api: true,
      pod_aodh_test: true,
      secret_db: true,
      secret_ingress_tls: true,
      secret_keystone: true,
      secret_rabbitmq: true,
      secret_registry: true,
      service_api: true,
      service_ingress_api: true,
    },
    extraObjects: [],
  };
}
