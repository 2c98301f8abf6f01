import { hostUuid } from '../../lib/profile/derived';
import { Host } from '../../lib/profile/profile';
import { defineRelease, NO_WAIT, storageClassCheck } from '../define';
import { Value, Values } from '../../lib/engine/values';
import { novaStaticValues } from '../../overrides/nova';
import { credential } from '../../overrides/credentials';
import {
  CA_PATH,
  certificates,
  groupHosts,
  hostPathMounts,
  identityAuth,
  notificationUrl,
  osloCache,
  osloDbAuth,
  osloMessaging,
  OVMF_MOUNTS,
  publicEndpoint,
  publicHost,
  rangeSet,
  rookImages,
} from '../../overrides/system';
import { DeploymentContext } from '../../lib/profile/context';
import { urlHost } from '../../lib/profile/addresses';
import { vfAddresses } from '../../lib/profile/interfaces';
import {
  cephFsid,
  cinderUsesCeph,
  crushRule,
  novaEphemeral,
  NovaEphemeral,
  novaNfs,
  novaNfsMounted,
  novaPvc,
  sanStorageConfigured,
  storageClass,
  storageSelection,
} from '../../lib/profile/storage';

export const nova = defineRelease({
  name: 'nova',
  dependsOn: ['placement'],
  ...NO_WAIT,
  checks: (ctx, values) => [
    ...storageClassCheck('nova', ['storage_conf', 'pvc', 'volume', 'class_name'], 'storage.selection.nova.pvc', false)(ctx, values),
    // With the NFS share mounted too the PVC leaves are replaced, but the platform still refuses
    // a pvc choice that resolves no StorageClass.
    ...(novaEphemeral(ctx) === 'pvc' &&
    novaNfsMounted(ctx) &&
    storageClass(ctx, 'nova', storageSelection(ctx, 'nova').pvc?.priority ?? ['netapp-nfs']) === null
      ? [
          {
            field: 'storage.selection.nova.pvc',
            message: 'no StorageClass resolves for the nova volume (expected an available backend in storage.selection.nova.pvc.priority)',
          },
        ]
      : []),
  ],
  staticValues: novaStaticValues,
  systemValues: novaSystemValues,
});

// -- Per-host compute configuration (spec §3.10.1) --------------------------------------------------------

/** Python's `json.dumps` layout (`", "` and `": "` separators), keys in the given order. */
function pythonJson(entries: ReadonlyArray<[string, string]>): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
}

/** `pci.passthrough_whitelist` entries: passthrough interfaces, enabled PCI devices, then SR-IOV VFs. */
function pciWhitelist(host: Host): string[] {
  const devices: string[] = [];
  for (const iface of host.interfaces) {
    if (iface.class === 'pci-passthrough' && iface.port) {
      devices.push(
        pythonJson([
          ['address', iface.port.pciAddress],
          ['physical_network', iface.datanetworks.join(',')],
        ]),
      );
    }
  }
  for (const device of host.pciDevices) if (device.enabled) devices.push(pythonJson([['address', device.address]]));
  const vfs = vfAddresses(host);
  for (const iface of host.interfaces) {
    if (iface.class !== 'pci-sriov') continue;
    for (const address of vfs.get(iface.name) ?? [])
      devices.push(
        pythonJson([
          ['address', address],
          ['physical_network', iface.datanetworks.join(',')],
        ]),
      );
  }
  return devices;
}

const RBD_IMAGES: Values = { images_type: 'rbd', images_rbd_pool: 'ephemeral', images_rbd_ceph_conf: '/etc/ceph/ceph.conf' };

/** Where a compute host's RBD ephemeral disks go: the pool and the ceph conf file of its cluster. */
interface RbdTarget {
  readonly pool: string;
  readonly cephConf: string;
}

/** One compute host's `conf` (its `nova` section). */
function computeHostConf(host: Host, ephemeral: NovaEphemeral, rbd: RbdTarget): Values {
  const numa = host.numa ?? [];
  const DEFAULT: Values = {};
  if (numa.length > 0) {
    const values = numa.flatMap((n) => [
      `node:${n.node},size:4,count:${n.platformReservedMiB * 256}`,
      `node:${n.node},size:${n.vswitchHugepageSizeMiB * 1024},count:${n.vswitchHugepageCount}`,
    ]);
    DEFAULT.reserved_huge_pages = { type: 'multistring', values };
  }
  DEFAULT.reserved_host_memory_mb = numa.reduce(
    (sum, n) => sum + n.platformReservedMiB + n.vswitchHugepageSizeMiB * n.vswitchHugepageCount,
    0,
  );

  // CPU sets carry literal double quotes (§6-11); no CPU data gives a real null (§6-12).
  const compute: Value = host.cpus
    ? { cpu_shared_set: `"${rangeSet(host.cpus.application)}"`, cpu_dedicated_set: `"${rangeSet(host.cpus.isolated)}"` }
    : null;
  const remoteStorage = host.labels['remote-storage'] === 'enabled';
  const libvirt: Values =
    ephemeral === 'ceph' || remoteStorage
      ? { ...RBD_IMAGES, images_rbd_pool: rbd.pool, images_rbd_ceph_conf: rbd.cephConf }
      : { images_type: 'default' };
  const whitelist = pciWhitelist(host);
  const pci: Value = whitelist.length > 0 ? { passthrough_whitelist: { type: 'multistring', values: whitelist } } : null;
  return { nova: { DEFAULT, compute, libvirt, pci } };
}

// -- System values ------------------------------------------------------------------------------------------

/** Nova's system values (spec §3.10). */
function novaSystemValues(ctx: DeploymentContext): Values {
  const { profile, derived } = ctx;
  const C = derived.controllers;
  const https = derived.https;
  const ceph = profile.storage.ceph;
  const fsid = cephFsid(ctx);
  const cephEnabled = cinderUsesCeph(ctx);
  const subnet = profile.network.clusterHost.subnet;
  const ephemeral = novaEphemeral(ctx);
  // An external ceph cluster serving nova holds the hosts' ephemeral disks (per host only; the
  // global RBD settings keep the internal pool, as the platform writes them).
  const externalPool = ceph.kind !== 'none' ? ceph.externalEphemeralPool : undefined;
  // Its conf file is read from /etc/ceph/ under its base name, by the hosts and the global settings alike.
  const externalConf = ceph.kind !== 'none' ? ceph.externalCephConf : undefined;
  const cephConf = externalConf ? `/etc/ceph/${externalConf}` : '/etc/ceph/ceph.conf';
  const multipath = sanStorageConfigured(ctx);

  const proto = https ? 'https' : 'http';
  const novncHost = publicHost(ctx, 'novncproxy');
  // Bracketing follows the cluster-service family, not the OAM address family (as the original).
  const oam = urlHost(profile.network.oam.floatingAddress, derived.primaryIPv6);
  const novncproxyBaseUrl = novncHost ? `${proto}://${novncHost}/vnc_auto.html` : `${proto}://${oam}:30680/vnc_auto.html`;

  const ephemeralStorage: Values =
    ceph.kind === 'host' || (ceph.kind === 'rook' && cephEnabled)
      ? {
          type: 'rbd',
          rbd_pools: [
            {
              rbd_pool_name: 'ephemeral',
              rbd_user: 'cinder',
              rbd_crush_rule: crushRule(ctx),
              rbd_replication: derived.cephReplication,
              rbd_chunk_size: 0,
            },
          ],
        }
      : {};
  const cephCinder: Values = !cephEnabled ? { keyring: 'null', secret_uuid: 'null', user: 'null' } : fsid ? { secret_uuid: fsid } : {};

  // §6-2: virt_type is kept even when ceph is enabled with an fsid (the original drops it).
  const libvirt: Values = {
    virt_type: profile.system.virtual ? 'qemu' : 'kvm',
    ...(cephEnabled && fsid ? { rbd_secret_uuid: fsid } : {}),
    volume_use_multipath: multipath,
    ...(ephemeral === 'ceph' ? { ...RBD_IMAGES, images_rbd_ceph_conf: cephConf, rbd_user: 'cinder' } : {}),
  };

  const pvc = ephemeral === 'pvc' ? novaPvc(ctx) : undefined;
  const nfs = novaNfsMounted(ctx) ? novaNfs(ctx) : undefined;
  const pvcSelection = storageSelection(ctx, 'nova').pvc;
  // The plugin writes the NFS share last, replacing `storage_conf` and the instances path.
  const instancesPath = nfs?.instancesPath ?? pvc?.instancesPath;

  const cafile = https
    ? Object.fromEntries(
        ['keystone_authtoken', 'cinder', 'glance', 'keystone', 'neutron', 'placement', 'ironic'].map((s) => [s, { cafile: CA_PATH }]),
      )
    : {};
  const hosts = groupHosts(
    derived.computeHosts.map((h) => ({
      hostname: h.hostname,
      conf: computeHostConf(h, ephemeral, { pool: externalPool ?? 'ephemeral', cephConf }),
    })),
  );

  const storageConf: Values = nfs
    ? { nfs_shares: { server: nfs.server, path: nfs.path, enabled: true } }
    : {
        ...(pvc
          ? {
              pvc: {
                enabled: true,
                name: pvc.name,
                volume: {
                  class_name: pvc.className,
                  ...(pvcSelection?.size ? { size: pvcSelection.size } : {}),
                  ...(pvcSelection?.accessModes ? { access_modes: [...pvcSelection.accessModes] } : {}),
                },
              },
            }
          : {}),
      };
  const dbAuth = () => ({ auth: osloDbAuth(['nova']) });

  return {
    pod: {
      replicas: { api_metadata: C, placement: C, osapi: C, conductor: C, consoleauth: C, scheduler: C, novncproxy: C },
      // nova-compute's home (/root) is a host folder, so it outlives the pod.
      mounts: { nova_compute: { nova_compute: hostPathMounts([...OVMF_MOUNTS, ['userhome', '/var/lib/nova-user-home', '/root']]) } },
    },
    manifests: { statefulset_compute_ironic: ctx.enabled.has('ironic'), ...certificates(ctx) },
    network: {
      ssh: {
        enabled: 'true', // a string, as the original writes it (§6-11)
        private_key: credential.novaSshPrivateKey(),
        public_key: credential.novaSshPublicKey(),
        ...(subnet ? { from_subnet: subnet } : {}),
      },
      novncproxy: { node_port: { enabled: !profile.endpoints.domain } },
    },
    ceph_client: { user_secret_name: 'ceph-admin' },
    hosts_uuids: derived.computeHosts.map((h) => ({ name: h.hostname, uuid: hostUuid(profile, h) })),
    conf: {
      enable_iscsi: multipath,
      ceph: {
        enabled: cephEnabled,
        ephemeral_storage: ephemeralStorage,
        admin_keyring: ceph.kind === 'rook' && cephEnabled ? credential.cephAdminKeyring() : 'null',
        cinder: cephCinder,
      },
      nova: {
        ...(instancesPath ? { DEFAULT: { instances_path: instancesPath } } : {}),
        libvirt,
        workarounds: { skip_cpu_compare_on_dest: true },
        vnc: { novncproxy_base_url: novncproxyBaseUrl },
        oslo_messaging_notifications: { transport_url: notificationUrl('/nova') },
        ...cafile,
        // After cafile, which has its own neutron section on https.
        neutron: { ...(cafile.neutron as Values | undefined), metadata_proxy_shared_secret: credential.metadataProxySharedSecret() },
      },
      ...(subnet ? { libvirt: { live_migration_network_cidr: subnet }, hypervisor: { host_network_cidr: subnet } } : {}),
      overrides: { nova_compute: { hosts } },
    },
    ...(ephemeral === 'ceph'
      ? { rbd_pool: { replication: derived.cephReplication, crush_rule: crushRule(ctx), chunk_size: 0, app_name: 'ephemeral' } }
      : {}),
    ...(Object.keys(storageConf).length > 0 ? { storage_conf: storageConf } : {}),
    ...(https ? { secrets: { tls: { compute_metadata: { metadata: { public: 'nova-tls-public' } } } } } : {}),
    endpoints: {
      identity: { name: 'keystone', auth: identityAuth(ctx, 'nova', ['nova'], ['neutron', 'ironic', 'placement', 'cinder', 'service']) },
      compute: publicEndpoint(ctx, 'nova-api-internal'),
      compute_novnc_proxy: publicEndpoint(ctx, 'novncproxy'),
      oslo_cache: osloCache(),
      oslo_messaging: osloMessaging(ctx, ['nova']),
      oslo_db: dbAuth(),
      oslo_db_api: dbAuth(),
      oslo_db_cell0: dbAuth(),
    },
    ...rookImages(ctx, ['nova_service_cleaner', 'nova_storage_init']),
  };
}
