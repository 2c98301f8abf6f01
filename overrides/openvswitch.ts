import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import { chartImages, defaultJobResources, internalServices, localImageRegistryDependency, probe, securityContext } from './blocks';
import { controlPlaneTolerations, localImageRegistryEndpoint, imageRepoSyncJobResources, kernelModulesSecurityContext } from './common';
import { ociImageRegistryEndpoint } from './endpoints';

/** Static values of openvswitch: the StarlingX settings applied over the chart defaults. */
export function openvswitchStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-openvswitch',
    images: chartImages(img, {
      openvswitch_db_server: img.ovs,
      openvswitch_vswitchd: img.ovs,
    }),
    labels: {
      isApplication: false,
      ovs: { node_selector_key: 'openvswitch', node_selector_value: 'enabled' },
    },
    pod: {
      labels: { include_app_kubernetes_io: false },
      tini: { enabled: true },
      tolerations: { openvswitch: controlPlaneTolerations },
      probes: {
        ovs: {
          ovs_db: {
            liveness: probe({ initialDelaySeconds: 60, periodSeconds: 30, timeoutSeconds: 5 }),
            readiness: probe({ initialDelaySeconds: 90, periodSeconds: 30, timeoutSeconds: 5 }),
          },
          ovs_vswitch: {
            liveness: probe({ initialDelaySeconds: 60, periodSeconds: 30, timeoutSeconds: 5 }),
            readiness: probe({ failureThreshold: 3, periodSeconds: 10, timeoutSeconds: 1 }),
          },
        },
      },
      security_context: {
        ovs: securityContext(42424, {
          perms: {
            runAsUser: 0,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
          },
          server: {
            runAsUser: 42424,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
          },
          modules: kernelModulesSecurityContext,
          vswitchd: {
            runAsUser: 0,
            capabilities: { add: ['NET_ADMIN'] },
            readOnlyRootFilesystem: true,
          },
        }),
      },
      dns_policy: 'ClusterFirstWithHostNet',
      lifecycle: {
        upgrades: {
          daemonsets: {
            pod_replacement_strategy: 'RollingUpdate',
            ovs: { enabled: true, min_ready_seconds: 0, max_unavailable: 1 },
          },
        },
      },
      resources: {
        enabled: false,
        ovs: { db: defaultJobResources, vswitchd: defaultJobResources },
        jobs: imageRepoSyncJobResources,
      },
      user: { nova: { uid: 42424 } },
    },
    secrets: { oci_image_registry: { openvswitch: 'openvswitch-oci-image-registry-key' } },
    endpoints: {
      cluster_domain_suffix: 'cluster.local',
      local_image_registry: localImageRegistryEndpoint,
      oci_image_registry: ociImageRegistryEndpoint('openvswitch'),
    },
    network_policy: { openvswitch: { ingress: [{}], egress: [{}] } },
    dependencies: {
      dynamic: {
        common: {
          local_image_registry: localImageRegistryDependency('openvswitch-image-repo-sync'),
        },
      },
      static: { ovs: null, image_repo_sync: internalServices('local_image_registry') },
    },
    manifests: {
      configmap_bin: true,
      daemonset: true,
      daemonset_ovs_vswitchd: true,
      job_pre_apply_cleanup: true,
      job_image_repo_sync: true,
      network_policy: false,
      secret_registry: true,
    },
    openvswitch: { extraContainers: [] },
    conf: {
      poststart: { timeout: 5, rootUser: 'root', extraCommand: null },
      openvswitch_db_server: { ptcp_port: null },
      ovs_other_config: { handler_threads: null, revalidator_threads: null },
      ovs_hw_offload: { enabled: false },
      ovs_dpdk: { enabled: false },
      ovs_user_name: 'openvswitch:openvswitch',
    },
  };
}
