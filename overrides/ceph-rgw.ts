import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import { controlPlaneNode, openstackIngressClasses } from './blocks';
import { controlPlaneTolerationList } from './common';

/** Static values of ceph-rgw: the StarlingX settings applied over the chart defaults. */
export function cephRgwStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-ceph-rgw',
    conf: { ceph: { global: { cephx: false } }, rgw_ks: { enabled: true } },
    endpoints: {
      object_store: {
        path: { default: '/swift/v1' },
        port: { api: { default: null, admin: 7480, internal: 7480, public: 7480 } },
      },
    },
    images: {
      tags: {
        ceph_config_helper: img.cephConfigHelper,
        ceph_rgw: null,
        ceph_rgw_pool: null,
        dep_check: img.kubernetesEntrypoint,
        image_repo_sync: null,
        ceph_bootstrap: null,
        ks_endpoints: img.heat,
        ks_service: img.heat,
        ks_user: img.openstackclients,
        rgw_placement_targets: img.cephConfigHelper,
        rgw_s3_admin: img.cephConfigHelper,
        pre_apply_cleanup: img.vaultManager,
      },
    },
    labels: {
      isApplication: false,
      api: controlPlaneNode,
      job: controlPlaneNode,
      registry: controlPlaneNode,
    },
    network: { api: { ingress: { classes: openstackIngressClasses } } },
    pod: {
      labels: { include_app_kubernetes_io: false },
      replicas: { api: 2, registry: 2 },
      affinity: { anti: { type: { default: 'requiredDuringSchedulingIgnoredDuringExecution' } } },
      tolerations: { rgw: { tolerations: controlPlaneTolerationList } },
    },
  };
}
