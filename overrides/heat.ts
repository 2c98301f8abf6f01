import { Value, Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import {
  chartImages,
  controlPlaneNode,
  defaultJobResources,
  defaultResourcesFor,
  internalEndpoints,
  internalServices,
  keystoneUser,
  localImageRegistryDependency,
  noExtraMounts,
  noVolumes,
  osloLogging,
  rallyOnceWith,
  readOnlyContainer,
  securityContext,
  uwsgiConf,
} from './blocks';
import {
  controlPlaneTolerations,
  fluentdEndpoint,
  localImageRegistryEndpoint,
  keystoneAdminUser,
  ingressEndpoint,
  internalKeystoneAuthtoken,
  keystonePasswordAuth,
  kubeDnsEndpoint,
  publicIngress,
  requiredAntiAffinity,
  rollingUpdateUpgrades,
} from './common';
import {
  httpEndpoint,
  identityEndpoint,
  keystoneInternalUrl,
  ociImageRegistryEndpoint,
  osloDbEndpoint,
  osloMessagingEndpoint,
} from './endpoints';
import { configText } from './config-files';

const apiJobs: Value[] = ['heat-db-sync', 'heat-rabbit-init', 'heat-ks-user', 'heat-domain-ks-user', 'heat-ks-endpoints', 'heat-bootstrap'];

const apiServices: Value[] = internalEndpoints('oslo_db', 'oslo_messaging', 'identity');

const testsHeatStacksCreateCheckDeleteStack2: Value[] = rallyOnceWith({ template_path: '/tmp/rally-jobs/random_strings.yaml' });

const testsHeatStacksCreateStackAndListOutput2: Value[] = rallyOnceWith({
  template_path: '/tmp/rally-jobs/resource_group_with_outputs.yaml',
});

const staticEngineCleaner: Values = {
  jobs: ['heat-db-sync', 'heat-ks-user', 'heat-domain-ks-user', 'heat-ks-endpoints'],
  services: apiServices,
};

const staticApi: Values = { jobs: apiJobs, services: apiServices };

/** Static values of heat: the StarlingX settings applied over the chart defaults. */
export function heatStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-heat',
    labels: {
      isApplication: false,
      api: controlPlaneNode,
      cfn: controlPlaneNode,
      engine: controlPlaneNode,
      job: controlPlaneNode,
      test: controlPlaneNode,
    },
    images: chartImages(img, {
      test: null,
      bootstrap: img.heat,
      db_init: img.heat,
      heat_db_sync: img.heat,
      db_drop: img.heat,
      rabbit_init: img.rabbitmqManagement,
      ks_user: img.openstackclients,
      ks_service: img.heat,
      ks_endpoints: img.heat,
      heat_api: img.heat,
      heat_cfn: img.heat,
      heat_engine: img.heat,
      heat_engine_cleaner: img.heat,
      heat_purge_deleted: img.heat,
    }),
    jobs: {
      engine_cleaner: { cron: '*/5 * * * *', starting_deadline: 600, history: { success: 3, failed: 1 } },
      purge_deleted: { cron: '20 */24 * * *', purge_age: 60, history: { success: 3, failed: 1 } },
    },
    conf: {
      rally_tests: {
        run_tempest: false,
        tests: {
          'HeatStacks.create_update_delete_stack': rallyOnceWith({
            template_path: '/tmp/rally-jobs/random_strings.yaml',
            updated_template_path: '/tmp/rally-jobs/updated_random_strings_replace.yaml',
          }),
          'HeatStacks.create_check_delete_stack': testsHeatStacksCreateCheckDeleteStack2,
          'HeatStacks.create_and_delete_stack': rallyOnceWith({ template_path: '/tmp/rally-jobs/resource_group_with_constraint.yaml' }),
          'HeatStacks.create_and_list_stack': rallyOnceWith({ template_path: '/tmp/rally-jobs/default.yaml' }),
          'HeatStacks.create_snapshot_restore_delete_stack': testsHeatStacksCreateCheckDeleteStack2,
          'HeatStacks.create_stack_and_list_output': testsHeatStacksCreateStackAndListOutput2,
          'HeatStacks.create_stack_and_list_output_via_API': testsHeatStacksCreateStackAndListOutput2,
        },
        // No `templates`: Helm replaces lists, so a list here would replace the chart's five texts
        // (equal to StarlingX's) instead of merging with them.
      },
      paste: {
        'pipeline:heat-api': {
          pipeline: 'cors request_id faultwrap http_proxy_to_wsgi versionnegotiation osprofiler authurl authtoken audit context apiv1app',
        },
        'pipeline:heat-api-standalone': {
          pipeline: 'cors request_id faultwrap http_proxy_to_wsgi versionnegotiation authurl authpassword context apiv1app',
        },
        'pipeline:heat-api-custombackend': {
          pipeline: 'cors request_id faultwrap versionnegotiation context custombackendauth apiv1app',
        },
        'pipeline:heat-api-cfn': {
          pipeline: 'cors http_proxy_to_wsgi cfnversionnegotiation osprofiler ec2authtoken authtoken audit context apicfnv1app',
        },
        'pipeline:heat-api-cfn-standalone': {
          pipeline: 'cors http_proxy_to_wsgi cfnversionnegotiation ec2authtoken context apicfnv1app',
        },
        'app:apiv1app': {
          'paste.app_factory': 'heat.common.wsgi:app_factory',
          'heat.app_factory': 'heat.api.openstack.v1:API',
        },
        'app:apicfnv1app': {
          'paste.app_factory': 'heat.common.wsgi:app_factory',
          'heat.app_factory': 'heat.api.cfn.v1:API',
        },
        'filter:versionnegotiation': {
          'paste.filter_factory': 'heat.common.wsgi:filter_factory',
          'heat.filter_factory': 'heat.api.openstack:version_negotiation_filter',
        },
        'filter:cors': {
          'paste.filter_factory': 'oslo_middleware.cors:filter_factory',
          oslo_config_project: 'heat',
        },
        'filter:faultwrap': {
          'paste.filter_factory': 'heat.common.wsgi:filter_factory',
          'heat.filter_factory': 'heat.api.openstack:faultwrap_filter',
        },
        'filter:cfnversionnegotiation': {
          'paste.filter_factory': 'heat.common.wsgi:filter_factory',
          'heat.filter_factory': 'heat.api.cfn:version_negotiation_filter',
        },
        'filter:context': {
          'paste.filter_factory': 'heat.common.context:ContextMiddleware_filter_factory',
        },
        'filter:ec2authtoken': { 'paste.filter_factory': 'heat.api.aws.ec2token:EC2Token_filter_factory' },
        'filter:http_proxy_to_wsgi': { 'paste.filter_factory': 'oslo_middleware:HTTPProxyToWSGI.factory' },
        'filter:authurl': { 'paste.filter_factory': 'heat.common.auth_url:filter_factory' },
        'filter:authtoken': { 'paste.filter_factory': 'keystonemiddleware.auth_token:filter_factory' },
        'filter:authpassword': { 'paste.filter_factory': 'heat.common.auth_password:filter_factory' },
        'filter:custombackendauth': { 'paste.filter_factory': 'heat.common.custom_backend_auth:filter_factory' },
        'filter:audit': {
          'paste.filter_factory': 'keystonemiddleware.audit:filter_factory',
          audit_map_file: '/etc/heat/api_audit_map.conf',
        },
        'filter:request_id': { 'paste.filter_factory': 'oslo_middleware.request_id:RequestId.factory' },
        'filter:osprofiler': { 'paste.filter_factory': 'osprofiler.web:WsgiMiddleware.factory' },
      },
      policy: {
        'stacks:global_index': 'rule:context_is_admin',
        'software_configs:global_index': 'rule:context_is_admin',
      },
      heat: {
        DEFAULT: {
          control_exchange: 'heat',
          log_config_append: '/etc/heat/logging.conf',
          num_engine_workers: 1,
          trusts_delegated_roles: '',
          host: 'heat-engine',
        },
        keystone_authtoken: {
          auth_type: 'password',
          auth_version: 'v3',
          memcache_security_strategy: 'ENCRYPT',
          service_type: 'orchestration',
          ...internalKeystoneAuthtoken,
        },
        database: { max_retries: -1, connection: '' },
        trustee: keystonePasswordAuth,
        heat_api: { bind_port: null, workers: 1, bind_host: '::' },
        heat_api_cfn: { bind_port: null, workers: 1, bind_host: '::' },
        paste_deploy: { api_paste_config: '/etc/heat/api-paste.ini' },
        clients: { endpoint_type: 'internalURL' },
        clients_heat: { endpoint_type: 'publicURL' },
        clients_keystone: {
          endpoint_type: 'internalURL',
          auth_uri: keystoneInternalUrl,
        },
        oslo_messaging_notifications: { driver: 'messagingv2' },
        oslo_middleware: { enable_proxy_headers_parsing: true },
        oslo_messaging_rabbit: { rabbit_ha_queues: true },
        oslo_concurrency: { lock_path: '/var/lib/oslo-lock' },
        oslo_policy: { policy_file: '/etc/heat/policy.yaml' },
      },
      api_audit_map: {
        DEFAULT: { target_endpoint_type: 'None' },
        path_keywords: {
          stacks: 'stack',
          resources: 'resource',
          preview: 'None',
          detail: 'None',
          abandon: 'None',
          snapshots: 'snapshot',
          restore: 'None',
          outputs: 'output',
          metadata: 'server',
          signal: 'None',
          events: 'event',
          template: 'None',
          template_versions: 'template_version',
          functions: 'None',
          validate: 'None',
          resource_types: 'resource_type',
          build_info: 'None',
          actions: 'None',
          software_configs: 'software_config',
          software_deployments: 'software_deployment',
          services: 'None',
        },
        service_endpoints: 'orchestration:service/orchestration',
      },
      logging: osloLogging(['heat'], '%Y-%m-%d %H:%M:%S'),
      rabbitmq: {
        policies: [
          {
            vhost: 'heat',
            name: 'ha_ttl_heat',
            definition: { 'ha-mode': 'all', 'ha-sync-mode': 'automatic', 'message-ttl': 70000 },
            priority: 0,
            'apply-to': 'all',
            pattern: '^(?!(amq\\.|reply_)).*',
          },
        ],
      },
      heat_api_uwsgi: uwsgiConf('heat-api', 'heat.wsgi.api:application'),
      heat_api_cfn_uwsgi: uwsgiConf('heat-api-cfn', 'heat.wsgi.cfn:application'),
    },
    network: {
      api: {
        ingress: publicIngress,
        external_policy_local: false,
        node_port: { enabled: false, port: 30004 },
      },
      cfn: { ingress: publicIngress, node_port: { enabled: false, port: 30800 } },
    },
    bootstrap: { enabled: true, ks_user: 'admin', script: heatBootstrapScript },
    dependencies: {
      dynamic: {
        common: {
          local_image_registry: localImageRegistryDependency('heat-image-repo-sync'),
        },
      },
      static: {
        api: staticApi,
        cfn: {
          jobs: [
            'heat-db-sync',
            'heat-rabbit-init',
            'heat-ks-user',
            'heat-ks-user',
            'heat-domain-ks-user',
            'heat-ks-endpoints',
            'heat-bootstrap',
          ],
          services: apiServices,
        },
        cloudwatch: staticApi,
        db_drop: internalServices('oslo_db'),
        db_init: internalServices('oslo_db'),
        db_sync: {
          jobs: ['heat-db-init'],
          services: internalEndpoints('oslo_db'),
        },
        bootstrap: internalServices('identity'),
        engine: staticApi,
        engine_cleaner: staticEngineCleaner,
        purge_deleted: staticEngineCleaner,
        ks_endpoints: {
          jobs: ['heat-ks-service'],
          services: internalEndpoints('identity'),
        },
        ks_service: internalServices('identity'),
        ks_user: internalServices('identity'),
        rabbit_init: internalServices('oslo_messaging'),
        trusts: {
          jobs: ['heat-ks-user', 'heat-domain-ks-user'],
          services: internalEndpoints('identity'),
        },
        image_repo_sync: internalServices('local_image_registry'),
        tests: internalServices('identity', 'orchestration'),
      },
    },
    secrets: {
      identity: {
        admin: 'heat-keystone-admin',
        heat: 'heat-keystone-user',
        heat_trustee: 'heat-keystone-trustee',
        heat_stack_user: 'heat-keystone-stack-user',
        test: 'heat-keystone-test',
      },
      oslo_db: { admin: 'heat-db-admin', heat: 'heat-db-user' },
      oslo_messaging: { admin: 'heat-rabbitmq-admin', heat: 'heat-rabbitmq-user' },
      tls: {
        orchestration: { api: { public: 'heat-tls-public', internal: 'heat-tls-api' } },
        cloudformation: { cfn: { public: 'cloudformation-tls-public', internal: 'heat-tls-cfn' } },
      },
      oci_image_registry: { heat: 'heat-oci-image-registry' },
    },
    endpoints: {
      cluster_domain_suffix: 'cluster.local',
      local_image_registry: localImageRegistryEndpoint,
      oci_image_registry: ociImageRegistryEndpoint('heat'),
      identity: identityEndpoint({
        admin: keystoneAdminUser,
        heat: keystoneUser('heat', { role: 'admin' }),
        heat_trustee: keystoneUser('heat-trust', { role: 'admin' }),
        heat_stack_user: {
          role: 'admin',
          region_name: 'RegionOne',
          username: 'heat-domain',
          password: 'password',
          domain_name: 'heat',
        },
        test: keystoneUser('heat-test', { role: 'admin', project_name: 'test' }),
      }),
      orchestration: httpEndpoint({ name: 'heat', path: { default: '/v1/%(project_id)s' }, port: 8004, servicePort: true }),
      cloudformation: httpEndpoint({
        name: 'heat-cfn',
        host: 'heat-cfn',
        publicHost: 'cloudformation',
        path: { default: '/v1' },
        port: 8000,
        servicePort: true,
      }),
      oslo_db: osloDbEndpoint('heat'),
      oslo_cache: {
        auth: { memcache_secret_key: null },
        hosts: { default: 'heat-memcached' },
        host_fqdn_override: { default: null },
        port: { memcache: { default: 11211 } },
      },
      oslo_messaging: osloMessagingEndpoint('heat'),
      fluentd: fluentdEndpoint,
      kube_dns: kubeDnsEndpoint,
      ingress: ingressEndpoint,
    },
    pod: {
      labels: { include_app_kubernetes_io: false },
      security_context: {
        heat: securityContext(42424, {
          heat_api: readOnlyContainer,
          heat_cfn: readOnlyContainer,
          heat_engine: readOnlyContainer,
        }),
        trusts: securityContext(42424, { heat_trusts: readOnlyContainer }),
        ks_user: securityContext(42424, { heat_ks_domain_user: readOnlyContainer }),
        engine_cleaner: securityContext(42424, { heat_engine_cleaner: readOnlyContainer }),
      },
      affinity: requiredAntiAffinity,
      tolerations: { heat: controlPlaneTolerations },
      etcSources: {
        heat_api: [],
        heat_cfn: [],
        heat_engine: [],
        heat_engine_cleaner: [],
        heat_purge_deleted: [],
        heat_db_sync: [],
      },
      mounts: {
        ...noExtraMounts(
          'heat_api',
          'heat_cfn',
          'heat_engine',
          'heat_bootstrap',
          'heat_trusts',
          'heat_engine_cleaner',
          'heat_purge_deleted',
          'heat_tests',
        ),
        heat_db_sync: { heat_db_sync: noVolumes },
      },
      replicas: { api: 2, cfn: 2, engine: 2 },
      lifecycle: {
        upgrades: rollingUpdateUpgrades,
        disruption_budget: { api: { min_available: 0 }, cfn: { min_available: 0 } },
        termination_grace_period: { api: { timeout: 30 }, cfn: { timeout: 30 }, engine: { timeout: 30 } },
      },
      resources: {
        enabled: false,
        ...defaultResourcesFor('api', 'cfn', 'engine'),
        jobs: {
          ...defaultResourcesFor(
            'bootstrap',
            'db_init',
            'db_sync',
            'db_drop',
            'ks_endpoints',
            'ks_service',
            'ks_user',
            'rabbit_init',
            'tests',
            'trusts',
            'engine_cleaner',
          ),
          purge_deleted: {
            requests: { memory: '124Mi', cpu: '100m' },
            limits: { memory: '1024Mi', cpu: '2000m' },
          },
          image_repo_sync: defaultJobResources,
        },
      },
    },
    network_policy: { heat: { ingress: [{}], egress: [{}] } },
    helm3_hook: false,
    tls: { identity: false, oslo_messaging: false, oslo_db: false },
    manifests: {
      certificates: false,
      configmap_bin: true,
      configmap_etc: true,
      cron_job_engine_cleaner: true,
      cron_job_purge_deleted: true,
      deployment_api: true,
      deployment_cfn: true,
      deployment_engine: true,
      ingress_api: true,
      ingress_cfn: true,
      job_pre_apply_cleanup: true,
      job_bootstrap: true,
      job_db_init: true,
      job_db_sync: true,
      job_db_drop: false,
      job_image_repo_sync: true,
      job_ks_endpoints: true,
      job_ks_service: true,
      job_ks_user_domain: true,
      job_ks_user_trustee: true,
      job_ks_user: true,
      job_rabbit_init: true,
      pdb_api: true,
      pdb_cfn: true,
      pod_rally_test: true,
      network_policy: false,
      secret_db: true,
      secret_ingress_tls: true,
      secret_keystone: true,
      secret_rabbitmq: true,
      secret_registry: true,
      service_api: true,
      service_cfn: true,
      service_ingress_api: true,
      service_ingress_cfn: true,
      statefulset_engine: false,
    },
  };
}

/** Heat: the role that Heat gives the users it creates for stacks (never give it to people). */
export const heatBootstrapScript = configText(['set -e', 'openstack role create --or-show heat_stack_user']);
