import { defineRelease, NO_WAIT } from '../define';
import { Values } from '../../lib/engine/values';
import { libvirtStaticValues } from '../../overrides/libvirt';
import { credential } from '../../overrides/credentials';
import { DeploymentContext } from '../../lib/profile/context';
import { hostPathMounts, OVMF_MOUNTS, rookImages } from '../../overrides/system';
import { cephFsid, cinderUsesCeph, novaEphemeral, novaNfs, novaNfsMounted, novaPvc } from '../../lib/profile/storage';

export const libvirt = defineRelease({
  name: 'libvirt',
  dependsOn: ['placement'],
  ...NO_WAIT,
  staticValues: libvirtStaticValues,
  systemValues: libvirtSystemValues,
});

/** Libvirt's system values (spec §3.11): ceph wiring as nova's, plus nova's ephemeral share or PVC. */
function libvirtSystemValues(ctx: DeploymentContext): Values {
  const ceph = ctx.profile.storage.ceph;
  const fsid = cephFsid(ctx);
  const cephEnabled = cinderUsesCeph(ctx);
  const ephemeral = novaEphemeral(ctx);

  let storageConf: Values = {};
  if (ephemeral === 'pvc') {
    const pvc = novaPvc(ctx);
    storageConf.pvc = { enabled: true, name: pvc.name, instances_path: pvc.instancesPath };
  }
  if (novaNfsMounted(ctx)) {
    // Written last by the plugin, replacing `storage_conf` (a PVC entry included).
    const nfs = novaNfs(ctx);
    storageConf = { nfs_shares: { enabled: true, server: nfs.server, path: nfs.path, instances_path: nfs.instancesPath } };
  }

  return {
    pod: {
      mounts: { libvirt: { libvirt: hostPathMounts(OVMF_MOUNTS) } },
    },
    conf: {
      qemu: {
        user: 'root',
        group: 'root',
        cgroup_controllers: ['cpu', 'cpuacct', 'cpuset', 'freezer', 'net_cls', 'perf_event'],
        namespaces: [],
        clear_emulator_capabilities: 0,
      },
      ceph: {
        enabled: cephEnabled,
        admin_keyring: ceph.kind === 'rook' && cephEnabled ? credential.cephAdminKeyring() : 'null',
        cinder: !cephEnabled ? { external_ceph: { enabled: false }, keyring: 'null' } : fsid ? { secret_uuid: fsid } : {},
      },
    },
    ...(Object.keys(storageConf).length > 0 ? { storage_conf: storageConf } : {}),
    ...rookImages(ctx, ['ceph_config_helper']),
  };
}
