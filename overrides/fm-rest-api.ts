import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import { openstackIngressClasses } from './blocks';
import { controlPlaneLabels, controlPlaneTolerations, internalKeystoneAuthtoken } from './common';

/** Static values of fm-rest-api: the StarlingX settings applied over the chart defaults. */
export function fmRestApiStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-fm-rest-api',
    pod: {
      labels: { include_app_kubernetes_io: false },
      affinity: { anti: { type: { default: 'requiredDuringSchedulingIgnoredDuringExecution' } } },
      tolerations: { fm: controlPlaneTolerations },
      resources: { enabled: true, fm: { requests: { 'ephemeral-storage': '20000Ki' } } },
    },
    network: { faultmanagement: { ingress: { classes: openstackIngressClasses } } },
    labels: controlPlaneLabels,
    images: {
      tags: {
        fm_rest_api: img.fmRestApi,
        ks_user: img.openstackclients,
        ks_service: img.heat,
        ks_endpoints: img.heat,
        fm_db_sync: img.fmRestApi,
        db_init: img.heat,
        db_drop: img.heat,
        pre_apply_cleanup: img.vaultManager,
        dep_check: img.kubernetesEntrypoint,
      },
    },
    conf: { fm: { api: { bind_host: '::' }, keystone_authtoken: internalKeystoneAuthtoken } },
  };
}
