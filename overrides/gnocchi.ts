import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import { wsgiSite } from './apache';
import { internalEndpoints, internalServices, openstackIngressClasses } from './blocks';
import { controlPlaneTolerations, internalKeystoneAuthtokenInterface } from './common';

const pasteCompositegnocchibasic: Values = {
  use: 'egg:Paste#urlmap',
  '/': 'gnocchiversions_pipeline',
  '/v1': 'gnocchiv1+noauth',
  '/healthcheck': 'healthcheck',
};

/** Static values of gnocchi: the StarlingX settings applied over the chart defaults. */
export function gnocchiStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-gnocchi',
    labels: { isApplication: false },
    images: {
      tags: {
        db_init: img.gnocchi,
        db_init_indexer: img.gnocchi,
        db_sync: img.gnocchi,
        dep_check: img.kubernetesEntrypoint,
        gnocchi_api: img.gnocchi,
        gnocchi_metricd: img.gnocchi,
        gnocchi_resources_cleaner: img.gnocchi,
        gnocchi_statsd: img.gnocchi,
        gnocchi_storage_init: img.cephConfigHelper,
        image_repo_sync: null,
        ks_endpoints: img.heat,
        ks_service: img.heat,
        ks_user: img.openstackclients,
        pre_apply_cleanup: img.vaultManager,
      },
    },
    conf: {
      gnocchi: {
        indexer: { driver: 'mariadb' },
        keystone_authtoken: internalKeystoneAuthtokenInterface,
      },
      apache: wsgiSite({
        port: ['metric', 'internal', 'api'],
        processGroup: 'gnocchi',
        user: 'gnocchi',
        processes: 1,
        threads: 2,
        script: '/var/lib/openstack/bin/gnocchi-api',
        logFormats: false,
        vhostDirectives: ['<Directory "/var/lib/openstack/bin">', '    Require all granted', '</Directory>'],
      }),
      paste: {
        'composite:gnocchi+basic': pasteCompositegnocchibasic,
        'composite:gnocchi+keystone': {
          use: 'egg:Paste#urlmap',
          '/': 'gnocchiversions_pipeline',
          '/v1': 'gnocchiv1+keystone',
          '/healthcheck': 'healthcheck',
        },
        'composite:gnocchi+remoteuser': pasteCompositegnocchibasic,
        'pipeline:gnocchiv1+noauth': { pipeline: 'gnocchiv1' },
        'pipeline:gnocchiv1+keystone': { pipeline: 'keystone_authtoken gnocchiv1' },
        'pipeline:gnocchiversions_pipeline': { pipeline: 'gnocchiversions' },
        'app:gnocchiversions': {
          'paste.app_factory': 'gnocchi.rest.app:app_factory',
          root: 'gnocchi.rest.api.VersionsController',
        },
        'app:gnocchiv1': {
          'paste.app_factory': 'gnocchi.rest.app:app_factory',
          root: 'gnocchi.rest.api.V1Controller',
        },
        'filter:keystone_authtoken': { use: 'egg:keystonemiddleware#auth_token', oslo_config_project: 'gnocchi' },
        'app:healthcheck': { use: 'egg:oslo.middleware#healthcheck', oslo_config_project: 'gnocchi' },
      },
    },
    network: { api: { ingress: { classes: openstackIngressClasses } } },
    pod: {
      labels: { include_app_kubernetes_io: false },
      affinity: { anti: { type: { default: 'requiredDuringSchedulingIgnoredDuringExecution' } } },
      tolerations: { gnocchi: controlPlaneTolerations },
    },
    dependencies: {
      static: {
        db_sync: {
          jobs: ['gnocchi-storage-init', 'gnocchi-db-init'],
          services: internalEndpoints('oslo_db'),
        },
        metricd: internalServices('oslo_db', 'oslo_cache', 'metric'),
        tests: internalServices('identity', 'oslo_db', 'metric'),
      },
    },
    manifests: {
      daemonset_statsd: false,
      job_db_init_indexer: false,
      secret_db_indexer: false,
      service_statsd: false,
    },
    endpoints: { oslo_cache: { hosts: { default: 'memcached' } } },
  };
}
