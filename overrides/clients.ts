import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';

/** Static values of clients: the StarlingX settings applied over the chart defaults. */
export function clientsStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-clients',
    labels: { isApplication: false },
    images: {
      tags: {
        openstack_clients: img.openstackclients,
        bootstrap: img.heat,
        pre_apply_cleanup: img.vaultManager,
        host_ceph_config_helper: img.cephConfigHelper,
        rook_ceph_config_helper: img.cephConfigHelperJammy,
        dep_check: img.kubernetesEntrypoint,
      },
    },
    pod: {
      labels: { include_app_kubernetes_io: false },
      tolerations: {
        clients: {
          enabled: true,
          tolerations: [
            {
              key: 'node-role.kubernetes.io/master',
              operator: 'Exists',
              effect: 'NoSchedule',
            },
            {
              key: 'node-role.kubernetes.io/control-plane',
              operator: 'Exists',
              effect: 'NoSchedule',
            },
          ],
        },
      },
      resources: { enabled: true },
    },
  };
}
