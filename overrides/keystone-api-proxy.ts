import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import { openstackIngressClasses } from './blocks';

/** Static values of keystone-api-proxy: the StarlingX settings applied over the chart defaults. */
export function keystoneApiProxyStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-keystone-api-proxy',
    labels: { isApplication: false },
    images: {
      tags: {
        keystone_api_proxy: img.keystoneApiProxy,
        ks_endpoints: img.heat,
        pre_apply_cleanup: img.vaultManager,
        dep_check: img.kubernetesEntrypoint,
      },
    },
    network: { keystone_api_proxy: { ingress: { classes: openstackIngressClasses } } },
    conf: {
      keystone_api_proxy: {
        identity: {
          bind_host: '::',
          remote_host: 'keystone.openstack.svc.cluster.local',
          remote_port: 80,
        },
      },
    },
    pod: { labels: { include_app_kubernetes_io: false } },
  };
}
