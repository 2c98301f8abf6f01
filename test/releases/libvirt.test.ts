/**
 * libvirt (docs/system-values.md §3.11): the assertions about this release's values and objects.
 */
import { libvirt } from '../../releases/libvirt';
import { aioSimplex, FSID, HOST_CEPH, NETAPP_NFS, NO_CEPH, releaseValues, ROOK_CEPH, ROOK_IMAGE, storage } from '../support/fixtures';
import { at, credentialAt, credentialPaths, has } from '../support/values-path';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const libvirtValues = releaseValues(libvirt);

expectReferenceFacts(libvirt, {
  releaseName: 'osh-openstack-libvirt',
  chartGroup: 'openstack-libvirt',
  chart: 'libvirt',
  dependsOn: ['placement'],
  install: true,
  disableWait: true,
  enabledByDefault: true,
});

describe('libvirt', () => {
  test('constant keys: OVMF mounts and qemu settings', () => {
    const v = libvirtValues(aioSimplex());
    expect(at(v, 'pod.mounts.libvirt.libvirt')).toEqual({
      volumes: [
        { name: 'ovmf', hostPath: { path: '/usr/share/OVMF' } },
        { name: 'qemu-ovmf', hostPath: { path: '/usr/share/qemu' } },
      ],
      volumeMounts: [
        { name: 'ovmf', mountPath: '/usr/share/OVMF' },
        { name: 'qemu-ovmf', mountPath: '/usr/share/qemu' },
      ],
    });
    expect(at(v, 'conf.qemu')).toEqual({
      user: 'root',
      group: 'root',
      cgroup_controllers: ['cpu', 'cpuacct', 'cpuset', 'freezer', 'net_cls', 'perf_event'],
      namespaces: [],
      clear_emulator_capabilities: 0,
    });
    expect(has(v, 'storage_conf')).toBe(false);
    expect(has(v, 'images')).toBe(false);
  });

  test('given host ceph with an fsid, when libvirt values are computed, then ceph is enabled with the secret uuid', () => {
    const v = libvirtValues(aioSimplex());
    expect(at(v, 'conf.ceph')).toEqual({ enabled: true, admin_keyring: 'null', cinder: { secret_uuid: FSID } });
    expect(credentialPaths(v)).toEqual([]);
  });

  test('given ceph not used by cinder, when libvirt values are computed, then ceph is disabled with external ceph off', () => {
    const v = libvirtValues(aioSimplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS }) }));
    expect(at(v, 'conf.ceph')).toEqual({
      enabled: false,
      admin_keyring: 'null',
      cinder: { external_ceph: { enabled: false }, keyring: 'null' },
    });
  });

  test('given ceph without an fsid, when libvirt values are computed, then conf.ceph.cinder is empty', () => {
    const v = libvirtValues(aioSimplex({ storage: storage({ kind: 'host', monitors: ['192.168.204.2'] }) }));
    expect(at(v, 'conf.ceph.cinder')).toEqual({});
  });

  test('given rook ceph, when libvirt values are computed, then the keyring is a credential and the rook image is used', () => {
    const v = libvirtValues(aioSimplex({ storage: storage(ROOK_CEPH) }));
    expect(credentialAt(v, 'conf.ceph.admin_keyring')).toBe('ceph-admin-keyring');
    expect(credentialPaths(v)).toEqual(['conf.ceph.admin_keyring']);
    expect(at(v, 'images.tags')).toEqual({ ceph_config_helper: ROOK_IMAGE });
  });

  test('given ephemeral pvc, when libvirt values are computed, then the instances PVC is enabled', () => {
    const v = libvirtValues(
      aioSimplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS, selection: { nova: { priority: ['pvc'], pvc: { name: 'vms' } } } }) }),
    );
    expect(at(v, 'storage_conf')).toEqual({ pvc: { enabled: true, name: 'vms', instances_path: '/var/lib/instances' } });
  });

  test('given ephemeral nfs, when libvirt values are computed, then the NFS share is enabled', () => {
    const v = libvirtValues(
      aioSimplex({
        storage: storage(HOST_CEPH, { selection: { nova: { priority: ['nfs'], backends: [{ name: 'nfs', enabled: true }] } } }),
      }),
    );
    expect(at(v, 'storage_conf')).toEqual({
      nfs_shares: { enabled: true, server: '127.0.0.1', path: '/openstack_instances', instances_path: '/var/lib/instances' },
    });
  });
});
