/**
 * Upstream features beyond the core (issue 12, part 2), where they need the whole deployment: the
 * Secrets storage array credentials are read from, what the credentials command lists, profiles
 * refused, restore modes, and the rules that span several releases (the StorageClass fallback,
 * regionConfig, Dex naming). What one release computes for them is in test/releases/<name>.test.ts.
 * Each test names the spec section it follows.
 */
import { resolveInput } from '../../lib/deployment/app';
import { DeploymentProfileInput } from '../../lib/profile/profile';
import { generateValues } from '../../scripts/credentials';
import { aioSimplex, problemsOf, standard, systemValuesOf } from '../support/profiles';
import { at, credentialAt } from '../support/values-path';
import { contextOf, dexProfile, esbProfile, FSID, ISSUER, NETAPP_WITH_CREDENTIALS, NO_CEPH, StorageInput } from '../support/fixtures';
import { deploymentContext } from '../../lib/deployment/resolve';
import { ReleaseName } from '../../releases/names';

/** Where each credential of a resolved deployment lives, `secret/key` by id. */
function sourcesOf(input: DeploymentProfileInput): Map<string, string> {
  const deployment = resolveInput(input, 'test.yaml');
  return new Map([...deployment.credentialSources].map(([id, s]) => [id, `${s.name}/${s.key}`]));
}

describe('§2.8 NetApp credentials', () => {
  const input = aioSimplex({ storage: { ceph: NO_CEPH, netapp: NETAPP_WITH_CREDENTIALS } });

  test('§2.8 NetApp: given credentialsRef, then the leaves read that Secret (username/password keys by default, as Trident names them)', () => {
    const sources = sourcesOf(input);
    expect(sources.get('netapp-login.nfs')).toBe('ontap-nas-creds/username');
    expect(sources.get('netapp-password.nfs')).toBe('ontap-nas-creds/password');
    expect(sources.get('netapp-login.iscsi')).toBe('ontap-san-creds/user');
    expect(sources.get('netapp-password.iscsi')).toBe('ontap-san-creds/pass');
  });

  test('§2.8 NetApp: credentials.overrides still moves a NetApp credential to another Secret', () => {
    const sources = sourcesOf({
      ...input,
      credentials: { overrides: { 'netapp-password.nfs': { secretName: 'vault-sync', key: 'ontap' } } },
    });
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
});

describe('§2.8 ESB secretRef', () => {
  test('§2.8 ESB: given secretRef keys, then each mapped cinder.conf field of the backend section is a credential leaf read from that Secret', () => {
    const input = esbProfile({ secretName: 'powerstore-creds', keys: { san_login: 'username', san_password: 'password' } });
    const v = systemValuesOf('cinder', input);
    expect(credentialAt(v, 'conf.backends.dell-iscsi.san_login')).toBe('esb.dell-iscsi.san_login');
    expect(credentialAt(v, 'conf.backends.dell-iscsi.san_password')).toBe('esb.dell-iscsi.san_password');
    expect(at(v, 'conf.backends.dell-iscsi.san_ip')).toBe('10.0.0.9');
    const sources = sourcesOf(input);
    expect(sources.get('esb.dell-iscsi.san_login')).toBe('powerstore-creds/username');
    expect(sources.get('esb.dell-iscsi.san_password')).toBe('powerstore-creds/password');
  });

  test('§2.8 ESB: secretRef needs at least one field, and field names are cinder.conf option names', () => {
    expect(() => resolveInput(esbProfile({ secretName: 'x', keys: {} }), 'test.yaml')).toThrow(/at least one cinder.conf field/);
    expect(() => resolveInput(esbProfile({ secretName: 'x', keys: { 'san password': 'p' } }), 'test.yaml')).toThrow(
      /secretRef\.keys\.san password/,
    );
  });

  // utils.py resolve_secret_ref reads the Secret from secretRef.namespace (default openstack);
  // Flux valuesFrom reads the HelmRelease's namespace only.
  test('§2.8 ESB: secretRef.namespace openstack is served like no namespace', () => {
    const input = esbProfile({ secretName: 'powerstore-creds', namespace: 'openstack', keys: { san_password: 'password' } });
    expect(sourcesOf(input).get('esb.dell-iscsi.san_password')).toBe('powerstore-creds/password');
  });

  test('§2.8 ESB: a secretRef in another namespace is refused with what to do instead', () => {
    expect(() =>
      resolveInput(esbProfile({ secretName: 'powerstore-creds', namespace: 'dell-csi', keys: { san_password: 'password' } }), 'test.yaml'),
    ).toThrow(
      /storage\.esb\[0\]\.secretRef\.namespace: expected openstack, the namespace of the HelmReleases: Flux valuesFrom reads no other; copy the Secret into openstack/,
    );
  });
});

describe('§3.8 cinder mounts: storage CA and extra mounts', () => {
  const CONVERSION_VOLUME = { name: 'imageconversion', hostPath: { path: '/opt/conversion' } };

  test('§3.8 storage CA: without storage.caCert no CA is mounted, and the credentials command lists the Secret when it is', () => {
    const v = systemValuesOf('cinder', aioSimplex());
    expect(at(v, 'pod.mounts.cinder_backup.cinder_backup.volumes')).toEqual([CONVERSION_VOLUME]);
    const { external } = generateValues(
      resolveInput(
        aioSimplex({ storage: { ceph: { kind: 'host', fsid: '89bd29e9-c505-4170-a097-04dc8e43c897' }, caCert: {} } }),
        'test.yaml',
      ),
      new Map(),
      false,
    );
    expect(external).toContain(
      'storage-ca-cert/ca.crt (CA of the storage arrays, mounted by cinder; the platform copies it from /var/opt/openstack/certs/storage.pem)',
    );
  });

  test('§3.8 extra_mounts: an entry that is not a list of maps is refused, naming the field', () => {
    const input = aioSimplex({
      userOverrides: { cinder: { storage_conf: { extra_mounts: { cinder_volume: { volumes: 'array-nfs' } } } } },
    });
    expect(() => resolveInput(input, 'test.yaml')).toThrow(
      'userOverrides.cinder.storage_conf.extra_mounts.cinder_volume.volumes: expected a list of Kubernetes volume or volumeMount maps',
    );
  });
});

describe('§2.6 StorageClass fallback to the cinder ESB entry', () => {
  const esb: StorageInput['esb'] = [{ name: 'dell-nfs', protocol: 'nfs', k8sStorageClass: 'dell-nfs-sc' }];

  test('§2.6: given a chart whose backends list does not enable an ESB entry named in its priority, then the entry k8sStorageClass still resolves', () => {
    const selection = { backends: [{ name: 'ceph', enabled: false }], priority: ['ceph', 'dell-nfs'] };
    const input = aioSimplex({
      storage: { ceph: { kind: 'host', fsid: FSID }, esb, selection: { mariadb: selection, rabbitmq: selection } },
    });
    expect(at(systemValuesOf('mariadb', input), 'volume.class_name')).toBe('dell-nfs-sc');
    expect(at(systemValuesOf('rabbitmq', input), 'volume.class_name')).toBe('dell-nfs-sc');
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
  test.each([['/etc/ceph/ext.conf'], ['..'], ['a b.conf'], ['']])(
    '§3.10.1: the external conf %j is not a file name and is refused',
    (name) => {
      expect(problemsOf(aioSimplex({ storage: { ceph: { kind: 'host', fsid: FSID, externalCephConf: name } } }))).toEqual([
        expect.stringMatching(/^storage\.ceph\.externalCephConf: expected a file name/),
      ]);
    },
  );
});

describe('§3.7/§3.17 Dex providerName and protocolName', () => {
  test('§3.7 DEX: with the default names, keystone and horizon are as before (dex, openid)', () => {
    expect(at(systemValuesOf('keystone', dexProfile({})), 'conf.federation.dex_idp')).toEqual({
      provider_remote_id: ISSUER,
      enabled: true,
    });
    expect(at(systemValuesOf('horizon', dexProfile({})), 'conf.horizon.local_settings.config.auth.idp_mapping')).toEqual([
      { name: 'dex_oidc', label: 'Login with DEX SSO', idp: 'dex', protocol: 'openid' },
    ]);
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
    expect(emitted(standard(2, { applyMode: 'restore_db' })).sort()).toEqual([
      'garbd',
      'ingress-nginx-openstack',
      'mariadb',
      'nginx-ports-control',
    ]);
  });

  test('§4.3 restore_storage: also memcached, rabbitmq, keystone, glance and cinder, with their dependsOn edges inside the subset', () => {
    const deployment = resolveInput(standard(2, { applyMode: 'restore_storage' }), 'test.yaml');
    expect(deployment.releases.map((r) => r.definition.name).sort()).toEqual([
      'cinder',
      'garbd',
      'glance',
      'ingress-nginx-openstack',
      'keystone',
      'mariadb',
      'memcached',
      'nginx-ports-control',
      'rabbitmq',
    ]);
    const names = new Set(deployment.releases.map((r) => r.definition.name as string));
    for (const r of deployment.releases) for (const dep of r.dependsOn) expect(names.has(dep)).toBe(true);
  });

  test('§4.3 restore: user values of releases a restore leaves out are kept, not refused', () => {
    expect(
      emitted(aioSimplex({ applyMode: 'restore_db', userOverrides: { nova: { conf: { nova: { DEFAULT: { debug: true } } } } } })),
    ).not.toContain('nova');
  });

  // The plugin's restore only changes the kustomization's release list
  // (kustomize_openstack.py platform_mode_kustomize_updates); no chart's overrides read the mode.
  test.each([['restore_db' as const], ['restore_storage' as const]])(
    '§4.3 %s: each release it keeps has the values of normal mode',
    (applyMode) => {
      const normal = new Map(resolveInput(standard(2), 'test.yaml').releases.map((r) => [r.definition.name, r]));
      const restore = resolveInput(standard(2, { applyMode }), 'test.yaml').releases;
      expect(restore.length).toBeGreaterThan(0);
      for (const r of restore) {
        const before = normal.get(r.definition.name)!;
        expect([r.definition.name, r.systemValues, r.staticValues, r.chartVersion]).toEqual([
          r.definition.name,
          before.systemValues,
          before.staticValues,
          before.chartVersion,
        ]);
      }
    },
  );

  test('§4.3 normal mode deploys every enabled release', () => {
    expect(emitted(aioSimplex())).toEqual(expect.arrayContaining(['nova', 'neutron', 'horizon', 'cinder']));
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
    const input = aioSimplex({
      system: { type: 'aio', mode: 'simplex', regionConfig: { services: { [release]: { regionName: 'RegionTwo' } } } },
    });
    const values = systemValuesOf(release, input);
    for (const path of paths) expect([path, at(values, path)]).toEqual([path, 'RegionTwo']);
    expect(at(systemValuesOf('keystone', input), 'endpoints.identity.auth.admin.region_name')).toBe('RegionOne');
  });
});

describe('the test fixtures', () => {
  test('the light context of the release suites (test/support/fixtures.ts) is the one the synth computes', () => {
    const input = standard(2, { storage: { ceph: NO_CEPH, netapp: NETAPP_WITH_CREDENTIALS } });
    const enabled: ReleaseName[] = ['mariadb', 'nova'];
    const ours = contextOf(input, enabled);
    expect(ours).toEqual(deploymentContext(ours.profile, new Set(enabled)));
    expect([...ours.enabled]).toEqual(enabled);
  });
});
