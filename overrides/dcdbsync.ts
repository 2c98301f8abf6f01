import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';

/** Static values of dcdbsync: the StarlingX settings applied over the chart defaults. */
export function dcdbsyncStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-dcdbsync',
    labels: { isApplication: false },
    images: {
      tags: {
        dcdbsync: img.keystone,
        ks_endpoints: img.heat,
        pre_apply_cleanup: img.vaultManager,
        dep_check: img.kubernetesEntrypoint,
      },
    },
    pod: { labels: { include_app_kubernetes_io: false } },
  };
}
