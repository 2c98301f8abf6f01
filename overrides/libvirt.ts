import { Values } from '../lib/engine/values';
import { configText } from './config-files';
import { ImageRefs } from './images';
import { defaultJobResources, internalServices, localImageRegistryDependency, probe, securityContext } from './blocks';
import {
  controlPlaneTolerations,
  afterNetworkAgentsOnNode,
  localImageRegistryEndpoint,
  imageRepoSyncJobResources,
  preferredAntiAffinity,
  cephCinderClient,
} from './common';
import { ociImageRegistryEndpoint } from './endpoints';

/** Static values of libvirt: the StarlingX settings applied over the chart defaults. */
export function libvirtStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-libvirt',
    labels: {
      isApplication: false,
      agent: {
        libvirt: { node_selector_key: 'openstack-compute-node', node_selector_value: 'enabled' },
      },
    },
    images: {
      tags: {
        libvirt: img.libvirt,
        ceph_config_helper: img.cephConfigHelper,
        dep_check: img.kubernetesEntrypoint,
        image_repo_sync: null,
        kubectl: null,
        pre_apply_cleanup: img.vaultManager,
      },
      pull_policy: 'IfNotPresent',
      local_registry: { active: false, exclude: ['dep_check', 'image_repo_sync'] },
    },
    network: { backend: ['openvswitch'] },
    endpoints: {
      cluster_domain_suffix: 'cluster.local',
      local_image_registry: localImageRegistryEndpoint,
      oci_image_registry: ociImageRegistryEndpoint('libvirt'),
    },
    network_policy: { libvirt: { ingress: [{}], egress: [{}] } },
    ceph_client: { configmap: 'ceph-etc', user_secret_name: 'cinder-volume-rbd-keyring' },
    conf: {
      ceph: {
        enabled: true,
        admin_keyring: null,
        cinder: {
          ...cephCinderClient,
          external_ceph: { enabled: false, user: null, secret_uuid: null, user_secret_name: null },
        },
      },
      libvirt: {
        listen_tcp: '1',
        listen_tls: '0',
        auth_tcp: 'none',
        ca_file: '/etc/pki/CA/cacert.pem',
        cert_file: '/etc/pki/libvirt/servercert.pem',
        key_file: '/etc/pki/libvirt/private/serverkey.pem',
        auth_unix_rw: 'none',
        listen_addr: '${LISTEN_IP_ADDRESS}',
        log_level: '3',
        log_outputs: '1:file:/var/log/libvirt/libvirtd.log',
      },
      dynamic_options: { libvirt: { listen_interface: null, listen_address: null }, script: libvirtDynamicOptionsScript },
      qemu: {
        vnc_tls: '0',
        vnc_tls_x509_verify: '0',
        stdio_handler: 'file',
        user: 'nova',
        group: 'kvm',
      },
      kubernetes: {
        cgroup: 'k8s-infra',
        cgroup_controllers: ['blkio', 'cpu', 'devices', 'freezer', 'hugetlb', 'memory', 'net_cls', 'perf_event', 'rdma', 'misc', 'pids'],
      },
      init_modules: { enabled: false },
      vencrypt: { issuer: { kind: 'ClusterIssuer', name: 'ca-clusterissuer' } },
      hooks: { enabled: false, scripts: {} },
    },
    pod: {
      labels: { include_app_kubernetes_io: false },
      probes: {
        libvirt: {
          libvirt: {
            liveness: probe({ initialDelaySeconds: 30, periodSeconds: 60, timeoutSeconds: 5 }),
            readiness: probe({ initialDelaySeconds: 15, periodSeconds: 60, timeoutSeconds: 5 }),
          },
        },
      },
      security_context: {
        libvirt: securityContext(0, {
          ceph_admin_keyring_placement: { readOnlyRootFilesystem: false },
          ceph_keyring_placement: { readOnlyRootFilesystem: false },
          libvirt: { privileged: true, readOnlyRootFilesystem: false },
          libvirt_init_modules: {
            readOnlyRootFilesystem: true,
            privileged: true,
            capabilities: { drop: ['ALL'] },
          },
          init_dynamic_options: {
            runAsUser: 65534,
            runAsNonRoot: true,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
          },
        }),
      },
      affinity: preferredAntiAffinity,
      tolerations: { libvirt: controlPlaneTolerations },
      dns_policy: 'ClusterFirstWithHostNet',
      mounts: { libvirt: { init_container: null, libvirt: null } },
      lifecycle: {
        upgrades: {
          daemonsets: {
            pod_replacement_strategy: 'RollingUpdate',
            libvirt: { enabled: true, min_ready_seconds: 0, max_unavailable: 1 },
          },
        },
      },
      resources: { enabled: false, libvirt: defaultJobResources, jobs: imageRepoSyncJobResources },
    },
    dependencies: {
      dynamic: {
        common: {
          local_image_registry: localImageRegistryDependency('libvirt-image-repo-sync'),
        },
        targeted: afterNetworkAgentsOnNode('libvirt'),
      },
      static: {
        libvirt: { services: null },
        image_repo_sync: internalServices('local_image_registry'),
      },
    },
    storage_conf: {
      nfs_shares: {
        enabled: false,
        server: '127.0.0.1',
        path: '/openstack_instances',
        instances_path: '/var/lib/instances',
      },
      pvc: { enabled: false, name: 'nova-instances', instances_path: '/var/lib/instances' },
    },
    manifests: {
      configmap_bin: true,
      configmap_etc: true,
      daemonset_libvirt: true,
      job_pre_apply_cleanup: true,
      job_image_repo_sync: true,
      network_policy: false,
      role_cert_manager: false,
      secret_registry: true,
    },
    secrets: {
      oci_image_registry: { libvirt: 'libvirt-oci-image-registry-key' },
      tls: { server: 'libvirt-tls-server', client: 'libvirt-tls-client' },
    },
    libvirt: { listen_addr: '::', extraContainers: [] },
  };
}

// -- Program texts: ours, from the chart's values contract; test/program-texts.test.ts runs them --

/**
 * `conf.dynamic_options.script`: the init container that writes /tmp/pod-shared/libvirtd.conf,
 * which the libvirt container mounts. `conf.libvirt` becomes the file (the chart's own
 * `libvirt.utils.to_libvirt_conf`), with `${LISTEN_IP_ADDRESS}` replaced by the address libvirt
 * listens on for live migration: the first address of `dynamic_options.libvirt.listen_interface`,
 * else `dynamic_options.libvirt.listen_address`, else (StarlingX leaves both unset)
 * `CLUSTER_HOST_IP`, which the chart sets from the pod's `status.hostIP` (the host's cluster-host
 * address on StarlingX), as StarlingX's own script does. IPv6 is written without brackets, as
 * libvirtd.conf wants. No address: the pod fails with the reason.
 */
export const libvirtDynamicOptionsScript = configText([
  '#!/bin/bash',
  'set -euo pipefail',
  '{{- $listen := .Values.conf.dynamic_options.libvirt }}',
  'interface={{ $listen.listen_interface | default "" | quote }}',
  'address={{ $listen.listen_address | default "" | quote }}',
  'out="${LIBVIRT_CONF_DIR:-/tmp/pod-shared}/libvirtd.conf"',
  '',
  'if [ -n "${interface}" ]; then',
  '  address="$(ip -o addr show dev "${interface}" scope global | awk \'{ sub(/\\/.*/, "", $4); print $4; exit }\' || true)"',
  'elif [ -z "${address}" ]; then',
  '  address="${CLUSTER_HOST_IP:-}"',
  'fi',
  'if [ -z "${address}" ]; then',
  '  echo "libvirt: no listen address (interface \'${interface}\', CLUSTER_HOST_IP unset)" >&2',
  '  exit 1',
  'fi',
  'export LISTEN_IP_ADDRESS="${address}"',
  'cat > "${out}" <<EOF',
  '{{ include "libvirt.utils.to_libvirt_conf" .Values.conf.libvirt }}',
  'EOF',
  'echo "libvirt: listening on ${LISTEN_IP_ADDRESS}"',
]);
