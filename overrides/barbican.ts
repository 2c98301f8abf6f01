import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import { openstackIngressClasses } from './blocks';
import { controlPlaneLabels, controlPlaneTolerations, internalKeystoneAuthtoken } from './common';

/** Static values of barbican: the StarlingX settings applied over the chart defaults. */
export function barbicanStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-barbican',
    labels: controlPlaneLabels,
    images: {
      tags: {
        barbican_api: img.barbican,
        barbican_db_sync: img.barbican,
        bootstrap: img.heat,
        db_drop: img.heat,
        db_init: img.heat,
        dep_check: img.kubernetesEntrypoint,
        image_repo_sync: null,
        ks_endpoints: img.heat,
        ks_service: img.heat,
        ks_user: img.openstackclients,
        rabbit_init: img.rabbitmqManagement,
        scripted_test: img.heat,
        pre_apply_cleanup: img.vaultManager,
      },
    },
    pod: {
      labels: { include_app_kubernetes_io: false },
      replicas: { api: 2 },
      affinity: { anti: { type: { default: 'requiredDuringSchedulingIgnoredDuringExecution' } } },
      tolerations: { barbican: controlPlaneTolerations },
    },
    network: { api: { ingress: { classes: openstackIngressClasses } } },
    endpoints: { oslo_messaging: { statefulset: { name: 'osh-openstack-rabbitmq-rabbitmq' } } },
    conf: {
      barbican: {
        barbican_api: { bind_host: '::' },
        oslo_concurrency: { lock_path: '/var/lib/oslo-lock' },
        database: { max_retries: -1, connection: '' },
        keystone_authtoken: internalKeystoneAuthtoken,
      },
    },
  };
}
