import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import {
  controlPlaneNode,
  defaultJobResources,
  internalEndpoints,
  internalServices,
  localImageRegistryDependency,
  probe,
  readOnlyContainer,
  rootContainer,
  securityContext,
} from './blocks';
import {
  controlPlaneTolerations,
  localImageRegistryEndpoint,
  prometheusEndpoint,
  kubeDnsEndpointWithTcp,
  publicIngress,
  requiredAntiAffinity,
  rollingUpdateUpgrades,
} from './common';
import { ociImageRegistryEndpoint } from './endpoints';

/** Static values of rabbitmq: the StarlingX settings applied over the chart defaults. */
export function rabbitmqStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-rabbitmq',
    labels: {
      isApplication: false,
      server: controlPlaneNode,
      test: controlPlaneNode,
      jobs: controlPlaneNode,
    },
    images: {
      tags: {
        prometheus_rabbitmq_exporter: null,
        prometheus_rabbitmq_exporter_helm_tests: null,
        rabbitmq_init: img.heat,
        rabbitmq: img.rabbitmq,
        dep_check: img.kubernetesEntrypoint,
        scripted_test: img.rabbitmqManagement,
        image_repo_sync: null,
        pre_apply_cleanup: img.vaultManager,
      },
      pull_policy: 'IfNotPresent',
      local_registry: { active: false, exclude: ['dep_check', 'image_repo_sync'] },
    },
    forceBoot: { enabled: true },
    pod: {
      labels: { include_app_kubernetes_io: false },
      probes: {
        rabbitmq: {
          rabbitmq: {
            startup: probe({
              initialDelaySeconds: 10,
              periodSeconds: 10,
              timeoutSeconds: 5,
              failureThreshold: 30,
            }),
            readiness: probe({
              initialDelaySeconds: 10,
              periodSeconds: 30,
              timeoutSeconds: 10,
              successThreshold: 1,
              failureThreshold: 3,
            }),
            liveness: probe({
              initialDelaySeconds: 60,
              periodSeconds: 30,
              timeoutSeconds: 10,
              successThreshold: 1,
              failureThreshold: 5,
            }),
          },
        },
      },
      security_context: {
        server: securityContext(999, {
          rabbitmq_password: rootContainer,
          rabbitmq_cookie: rootContainer,
          rabbitmq_perms: rootContainer,
          rabbitmq: {
            allowPrivilegeEscalation: false,
            runAsUser: 999,
            readOnlyRootFilesystem: false,
          },
        }),
        cluster_wait: securityContext(999, {
          rabbitmq_cluster_wait: readOnlyContainer,
          rabbitmq_cookie: readOnlyContainer,
        }),
        test: securityContext(999, { rabbitmq_test: readOnlyContainer }),
      },
      affinity: requiredAntiAffinity,
      tolerations: { rabbitmq: controlPlaneTolerations },
      replicas: { server: 2 },
      lifecycle: {
        upgrades: rollingUpdateUpgrades,
        disruption_budget: { mariadb: { min_available: 0 } },
      },
      resources: {
        enabled: false,
        server: {
          limits: { memory: '128Mi', cpu: '500m' },
          requests: { memory: '128Mi', cpu: '500m' },
        },
        jobs: { tests: defaultJobResources, image_repo_sync: defaultJobResources },
      },
    },
    conf: {
      enabled_plugins: ['rabbitmq_management', 'rabbitmq_peer_discovery_k8s', 'rabbitmq_prometheus'],
      bind_address: '::',
      rabbitmq: {
        listeners: { tcp: { '1': null } },
        cluster_formation: {
          peer_discovery_backend: 'rabbit_peer_discovery_k8s',
          k8s: { address_type: 'hostname' },
          node_cleanup: { interval: '10', only_log_warning: 'true' },
        },
        cluster_partition_handling: 'autoheal',
        queue_master_locator: 'min-masters',
        'loopback_users.guest': 'false',
        'management.load_definitions': '/var/lib/rabbitmq/definitions.json',
      },
      rabbit_additonal_conf: { 'management.listener.ip': '::', 'management.listener.port': null },
      rabbit_advanced_config: { enabled: false, default_consumer_prefetch: 250 },
      feature_flags: 'all',
      users: {},
      aux_conf: {},
    },
    dependencies: {
      dynamic: {
        common: {
          local_image_registry: localImageRegistryDependency('rabbitmq-image-repo-sync'),
        },
      },
      static: {
        rabbitmq: { jobs: null },
        tests: {
          services: internalEndpoints('oslo_messaging'),
          jobs: 'cluster_wait',
        },
        cluster_wait: internalServices('oslo_messaging'),
        image_repo_sync: internalServices('local_image_registry'),
      },
    },
    monitoring: { prometheus: { enabled: true, rabbitmq: { scrape: true } } },
    network: { host_namespace: false, management: { ingress: publicIngress } },
    secrets: {
      oci_image_registry: { rabbitmq: 'rabbitmq-oci-image-registry-key' },
      tls: { oslo_messaging: { server: { internal: 'rabbitmq-tls-direct' } } },
    },
    endpoints: {
      cluster_domain_suffix: 'cluster.local',
      local_image_registry: localImageRegistryEndpoint,
      oci_image_registry: ociImageRegistryEndpoint('rabbitmq'),
      monitoring: prometheusEndpoint,
      oslo_messaging: {
        auth: {
          erlang_cookie: 'openstack-cookie',
          user: { username: 'rabbitmq', password: 'password' },
          guest: { password: 'password' },
        },
        hosts: { default: 'rabbitmq', public: null },
        host_fqdn_override: { default: null },
        path: '/',
        scheme: 'rabbit',
        port: {
          clustering: { default: null },
          amqp: { default: 5672 },
          http: { default: 15672, public: 80 },
          metrics: { default: 15692 },
        },
      },
      kube_dns: kubeDnsEndpointWithTcp,
    },
    network_policy: { rabbitmq: { ingress: [{}], egress: [{}] } },
    volume: {
      use_local_path: { enabled: false, host_path: '/var/lib/rabbitmq' },
      chown_on_start: true,
      enabled: true,
      class_name: 'general',
      size: '1Gi',
    },
    helm3_hook: false,
    io_thread_pool: { enabled: false, size: 64 },
    storage_conf: {
      volume_storage_class_priority: ['ceph', 'netapp-nfs', 'netapp-iscsi', 'netapp-fc'],
    },
    manifests: {
      certificates: false,
      configmap_bin: true,
      configmap_etc: true,
      config_ipv6: false,
      ingress_management: true,
      job_pre_apply_cleanup: true,
      job_cluster_wait: true,
      job_image_repo_sync: true,
      monitoring: { prometheus: { configmap_bin: false } },
      network_policy: false,
      pod_test: true,
      secret_admin_user: true,
      secret_erlang_cookie: true,
      secret_registry: true,
      service_discovery: true,
      service_ingress_management: true,
      service: true,
      statefulset: true,
    },
  };
}
