import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import { openstackIngressClasses } from './blocks';
import { controlPlaneTolerations, internalKeystoneAuthtokenInterface } from './common';

/** Static values of nova-api-proxy: the StarlingX settings applied over the chart defaults. */
export function novaApiProxyStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-nova-api-proxy',
    labels: { isApplication: false },
    images: {
      tags: {
        nova_api_proxy: img.novaApiProxy,
        ks_endpoints: img.heat,
        pre_apply_cleanup: img.vaultManager,
        dep_check: img.kubernetesEntrypoint,
      },
    },
    network: { api_proxy: { ingress: { classes: openstackIngressClasses } } },
    pod: {
      labels: { include_app_kubernetes_io: false },
      affinity: { anti: { type: { default: 'requiredDuringSchedulingIgnoredDuringExecution' } } },
      tolerations: { nova_api_proxy: controlPlaneTolerations, nova: controlPlaneTolerations },
      resources: { enabled: true, api_proxy: { requests: { 'ephemeral-storage': '10000Ki' } } },
    },
    conf: {
      nova_api_proxy: {
        DEFAULT: {
          osapi_proxy_listen: '::',
          nfvi_compute_listen: '::',
          osapi_compute_listen: 'nova-api.openstack.svc.cluster.local',
          osapi_compute_listen_port: 8774,
        },
        keystone_authtoken: internalKeystoneAuthtokenInterface,
      },
    },
  };
}
