/**
 * cinder (docs/system-values.md §3.8): the assertions about this release's values and objects.
 */
import { cinder } from '../../releases/cinder';
import {
  aioDuplex,
  aioSimplex,
  CA,
  controller,
  DOMAIN,
  esbProfile,
  FSID,
  HOST_CEPH,
  HTTPS,
  NETAPP_NFS,
  NETAPP_WITH_CREDENTIALS,
  NO_CEPH,
  releaseValues,
  ROOK_CEPH,
  ROOK_IMAGE,
  standard,
  storage,
  worker,
} from '../support/fixtures';
import {
  at,
  AUTH_LEAVES,
  credentialAt,
  credentialPaths,
  DB_LEAVES,
  has,
  IDENTITY_BASE,
  RABBIT_LEAVES,
  TLS_LEAVES,
} from '../support/values-path';
import { Values } from '../../lib/engine/values';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const cinderValues = releaseValues(cinder);

expectReferenceFacts(cinder, {
  releaseName: 'osh-openstack-cinder',
  chartGroup: 'openstack-cinder',
  chart: 'cinder',
  dependsOn: ['glance'],
  install: true,
  disableWait: true,
  enabledByDefault: true,
});

describe('cinder', () => {
  test('S24: given host ceph only and the default priority, when cinder values are computed, then ceph-store is the only backend with the ceph backup driver', () => {
    const v = cinderValues(aioSimplex());
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
    const v = cinderValues(aioSimplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS }) }));
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
    const v = cinderValues(
      aioSimplex({
        storage: storage(HOST_CEPH, {
          netapp: NETAPP_NFS,
          selection: { cinder: { priority: ['netapp-nfs', 'ceph', 'netapp-iscsi', 'netapp-fc'] } },
        }),
      }),
    );
    expect(new Set((at(v, 'conf.cinder.DEFAULT.enabled_backends') as string).split(','))).toEqual(new Set(['ceph-store', 'netapp-nfs']));
    expect(at(v, 'conf.cinder.DEFAULT.default_volume_type')).toBe('netapp-nfs');
    expect(Object.keys(at(v, 'conf.backends') as Values).sort()).toEqual(['ceph-store', 'netapp-nfs']);
    expect(at(v, 'storage_conf.active_protocols')).toEqual(['nfs', 'rbd']);
  });

  test('S27: given backup priority [netapp-nfs, netapp-iscsi] with only iscsi available, when cinder values are computed, then backups use Posix on one replica', () => {
    const v = cinderValues(
      aioDuplex({
        storage: storage(NO_CEPH, {
          netapp: { iscsi: { storageClass: 'netapp-san-backend' } },
          selection: { cinder: { backupPriority: ['netapp-nfs', 'netapp-iscsi'] } },
        }),
      }),
    );
    expect(at(v, 'conf.cinder.DEFAULT.backup_driver')).toBe('cinder.backup.drivers.posix.PosixBackupDriver');
    expect(at(v, 'pod.replicas.backup')).toBe(1);
    expect(at(v, 'pod.replicas.volume')).toBe(2);
    expect(at(v, 'backup.posix.volume.class_name')).toBe('netapp-san-backend');
  });

  test('S28: given nfs and iscsi protocols active, when cinder values are computed, then volume and backup pods use the host network and iscsi is enabled', () => {
    const v = cinderValues(
      aioSimplex({
        storage: storage(NO_CEPH, {
          netapp: { nfs: { storageClass: 'netapp-nas-backend' }, iscsi: { storageClass: 'netapp-san-backend' } },
        }),
      }),
    );
    expect(at(v, 'storage_conf.active_protocols')).toEqual(['iscsi', 'nfs']);
    expect(at(v, 'pod.useHostNetwork.volume')).toBe(true);
    expect(at(v, 'pod.useHostNetwork.backup')).toBe(true);
    expect(at(v, 'pod.security_context.cinder_volume.container.cinder_volume.readOnlyRootFilesystem')).toBe(true);
    expect(at(v, 'pod.security_context.cinder_backup.container.cinder_backup.privileged')).toBe(true);
    expect(at(v, 'conf.enable_iscsi')).toBe(true);
  });

  test('given iscsi only, when cinder values are computed, then the volume root filesystem is writable', () => {
    const v = cinderValues(aioSimplex({ storage: storage(NO_CEPH, { netapp: { iscsi: { storageClass: 'netapp-san-backend' } } }) }));
    expect(at(v, 'pod.security_context.cinder_volume.container.cinder_volume.readOnlyRootFilesystem')).toBe(false);
    expect(at(v, 'conf.backends.netapp-iscsi.netapp_storage_protocol')).toBe('iscsi');
  });

  test('given ceph only, when cinder values are computed, then no SAN settings are on', () => {
    const v = cinderValues(aioSimplex());
    expect(at(v, 'conf.enable_iscsi')).toBe(false);
    expect(at(v, 'pod.useHostNetwork')).toEqual({ volume: false, backup: false });
    expect(at(v, 'pod.security_context.cinder_volume.container.cinder_volume.readOnlyRootFilesystem')).toBe(true);
  });

  test('replicas of api, volume, scheduler and backup are the available controllers', () => {
    expect(at(cinderValues(aioSimplex()), 'pod.replicas')).toEqual({ api: 1, volume: 1, scheduler: 1, backup: 1 });
    expect(at(cinderValues(standard(2)), 'pod.replicas')).toEqual({ api: 2, volume: 2, scheduler: 2, backup: 2 });
    const oneDown = standard(1, { hosts: [controller(0, false), controller(1, false, { available: false }), worker(0)] });
    expect(at(cinderValues(oneDown), 'pod.replicas')).toEqual({ api: 1, volume: 1, scheduler: 1, backup: 1 });
  });

  test('given host ceph on AIO, when cinder values are computed, then conf.ceph has the floating monitor, the null keyring and both pools', () => {
    const v = cinderValues(aioSimplex({ storage: storage({ ...HOST_CEPH, osdCount: 7 }) }));
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
    const v = cinderValues(standard(1, { storage: storage({ ...HOST_CEPH, monitors: ['fd00::2', 'fd00::3'] }) }));
    expect(at(v, 'conf.ceph.monitors')).toEqual(['[fd00::2]:6789', '[fd00::3]:6789']);
    expect(at(v, 'conf.ceph.pools.cinder-volumes.replication')).toBe(2);
  });

  test('given a secondary ceph tier, when cinder values are computed, then it gets its own backend, pool and tier rule', () => {
    const v = cinderValues(
      aioSimplex({ storage: storage({ ...HOST_CEPH, secondaryTiers: [{ tierName: 'gold', backendName: 'ceph-gold' }] }) }),
    );
    expect(at(v, 'conf.cinder.DEFAULT.enabled_backends')).toBe('ceph-gold,ceph-store');
    expect(at(v, 'conf.cinder.DEFAULT.default_volume_type')).toBe('ceph-store');
    expect(at(v, 'conf.backends.ceph-gold.rbd_pool')).toBe('cinder-volumes-gold');
    expect(at(v, 'conf.backends.ceph-gold.volume_backend_name')).toBe('ceph-gold');
    expect(at(v, 'conf.ceph.pools.cinder-volumes-gold.crush_rule')).toBe('gold_tier_ruleset');
    expect(at(v, 'conf.ceph.pools.backup.crush_rule')).toBe('storage_tier_ruleset');
  });

  test('given rook ceph, when cinder values are computed, then the rook backend, keyring, pools and images are set', () => {
    const v = cinderValues(aioDuplex({ storage: storage(ROOK_CEPH) }));
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
    const v = cinderValues(
      aioSimplex({ storage: storage(HOST_CEPH, { netapp: NETAPP_NFS, selection: { cinder: { priority: ['netapp-nfs'] } } }) }),
    );
    expect(at(v, 'conf.cinder.DEFAULT.enabled_backends')).toBe('netapp-nfs');
    expect(Object.keys(at(v, 'conf.backends') as Values)).toEqual(['netapp-nfs']);
    expect(at(v, 'conf.ceph.admin_keyring')).toBe('null');
    expect(at(v, 'ceph_client.internal_ceph_backend')).toBe('ceph-store');
  });

  test('given an iscsi ESB backend, when cinder values are computed, then its own settings form the backend section', () => {
    const v = cinderValues(
      aioDuplex({
        storage: storage(NO_CEPH, {
          esb: [
            {
              name: 'dell-iscsi',
              protocol: 'iscsi',
              k8sStorageClass: 'dell-sc',
              volumeBackend: { volume_driver: 'cinder.volume.drivers.dell_emc.powerstore.driver.PowerStoreDriver', san_ip: '10.0.0.9' },
            },
          ],
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
    const v = cinderValues(
      aioSimplex({
        storage: storage(HOST_CEPH, {
          esb: [{ name: 'lvm', protocol: 'local', k8sStorageClass: 'local-sc' }],
          selection: { cinder: { backupPriority: ['lvm'] } },
        }),
      }),
    );
    expect(has(v, 'conf.cinder.DEFAULT.backup_driver')).toBe(false);
  });

  test('given no backup backend available, when cinder values are computed, then the ceph backup driver is the fallback', () => {
    const v = cinderValues(
      aioSimplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS, selection: { cinder: { backupPriority: ['netapp-fc'] } } }) }),
    );
    expect(at(v, 'conf.cinder.DEFAULT.backup_driver')).toBe('cinder.backup.drivers.ceph.CephBackupDriver');
  });

  test('image_conversion_dir is set only when every controller has the conversion filesystem', () => {
    const both = standard(1, {
      hosts: [controller(0, false, { imageConversionFs: true }), controller(1, false, { imageConversionFs: true }), worker(0)],
    });
    const one = standard(1, { hosts: [controller(0, false, { imageConversionFs: true }), controller(1, false), worker(0)] });
    expect(at(cinderValues(both), 'conf.cinder.DEFAULT.image_conversion_dir')).toBe('/opt/conversion');
    expect(has(cinderValues(one), 'conf.cinder.DEFAULT.image_conversion_dir')).toBe(false);
  });

  test('constant keys: region, state path, conversion mounts', () => {
    const v = cinderValues(aioSimplex({ system: { type: 'aio', mode: 'simplex', regionName: 'RegionTwo' } }));
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
    const v = cinderValues(aioSimplex({ storage: storage(ROOK_CEPH), https: HTTPS }));
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual([
      ...IDENTITY_BASE,
      'cinder',
      'glance',
      'nova',
      'swift',
      'service',
    ]);
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
    const v = cinderValues(aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'endpoints.volumev3.host_fqdn_override.public.host')).toBe(`cinder.${DOMAIN}`);
    expect(at(v, 'endpoints.volumev3.port')).toEqual({ api: { public: 443 } });
    expect(at(v, 'endpoints.volumev3.scheme')).toEqual({ public: 'https' });
    expect(at(v, 'conf.cinder.keystone_authtoken.cafile')).toBe(CA);
    expect(at(v, 'manifests.certificates')).toBe(true);
    expect(at(v, 'endpoints.identity.auth.admin.cacert')).toBe(CA);
  });

  test('given neither https nor a domain, when cinder values are computed, then the endpoint blocks are empty maps', () => {
    const v = cinderValues(aioSimplex());
    expect(at(v, 'endpoints.volumev3')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
    expect(has(v, 'conf.cinder.keystone_authtoken')).toBe(false);
    expect(has(v, 'manifests')).toBe(false);
    expect(has(v, 'images')).toBe(false);
  });
});

describe('§2.8 NetApp credentials', () => {
  const input = aioSimplex({ storage: { ceph: NO_CEPH, netapp: NETAPP_WITH_CREDENTIALS } });

  test('§2.8 NetApp: given a netapp backend with credentialsRef, then cinder netapp_login/netapp_password are credential leaves', () => {
    const v = cinderValues(input);
    expect(credentialAt(v, 'conf.backends.netapp-nfs.netapp_login')).toBe('netapp-login.nfs');
    expect(credentialAt(v, 'conf.backends.netapp-nfs.netapp_password')).toBe('netapp-password.nfs');
    expect(credentialAt(v, 'conf.backends.netapp-iscsi.netapp_login')).toBe('netapp-login.iscsi');
    expect(at(v, 'conf.backends.netapp-nfs.netapp_server_hostname')).toBe('10.0.0.10');
  });

  test('§2.8 NetApp: without credentialsRef the login is left to user values, as the platform does when Trident has no Secret', () => {
    const v = cinderValues(aioSimplex({ storage: { ceph: NO_CEPH, netapp: { nfs: { storageClass: 'netapp-nas-backend' } } } }));
    expect(at(v, 'conf.backends.netapp-nfs.netapp_login')).toBeUndefined();
    expect(at(v, 'conf.backends.netapp-nfs.netapp_password')).toBeUndefined();
  });
});

describe('§2.8 ESB secretRef', () => {
  test('§2.8 ESB: a literal volumeBackend field wins over the secretRef field of the same name (as the platform merges them)', () => {
    const v = cinderValues(esbProfile({ secretName: 'powerstore-creds', keys: { san_login: 'username', san_ip: 'address' } }));
    expect(at(v, 'conf.backends.dell-iscsi.san_ip')).toBe('10.0.0.9');
    expect(credentialAt(v, 'conf.backends.dell-iscsi.san_login')).toBe('esb.dell-iscsi.san_login');
  });

  test('§2.8 ESB: an ESB backend not among cinder volume backends reads no Secret', () => {
    const input = esbProfile({ secretName: 'powerstore-creds', keys: { san_password: 'password' } });
    const v = cinderValues({
      ...input,
      storage: {
        ...input.storage,
        ceph: { kind: 'host', fsid: '89bd29e9-c505-4170-a097-04dc8e43c897' },
        selection: { cinder: { priority: ['ceph'] } },
      },
    });
    expect(at(v, 'conf.backends.dell-iscsi')).toBeUndefined();
  });

  test('§2.6 ESB: k8sStorageClass none in any case gives no StorageClass', () => {
    const v = cinderValues(
      aioSimplex({
        storage: {
          ceph: NO_CEPH,
          netapp: { nfs: { storageClass: 'nas' } },
          esb: [{ name: 'dell', protocol: 'iscsi', k8sStorageClass: 'None' }],
          selection: { cinder: { backupPriority: ['dell', 'netapp-nfs'] } },
        },
      }),
    );
    expect(at(v, 'conf.cinder.DEFAULT.backup_driver')).toBe('cinder.backup.drivers.nfs.NFSBackupDriver');
  });
});

describe('§3.8 cinder mounts: storage CA and extra mounts', () => {
  const CA_VOLUME = { name: 'storage-ca-cert', secret: { secretName: 'storage-ca-cert', items: [{ key: 'ca.crt', path: 'ca.crt' }] } };
  const CONVERSION_VOLUME = { name: 'imageconversion', hostPath: { path: '/opt/conversion' } };

  test('§3.8 storage CA: given storage.caCert with defaults, then cinder-volume and cinder-backup mount storage-ca-cert at /usr/lib/ssl/cert.pem', () => {
    const v = cinderValues(aioSimplex({ storage: { ceph: { kind: 'host', fsid: '89bd29e9-c505-4170-a097-04dc8e43c897' }, caCert: {} } }));
    for (const pod of ['cinder_volume', 'cinder_backup']) {
      expect(at(v, `pod.mounts.${pod}.${pod}.volumes`)).toEqual([CONVERSION_VOLUME, CA_VOLUME]);
      expect(at(v, `pod.mounts.${pod}.${pod}.volumeMounts`)).toEqual([
        { name: 'imageconversion', mountPath: '/opt/conversion' },
        { name: 'storage-ca-cert', mountPath: '/usr/lib/ssl/cert.pem', subPath: 'ca.crt', readOnly: true },
      ]);
    }
  });

  test('§3.8 storage CA: one mount per container path; an empty list mounts nothing (as the platform)', () => {
    const many = cinderValues(
      aioSimplex({
        storage: {
          ceph: { kind: 'host', fsid: '89bd29e9-c505-4170-a097-04dc8e43c897' },
          caCert: { containerPaths: ['/etc/ssl/a.pem', '/etc/ssl/b.pem'] },
        },
      }),
    );
    expect(
      (at(many, 'pod.mounts.cinder_volume.cinder_volume.volumeMounts') as object[]).map((m) => (m as { mountPath: string }).mountPath),
    ).toEqual(['/opt/conversion', '/etc/ssl/a.pem', '/etc/ssl/b.pem']);
    const none = cinderValues(
      aioSimplex({ storage: { ceph: { kind: 'host', fsid: '89bd29e9-c505-4170-a097-04dc8e43c897' }, caCert: { containerPaths: [] } } }),
    );
    expect(at(none, 'pod.mounts.cinder_volume.cinder_volume.volumes')).toEqual([CONVERSION_VOLUME]);
  });

  test('§3.8 extra_mounts: storage_conf.extra_mounts.cinder_volume/cinder_backup in cinder user values are appended after the system mounts', () => {
    const nfsVolume = { name: 'array-nfs', nfs: { server: '10.0.0.9', path: '/export' } };
    const nfsMount = { name: 'array-nfs', mountPath: '/mnt/array' };
    const v = cinderValues(
      aioSimplex({
        storage: { ceph: { kind: 'host', fsid: '89bd29e9-c505-4170-a097-04dc8e43c897' }, caCert: {} },
        userOverrides: {
          cinder: {
            storage_conf: {
              extra_mounts: {
                cinder_volume: { volumes: [nfsVolume], volumeMounts: [nfsMount] },
                cinder_backup: { volumeMounts: [nfsMount] },
              },
            },
          },
        },
      }),
    );
    expect(at(v, 'pod.mounts.cinder_volume.cinder_volume.volumes')).toEqual([CONVERSION_VOLUME, CA_VOLUME, nfsVolume]);
    expect((at(v, 'pod.mounts.cinder_volume.cinder_volume.volumeMounts') as object[]).slice(-1)).toEqual([nfsMount]);
    expect(at(v, 'pod.mounts.cinder_backup.cinder_backup.volumes')).toEqual([CONVERSION_VOLUME, CA_VOLUME]);
    expect((at(v, 'pod.mounts.cinder_backup.cinder_backup.volumeMounts') as object[]).slice(-1)).toEqual([nfsMount]);
  });
});
