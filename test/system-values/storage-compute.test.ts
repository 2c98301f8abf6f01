/**
 * System values of the storage and compute releases (spec §3.8–§3.11): cinder, glance, nova (with
 * its per-host compute configuration) and libvirt.
 */
import { hostUuid } from '../../lib/profile/derived';
import { DeploymentProfileInput } from '../../lib/profile/profile';
import { Values } from '../../lib/engine/values';
import { RELEASE_NAMES } from '../../releases/names';
import { aioDuplex, aioSimplex, contextOf, controller, problemsOf, standard, systemValuesOf, worker } from '../support/profiles';
import { at, credentialAt } from '../support/values-path';
import { CredentialRef, splitCredentials } from '../../lib/engine/credentials';

const CA = '/etc/ssl/certs/openstack-helm.crt';
const FSID = '89bd29e9-c505-4170-a097-04dc8e43c897';
const DOMAIN = 'openstack.example.com';
const HTTPS = { enabled: true, certRef: { secretName: 'openstack-tls', caKey: 'ca.crt' } };
const ROOK_IMAGE = 'registry.local:9001/docker.io/openstackhelm/ceph-config-helper:ubuntu_jammy_18.2.2-1-20240312';

type Storage = DeploymentProfileInput['storage'];
const NO_CEPH: Storage['ceph'] = { kind: 'none' };
const HOST_CEPH: Storage['ceph'] = { kind: 'host', storageClass: 'general', fsid: FSID, monitors: ['192.168.204.2', '192.168.204.3'] };
const ROOK_CEPH: Storage['ceph'] = { kind: 'rook', storageClass: 'general', fsid: FSID };
const NETAPP_NFS = { nfs: { storageClass: 'netapp-nas-backend' } };


/** True when the dot path exists (even with a null value). */
function has(values: Values, path: string): boolean {
  const keys = path.split('.');
  const parent = keys.length === 1 ? values : at(values, keys.slice(0, -1).join('.'));
  return typeof parent === 'object' && parent !== null && !Array.isArray(parent) && !(parent instanceof CredentialRef) && keys[keys.length - 1] in parent;
}


/** The `--set` paths of every credential leaf, sorted. */
function credentialPaths(values: Values): string[] {
  return splitCredentials(values)
    .leaves.map((l) => l.targetPath)
    .sort();
}

function storage(ceph: Storage['ceph'], extra: Partial<Storage> = {}): Storage {
  return { ceph, ...extra };
}

const IDENTITY_BASE = ['admin', 'test', 'stx_admin'];
const TLS_LEAVES = (endpoint: string) => ['crt', 'key', 'ca'].map((k) => `endpoints.${endpoint}.host_fqdn_override.public.tls.${k}`);
const AUTH_LEAVES = (users: string[]) => users.map((u) => `endpoints.identity.auth.${u}.password`);
const DB_LEAVES = (block: string, user: string) => [`endpoints.${block}.auth.admin.password`, `endpoints.${block}.auth.${user}.password`];
const RABBIT_LEAVES = (user: string) => [`endpoints.oslo_messaging.auth.admin.password`, `endpoints.oslo_messaging.auth.${user}.password`];

// =========================================================================================
// cinder (§3.8)
// =========================================================================================
describe('cinder', () => {
  test('S24: given host ceph only and the default priority, when cinder values are computed, then ceph-store is the only backend with the ceph backup driver', () => {
    const v = systemValuesOf('cinder', aioSimplex());
    expect(at(v, 'conf.cinder.DEFAULT.enabled_backends')).toBe('ceph-store');
    expect(at(v, 'conf.cinder.DEFAULT.default_volume_type')).toBe('ceph-store');
    expect(Object.keys(at(v, 'conf.backends') as Values)).toEqual(['ceph-store']);
    expect(at(v, 'conf.cinder.DEFAULT.backup_driver')).toBe('cinder.backup.drivers.ceph.CephBackupDriver');
    expect(at(v, 'conf.backends.ceph-store')).toEqual({
      image_volume_cache_enabled: 'True',
      volume_backend_name: 'ceph-store',
      volume_driver: 'cinder.volume.drivers.rbd.RBDDriver',
      rbd_pool: 'cinder-volumes',
      rbd_user: 'cinder',
      rbd_ceph_conf: '/etc/ceph/ceph.conf',
      rbd_secret_uuid: FSID,
    });
    expect(at(v, 'ceph_client')).toEqual({ user_secret_name: 'ceph-admin', internal_ceph_backend: 'ceph-store' });
    expect(at(v, 'storage_conf.active_protocols')).toEqual(['rbd']);
    expect(at(v, 'backup')).toEqual({});
  });

  test('S25: given ceph unavailable and netapp-nfs available, when cinder values are computed, then netapp-nfs is the backend and backups go to NFS', () => {
    const v = systemValuesOf('cinder', aioSimplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS }) }));
    expect(at(v, 'conf.cinder.DEFAULT.enabled_backends')).toBe('netapp-nfs');
    expect(at(v, 'conf.cinder.DEFAULT.default_volume_type')).toBe('netapp-nfs');
    expect(at(v, 'conf.cinder.DEFAULT.backup_driver')).toBe('cinder.backup.drivers.nfs.NFSBackupDriver');
    expect(at(v, 'conf.cinder.DEFAULT.backup_share')).toBe('127.0.0.1:/nfs_volume\n');
    expect(at(v, 'conf.nfs_shares')).toBe('127.0.0.1:/nfs_volume\n');
    expect(at(v, 'conf.backends.netapp-nfs.volume_backend_name')).toBe('netapp-nfs');
    expect(at(v, 'conf.backends.netapp-nfs.netapp_storage_protocol')).toBe('nfs');
    expect(at(v, 'conf.ceph')).toEqual({});
    expect(at(v, 'ceph_client')).toEqual({});
    expect(at(v, 'storage_conf.active_protocols')).toEqual(['nfs']);
  });

  test('S26: given cinder priority [netapp-nfs, ceph, ...] with both available, when cinder values are computed, then both are backends and netapp-nfs is the default type', () => {
    const v = systemValuesOf(
      'cinder',
      aioSimplex({
        storage: storage(HOST_CEPH, { netapp: NETAPP_NFS, selection: { cinder: { priority: ['netapp-nfs', 'ceph', 'netapp-iscsi', 'netapp-fc'] } } }),
      }),
    );
    expect(new Set((at(v, 'conf.cinder.DEFAULT.enabled_backends') as string).split(','))).toEqual(new Set(['ceph-store', 'netapp-nfs']));
    expect(at(v, 'conf.cinder.DEFAULT.default_volume_type')).toBe('netapp-nfs');
    expect(Object.keys(at(v, 'conf.backends') as Values).sort()).toEqual(['ceph-store', 'netapp-nfs']);
    expect(at(v, 'storage_conf.active_protocols')).toEqual(['nfs', 'rbd']);
  });

  test('S27: given backup priority [netapp-nfs, netapp-iscsi] with only iscsi available, when cinder values are computed, then backups use Posix on one replica', () => {
    const v = systemValuesOf(
      'cinder',
      aioDuplex({
        storage: storage(NO_CEPH, { netapp: { iscsi: { storageClass: 'netapp-san-backend' } }, selection: { cinder: { backupPriority: ['netapp-nfs', 'netapp-iscsi'] } } }),
      }),
    );
    expect(at(v, 'conf.cinder.DEFAULT.backup_driver')).toBe('cinder.backup.drivers.posix.PosixBackupDriver');
    expect(at(v, 'pod.replicas.backup')).toBe(1);
    expect(at(v, 'pod.replicas.volume')).toBe(2);
    expect(at(v, 'backup.posix.volume.class_name')).toBe('netapp-san-backend');
  });

  test('S28: given nfs and iscsi protocols active, when cinder values are computed, then volume and backup pods use the host network and iscsi is enabled', () => {
    const v = systemValuesOf(
      'cinder',
      aioSimplex({ storage: storage(NO_CEPH, { netapp: { nfs: { storageClass: 'netapp-nas-backend' }, iscsi: { storageClass: 'netapp-san-backend' } } }) }),
    );
    expect(at(v, 'storage_conf.active_protocols')).toEqual(['iscsi', 'nfs']);
    expect(at(v, 'pod.useHostNetwork.volume')).toBe(true);
    expect(at(v, 'pod.useHostNetwork.backup')).toBe(true);
    expect(at(v, 'pod.security_context.cinder_volume.container.cinder_volume.readOnlyRootFilesystem')).toBe(true);
    expect(at(v, 'pod.security_context.cinder_backup.container.cinder_backup.privileged')).toBe(true);
    expect(at(v, 'conf.enable_iscsi')).toBe(true);
  });

  test('given iscsi only, when cinder values are computed, then the volume root filesystem is writable', () => {
    const v = systemValuesOf('cinder', aioSimplex({ storage: storage(NO_CEPH, { netapp: { iscsi: { storageClass: 'netapp-san-backend' } } }) }));
    expect(at(v, 'pod.security_context.cinder_volume.container.cinder_volume.readOnlyRootFilesystem')).toBe(false);
    expect(at(v, 'conf.backends.netapp-iscsi.netapp_storage_protocol')).toBe('iscsi');
  });

  test('given ceph only, when cinder values are computed, then no SAN settings are on', () => {
    const v = systemValuesOf('cinder', aioSimplex());
    expect(at(v, 'conf.enable_iscsi')).toBe(false);
    expect(at(v, 'pod.useHostNetwork')).toEqual({ volume: false, backup: false });
    expect(at(v, 'pod.security_context.cinder_volume.container.cinder_volume.readOnlyRootFilesystem')).toBe(true);
  });

  test('replicas of api, volume, scheduler and backup are the available controllers', () => {
    expect(at(systemValuesOf('cinder', aioSimplex()), 'pod.replicas')).toEqual({ api: 1, volume: 1, scheduler: 1, backup: 1 });
    expect(at(systemValuesOf('cinder', standard(2)), 'pod.replicas')).toEqual({ api: 2, volume: 2, scheduler: 2, backup: 2 });
    const oneDown = standard(1, { hosts: [controller(0, false), controller(1, false, { available: false }), worker(0)] });
    expect(at(systemValuesOf('cinder', oneDown), 'pod.replicas')).toEqual({ api: 1, volume: 1, scheduler: 1, backup: 1 });
  });

  test('given host ceph on AIO, when cinder values are computed, then conf.ceph has the floating monitor, the null keyring and both pools', () => {
    const v = systemValuesOf('cinder', aioSimplex({ storage: storage({ ...HOST_CEPH, osdCount: 7 }) }));
    expect(at(v, 'conf.ceph')).toEqual({
      monitors: ['192.168.204.2:6789'],
      admin_keyring: 'null',
      pools: {
        'cinder-volumes': { replication: 1, crush_rule: 'storage_tier_ruleset', chunk_size: 512, app_name: 'cinder-volumes' },
        backup: { replication: 1, crush_rule: 'storage_tier_ruleset', chunk_size: 256, app_name: 'cinder-backup' },
      },
    });
  });

  test('given host ceph on a standard system with IPv6 monitors, when cinder values are computed, then every monitor is listed, bracketed', () => {
    const v = systemValuesOf('cinder', standard(1, { storage: storage({ ...HOST_CEPH, monitors: ['fd00::2', 'fd00::3'] }) }));
    expect(at(v, 'conf.ceph.monitors')).toEqual(['[fd00::2]:6789', '[fd00::3]:6789']);
    expect(at(v, 'conf.ceph.pools.cinder-volumes.replication')).toBe(2);
  });

  test('given a secondary ceph tier, when cinder values are computed, then it gets its own backend, pool and tier rule', () => {
    const v = systemValuesOf('cinder', aioSimplex({ storage: storage({ ...HOST_CEPH, secondaryTiers: [{ tierName: 'gold', backendName: 'ceph-gold' }] }) }));
    expect(at(v, 'conf.cinder.DEFAULT.enabled_backends')).toBe('ceph-gold,ceph-store');
    expect(at(v, 'conf.cinder.DEFAULT.default_volume_type')).toBe('ceph-store');
    expect(at(v, 'conf.backends.ceph-gold.rbd_pool')).toBe('cinder-volumes-gold');
    expect(at(v, 'conf.backends.ceph-gold.volume_backend_name')).toBe('ceph-gold');
    expect(at(v, 'conf.ceph.pools.cinder-volumes-gold.crush_rule')).toBe('gold_tier_ruleset');
    expect(at(v, 'conf.ceph.pools.backup.crush_rule')).toBe('storage_tier_ruleset');
  });

  test('given rook ceph, when cinder values are computed, then the rook backend, keyring, pools and images are set', () => {
    const v = systemValuesOf('cinder', aioDuplex({ storage: storage(ROOK_CEPH) }));
    expect(at(v, 'conf.cinder.DEFAULT.enabled_backends')).toBe('ceph-rook-store');
    expect(at(v, 'conf.cinder.DEFAULT.default_volume_type')).toBe('ceph-rook-store');
    expect(at(v, 'conf.backends.ceph-rook-store.rbd_pool')).toBe('cinder-volumes');
    expect(at(v, 'conf.backends.ceph-rook-store.rbd_secret_uuid')).toBe(FSID);
    expect(credentialAt(v, 'conf.ceph.admin_keyring')).toBe('ceph-admin-keyring');
    expect(at(v, 'conf.ceph.monitors')).toEqual([]);
    expect(at(v, 'conf.ceph.pools')).toEqual({
      'cinder-volumes': { replication: 2, crush_rule: 'kube-rbd', chunk_size: 0, app_name: 'cinder-volumes' },
      backup: { replication: 2, crush_rule: 'kube-rbd', chunk_size: 0, app_name: 'cinder-backup' },
    });
    expect(at(v, 'ceph_client.internal_ceph_backend')).toBe('ceph-rook-store');
    expect(at(v, 'images.tags')).toEqual({ cinder_backup_storage_init: ROOK_IMAGE, cinder_storage_init: ROOK_IMAGE });
  });

  test('given ceph available but not in the cinder priority, when cinder values are computed, then conf.ceph is set but no ceph backend', () => {
    const v = systemValuesOf('cinder', aioSimplex({ storage: storage(HOST_CEPH, { netapp: NETAPP_NFS, selection: { cinder: { priority: ['netapp-nfs'] } } }) }));
    expect(at(v, 'conf.cinder.DEFAULT.enabled_backends')).toBe('netapp-nfs');
    expect(Object.keys(at(v, 'conf.backends') as Values)).toEqual(['netapp-nfs']);
    expect(at(v, 'conf.ceph.admin_keyring')).toBe('null');
    expect(at(v, 'ceph_client.internal_ceph_backend')).toBe('ceph-store');
  });

  test('given an iscsi ESB backend, when cinder values are computed, then its own settings form the backend section', () => {
    const v = systemValuesOf(
      'cinder',
      aioDuplex({
        storage: storage(NO_CEPH, {
          esb: [{ name: 'dell-iscsi', protocol: 'iscsi', k8sStorageClass: 'dell-sc', volumeBackend: { volume_driver: 'cinder.volume.drivers.dell_emc.powerstore.driver.PowerStoreDriver', san_ip: '10.0.0.9' } }],
          selection: { cinder: { priority: ['ceph', 'dell-iscsi'], backupPriority: ['dell-iscsi'] } },
        }),
      }),
    );
    expect(at(v, 'conf.cinder.DEFAULT.enabled_backends')).toBe('dell-iscsi');
    expect(at(v, 'conf.cinder.DEFAULT.default_volume_type')).toBe('dell-iscsi');
    expect(at(v, 'conf.backends.dell-iscsi')).toEqual({
      volume_backend_name: 'dell-iscsi',
      volume_driver: 'cinder.volume.drivers.dell_emc.powerstore.driver.PowerStoreDriver',
      san_ip: '10.0.0.9',
    });
    expect(at(v, 'conf.cinder.DEFAULT.backup_driver')).toBe('cinder.backup.drivers.posix.PosixBackupDriver');
    expect(at(v, 'backup.posix.volume.class_name')).toBe('dell-sc');
    // Only NetApp iSCSI/FC backups are forced to one replica (spec §3.8).
    expect(at(v, 'pod.replicas.backup')).toBe(2);
    expect(at(v, 'conf.enable_iscsi')).toBe(true);
  });

  test('given a local ESB backup backend, when cinder values are computed, then backup_driver is omitted', () => {
    const v = systemValuesOf(
      'cinder',
      aioSimplex({ storage: storage(HOST_CEPH, { esb: [{ name: 'lvm', protocol: 'local', k8sStorageClass: 'local-sc' }], selection: { cinder: { backupPriority: ['lvm'] } } }) }),
    );
    expect(has(v, 'conf.cinder.DEFAULT.backup_driver')).toBe(false);
  });

  test('given no backup backend available, when cinder values are computed, then the ceph backup driver is the fallback', () => {
    const v = systemValuesOf('cinder', aioSimplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS, selection: { cinder: { backupPriority: ['netapp-fc'] } } }) }));
    expect(at(v, 'conf.cinder.DEFAULT.backup_driver')).toBe('cinder.backup.drivers.ceph.CephBackupDriver');
  });

  test('image_conversion_dir is set only when every controller has the conversion filesystem', () => {
    const both = standard(1, { hosts: [controller(0, false, { imageConversionFs: true }), controller(1, false, { imageConversionFs: true }), worker(0)] });
    const one = standard(1, { hosts: [controller(0, false, { imageConversionFs: true }), controller(1, false), worker(0)] });
    expect(at(systemValuesOf('cinder', both), 'conf.cinder.DEFAULT.image_conversion_dir')).toBe('/opt/conversion');
    expect(has(systemValuesOf('cinder', one), 'conf.cinder.DEFAULT.image_conversion_dir')).toBe(false);
  });

  test('constant keys: region, state path, conversion mounts', () => {
    const v = systemValuesOf('cinder', aioSimplex({ system: { type: 'aio', mode: 'simplex', regionName: 'RegionTwo' } }));
    expect(at(v, 'conf.cinder.DEFAULT.os_region_name')).toBe('RegionTwo');
    expect(at(v, 'conf.cinder.DEFAULT.state_path')).toBe('/var/lib/cinder');
    const mount = {
      volumes: [{ name: 'imageconversion', hostPath: { path: '/opt/conversion' } }],
      volumeMounts: [{ name: 'imageconversion', mountPath: '/opt/conversion' }],
    };
    expect(at(v, 'pod.mounts.cinder_volume.cinder_volume')).toEqual(mount);
    expect(at(v, 'pod.mounts.cinder_backup.cinder_backup')).toEqual(mount);
    expect(at(v, 'endpoints.identity.auth.cinder.region_name')).toBe('RegionTwo');
  });

  test('identity users and every credential leaf', () => {
    const v = systemValuesOf('cinder', aioSimplex({ storage: storage(ROOK_CEPH), https: HTTPS }));
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual([...IDENTITY_BASE, 'cinder', 'glance', 'nova', 'swift', 'service']);
    expect(credentialAt(v, 'endpoints.identity.auth.cinder.password')).toBe('user-password.cinder');
    expect(credentialAt(v, 'endpoints.identity.auth.glance.password')).toBe('user-password.glance');
    expect(credentialAt(v, 'conf.cinder.oslo_messaging_notifications.transport_url')).toBe('notification-url.cinder');
    expect(credentialPaths(v)).toEqual(
      [
        ...AUTH_LEAVES([...IDENTITY_BASE, 'cinder', 'glance', 'nova', 'swift', 'service']),
        ...DB_LEAVES('oslo_db', 'cinder'),
        ...RABBIT_LEAVES('cinder'),
        'endpoints.oslo_cache.auth.memcache_secret_key',
        'conf.cinder.oslo_messaging_notifications.transport_url',
        'conf.ceph.admin_keyring',
        ...TLS_LEAVES('volumev3'),
      ].sort(),
    );
  });

  test('given https and a domain, when cinder values are computed, then the endpoint is public https on 443 with the CA files', () => {
    const v = systemValuesOf('cinder', aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'endpoints.volumev3.host_fqdn_override.public.host')).toBe(`cinder.${DOMAIN}`);
    expect(at(v, 'endpoints.volumev3.port')).toEqual({ api: { public: 443 } });
    expect(at(v, 'endpoints.volumev3.scheme')).toEqual({ public: 'https' });
    expect(at(v, 'conf.cinder.keystone_authtoken.cafile')).toBe(CA);
    expect(at(v, 'manifests.certificates')).toBe(true);
    expect(at(v, 'endpoints.identity.auth.admin.cacert')).toBe(CA);
  });

  test('given neither https nor a domain, when cinder values are computed, then the endpoint blocks are empty maps', () => {
    const v = systemValuesOf('cinder', aioSimplex());
    expect(at(v, 'endpoints.volumev3')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
    expect(has(v, 'conf.cinder.keystone_authtoken')).toBe(false);
    expect(has(v, 'manifests')).toBe(false);
    expect(has(v, 'images')).toBe(false);
  });
});

// =========================================================================================
// glance (§3.9)
// =========================================================================================
describe('glance', () => {
  test('S29: given priority [ceph, pvc, cinder] with ceph available, when glance values are computed, then the rbd store is used and no volume', () => {
    const v = systemValuesOf('glance', aioSimplex({ storage: storage(HOST_CEPH, { selection: { glance: { priority: ['ceph', 'pvc', 'cinder'] } } }) }));
    expect(at(v, 'storage')).toBe('rbd');
    expect(at(v, 'conf.glance.DEFAULT.enabled_backends')).toBe('rbd:rbd');
    expect(at(v, 'conf.glance.glance_store.default_backend')).toBe('rbd');
    expect(has(v, 'volume')).toBe(false);
    expect(at(v, 'conf.glance.rbd')).toEqual({ rbd_store_pool: 'images', rbd_store_user: 'images', rbd_store_replication: 1, rbd_store_crush_rule: 'storage_tier_ruleset', chunk_size: 64 });
    expect(credentialAt(v, 'conf.ceph.admin_keyring')).toBe('ceph-glance-keyring');
    expect(at(v, 'conf.ceph.monitors')).toEqual(['192.168.204.2:6789']);
  });

  test('S30: given the pvc backend with ReadWriteOnce and two controllers, when glance values are computed, then the api runs one replica', () => {
    const v = systemValuesOf('glance', aioDuplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS, selection: { glance: { pvc: { accessModes: ['ReadWriteOnce'] } } } }) }));
    expect(at(v, 'storage')).toBe('pvc');
    expect(at(v, 'pod.replicas.api')).toBe(1);
    expect(at(v, 'volume')).toEqual({ class_name: 'netapp-nas-backend', size: '2Gi', accessModes: ['ReadWriteOnce'] });
    expect(at(v, 'conf.glance.DEFAULT.enabled_backends')).toBe('file:file');
  });

  test('S31: given pvc on an ESB class with a 5Gi RWX override, when glance values are computed, then the volume follows it', () => {
    const v = systemValuesOf(
      'glance',
      aioDuplex({
        storage: storage(NO_CEPH, {
          esb: [{ name: 'dell-nfs', protocol: 'nfs', k8sStorageClass: 'dell-nfs-sc' }],
          selection: { glance: { priority: ['pvc', 'cinder'], pvc: { priority: ['dell-nfs'], size: '5Gi', accessModes: ['ReadWriteMany'] } } },
        }),
      }),
    );
    expect(at(v, 'storage')).toBe('pvc');
    expect(at(v, 'volume')).toEqual({ class_name: 'dell-nfs-sc', size: '5Gi', accessModes: ['ReadWriteMany'] });
    expect(at(v, 'pod.replicas.api')).toBe(2);
  });

  test('S32: given the cinder backend whose default backend is iscsi, when glance values are computed, then the api uses the host network, privileged', () => {
    const v = systemValuesOf(
      'glance',
      aioSimplex({ storage: storage(NO_CEPH, { netapp: { iscsi: { storageClass: 'netapp-san-backend' } }, selection: { glance: { priority: ['cinder'] } } }) }),
    );
    expect(at(v, 'storage')).toBe('cinder');
    expect(at(v, 'conf.glance.DEFAULT.enabled_backends')).toBe('cinder:cinder');
    expect(at(v, 'pod.useHostNetwork.api')).toBe(true);
    expect(at(v, 'pod.security_context.glance.container.glance_api')).toEqual({ readOnlyRootFilesystem: false, privileged: true, allowPrivilegeEscalation: true });
    expect(at(v, 'conf.cinder.cinder_uses_ceph')).toBe(false);
    expect(has(v, 'conf.ceph')).toBe(false);
  });

  test('given the cinder backend on ceph, when glance values are computed, then cinder_uses_ceph and the ceph keyring are set without host networking', () => {
    const v = systemValuesOf('glance', aioSimplex({ storage: storage(HOST_CEPH, { selection: { glance: { priority: ['cinder'] } } }) }));
    expect(at(v, 'storage')).toBe('cinder');
    expect(at(v, 'conf.cinder.cinder_uses_ceph')).toBe(true);
    expect(credentialAt(v, 'conf.ceph.admin_keyring')).toBe('ceph-glance-keyring');
    expect(at(v, 'conf.glance.rbd.rbd_store_pool')).toBe('images');
    expect(has(v, 'pod.useHostNetwork')).toBe(false);
  });

  test('given no ceph at all, when glance values are computed, then the rbd settings are empty and the chunk size counts one OSD', () => {
    const v = systemValuesOf('glance', aioSimplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS }) }));
    expect(at(v, 'conf.glance.rbd')).toEqual({ rbd_store_pool: '', rbd_store_user: '', rbd_store_replication: 1, rbd_store_crush_rule: 'storage_tier_ruleset', chunk_size: 64 });
    expect(has(v, 'conf.ceph')).toBe(false);
  });

  test('given legacy netapp entries in the glance priority, when glance values are computed, then they collapse into a pvc with a shared NFS volume', () => {
    const v = systemValuesOf('glance', aioDuplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS, selection: { glance: { priority: ['netapp-nfs', 'cinder'] } } }) }));
    expect(at(v, 'storage')).toBe('pvc');
    expect(at(v, 'volume')).toEqual({ class_name: 'netapp-nas-backend', size: '2Gi', accessModes: ['ReadWriteMany'] });
    expect(at(v, 'pod.replicas.api')).toBe(2);
  });

  test('given only pvc in the priority and no class resolves, when glance values are computed, then pvc is kept with an empty class', () => {
    const v = systemValuesOf('glance', aioSimplex({ storage: storage(NO_CEPH, { selection: { glance: { priority: ['pvc'] } } }) }));
    expect(at(v, 'storage')).toBe('pvc');
    expect(at(v, 'volume.class_name')).toBe('');
  });

  test('given no ceph and no pvc class, when glance values are computed with the default priority, then the cinder store is used', () => {
    const v = systemValuesOf('glance', aioSimplex({ storage: storage(NO_CEPH, { esb: [{ name: 'x', protocol: 'local' }] }) }));
    expect(at(v, 'storage')).toBe('cinder');
  });

  test('given rook ceph, when glance values are computed, then the rook keyring, crush rule and image are used', () => {
    const v = systemValuesOf('glance', aioSimplex({ storage: storage(ROOK_CEPH) }));
    expect(at(v, 'conf.ceph')).toEqual({ admin_keyring: expect.any(CredentialRef) });
    expect(credentialAt(v, 'conf.ceph.admin_keyring')).toBe('ceph-admin-keyring');
    expect(at(v, 'conf.glance.rbd.rbd_store_crush_rule')).toBe('kube-rbd');
    expect(at(v, 'conf.glance.rbd.chunk_size')).toBe(0);
    expect(at(v, 'images.tags.glance_storage_init')).toBe(ROOK_IMAGE);
  });

  test('replicas of the api are the available controllers; constants are set', () => {
    expect(at(systemValuesOf('glance', aioSimplex()), 'pod.replicas.api')).toBe(1);
    const v = systemValuesOf('glance', standard(2));
    expect(at(v, 'pod.replicas.api')).toBe(2);
    expect(at(v, 'conf.glance.DEFAULT')).toEqual({ graceful_shutdown: true, show_image_direct_url: false, show_multiple_locations: false, enabled_backends: 'rbd:rbd' });
    expect(at(v, 'conf.glance.file.filesystem_store_datadir')).toBe('/opt/platform/glance/images');
    expect(at(v, 'bootstrap.enabled')).toBe(false);
    expect(at(v, 'ceph_client.user_secret_name')).toBe('ceph-admin');
    expect(at(v, 'conf.glance.rbd.rbd_store_replication')).toBe(2);
  });

  test('identity users and every credential leaf', () => {
    const v = systemValuesOf('glance', aioSimplex({ https: HTTPS }));
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual([...IDENTITY_BASE, 'glance']);
    expect(credentialAt(v, 'conf.glance.cinder.cinder_store_password')).toBe('admin-password');
    expect(credentialPaths(v)).toEqual(
      [
        ...AUTH_LEAVES([...IDENTITY_BASE, 'glance']),
        ...DB_LEAVES('oslo_db', 'glance'),
        ...RABBIT_LEAVES('glance'),
        'endpoints.oslo_cache.auth.memcache_secret_key',
        'conf.glance.oslo_messaging_notifications.transport_url',
        'conf.glance.cinder.cinder_store_password',
        'conf.ceph.admin_keyring',
        ...TLS_LEAVES('image'),
      ].sort(),
    );
  });

  test('given https and a domain, when glance values are computed, then the CA files, public keystone and endpoint are set', () => {
    const v = systemValuesOf('glance', aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'conf.glance.keystone_authtoken.cafile')).toBe(CA);
    expect(at(v, 'conf.glance.glance_store.https_ca_certificates_file')).toBe(CA);
    expect(at(v, 'conf.glance.cinder.cinder_ca_certificates_file')).toBe(CA);
    expect(at(v, 'conf.glance_registry.keystone_authtoken.cafile')).toBe(CA);
    expect(at(v, 'conf.glance.cinder.cinder_api_insecure')).toBe(false);
    expect(at(v, 'conf.glance.cinder.cinder_store_auth_address')).toBe(`https://keystone.${DOMAIN}/v3`);
    expect(at(v, 'endpoints.image.host_fqdn_override.public.host')).toBe(`glance.${DOMAIN}`);
    expect(at(v, 'endpoints.image.port')).toEqual({ api: { public: 443 } });
    expect(at(v, 'endpoints.image.scheme')).toEqual({ public: 'https' });
    expect(at(v, 'manifests.certificates')).toBe(true);
  });

  test('given https without a domain, or neither, when glance values are computed, then keystone is reached in-cluster', () => {
    const https = systemValuesOf('glance', aioSimplex({ https: HTTPS }));
    expect(at(https, 'conf.glance.cinder.cinder_store_auth_address')).toBe('https://keystone.openstack.svc.cluster.local/v3');
    const plain = systemValuesOf('glance', aioSimplex({ endpoints: { domain: DOMAIN } }));
    expect(at(plain, 'conf.glance.cinder.cinder_store_auth_address')).toBe('http://keystone.openstack.svc.cluster.local/v3');
    expect(at(plain, 'conf.glance.cinder')).toMatchObject({
      cinder_api_insecure: true,
      cinder_catalog_info: 'volumev3:cinderv3:publicURL',
      cinder_store_user_name: 'admin',
      cinder_store_project_name: 'admin',
      cinder_store_user_domain_name: 'default',
      cinder_store_project_domain_name: 'default',
    });
    expect(has(plain, 'conf.glance_registry')).toBe(false);
    expect(at(plain, 'endpoints.image.host_fqdn_override')).toEqual({ public: { host: `glance.${DOMAIN}` } });
  });
});

// =========================================================================================
// nova (§3.10)
// =========================================================================================
describe('nova', () => {
  test('S11: given an IPv4 cluster-host subnet, when nova values are computed, then migration, hypervisor and ssh use it', () => {
    const v = systemValuesOf('nova', aioSimplex());
    expect(at(v, 'conf.libvirt.live_migration_network_cidr')).toBe('192.168.206.0/24');
    expect(at(v, 'conf.hypervisor.host_network_cidr')).toBe('192.168.206.0/24');
    expect(at(v, 'network.ssh.from_subnet')).toBe('192.168.206.0/24');
  });

  test('S12: given an unknown cluster-host subnet, when nova values are computed, then conf.libvirt and conf.hypervisor are absent', () => {
    const v = systemValuesOf('nova', aioSimplex({ network: { clusterHost: { floatingAddress: '192.168.206.1' }, oam: { floatingAddress: '10.10.10.2' } } }));
    expect(has(v, 'conf.libvirt')).toBe(false);
    expect(has(v, 'conf.hypervisor')).toBe(false);
    expect(has(v, 'network.ssh.from_subnet')).toBe(false);
  });

  test('S13: given NetApp only for cinder, when nova values are computed, then ceph is disabled with null cinder credentials', () => {
    const v = systemValuesOf('nova', aioSimplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS }) }));
    expect(at(v, 'conf.ceph.enabled')).toBe(false);
    expect(at(v, 'conf.ceph.cinder.secret_uuid')).toBe('null');
    expect(at(v, 'conf.ceph.cinder')).toEqual({ keyring: 'null', secret_uuid: 'null', user: 'null' });
    expect(at(v, 'conf.ceph.admin_keyring')).toBe('null');
    expect(at(v, 'conf.ceph.ephemeral_storage')).toEqual({});
    expect(has(v, 'conf.nova.libvirt.rbd_secret_uuid')).toBe(false);
  });

  test('given host ceph excluded from the cinder backends, when nova values are computed, then ceph is disabled', () => {
    const v = systemValuesOf('nova', aioSimplex({ storage: storage(HOST_CEPH, { netapp: NETAPP_NFS, selection: { cinder: { backends: [{ name: 'netapp-nfs', enabled: true }] } } }) }));
    expect(at(v, 'conf.ceph.enabled')).toBe(false);
    expect(at(v, 'conf.ceph.cinder.secret_uuid')).toBe('null');
  });

  test('S14: given host ceph with an fsid, when nova values are computed, then the cinder secret uuid and libvirt rbd secret are the fsid', () => {
    const v = systemValuesOf('nova', aioSimplex());
    expect(at(v, 'conf.ceph.enabled')).toBe(true);
    expect(at(v, 'conf.ceph.cinder')).toEqual({ secret_uuid: FSID });
    expect(at(v, 'conf.nova.libvirt.rbd_secret_uuid')).toBe(FSID);
    expect(at(v, 'conf.ceph.admin_keyring')).toBe('null');
    expect(at(v, 'conf.ceph.ephemeral_storage')).toEqual({
      type: 'rbd',
      rbd_pools: [{ rbd_pool_name: 'ephemeral', rbd_user: 'cinder', rbd_crush_rule: 'storage_tier_ruleset', rbd_replication: 1, rbd_chunk_size: 0 }],
    });
    // §6-2: we keep virt_type although the original drops it here.
    expect(at(v, 'conf.nova.libvirt.virt_type')).toBe('kvm');
  });

  test('given ceph enabled without an fsid, when nova values are computed, then conf.ceph.cinder is empty and no rbd secret', () => {
    const v = systemValuesOf('nova', aioSimplex({ storage: storage({ kind: 'host', monitors: ['192.168.204.2'] }) }));
    expect(at(v, 'conf.ceph.cinder')).toEqual({});
    expect(has(v, 'conf.nova.libvirt.rbd_secret_uuid')).toBe(false);
  });

  test('S15: given ephemeral ceph selected on host ceph with replication 2, when nova values are computed, then images are rbd in the ephemeral pool', () => {
    const v = systemValuesOf('nova', aioSimplex({ storage: storage({ ...HOST_CEPH, replication: 2 }, { selection: { nova: { priority: ['ceph', 'host-path'] } } }) }));
    expect(at(v, 'conf.nova.libvirt.images_type')).toBe('rbd');
    expect(at(v, 'conf.nova.libvirt.images_rbd_pool')).toBe('ephemeral');
    expect(at(v, 'conf.nova.libvirt.images_rbd_ceph_conf')).toBe('/etc/ceph/ceph.conf');
    expect(at(v, 'conf.nova.libvirt.rbd_user')).toBe('cinder');
    expect(at(v, 'rbd_pool')).toEqual({ replication: 2, crush_rule: 'storage_tier_ruleset', chunk_size: 0, app_name: 'ephemeral' });
    expect(at(v, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt')).toEqual({
      images_type: 'rbd',
      images_rbd_pool: 'ephemeral',
      images_rbd_ceph_conf: '/etc/ceph/ceph.conf',
    });
  });

  test('given ephemeral ceph first but no ceph backend, when nova values are computed, then local storage applies (the plugin answers "not ceph")', () => {
    const v = systemValuesOf('nova', aioSimplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS, selection: { nova: { priority: ['ceph', 'host-path'] } } }) }));
    expect(has(v, 'rbd_pool')).toBe(false);
    expect(has(v, 'conf.nova.libvirt.images_type')).toBe(false);
  });

  test('S16: given the default nova storage selection (host-path first), when nova values are computed, then rbd_pool and storage_conf are absent', () => {
    const v = systemValuesOf('nova', aioSimplex());
    expect(has(v, 'rbd_pool')).toBe(false);
    expect(has(v, 'storage_conf')).toBe(false);
    expect(has(v, 'conf.nova.DEFAULT')).toBe(false);
    expect(at(v, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt')).toEqual({ images_type: 'default' });
  });

  test('S17: given ephemeral pvc selected with the netapp-nas-backend class, when nova values are computed, then the instances PVC is enabled', () => {
    const v = systemValuesOf('nova', aioSimplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS, selection: { nova: { priority: ['pvc'] } } }) }));
    expect(at(v, 'storage_conf.pvc.enabled')).toBe(true);
    expect(at(v, 'storage_conf.pvc.name')).toBe('nova-instances');
    expect(at(v, 'storage_conf.pvc.volume.class_name')).toBe('netapp-nas-backend');
    expect(at(v, 'conf.nova.DEFAULT.instances_path')).toBe('/var/lib/instances');
    expect(has(v, 'rbd_pool')).toBe(false);
  });

  test('given ephemeral nfs selected, when nova values are computed, then the NFS share and instances path are set', () => {
    const nova = { priority: ['nfs'], backends: [{ name: 'nfs', enabled: true }], nfs: { server: '10.0.0.5' } };
    const v = systemValuesOf('nova', aioSimplex({ storage: storage(HOST_CEPH, { selection: { nova } }) }));
    expect(at(v, 'storage_conf')).toEqual({ nfs_shares: { server: '10.0.0.5', path: '/openstack_instances', enabled: true } });
    expect(at(v, 'conf.nova.DEFAULT')).toEqual({ instances_path: '/var/lib/instances' });
  });

  test('given host-path disabled and nfs enabled in the nova backends but no priority list, when nova values are computed, then no NFS share is mounted (the NFS check defaults to the volume priority, which has no nfs)', () => {
    const v = systemValuesOf(
      'nova',
      aioSimplex({
        storage: storage(HOST_CEPH, {
          selection: {
            nova: {
              backends: [
                { name: 'host-path', enabled: false },
                { name: 'nfs', enabled: true },
              ],
            },
          },
        }),
      }),
    );
    expect(has(v, 'storage_conf')).toBe(false);
    expect(at(v, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt')).toEqual({ images_type: 'default' });
  });

  test('S18: given https without an endpoint domain, when nova values are computed, then TLS secrets, certificates and CA files are set and no public host', () => {
    const v = systemValuesOf('nova', aioSimplex({ https: HTTPS }));
    expect(at(v, 'secrets.tls.compute_metadata.metadata.public')).toBe('nova-tls-public');
    expect(at(v, 'manifests.certificates')).toBe(true);
    expect(at(v, 'conf.nova.keystone_authtoken.cafile')).toBe(CA);
    for (const section of ['cinder', 'glance', 'keystone', 'neutron', 'placement', 'ironic']) expect(at(v, `conf.nova.${section}.cafile`)).toBe(CA);
    const pub = at(v, 'endpoints.compute.host_fqdn_override.public') as Values;
    expect(Object.keys(pub)).toEqual(['tls']);
    expect(Object.keys(pub.tls as Values).sort()).toEqual(['ca', 'crt', 'key']);
    expect(credentialAt(v, 'endpoints.compute.host_fqdn_override.public.tls.crt')).toBe('tls.crt');
    expect(at(v, 'endpoints.compute.port')).toEqual({ api: { public: 443 } });
    expect(at(v, 'endpoints.compute.scheme')).toEqual({ public: 'https' });
    expect(at(v, 'conf.nova.vnc.novncproxy_base_url')).toBe('https://10.10.10.2:30680/vnc_auto.html');
  });

  test('S19: given an ESB backend with protocol iscsi, when nova values are computed, then iscsi and multipath are on', () => {
    const v = systemValuesOf('nova', aioSimplex({ storage: storage(HOST_CEPH, { esb: [{ name: 'dell', protocol: 'iscsi', k8sStorageClass: 'dell-sc' }] }) }));
    expect(at(v, 'conf.enable_iscsi')).toBe(true);
    expect(at(v, 'conf.nova.libvirt.volume_use_multipath')).toBe(true);
  });

  test('given NetApp FC, or nothing SAN, when nova values are computed, then multipath follows', () => {
    expect(at(systemValuesOf('nova', aioSimplex({ storage: storage(NO_CEPH, { netapp: { fc: { storageClass: 'fc-sc' } } }) })), 'conf.enable_iscsi')).toBe(true);
    const plain = systemValuesOf('nova', aioSimplex());
    expect(at(plain, 'conf.enable_iscsi')).toBe(false);
    expect(at(plain, 'conf.nova.libvirt.volume_use_multipath')).toBe(false);
  });

  test('S40: given one unprovisioned locked worker and one provisioned worker, when nova values are computed, then hosts_uuids lists only the provisioned one', () => {
    const input = standard(0, { hosts: [controller(0, false), controller(1, false), worker(0, { provisioned: false, available: false }), worker(1)] });
    const v = systemValuesOf('nova', input);
    const profile = contextOf(input).profile;
    expect(at(v, 'hosts_uuids')).toEqual([{ name: 'worker-1', uuid: hostUuid(profile, profile.hosts[3]) }]);
    expect((at(v, 'conf.overrides.nova_compute.hosts') as Values[]).map((h) => h.name)).toEqual([['worker-1']]);
  });

  test('hosts_uuids uses the profile uuid when given', () => {
    const uuid = '0b0e3a1c-1d1e-4b6f-8a8b-2c3d4e5f6a7b';
    const v = systemValuesOf('nova', standard(1, { hosts: [controller(0, false), controller(1, false), worker(0, { uuid })] }));
    expect(at(v, 'hosts_uuids')).toEqual([{ name: 'worker-0', uuid }]);
  });

  test('replicas are the available controllers', () => {
    const all = { api_metadata: 2, placement: 2, osapi: 2, conductor: 2, consoleauth: 2, scheduler: 2, novncproxy: 2 };
    expect(at(systemValuesOf('nova', standard(2)), 'pod.replicas')).toEqual(all);
    expect(at(systemValuesOf('nova', aioSimplex()), 'pod.replicas')).toEqual(Object.fromEntries(Object.keys(all).map((k) => [k, 1])));
  });

  test('constant keys: OVMF mounts, ssh, workarounds, ceph client', () => {
    const v = systemValuesOf('nova', aioSimplex());
    expect(at(v, 'pod.mounts.nova_compute.nova_compute')).toEqual({
      volumes: [
        { name: 'ovmf', hostPath: { path: '/usr/share/OVMF' } },
        { name: 'qemu-ovmf', hostPath: { path: '/usr/share/qemu' } },
        { name: 'userhome', hostPath: { path: '/var/lib/nova-user-home' } },
      ],
      volumeMounts: [
        { name: 'ovmf', mountPath: '/usr/share/OVMF' },
        { name: 'qemu-ovmf', mountPath: '/usr/share/qemu' },
        { name: 'userhome', mountPath: '/root' },
      ],
    });
    expect(at(v, 'network.ssh.enabled')).toBe('true');
    expect(credentialAt(v, 'network.ssh.private_key')).toBe('nova-ssh-private-key');
    expect(credentialAt(v, 'network.ssh.public_key')).toBe('nova-ssh-public-key');
    expect(at(v, 'conf.nova.workarounds.skip_cpu_compare_on_dest')).toBe(true);
    expect(at(v, 'ceph_client.user_secret_name')).toBe('ceph-admin');
    expect(at(v, 'endpoints.identity.name')).toBe('keystone');
    expect(has(v, 'manifests.certificates')).toBe(false);
  });

  test('statefulset_compute_ironic follows whether ironic is emitted', () => {
    expect(at(systemValuesOf('nova', aioSimplex()), 'manifests.statefulset_compute_ironic')).toBe(true);
    const withoutIronic = RELEASE_NAMES.filter((n) => n !== 'ironic');
    expect(at(systemValuesOf('nova', aioSimplex(), withoutIronic), 'manifests.statefulset_compute_ironic')).toBe(false);
  });

  test('given a virtual system, when nova values are computed, then virt_type is qemu', () => {
    expect(at(systemValuesOf('nova', aioSimplex({ system: { type: 'aio', mode: 'simplex', virtual: true } })), 'conf.nova.libvirt.virt_type')).toBe('qemu');
  });

  test('given rook ceph enabled for cinder, when nova values are computed, then the rook keyring, kube-rbd ephemeral pool and images are used', () => {
    const v = systemValuesOf('nova', aioDuplex({ storage: storage(ROOK_CEPH) }));
    expect(credentialAt(v, 'conf.ceph.admin_keyring')).toBe('ceph-admin-keyring');
    expect(at(v, 'conf.ceph.ephemeral_storage.rbd_pools.0.rbd_crush_rule')).toBe('kube-rbd');
    expect(at(v, 'conf.ceph.ephemeral_storage.rbd_pools.0.rbd_replication')).toBe(2);
    expect(at(v, 'images.tags')).toEqual({ nova_service_cleaner: ROOK_IMAGE, nova_storage_init: ROOK_IMAGE });
  });

  test('given rook ceph not used by cinder, when nova values are computed, then no ephemeral storage and a null keyring', () => {
    const v = systemValuesOf('nova', aioSimplex({ storage: storage(ROOK_CEPH, { netapp: NETAPP_NFS, selection: { cinder: { priority: ['netapp-nfs'] } } }) }));
    expect(at(v, 'conf.ceph.ephemeral_storage')).toEqual({});
    expect(at(v, 'conf.ceph.admin_keyring')).toBe('null');
  });

  test('identity users and every credential leaf', () => {
    const v = systemValuesOf('nova', aioSimplex({ storage: storage(ROOK_CEPH), https: HTTPS }));
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual([...IDENTITY_BASE, 'nova', 'neutron', 'ironic', 'placement', 'cinder', 'service']);
    expect(credentialAt(v, 'endpoints.oslo_db_cell0.auth.nova.password')).toBe('db-password.nova');
    expect(credentialAt(v, 'endpoints.oslo_db_api.auth.nova.password')).toBe('db-password.nova');
    expect(credentialPaths(v)).toEqual(
      [
        ...AUTH_LEAVES([...IDENTITY_BASE, 'nova', 'neutron', 'ironic', 'placement', 'cinder', 'service']),
        ...DB_LEAVES('oslo_db', 'nova'),
        ...DB_LEAVES('oslo_db_api', 'nova'),
        ...DB_LEAVES('oslo_db_cell0', 'nova'),
        ...RABBIT_LEAVES('nova'),
        'endpoints.oslo_cache.auth.memcache_secret_key',
        'conf.nova.oslo_messaging_notifications.transport_url',
        'conf.ceph.admin_keyring',
        'conf.nova.neutron.metadata_proxy_shared_secret',
        'network.ssh.private_key',
        'network.ssh.public_key',
        ...TLS_LEAVES('compute'),
        ...TLS_LEAVES('compute_novnc_proxy'),
      ].sort(),
    );
  });

  test('given an endpoint domain, when nova values are computed, then public hosts and the novnc URL use it and the NodePort is off', () => {
    const v = systemValuesOf('nova', aioSimplex({ endpoints: { domain: DOMAIN } }));
    expect(at(v, 'endpoints.compute.host_fqdn_override.public.host')).toBe(`nova-api-internal.${DOMAIN}`);
    expect(at(v, 'endpoints.compute_novnc_proxy.host_fqdn_override.public.host')).toBe(`novncproxy.${DOMAIN}`);
    expect(at(v, 'conf.nova.vnc.novncproxy_base_url')).toBe(`http://novncproxy.${DOMAIN}/vnc_auto.html`);
    expect(at(v, 'network.novncproxy.node_port.enabled')).toBe(false);
    const https = systemValuesOf('nova', aioSimplex({ endpoints: { domain: DOMAIN }, https: HTTPS }));
    expect(at(https, 'conf.nova.vnc.novncproxy_base_url')).toBe(`https://novncproxy.${DOMAIN}/vnc_auto.html`);
  });

  test('given no domain, when nova values are computed, then novnc uses the OAM address on the NodePort, bracketed when IPv6 is primary', () => {
    const v4 = systemValuesOf('nova', aioSimplex());
    expect(at(v4, 'conf.nova.vnc.novncproxy_base_url')).toBe('http://10.10.10.2:30680/vnc_auto.html');
    expect(at(v4, 'network.novncproxy.node_port.enabled')).toBe(true);
    expect(at(v4, 'endpoints.compute')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
    const v6 = systemValuesOf(
      'nova',
      aioSimplex({
        network: {
          clusterService: { families: ['ipv6', 'ipv4'] },
          clusterHost: { subnet: 'fd02::/64', floatingAddress: 'fd02::1' },
          oam: { floatingAddress: 'fd00::2' },
        },
      }),
    );
    expect(at(v6, 'conf.nova.vnc.novncproxy_base_url')).toBe('http://[fd00::2]:30680/vnc_auto.html');
    expect(at(v6, 'conf.libvirt.live_migration_network_cidr')).toBe('fd02::/64');
  });

  test('the notification URL is the /nova vhost', () => {
    const v = systemValuesOf('nova', aioSimplex());
    const url = at(v, 'conf.nova.oslo_messaging_notifications.transport_url') as CredentialRef;
    expect(url).toBeInstanceOf(CredentialRef);
    expect(url.detail).toBe('/nova');
  });
});

// =========================================================================================
// nova per host (§3.10.1)
// =========================================================================================
describe('nova per-host compute configuration', () => {
  const hostsOf = (v: Values) => at(v, 'conf.overrides.nova_compute.hosts') as Values[];

  test('given two workers with identical data, when nova values are computed, then they share one entry', () => {
    const hosts = hostsOf(systemValuesOf('nova', standard(2)));
    expect(hosts).toHaveLength(1);
    expect(hosts[0].name).toEqual(['worker-0', 'worker-1']);
    expect(hosts[0].conf).toEqual({ nova: { DEFAULT: { reserved_host_memory_mb: 0 }, compute: null, libvirt: { images_type: 'default' }, pci: null } });
  });

  test('given NUMA and CPU data, when nova values are computed, then reserved memory, huge pages and quoted CPU sets follow', () => {
    const w = worker(0, {
      cpus: { platform: [0, 1], application: [2, 3, 4, 5, 8], isolated: [] },
      numa: [
        { node: 0, platformReservedMiB: 2000, vswitchHugepageSizeMiB: 1024, vswitchHugepageCount: 1 },
        { node: 1, platformReservedMiB: 500 },
      ],
    });
    const hosts = hostsOf(systemValuesOf('nova', standard(0, { hosts: [controller(0, false), controller(1, false), w] })));
    const nova = (hosts[0].conf as Values).nova as Values;
    expect(nova.DEFAULT).toEqual({
      reserved_huge_pages: { type: 'multistring', values: ['node:0,size:4,count:512000', 'node:0,size:1048576,count:1', 'node:1,size:4,count:128000', 'node:1,size:2048,count:0'] },
      reserved_host_memory_mb: 2000 + 1024 + 500,
    });
    expect(nova.compute).toEqual({ cpu_shared_set: '"2-5,8"', cpu_dedicated_set: '""' });
  });

  test('given a host labelled remote-storage, when nova values are computed, then its images are rbd', () => {
    const w = worker(1, { labels: { 'openstack-compute-node': 'enabled', openvswitch: 'enabled', 'remote-storage': 'enabled' } });
    const hosts = hostsOf(systemValuesOf('nova', standard(0, { hosts: [controller(0, false), controller(1, false), worker(0), w] })));
    expect(hosts.map((h) => h.name)).toEqual([['worker-0'], ['worker-1']]);
    expect(at(hosts[1], 'conf.nova.libvirt')).toEqual({ images_type: 'rbd', images_rbd_pool: 'ephemeral', images_rbd_ceph_conf: '/etc/ceph/ceph.conf' });
    expect(at(hosts[0], 'conf.nova.libvirt')).toEqual({ images_type: 'default' });
  });

  test('given passthrough, PCI devices and SR-IOV with a VF child, when nova values are computed, then the whitelist lists them in order', () => {
    const w = worker(0, {
      interfaces: [
        { name: 'data0', type: 'ethernet', class: 'data', port: { name: 'eth0', pciAddress: '0000:18:00.0' }, datanetworks: ['data0'] },
        { name: 'pt0', type: 'ethernet', class: 'pci-passthrough', port: { name: 'eth1', pciAddress: '0000:18:00.1' }, datanetworks: ['physnet1', 'physnet2'] },
        {
          name: 'sriov0',
          type: 'ethernet',
          class: 'pci-sriov',
          port: { name: 'eth2', pciAddress: '0000:19:00.0', sriovVfAddresses: ['0000:19:02.0', '0000:19:02.1', '0000:19:02.2', '0000:19:02.3'] },
          datanetworks: ['physnet2'],
        },
        { name: 'vf0', type: 'vf', class: 'pci-sriov', uses: ['sriov0'], sriovNumVfs: 1, datanetworks: ['physnet3'] },
      ],
      pciDevices: [
        { address: '0000:81:00.0', enabled: true },
        { address: '0000:82:00.0', enabled: false },
      ],
    });
    const hosts = hostsOf(systemValuesOf('nova', standard(0, { hosts: [controller(0, false), controller(1, false), w] })));
    expect(at(hosts[0], 'conf.nova.pci')).toEqual({
      passthrough_whitelist: {
        type: 'multistring',
        values: [
          '{"address": "0000:18:00.1", "physical_network": "physnet1,physnet2"}',
          '{"address": "0000:81:00.0"}',
          '{"address": "0000:19:02.0", "physical_network": "physnet2"}',
          '{"address": "0000:19:02.1", "physical_network": "physnet2"}',
          '{"address": "0000:19:02.2", "physical_network": "physnet2"}',
          '{"address": "0000:19:02.3", "physical_network": "physnet3"}',
        ],
      },
    });
  });

  test('given AIO, when nova values are computed, then the controller is the compute host', () => {
    const hosts = hostsOf(systemValuesOf('nova', aioDuplex()));
    expect(hosts.map((h) => h.name)).toEqual([['controller-0', 'controller-1']]);
  });
});

// =========================================================================================
// nova ephemeral storage, shared by nova and libvirt (§1.1 defaults of selection, §3.10, §3.11)
// =========================================================================================
describe('§1.1 nova ephemeral storage (erratum 2026-12-02): the first enabled entry decides, with all kinds enabled by default; the NFS mount is a separate check', () => {
  type Selection = NonNullable<NonNullable<Storage['selection']>['nova']>;
  const on = (...names: string[]) => names.map((name) => ({ name, enabled: true }));
  const off = (...names: string[]) => names.map((name) => ({ name, enabled: false }));

  /** What nova's and libvirt's values show: the ephemeral storage, and whether each mounts the NFS share. */
  function observed(ceph: Storage['ceph'], nova: Selection): { ephemeral: string; novaNfs: boolean; libvirtNfs: boolean; libvirtPvc: boolean } {
    const profile = aioSimplex({ storage: storage(ceph, { netapp: NETAPP_NFS, selection: { nova } }) });
    const n = systemValuesOf('nova', profile);
    const l = systemValuesOf('libvirt', profile);
    const hostImages = at(n, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt.images_type');
    const ephemeral = has(n, 'storage_conf.pvc') ? 'pvc' : hostImages === 'rbd' ? 'ceph' : String(hostImages);
    return { ephemeral, novaNfs: has(n, 'storage_conf.nfs_shares'), libvirtNfs: has(l, 'storage_conf.nfs_shares'), libvirtPvc: has(l, 'storage_conf.pvc') };
  }

  // [case, ephemeral storage, NFS share mounted, ceph, nova selection]
  const cases: Array<[string, string, boolean, Storage['ceph'], Selection]> = [
    ['the default selection (host-path first)', 'default', false, HOST_CEPH, {}],
    ['[nfs, ceph] without a backends list (the nfs entry stops the search)', 'default', false, HOST_CEPH, { priority: ['nfs', 'ceph'] }],
    ['[nfs, pvc, ceph] without a backends list', 'default', false, NO_CEPH, { priority: ['nfs', 'pvc', 'ceph'] }],
    ['[nfs, host-path] without a backends list', 'default', false, HOST_CEPH, { priority: ['nfs', 'host-path'] }],
    ['[nfs] with nfs enabled', 'default', true, HOST_CEPH, { priority: ['nfs'], backends: on('nfs') }],
    ['[nfs] with nfs disabled', 'default', false, HOST_CEPH, { priority: ['nfs'], backends: off('nfs') }],
    // The NFS check's default priority is the volume list, which has no nfs.
    ['the default priority with host-path disabled and nfs enabled', 'default', false, HOST_CEPH, { backends: [...off('host-path'), ...on('nfs')] }],
    ['[host-path, nfs] with both enabled (the share is mounted behind host-path)', 'default', true, HOST_CEPH, { priority: ['host-path', 'nfs'], backends: on('host-path', 'nfs') }],
    ['[ceph, nfs] with both enabled', 'ceph', true, HOST_CEPH, { priority: ['ceph', 'nfs'], backends: on('ceph', 'nfs') }],
    ['the default priority with only pvc enabled', 'pvc', false, NO_CEPH, { backends: on('pvc') }],
    ['[pvc, host-path] without a backends list', 'pvc', false, NO_CEPH, { priority: ['pvc', 'host-path'] }],
    ['[ceph, host-path] without a backends list', 'ceph', false, HOST_CEPH, { priority: ['ceph', 'host-path'] }],
    ['[ceph, host-path] with only host-path enabled', 'default', false, HOST_CEPH, { priority: ['ceph', 'host-path'], backends: on('host-path') }],
    // "Not ceph": the plugin does not go on to the next entry.
    ['[ceph, pvc] without a ceph cluster', 'default', false, NO_CEPH, { priority: ['ceph', 'pvc'] }],
    ['[ceph, nfs, host-path] without a ceph cluster', 'default', false, NO_CEPH, { priority: ['ceph', 'nfs', 'host-path'] }],
    // Any enabled name stops the search, not only the four kinds.
    ['[netapp-nfs, ceph] with both enabled', 'default', false, HOST_CEPH, { priority: ['netapp-nfs', 'ceph'], backends: on('netapp-nfs', 'ceph') }],
  ];

  test.each(cases)('given %s, when nova and libvirt values are computed, then the ephemeral storage is %s and the NFS share mounted is %s', (_, ephemeral, nfs, ceph, nova) => {
    expect(observed(ceph, nova)).toEqual({ ephemeral, novaNfs: nfs, libvirtNfs: nfs, libvirtPvc: ephemeral === 'pvc' });
  });

  test('given [nfs, ceph] without a backends list on host ceph, when nova values are computed, then no rbd setting is written', () => {
    const v = systemValuesOf('nova', aioSimplex({ storage: storage(HOST_CEPH, { selection: { nova: { priority: ['nfs', 'ceph'] } } }) }));
    expect(has(v, 'rbd_pool')).toBe(false);
    for (const key of ['images_type', 'images_rbd_pool', 'images_rbd_ceph_conf', 'rbd_user']) expect(has(v, `conf.nova.libvirt.${key}`)).toBe(false);
    expect(at(v, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt')).toEqual({ images_type: 'default' });
  });

  test('given [nfs, pvc, ceph] without a backends list and no StorageClass for a PVC, when the profile is checked, then it is accepted', () => {
    const profile = aioSimplex({ storage: storage(HOST_CEPH, { selection: { nova: { priority: ['nfs', 'pvc', 'ceph'] } } }) });
    expect(problemsOf(profile)).toEqual([]);
  });

  test('given [pvc, nfs] both enabled, when nova and libvirt values are computed, then the NFS share replaces the PVC settings and its instances path wins', () => {
    const nova = { priority: ['pvc', 'nfs'], backends: on('pvc', 'nfs'), nfs: { server: '10.0.0.5', path: '/share', instancesPath: '/var/lib/nfs-instances' } };
    const profile = aioSimplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS, selection: { nova } }) });
    const n = systemValuesOf('nova', profile);
    expect(at(n, 'storage_conf')).toEqual({ nfs_shares: { server: '10.0.0.5', path: '/share', enabled: true } });
    expect(at(n, 'conf.nova.DEFAULT')).toEqual({ instances_path: '/var/lib/nfs-instances' });
    expect(at(systemValuesOf('libvirt', profile), 'storage_conf')).toEqual({ nfs_shares: { enabled: true, server: '10.0.0.5', path: '/share', instances_path: '/var/lib/nfs-instances' } });
  });

  test('given [pvc, nfs] both enabled and no StorageClass for the PVC, when the profile is checked, then the pvc choice is still refused', () => {
    const profile = aioSimplex({ storage: storage(HOST_CEPH, { selection: { nova: { priority: ['pvc', 'nfs'], backends: on('pvc', 'nfs') } } }) });
    expect(problemsOf(profile)).toEqual([expect.stringMatching(/^storage.selection.nova.pvc: no StorageClass resolves for the nova volume/)]);
  });
});

// =========================================================================================
// libvirt (§3.11)
// =========================================================================================
describe('libvirt', () => {
  test('constant keys: OVMF mounts and qemu settings', () => {
    const v = systemValuesOf('libvirt', aioSimplex());
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
    const v = systemValuesOf('libvirt', aioSimplex());
    expect(at(v, 'conf.ceph')).toEqual({ enabled: true, admin_keyring: 'null', cinder: { secret_uuid: FSID } });
    expect(credentialPaths(v)).toEqual([]);
  });

  test('given ceph not used by cinder, when libvirt values are computed, then ceph is disabled with external ceph off', () => {
    const v = systemValuesOf('libvirt', aioSimplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS }) }));
    expect(at(v, 'conf.ceph')).toEqual({ enabled: false, admin_keyring: 'null', cinder: { external_ceph: { enabled: false }, keyring: 'null' } });
  });

  test('given ceph without an fsid, when libvirt values are computed, then conf.ceph.cinder is empty', () => {
    const v = systemValuesOf('libvirt', aioSimplex({ storage: storage({ kind: 'host', monitors: ['192.168.204.2'] }) }));
    expect(at(v, 'conf.ceph.cinder')).toEqual({});
  });

  test('given rook ceph, when libvirt values are computed, then the keyring is a credential and the rook image is used', () => {
    const v = systemValuesOf('libvirt', aioSimplex({ storage: storage(ROOK_CEPH) }));
    expect(credentialAt(v, 'conf.ceph.admin_keyring')).toBe('ceph-admin-keyring');
    expect(credentialPaths(v)).toEqual(['conf.ceph.admin_keyring']);
    expect(at(v, 'images.tags')).toEqual({ ceph_config_helper: ROOK_IMAGE });
  });

  test('given ephemeral pvc, when libvirt values are computed, then the instances PVC is enabled', () => {
    const v = systemValuesOf('libvirt', aioSimplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS, selection: { nova: { priority: ['pvc'], pvc: { name: 'vms' } } } }) }));
    expect(at(v, 'storage_conf')).toEqual({ pvc: { enabled: true, name: 'vms', instances_path: '/var/lib/instances' } });
  });

  test('given ephemeral nfs, when libvirt values are computed, then the NFS share is enabled', () => {
    const v = systemValuesOf('libvirt', aioSimplex({ storage: storage(HOST_CEPH, { selection: { nova: { priority: ['nfs'], backends: [{ name: 'nfs', enabled: true }] } } }) }));
    expect(at(v, 'storage_conf')).toEqual({ nfs_shares: { enabled: true, server: '127.0.0.1', path: '/openstack_instances', instances_path: '/var/lib/instances' } });
  });
});
