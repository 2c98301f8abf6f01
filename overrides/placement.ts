import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import { wsgiSite } from './apache';
import {
  defaultResourcesFor,
  internalEndpoints,
  internalServices,
  keystoneUser,
  localImageRegistryDependency,
  noExtraMounts,
  osloLogging,
  securityContext,
  uwsgiConf,
} from './blocks';
import {
  apiPodLifecycle,
  controlPlaneLabels,
  controlPlaneTolerations,
  localImageRegistryEndpoint,
  placementEndpoint,
  keystoneAdminUser,
  internalKeystoneAuthtoken,
  osloCacheEndpoint,
  publicIngress,
  requiredAntiAffinityUnweighted,
} from './common';
import { identityEndpoint, ociImageRegistryEndpoint, osloDbEndpoint } from './endpoints';

/** Static values of placement: the StarlingX settings applied over the chart defaults. */
export function placementStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-placement',
    labels: controlPlaneLabels,
    images: {
      pull_policy: 'IfNotPresent',
      tags: {
        db_drop: img.heat,
        db_init: img.heat,
        dep_check: img.kubernetesEntrypoint,
        image_repo_sync: null,
        ks_user: img.openstackclients,
        ks_service: img.heat,
        ks_endpoints: img.heat,
        placement: img.placement,
        placement_db_sync: img.placement,
        pre_apply_cleanup: img.vaultManager,
      },
      local_registry: { active: false, exclude: ['dep_check', 'image_repo_sync'] },
    },
    network: {
      api: {
        port: 8778,
        ingress: publicIngress,
        external_policy_local: false,
        node_port: { enabled: false, port: 30778 },
      },
    },
    conf: {
      policy: {},
      placement: {
        DEFAULT: {
          debug: false,
          use_syslog: false,
          log_config_append: '/etc/placement/logging.conf',
        },
        placement_database: { connection: '' },
        keystone_authtoken: {
          service_token_roles: 'service',
          service_token_roles_required: true,
          auth_version: 'v3',
          auth_type: 'password',
          memcache_security_strategy: 'ENCRYPT',
          service_type: 'placement',
          ...internalKeystoneAuthtoken,
        },
        oslo_concurrency: { lock_path: '/var/lib/oslo-lock' },
      },
      logging: osloLogging(['placement'], '%Y-%m-%d %H:%M:%S'),
      placement_api_uwsgi: uwsgiConf('placement-api', 'placement.wsgi.api:application', { processes: 1 }),
      wsgi_placement: wsgiSite({
        port: ['placement', 'internal', 'api'],
        processGroup: 'placement-api',
        user: 'placement',
        processes: 4,
        script: '/var/www/cgi-bin/placement/placement-api',
        passAuthorization: true,
        afterVhost: [
          'Alias /placement /var/www/cgi-bin/placement/placement-api',
          '<Location /placement>',
          '    SetHandler wsgi-script',
          '    Options +ExecCGI',
          '    WSGIProcessGroup placement-api',
          '    WSGIApplicationGroup %{GLOBAL}',
          '    WSGIPassAuthorization On',
          '</Location>',
        ],
      }),
    },
    endpoints: {
      cluster_domain_suffix: 'cluster.local',
      local_image_registry: localImageRegistryEndpoint,
      oci_image_registry: ociImageRegistryEndpoint('placement'),
      oslo_db: osloDbEndpoint('placement', { extraUsers: { nova_api: 'nova' } }),
      oslo_cache: osloCacheEndpoint,
      identity: identityEndpoint({
        admin: keystoneAdminUser,
        placement: keystoneUser('placement', { role: 'admin' }),
      }),
      placement: placementEndpoint,
    },
    pod: {
      labels: { include_app_kubernetes_io: false },
      security_context: {
        placement: securityContext(42424, {
          placement_api: { readOnlyRootFilesystem: false, runAsUser: 0 },
          placement_mysql_migration: { readOnlyRootFilesystem: false, runAsUser: 0 },
        }),
      },
      affinity: requiredAntiAffinityUnweighted,
      tolerations: { placement: controlPlaneTolerations },
      etcSources: { placement: [], placement_db_sync: [] },
      mounts: noExtraMounts('placement', 'placement_db_sync'),
      replicas: { api: 1 },
      lifecycle: apiPodLifecycle,
      resources: {
        enabled: true,
        api: {
          requests: { 'ephemeral-storage': '250Ki', memory: '128Mi', cpu: '100m' },
          limits: { memory: '1024Mi', cpu: '2000m' },
        },
      },
      probes: {
        placement: { api: { liveness: { port: 1717 } } },
        jobs: defaultResourcesFor('db_init', 'db_sync', 'db_drop', 'ks_endpoints', 'ks_service', 'ks_user'),
      },
    },
    secrets: {
      identity: { admin: 'placement-keystone-admin', placement: 'placement-keystone-user' },
      oslo_db: { admin: 'placement-db-admin', placement: 'placement-db-user' },
      tls: {
        placement: { api: { public: 'placement-tls-public', internal: 'placement-tls-api' } },
      },
      oci_image_registry: { placement: 'placement-oci-image-registry' },
    },
    dependencies: {
      dynamic: {
        common: {
          local_image_registry: localImageRegistryDependency('image-repo-sync'),
        },
      },
      static: {
        api: {
          jobs: ['placement-db-sync', 'placement-ks-service', 'placement-ks-user', 'placement-ks-endpoints'],
        },
        ks_endpoints: {
          jobs: ['placement-ks-user', 'placement-ks-service'],
          services: internalEndpoints('identity'),
        },
        ks_service: internalServices('identity'),
        ks_user: internalServices('identity'),
        db_drop: internalServices('oslo_db'),
        db_init: internalServices('oslo_db'),
        db_sync: {
          jobs: ['placement-db-init'],
          services: internalEndpoints('oslo_db'),
        },
      },
    },
    helm3_hook: false,
    tls: { identity: false, oslo_messaging: false, oslo_db: false },
    manifests: {
      certificates: false,
      configmap_bin: true,
      configmap_etc: true,
      deployment: true,
      job_pre_apply_cleanup: true,
      job_image_repo_sync: true,
      job_db_init: true,
      job_db_sync: true,
      job_db_drop: false,
      job_ks_endpoints: true,
      job_ks_service: true,
      job_ks_user: true,
      network_policy: false,
      secret_db: true,
      secret_ingress_tls: true,
      secret_registry: true,
      pdb: true,
      ingress: true,
      secret_keystone: true,
      secret_ks_etc: true,
      service_ingress: true,
      service: true,
    },
  };
}
