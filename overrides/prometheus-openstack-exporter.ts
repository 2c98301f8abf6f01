import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import {
  controlPlaneNode,
  defaultJobResources,
  internalEndpoints,
  internalServices,
  keystoneUser,
  localImageRegistryDependency,
  readOnlyContainer,
  securityContext,
} from './blocks';
import {
  controlPlaneTolerations,
  localImageRegistryEndpoint,
  keystoneAdminUser,
  requiredAntiAffinityUnweighted,
  rollingUpdateUpgrades,
} from './common';
import { identityEndpoint, ociImageRegistryEndpoint } from './endpoints';

const ksUserContainer: Values = { prometheus_openstack_exporter_ks_user: readOnlyContainer };

/** Static values of prometheus-openstack-exporter: the StarlingX settings applied over the chart defaults. */
export function prometheusOpenstackExporterStaticValues(img: ImageRefs): Values {
  return {
    images: {
      tags: {
        prometheus_openstack_exporter: img.openstackExporter,
        dep_check: img.kubernetesEntrypoint,
        image_repo_sync: null,
        ks_user: img.openstackclients,
        pre_apply_cleanup: img.vaultManager,
      },
      pull_policy: 'IfNotPresent',
      local_registry: { active: false, exclude: ['dep_check', 'image_repo_sync'] },
    },
    labels: { isApplication: false, openstack_exporter: controlPlaneNode, job: controlPlaneNode },
    pod: {
      labels: { include_app_kubernetes_io: false },
      security_context: {
        exporter: securityContext(65534, { openstack_metrics_exporter: readOnlyContainer }),
        ks_user: securityContext(65534, ksUserContainer),
        clouds_yaml_gen: { container: ksUserContainer },
      },
      affinity: requiredAntiAffinityUnweighted,
      tolerations: { prometheus_openstack_exporter: controlPlaneTolerations },
      mounts: {
        prometheus_openstack_exporter: { prometheus_openstack_exporter: null, init_container: null },
      },
      replicas: { prometheus_openstack_exporter: 1 },
      lifecycle: {
        upgrades: rollingUpdateUpgrades,
        termination_grace_period: { prometheus_openstack_exporter: { timeout: 30 } },
      },
      resources: {
        enabled: false,
        prometheus_openstack_exporter: defaultJobResources,
        clouds_yaml_gen: defaultJobResources,
        jobs: { image_repo_sync: defaultJobResources, ks_user: defaultJobResources },
      },
    },
    dependencies: {
      dynamic: {
        common: {
          local_image_registry: localImageRegistryDependency('prometheus-openstack-exporter-image-repo-sync'),
        },
      },
      static: {
        image_repo_sync: internalServices('local_image_registry'),
        ks_user: internalServices('identity'),
        prometheus_openstack_exporter: {
          jobs: ['prometheus-openstack-exporter-ks-user'],
          services: internalEndpoints('identity'),
        },
      },
    },
    conf: {
      prometheus_openstack_exporter: { OS_POLLING_INTERVAL: 30, TIMEOUT_SECONDS: 20, OS_RETRIES: 1 },
    },
    secrets: {
      identity: {
        admin: 'prometheus-openstack-exporter-keystone-admin',
        user: 'prometheus-openstack-exporter-keystone-user',
      },
      oci_image_registry: {
        'prometheus-openstack-exporter': 'prometheus-openstack-exporter-oci-image-registry-key',
      },
      tls: { identity: { api: { internal: 'keystone-tls-api' } } },
    },
    endpoints: {
      cluster_domain_suffix: 'cluster.local',
      local_image_registry: localImageRegistryEndpoint,
      oci_image_registry: ociImageRegistryEndpoint('prometheus-openstack-exporter'),
      prometheus_openstack_exporter: {
        namespace: 'openstack',
        hosts: { default: 'openstack-metrics' },
        host_fqdn_override: { default: null },
        path: { default: null },
        scheme: { default: 'http' },
        port: { exporter: { default: 9180 } },
      },
      identity: identityEndpoint({
        admin: keystoneAdminUser,
        user: keystoneUser('prometheus-openstack-exporter', { role: 'admin', user_domain_name: 'default', project_domain_name: 'default' }),
      }),
    },
    monitoring: { prometheus: { enabled: true, openstack_exporter: { scrape: true } } },
    network: { openstack_metrics_exporter: { port: 9180 } },
    network_policy: { 'prometheus-openstack-exporter': { ingress: [{}], egress: [{}] } },
    manifests: {
      certificates: false,
      configmap_bin: true,
      deployment: true,
      job_pre_apply_cleanup: true,
      job_image_repo_sync: true,
      job_ks_user: true,
      network_policy: false,
      secret_keystone: true,
      secret_registry: true,
      service: true,
    },
    extraObjects: [],
  };
}
