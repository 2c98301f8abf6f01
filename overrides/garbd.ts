import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';

/** Static values of garbd: the StarlingX settings applied over the chart defaults. */
export function garbdStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-garbd',
    labels: {
      isApplication: false,
      server: { node_selector_key: 'openstack-compute-node', node_selector_value: 'enabled' },
    },
    pod: {
      labels: { include_app_kubernetes_io: false },
      tolerations: {
        garbd: {
          enabled: true,
          tolerations: [
            {
              key: 'node-role.kubernetes.io/control-plane',
              operator: 'Exists',
              effect: 'NoSchedule',
            },
            { key: 'openstack-compute-node', operator: 'Exists', effect: 'NoSchedule' },
          ],
        },
      },
    },
    images: {
      tags: {
        garbd: img.stxMariadb,
        pre_apply_cleanup: img.vaultManager,
        image_repo_sync: null,
        dep_check: img.kubernetesEntrypoint,
      },
    },
  };
}
