/**
 * Upstream features beyond the core (issue 12, part 2): storage array credentials, ESB secretRef,
 * the storage CA mount and extra mounts, external ephemeral pools, the StorageClass fallback,
 * Dex naming, regionConfig, restore modes, and the interface types as StarlingX configures them.
 * Each test names the spec section it follows.
 */
import { resolveInput } from '../../lib/deployment/app';
import { DeploymentProfileInput } from '../../lib/profile/profile';
import { generateValues } from '../../scripts/credentials';
import { aioSimplex, controller, problemsOf, standard, systemValuesOf, worker } from '../support/profiles';
import { at, credentialAt } from '../support/values-path';

type Storage = DeploymentProfileInput['storage'];
const NO_CEPH: Storage['ceph'] = { kind: 'none' };

/** Where each credential of a resolved deployment lives, `secret/key` by id. */
function sourcesOf(input: DeploymentProfileInput): Map<string, string> {
  const deployment = resolveInput(input, 'test.yaml');
  return new Map([...deployment.credentialSources].map(([id, s]) => [id, `${s.name}/${s.key}`]));
}

describe('§2.8 NetApp credentials', () => {
  const netapp = {
    nfs: { storageClass: 'netapp-nas-backend', managementLif: '10.0.0.10', svm: 'svm_nfs', credentialsRef: { secretName: 'ontap-nas-creds' } },
    iscsi: { storageClass: 'netapp-san-backend', credentialsRef: { secretName: 'ontap-san-creds', usernameKey: 'user', passwordKey: 'pass' } },
  };
  const input = aioSimplex({ storage: { ceph: NO_CEPH, netapp } });

  test('§2.8 NetApp: given a netapp backend with credentialsRef, then cinder netapp_login/netapp_password are credential leaves', () => {
    const v = systemValuesOf('cinder', input);
    expect(credentialAt(v, 'conf.backends.netapp-nfs.netapp_login')).toBe('netapp-login.nfs');
    expect(credentialAt(v, 'conf.backends.netapp-nfs.netapp_password')).toBe('netapp-password.nfs');
    expect(credentialAt(v, 'conf.backends.netapp-iscsi.netapp_login')).toBe('netapp-login.iscsi');
    expect(at(v, 'conf.backends.netapp-nfs.netapp_server_hostname')).toBe('10.0.0.10');
  });

  test('§2.8 NetApp: given credentialsRef, then the leaves read that Secret (username/password keys by default, as Trident names them)', () => {
    const sources = sourcesOf(input);
    expect(sources.get('netapp-login.nfs')).toBe('ontap-nas-creds/username');
    expect(sources.get('netapp-password.nfs')).toBe('ontap-nas-creds/password');
    expect(sources.get('netapp-login.iscsi')).toBe('ontap-san-creds/user');
    expect(sources.get('netapp-password.iscsi')).toBe('ontap-san-creds/pass');
  });

  test('§2.8 NetApp: credentials.overrides still moves a NetApp credential to another Secret', () => {
    const sources = sourcesOf({ ...input, credentials: { overrides: { 'netapp-password.nfs': { secretName: 'vault-sync', key: 'ontap' } } } });
    expect(sources.get('netapp-password.nfs')).toBe('vault-sync/ontap');
  });

  test('§2.8 NetApp: the credentials command makes no NetApp value and lists each as "provide yourself"', () => {
    const { secrets, external } = generateValues(resolveInput(input, 'test.yaml'), new Map(), false);
    expect(secrets.has('ontap-nas-creds')).toBe(false);
    expect(external).toEqual(
      expect.arrayContaining([
        'ontap-nas-creds/username (storage array credential named in storage.netapp or storage.esb)',
        'ontap-nas-creds/password (storage array credential named in storage.netapp or storage.esb)',
        'ontap-san-creds/user (storage array credential named in storage.netapp or storage.esb)',
      ]),
    );
  });

  test('§2.8 NetApp: without credentialsRef the login is left to user values, as the platform does when Trident has no Secret', () => {
    const v = systemValuesOf('cinder', aioSimplex({ storage: { ceph: NO_CEPH, netapp: { nfs: { storageClass: 'netapp-nas-backend' } } } }));
    expect(at(v, 'conf.backends.netapp-nfs.netapp_login')).toBeUndefined();
    expect(at(v, 'conf.backends.netapp-nfs.netapp_password')).toBeUndefined();
  });
});

describe('§2.8 ESB secretRef', () => {
  const esb = (secretRef?: object, volumeBackend: object = { volume_driver: 'cinder.volume.drivers.dell_emc.powerstore.driver.PowerStoreDriver', san_ip: '10.0.0.9' }) =>
    aioSimplex({
      storage: {
        ceph: NO_CEPH,
        esb: [{ name: 'dell-iscsi', protocol: 'iscsi', k8sStorageClass: 'dell-sc', volumeBackend, ...(secretRef ? { secretRef } : {}) } as Storage['esb'] extends (infer E)[] | undefined ? E : never],
        selection: { cinder: { priority: ['dell-iscsi'] }, mariadb: { priority: ['dell-iscsi'] }, rabbitmq: { priority: ['dell-iscsi'] } },
      },
    });

  test('§2.8 ESB: given secretRef keys, then each mapped cinder.conf field of the backend section is a credential leaf read from that Secret', () => {
    const input = esb({ secretName: 'powerstore-creds', keys: { san_login: 'username', san_password: 'password' } });
    const v = systemValuesOf('cinder', input);
    expect(credentialAt(v, 'conf.backends.dell-iscsi.san_login')).toBe('esb.dell-iscsi.san_login');
    expect(credentialAt(v, 'conf.backends.dell-iscsi.san_password')).toBe('esb.dell-iscsi.san_password');
    expect(at(v, 'conf.backends.dell-iscsi.san_ip')).toBe('10.0.0.9');
    const sources = sourcesOf(input);
    expect(sources.get('esb.dell-iscsi.san_login')).toBe('powerstore-creds/username');
    expect(sources.get('esb.dell-iscsi.san_password')).toBe('powerstore-creds/password');
  });

  test('§2.8 ESB: a literal volumeBackend field wins over the secretRef field of the same name (as the platform merges them)', () => {
    const v = systemValuesOf('cinder', esb({ secretName: 'powerstore-creds', keys: { san_login: 'username', san_ip: 'address' } }));
    expect(at(v, 'conf.backends.dell-iscsi.san_ip')).toBe('10.0.0.9');
    expect(credentialAt(v, 'conf.backends.dell-iscsi.san_login')).toBe('esb.dell-iscsi.san_login');
  });

  test('§2.8 ESB: an ESB backend not among cinder volume backends reads no Secret', () => {
    const input = esb({ secretName: 'powerstore-creds', keys: { san_password: 'password' } });
    const v = systemValuesOf('cinder', { ...input, storage: { ...input.storage, ceph: { kind: 'host', fsid: '89bd29e9-c505-4170-a097-04dc8e43c897' }, selection: { cinder: { priority: ['ceph'] } } } });
    expect(at(v, 'conf.backends.dell-iscsi')).toBeUndefined();
  });

  test('§2.8 ESB: secretRef needs at least one field, and field names are cinder.conf option names', () => {
    expect(() => resolveInput(esb({ secretName: 'x', keys: {} }), 'test.yaml')).toThrow(/at least one cinder.conf field/);
    expect(() => resolveInput(esb({ secretName: 'x', keys: { 'san password': 'p' } }), 'test.yaml')).toThrow(/secretRef\.keys\.san password/);
  });

  // utils.py resolve_secret_ref reads the Secret from secretRef.namespace (default openstack);
  // Flux valuesFrom reads the HelmRelease's namespace only.
  test('§2.8 ESB: secretRef.namespace openstack is served like no namespace', () => {
    const input = esb({ secretName: 'powerstore-creds', namespace: 'openstack', keys: { san_password: 'password' } });
    expect(sourcesOf(input).get('esb.dell-iscsi.san_password')).toBe('powerstore-creds/password');
  });

  test('§2.8 ESB: a secretRef in another namespace is refused with what to do instead', () => {
    expect(() => resolveInput(esb({ secretName: 'powerstore-creds', namespace: 'dell-csi', keys: { san_password: 'password' } }), 'test.yaml')).toThrow(
      /storage\.esb\[0\]\.secretRef\.namespace: expected openstack, the namespace of the HelmReleases: Flux valuesFrom reads no other; copy the Secret into openstack/,
    );
  });

  test('§2.6 ESB: k8sStorageClass none in any case gives no StorageClass', () => {
    const v = systemValuesOf('cinder', aioSimplex({ storage: { ceph: NO_CEPH, netapp: { nfs: { storageClass: 'nas' } }, esb: [{ name: 'dell', protocol: 'iscsi', k8sStorageClass: 'None' }], selection: { cinder: { backupPriority: ['dell', 'netapp-nfs'] } } } }));
    expect(at(v, 'conf.cinder.DEFAULT.backup_driver')).toBe('cinder.backup.drivers.nfs.NFSBackupDriver');
  });
});

describe('§3.8 cinder mounts: storage CA and extra mounts', () => {
  const CA_VOLUME = { name: 'storage-ca-cert', secret: { secretName: 'storage-ca-cert', items: [{ key: 'ca.crt', path: 'ca.crt' }] } };
  const CONVERSION_VOLUME = { name: 'imageconversion', hostPath: { path: '/opt/conversion' } };

  test('§3.8 storage CA: given storage.caCert with defaults, then cinder-volume and cinder-backup mount storage-ca-cert at /usr/lib/ssl/cert.pem', () => {
    const v = systemValuesOf('cinder', aioSimplex({ storage: { ceph: { kind: 'host', fsid: '89bd29e9-c505-4170-a097-04dc8e43c897' }, caCert: {} } }));
    for (const pod of ['cinder_volume', 'cinder_backup']) {
      expect(at(v, `pod.mounts.${pod}.${pod}.volumes`)).toEqual([CONVERSION_VOLUME, CA_VOLUME]);
      expect(at(v, `pod.mounts.${pod}.${pod}.volumeMounts`)).toEqual([
        { name: 'imageconversion', mountPath: '/opt/conversion' },
        { name: 'storage-ca-cert', mountPath: '/usr/lib/ssl/cert.pem', subPath: 'ca.crt', readOnly: true },
      ]);
    }
  });

  test('§3.8 storage CA: one mount per container path; an empty list mounts nothing (as the platform)', () => {
    const many = systemValuesOf('cinder', aioSimplex({ storage: { ceph: { kind: 'host', fsid: '89bd29e9-c505-4170-a097-04dc8e43c897' }, caCert: { containerPaths: ['/etc/ssl/a.pem', '/etc/ssl/b.pem'] } } }));
    expect((at(many, 'pod.mounts.cinder_volume.cinder_volume.volumeMounts') as object[]).map((m) => (m as { mountPath: string }).mountPath)).toEqual(['/opt/conversion', '/etc/ssl/a.pem', '/etc/ssl/b.pem']);
    const none = systemValuesOf('cinder', aioSimplex({ storage: { ceph: { kind: 'host', fsid: '89bd29e9-c505-4170-a097-04dc8e43c897' }, caCert: { containerPaths: [] } } }));
    expect(at(none, 'pod.mounts.cinder_volume.cinder_volume.volumes')).toEqual([CONVERSION_VOLUME]);
  });

  test('§3.8 storage CA: without storage.caCert no CA is mounted, and the credentials command lists the Secret when it is', () => {
    const v = systemValuesOf('cinder', aioSimplex());
    expect(at(v, 'pod.mounts.cinder_backup.cinder_backup.volumes')).toEqual([CONVERSION_VOLUME]);
    const { external } = generateValues(resolveInput(aioSimplex({ storage: { ceph: { kind: 'host', fsid: '89bd29e9-c505-4170-a097-04dc8e43c897' }, caCert: {} } }), 'test.yaml'), new Map(), false);
    expect(external).toContain('storage-ca-cert/ca.crt (CA of the storage arrays, mounted by cinder; the platform copies it from /var/opt/openstack/certs/storage.pem)');
  });

  test('§3.8 extra_mounts: storage_conf.extra_mounts.cinder_volume/cinder_backup in cinder user values are appended after the system mounts', () => {
    const nfsVolume = { name: 'array-nfs', nfs: { server: '10.0.0.9', path: '/export' } };
    const nfsMount = { name: 'array-nfs', mountPath: '/mnt/array' };
    const v = systemValuesOf(
      'cinder',
      aioSimplex({
        storage: { ceph: { kind: 'host', fsid: '89bd29e9-c505-4170-a097-04dc8e43c897' }, caCert: {} },
        userOverrides: { cinder: { storage_conf: { extra_mounts: { cinder_volume: { volumes: [nfsVolume], volumeMounts: [nfsMount] }, cinder_backup: { volumeMounts: [nfsMount] } } } } },
      }),
    );
    expect(at(v, 'pod.mounts.cinder_volume.cinder_volume.volumes')).toEqual([CONVERSION_VOLUME, CA_VOLUME, nfsVolume]);
    expect((at(v, 'pod.mounts.cinder_volume.cinder_volume.volumeMounts') as object[]).slice(-1)).toEqual([nfsMount]);
    expect(at(v, 'pod.mounts.cinder_backup.cinder_backup.volumes')).toEqual([CONVERSION_VOLUME, CA_VOLUME]);
    expect((at(v, 'pod.mounts.cinder_backup.cinder_backup.volumeMounts') as object[]).slice(-1)).toEqual([nfsMount]);
  });

  test('§3.8 extra_mounts: an entry that is not a list of maps is refused, naming the field', () => {
    const input = aioSimplex({ userOverrides: { cinder: { storage_conf: { extra_mounts: { cinder_volume: { volumes: 'array-nfs' } } } } } });
    expect(() => resolveInput(input, 'test.yaml')).toThrow('userOverrides.cinder.storage_conf.extra_mounts.cinder_volume.volumes: expected a list of Kubernetes volume or volumeMount maps');
  });
});

describe('§2.6 StorageClass fallback to the cinder ESB entry', () => {
  const FSID = '89bd29e9-c505-4170-a097-04dc8e43c897';
  const esb: Storage['esb'] = [{ name: 'dell-nfs', protocol: 'nfs', k8sStorageClass: 'dell-nfs-sc' }];

  test('§2.6: given a chart whose backends list does not enable an ESB entry named in its priority, then the entry k8sStorageClass still resolves', () => {
    const selection = { backends: [{ name: 'ceph', enabled: false }], priority: ['ceph', 'dell-nfs'] };
    const input = aioSimplex({ storage: { ceph: { kind: 'host', fsid: FSID }, esb, selection: { mariadb: selection, rabbitmq: selection } } });
    expect(at(systemValuesOf('mariadb', input), 'volume.class_name')).toBe('dell-nfs-sc');
    expect(at(systemValuesOf('rabbitmq', input), 'volume.class_name')).toBe('dell-nfs-sc');
  });

  test('§2.6: the fallback is for ESB names only: a disabled NetApp backend or an unknown name does not resolve', () => {
    const selection = { backends: [{ name: 'ceph', enabled: true }], priority: ['netapp-nfs', 'no-such-backend'] };
    const input = aioSimplex({ storage: { ceph: { kind: 'host', fsid: FSID }, netapp: { nfs: { storageClass: 'nas' } }, esb, selection: { mariadb: selection } } });
    expect(at(systemValuesOf('mariadb', input), 'volume.class_name')).toBeNull();
  });

  test('§2.6: an ESB entry with k8sStorageClass none gives no fallback', () => {
    const selection = { backends: [{ name: 'ceph', enabled: false }], priority: ['dell-nfs'] };
    const input = aioSimplex({ storage: { ceph: { kind: 'host', fsid: FSID }, esb: [{ name: 'dell-nfs', protocol: 'nfs', k8sStorageClass: 'none' }], selection: { mariadb: selection } } });
    expect(at(systemValuesOf('mariadb', input), 'volume.class_name')).toBeNull();
  });

  test('§2.6: glance pvc and nova pvc priorities fall back the same way', () => {
    const input = aioSimplex({
      storage: {
        ceph: { kind: 'host', fsid: FSID },
        esb,
        selection: {
          glance: { backends: [{ name: 'ceph', enabled: true }], priority: ['pvc'], pvc: { priority: ['dell-nfs'] } },
          nova: { backends: [{ name: 'pvc', enabled: true }], priority: ['pvc'], pvc: { priority: ['dell-nfs'] } },
        },
      },
    });
    expect(at(systemValuesOf('glance', input), 'volume.class_name')).toBe('dell-nfs-sc');
    expect(at(systemValuesOf('nova', input), 'storage_conf.pvc.volume.class_name')).toBe('dell-nfs-sc');
  });
});

describe('§3.10.1 nova externalEphemeralPool', () => {
  const FSID = '89bd29e9-c505-4170-a097-04dc8e43c897';
  const cephFirst = { nova: { priority: ['ceph', 'host-path'] } };

  test('§3.10.1: given ceph ephemeral and an external ephemeral pool, then each compute host puts images in that pool; the global libvirt settings keep "ephemeral" (as the platform)', () => {
    const v = systemValuesOf('nova', aioSimplex({ storage: { ceph: { kind: 'host', fsid: FSID, externalEphemeralPool: 'ext-ephemeral' }, selection: cephFirst } }));
    expect(at(v, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt')).toEqual({ images_type: 'rbd', images_rbd_pool: 'ext-ephemeral', images_rbd_ceph_conf: '/etc/ceph/ceph.conf' });
    expect(at(v, 'conf.nova.libvirt.images_rbd_pool')).toBe('ephemeral');
  });

  test('§3.10.1: a remote-storage host uses the external pool too', () => {
    const v = systemValuesOf(
      'nova',
      standard(1, { storage: { ceph: { kind: 'host', fsid: FSID, externalEphemeralPool: 'ext-ephemeral' } }, hosts: [controller(0, false), controller(1, false), worker(0, { labels: { 'openstack-compute-node': 'enabled', openvswitch: 'enabled', 'remote-storage': 'enabled' } })] }),
    );
    expect(at(v, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt.images_rbd_pool')).toBe('ext-ephemeral');
  });

  test('§3.10.1: given the external cluster conf file, then the hosts and the global libvirt settings read it from /etc/ceph/ (nova.py _get_storage_ceph_config)', () => {
    const v = systemValuesOf('nova', aioSimplex({ storage: { ceph: { kind: 'host', fsid: FSID, externalEphemeralPool: 'ext-ephemeral', externalCephConf: 'ext-ceph.conf' }, selection: cephFirst } }));
    expect(at(v, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt')).toEqual({ images_type: 'rbd', images_rbd_pool: 'ext-ephemeral', images_rbd_ceph_conf: '/etc/ceph/ext-ceph.conf' });
    expect(at(v, 'conf.nova.libvirt.images_rbd_ceph_conf')).toBe('/etc/ceph/ext-ceph.conf');
    expect(at(v, 'conf.nova.libvirt.images_rbd_pool')).toBe('ephemeral');
  });

  test.each([['/etc/ceph/ext.conf'], ['..'], ['a b.conf'], ['']])('§3.10.1: the external conf %j is not a file name and is refused', (name) => {
    expect(problemsOf(aioSimplex({ storage: { ceph: { kind: 'host', fsid: FSID, externalCephConf: name } } }))).toEqual([expect.stringMatching(/^storage\.ceph\.externalCephConf: expected a file name/)]);
  });

  test('§3.10.1: without an external pool the hosts use "ephemeral"; host-path ephemeral ignores the pool', () => {
    const internal = systemValuesOf('nova', aioSimplex({ storage: { ceph: { kind: 'host', fsid: FSID }, selection: cephFirst } }));
    expect(at(internal, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt.images_rbd_pool')).toBe('ephemeral');
    const hostPath = systemValuesOf('nova', aioSimplex({ storage: { ceph: { kind: 'host', fsid: FSID, externalEphemeralPool: 'ext-ephemeral' } } }));
    expect(at(hostPath, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt')).toEqual({ images_type: 'default' });
  });
});

describe('§3.7/§3.17 Dex providerName and protocolName', () => {
  const ISSUER = 'https://oam.example.com:30556/dex';
  const dexProfile = (dex: object) => aioSimplex({ keystone: { dex: { enabled: true, ...dex } }, endpoints: { domain: 'example.com' }, platform: { oidcIssuerUrl: ISSUER } });

  test('§3.17 DEX: given providerName and protocolName, then horizon idp_mapping names that identity provider and protocol', () => {
    const v = systemValuesOf('horizon', dexProfile({ providerName: 'corp-dex', protocolName: 'oidc', webssoLabel: 'Corporate SSO', webssoInitialChoice: 'dex_oidc' }));
    expect(at(v, 'conf.horizon.local_settings.config.auth')).toEqual({
      sso: { enabled: true, initial_choice: 'dex_oidc' },
      idp_mapping: [{ name: 'dex_oidc', label: 'Corporate SSO', idp: 'corp-dex', protocol: 'oidc' }],
    });
  });

  test('§3.7 DEX: given other names, then keystone dex_idp carries them so the provider keystone creates is the one horizon offers; auth methods keep openid (the plugin, as the platform)', () => {
    const v = systemValuesOf('keystone', dexProfile({ providerName: 'corp-dex', protocolName: 'oidc' }));
    expect(at(v, 'conf.federation.dex_idp')).toEqual({ provider_remote_id: ISSUER, enabled: true, provider_name: 'corp-dex', protocol_name: 'oidc' });
    expect(at(v, 'conf.keystone.auth.methods')).toBe('external,password,token,oauth1,mapped,application_credential,openid');
  });

  test('§3.7 DEX: with the default names, keystone and horizon are as before (dex, openid)', () => {
    expect(at(systemValuesOf('keystone', dexProfile({})), 'conf.federation.dex_idp')).toEqual({ provider_remote_id: ISSUER, enabled: true });
    expect(at(systemValuesOf('horizon', dexProfile({})), 'conf.horizon.local_settings.config.auth.idp_mapping')).toEqual([{ name: 'dex_oidc', label: 'Login with DEX SSO', idp: 'dex', protocol: 'openid' }]);
  });

  test('§3.7 DEX: names are Keystone names (no spaces or separators)', () => {
    expect(() => resolveInput(dexProfile({ protocolName: 'open id' }), 'test.yaml')).toThrow(/keystone\.dex\.protocolName/);
  });
});

describe('§4.3 restore modes', () => {
  const emitted = (input: DeploymentProfileInput) => resolveInput(input, 'test.yaml').releases.map((r) => r.definition.name);

  test('§4.3 restore_db: only ingress-nginx-openstack, nginx-ports-control and mariadb (AIO-SX: garbd is off anyway)', () => {
    expect(emitted(aioSimplex({ applyMode: 'restore_db' })).sort()).toEqual(['ingress-nginx-openstack', 'mariadb', 'nginx-ports-control']);
  });

  test('§4.3 restore_db: garbd too where it is enabled (Standard with two control-plane hosts)', () => {
    expect(emitted(standard(2, { applyMode: 'restore_db' })).sort()).toEqual(['garbd', 'ingress-nginx-openstack', 'mariadb', 'nginx-ports-control']);
  });

  test('§4.3 restore_storage: also memcached, rabbitmq, keystone, glance and cinder, with their dependsOn edges inside the subset', () => {
    const deployment = resolveInput(standard(2, { applyMode: 'restore_storage' }), 'test.yaml');
    expect(deployment.releases.map((r) => r.definition.name).sort()).toEqual(['cinder', 'garbd', 'glance', 'ingress-nginx-openstack', 'keystone', 'mariadb', 'memcached', 'nginx-ports-control', 'rabbitmq']);
    const names = new Set(deployment.releases.map((r) => r.definition.name as string));
    for (const r of deployment.releases) for (const dep of r.dependsOn) expect(names.has(dep)).toBe(true);
  });

  test('§4.3 restore: user values of releases a restore leaves out are kept, not refused', () => {
    expect(emitted(aioSimplex({ applyMode: 'restore_db', userOverrides: { nova: { conf: { nova: { DEFAULT: { debug: true } } } } } }))).not.toContain('nova');
  });

  // The plugin's restore only changes the kustomization's release list
  // (kustomize_openstack.py platform_mode_kustomize_updates); no chart's overrides read the mode.
  test.each([['restore_db' as const], ['restore_storage' as const]])('§4.3 %s: each release it keeps has the values of normal mode', (applyMode) => {
    const normal = new Map(resolveInput(standard(2), 'test.yaml').releases.map((r) => [r.definition.name, r]));
    const restore = resolveInput(standard(2, { applyMode }), 'test.yaml').releases;
    expect(restore.length).toBeGreaterThan(0);
    for (const r of restore) {
      const before = normal.get(r.definition.name)!;
      expect([r.definition.name, r.systemValues, r.staticValues, r.chartVersion]).toEqual([r.definition.name, before.systemValues, before.staticValues, before.chartVersion]);
    }
  });

  test('§4.3 normal mode deploys every enabled release', () => {
    expect(emitted(aioSimplex())).toEqual(expect.arrayContaining(['nova', 'neutron', 'horizon', 'cinder']));
  });
});

describe('§3.10.1/§3.12.1 interface types as StarlingX configures them', () => {
  type Iface = NonNullable<NonNullable<DeploymentProfileInput['hosts'][number]['interfaces']>[number]>;
  const DATANETWORKS: DeploymentProfileInput['datanetworks'] = [
    { name: 'physnet0', type: 'vlan', mtu: 1500 },
    { name: 'physnet1', type: 'flat', mtu: 1500 },
    { name: 'sriovnet0', type: 'vlan', mtu: 1500 },
    { name: 'sriovnet1', type: 'vlan', mtu: 1500 },
    { name: 'ptnet0', type: 'flat', mtu: 1500 },
    { name: 'ptnet1', type: 'vlan', mtu: 1500 },
  ];
  /** A standard system with one worker carrying `interfaces` (and `pciDevices`). */
  const withWorker = (interfaces: Iface[], pciDevices: Array<{ address: string; enabled: boolean }> = []) =>
    standard(1, {
      datanetworks: DATANETWORKS,
      hosts: [controller(0, false), controller(1, false), worker(0, { interfaces, pciDevices })],
    });
  const neutronHost = (input: DeploymentProfileInput) => at(systemValuesOf('neutron', input), 'conf.overrides.neutron_ovs-agent.hosts.0.conf') as Record<string, unknown>;
  const whitelist = (input: DeploymentProfileInput) => at(systemValuesOf('nova', input), 'conf.overrides.nova_compute.hosts.0.conf.nova.pci');
  const member = (name: string, pci: string): Iface => ({ name, type: 'ethernet', class: 'none', port: { name, pciAddress: pci } });

  test('§3.12.1 ae: an aggregated data interface is bridged by its own name (members carry no class)', () => {
    const conf = neutronHost(withWorker([member('enp1', '0000:18:00.0'), member('enp2', '0000:18:00.1'), { name: 'ae0', type: 'ae', class: 'data', uses: ['enp1', 'enp2'], datanetworks: ['physnet0'] }]));
    expect(at(conf as never, 'plugins.openvswitch_agent.ovs.bridge_mappings')).toBe('physnet0:br-phy0,');
    expect(conf.auto_bridge_add).toEqual({ 'br-phy0': 'ae0' });
  });

  test('§3.12.1 vlan: a VLAN data interface is bridged by its OS name (vlan100 -> vlan#100, data0.200 -> data0#200), after ethernet and ae interfaces', () => {
    const conf = neutronHost(
      withWorker([
        member('enp1', '0000:18:00.0'),
        { name: 'vlan100', type: 'vlan', class: 'data', uses: ['enp1'], datanetworks: ['physnet1'] },
        { name: 'enp1.200', type: 'vlan', class: 'data', uses: ['enp1'], datanetworks: ['ptnet0'] },
        { name: 'data9', type: 'ethernet', class: 'data', port: { name: 'enp9', pciAddress: '0000:19:00.0' }, datanetworks: ['physnet0'] },
      ]),
    );
    expect(at(conf as never, 'plugins.openvswitch_agent.ovs.bridge_mappings')).toBe('physnet0:br-phy0,ptnet0:br-phy1,physnet1:br-phy2,');
    expect(conf.auto_bridge_add).toEqual({ 'br-phy0': 'enp9', 'br-phy1': 'enp1#200', 'br-phy2': 'vlan#100' });
  });

  const SRIOV_VFS = ['0000:18:02.0', '0000:18:02.1', '0000:18:02.2', '0000:18:02.3'];
  const sriovParent: Iface = { name: 'sriov0', type: 'ethernet', class: 'pci-sriov', port: { name: 'enp24s0f0', pciAddress: '0000:18:00.0', sriovVfAddresses: SRIOV_VFS }, sriovNumVfs: 4, datanetworks: ['sriovnet0'] };
  const vf: Iface = { name: 'vf0', type: 'vf', class: 'pci-sriov', uses: ['sriov0'], sriovNumVfs: 1, datanetworks: ['sriovnet1'] };
  const data: Iface = { name: 'data0', type: 'ethernet', class: 'data', port: { name: 'enp25s0f0', pciAddress: '0000:19:00.0' }, datanetworks: ['physnet0'] };

  test('§3.12.1 pci-sriov: the SR-IOV agent maps each datanetwork to the physical port; a vf interface maps to its parent port', () => {
    const conf = neutronHost(withWorker([data, sriovParent, vf]));
    expect(at(conf as never, 'plugins.sriov_agent')).toEqual({
      securitygroup: { firewall_driver: 'noop' },
      agent: { root_helper: '' },
      sriov_nic: { physical_device_mappings: 'sriovnet0:enp24s0f0,sriovnet1:enp24s0f0,' },
    });
  });

  test('§3.12.1 pci-sriov: SR-IOV interfaces on flat/vlan datanetworks also get OVS bridges (the platform bridges data and pci-sriov alike)', () => {
    const conf = neutronHost(withWorker([data, sriovParent, vf]));
    expect(at(conf as never, 'plugins.openvswitch_agent.ovs.bridge_mappings')).toBe('physnet0:br-phy0,sriovnet0:br-phy1,sriovnet1:br-phy2,');
    expect(conf.auto_bridge_add).toEqual({ 'br-phy0': 'enp25s0f0', 'br-phy1': 'enp24s0f0', 'br-phy2': 'enp24s0f0' });
  });

  test('§3.12.1 without SR-IOV interfaces physical_device_mappings is empty', () => {
    expect(at(neutronHost(withWorker([data])) as never, 'plugins.sriov_agent.sriov_nic.physical_device_mappings')).toBe('');
  });

  test('§3.10.1 pci-sriov whitelist: each VF is whitelisted on its datanetwork; a vf child takes the last sriovNumVfs of its parent', () => {
    expect(whitelist(withWorker([data, sriovParent, vf]))).toEqual({
      passthrough_whitelist: {
        type: 'multistring',
        values: [
          '{"address": "0000:18:02.0", "physical_network": "sriovnet0"}',
          '{"address": "0000:18:02.1", "physical_network": "sriovnet0"}',
          '{"address": "0000:18:02.2", "physical_network": "sriovnet0"}',
          '{"address": "0000:18:02.3", "physical_network": "sriovnet1"}',
        ],
      },
    });
  });

  test('§3.10.1 pci-passthrough and pciDevices: passthrough ports on their datanetworks (comma-joined), then enabled PCI devices by address only, then SR-IOV VFs', () => {
    const passthrough: Iface = { name: 'pthru0', type: 'ethernet', class: 'pci-passthrough', port: { name: 'enp26s0f0', pciAddress: '0000:1a:00.0' }, datanetworks: ['ptnet0', 'ptnet1'] };
    const values = at(
      whitelist(withWorker([data, passthrough, sriovParent], [{ address: '0000:3d:00.0', enabled: true }, { address: '0000:3e:00.0', enabled: false }])) as never,
      'passthrough_whitelist.values',
    ) as string[];
    expect(values.slice(0, 2)).toEqual(['{"address": "0000:1a:00.0", "physical_network": "ptnet0,ptnet1"}', '{"address": "0000:3d:00.0"}']);
    expect(values.slice(2)).toHaveLength(4);
  });

  test('§3.12.1 pci-passthrough interfaces are not bridged and not SR-IOV mapped', () => {
    const passthrough: Iface = { name: 'pthru0', type: 'ethernet', class: 'pci-passthrough', port: { name: 'enp26s0f0', pciAddress: '0000:1a:00.0' }, datanetworks: ['ptnet0'] };
    const conf = neutronHost(withWorker([data, passthrough]));
    expect(conf.auto_bridge_add).toEqual({ 'br-phy0': 'enp25s0f0' });
    expect(at(conf as never, 'plugins.sriov_agent.sriov_nic.physical_device_mappings')).toBe('');
  });

  test('§3.10.1 no PCI device, passthrough or SR-IOV interface: pci is a real null', () => {
    expect(whitelist(withWorker([data], [{ address: '0000:3d:00.0', enabled: false }]))).toBeNull();
  });
});

describe('§1.1/§3.17 regionConfig (P3)', () => {
  const regionConfig = { services: { cinder: { regionName: 'StorageRegion' } } };

  test('§2.1 regionConfig: a service with its own region gives that region to its identity users and cinder os_region_name; other services keep the system region', () => {
    const input = aioSimplex({ system: { type: 'aio', mode: 'simplex', regionConfig } });
    const cinder = systemValuesOf('cinder', input);
    expect(at(cinder, 'endpoints.identity.auth.admin.region_name')).toBe('StorageRegion');
    expect(at(cinder, 'endpoints.identity.auth.cinder.region_name')).toBe('StorageRegion');
    expect(at(cinder, 'conf.cinder.DEFAULT.os_region_name')).toBe('StorageRegion');
    expect(at(systemValuesOf('nova', input), 'endpoints.identity.auth.nova.region_name')).toBe('RegionOne');
  });

  // The plugin's _get_service_region_name, read by every chart's identity users and by aodh's and
  // fm's own region settings (aodh.py service_credentials, fm_rest_api.py DEFAULT and sysinv).
  test.each([
    ['aodh', ['endpoints.identity.auth.aodh.region_name', 'conf.aodh.service_credentials.region_name']],
    ['fm-rest-api', ['endpoints.identity.auth.fm.region_name', 'fm.DEFAULT.region_name', 'fm.sysinv.os_region_name']],
    ['nova', ['endpoints.identity.auth.nova.region_name', 'endpoints.identity.auth.admin.region_name']],
    ['neutron', ['endpoints.identity.auth.neutron.region_name']],
    ['heat', ['endpoints.identity.auth.heat.region_name']],
    ['glance', ['endpoints.identity.auth.glance.region_name']],
  ] as const)('§2.1 regionConfig: a region of its own for %s reaches %j; the system region stays elsewhere', (release, paths) => {
    const input = aioSimplex({ system: { type: 'aio', mode: 'simplex', regionConfig: { services: { [release]: { regionName: 'RegionTwo' } } } } });
    const values = systemValuesOf(release, input);
    for (const path of paths) expect([path, at(values, path)]).toEqual([path, 'RegionTwo']);
    expect(at(systemValuesOf('keystone', input), 'endpoints.identity.auth.admin.region_name')).toBe('RegionOne');
  });

  test('§3.17 regionConfig: horizon gets the keystone URL, region, available regions and ss_enabled (the platform fixed values)', () => {
    const config = at(systemValuesOf('horizon', aioSimplex({ system: { type: 'aio', mode: 'simplex', regionConfig } })), 'conf.horizon.local_settings.config');
    expect(config).toMatchObject({
      openstack_keystone_url: 'http://controller:5000/v3',
      region_name: 'RegionOne',
      available_regions: [['http://controller:5000/v3', 'RegionOne']],
      ss_enabled: 'True',
    });
  });

  test('§3.17 regionConfig: not on a subcloud, and not without regionConfig', () => {
    const sub = at(systemValuesOf('horizon', aioSimplex({ system: { type: 'aio', mode: 'simplex', distributedCloudRole: 'subcloud', regionName: 'subcloud1', regionConfig } })), 'conf.horizon.local_settings.config') as object;
    expect(sub).not.toHaveProperty('ss_enabled');
    expect(at(systemValuesOf('horizon', aioSimplex()), 'conf.horizon.local_settings.config') as object).not.toHaveProperty('openstack_keystone_url');
  });
});
