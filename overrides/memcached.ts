import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import { controlPlaneNode, internalServices, localImageRegistryDependency, probe } from './blocks';
import {
  controlPlaneTolerations,
  localImageRegistryEndpoint,
  imageRepoSyncJobResources,
  kubeDnsEndpointWithTcp,
  osloCacheEndpointNamespaced,
  preferredAntiAffinity,
  rollingUpdateUpgrades,
} from './common';
import { ociImageRegistryEndpoint } from './endpoints';

/** Static values of memcached: the StarlingX settings applied over the chart defaults. */
export function memcachedStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-memcached',
    conf: {
      memcached: { max_connections: 8192, memory: 1024, stats_cachedump: { enabled: true } },
    },
    dependencies: {
      dynamic: {
        common: {
          local_image_registry: localImageRegistryDependency('memcached-image-repo-sync'),
        },
      },
      static: {
        memcached: { jobs: null },
        image_repo_sync: internalServices('local_image_registry'),
      },
    },
    secrets: { oci_image_registry: { memcached: 'memcached-oci-image-registry-key' } },
    endpoints: {
      cluster_domain_suffix: 'cluster.local',
      local_image_registry: localImageRegistryEndpoint,
      oci_image_registry: ociImageRegistryEndpoint('memcached'),
      oslo_cache: osloCacheEndpointNamespaced,
      kube_dns: kubeDnsEndpointWithTcp,
    },
    network: { memcached: {} },
    network_policy: { memcached: { ingress: [{}], egress: [{}] } },
    images: {
      pull_policy: 'IfNotPresent',
      tags: {
        dep_check: img.kubernetesEntrypoint,
        memcached: img.memcached,
        prometheus_memcached_exporter: null,
        image_repo_sync: null,
        pre_apply_cleanup: img.vaultManager,
      },
      local_registry: { active: false, exclude: ['dep_check', 'image_repo_sync'] },
    },
    labels: {
      isApplication: false,
      server: controlPlaneNode,
      prometheus_memcached_exporter: controlPlaneNode,
    },
    memcached: { extraContainers: [], extraServicePorts: [] },
    manifests: {
      configmap_bin: true,
      statefulset: true,
      job_pre_apply_cleanup: true,
      job_image_repo_sync: true,
      network_policy: false,
      service: true,
      secret_registry: true,
    },
    pod: {
      labels: { include_app_kubernetes_io: false },
      security_context: {
        server: {
          pod: { runAsUser: 65534, runAsNonRoot: true, fsGroup: 65534 },
          container: {
            memcached: {
              allowPrivilegeEscalation: false,
              readOnlyRootFilesystem: true,
              capabilities: { drop: ['ALL'] },
            },
          },
        },
      },
      probes: {
        memcached: {
          memcached: {
            readiness: probe({ initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 5 }),
            liveness: probe({ initialDelaySeconds: 10, periodSeconds: 15, timeoutSeconds: 10 }),
          },
        },
      },
      affinity: preferredAntiAffinity,
      tolerations: { memcached: controlPlaneTolerations },
      lifecycle: {
        upgrades: rollingUpdateUpgrades,
        termination_grace_period: { memcached: { timeout: 30 } },
      },
      replicas: { server: 1 },
      resources: {
        enabled: false,
        memcached: {
          limits: { cpu: '2000m', memory: '1024Mi' },
          requests: { cpu: '500m', memory: '128Mi' },
        },
        jobs: imageRepoSyncJobResources,
      },
    },
  };
}
