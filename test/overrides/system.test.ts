import { CredentialRef } from '../../lib/engine/credentials';
import { Values } from '../../lib/engine/values';
import { DeploymentContext } from '../../lib/profile/context';
import {
  CA_PATH,
  certificates,
  emptyHostLeaves,
  fqdnOverride,
  groupHosts,
  hostPathMounts,
  identityAuth,
  notificationUrl,
  osloCache,
  osloDbAuth,
  osloMessaging,
  osloMessagingAuth,
  OVMF_MOUNTS,
  publicEndpoint,
  publicHost,
  publicPort,
  publicScheme,
  rangeSet,
  renderNotificationUrl,
  rookImageTags,
} from '../../overrides/system';

interface Options {
  https?: boolean;
  domain?: string;
  fqdnPattern?: string;
  caKey?: string;
  ceph?: 'host' | 'rook' | 'none';
  rookImage?: string;
}

/** Just the parts of a deployment context that the system blocks read. */
function ctx(o: Options = {}): DeploymentContext {
  return {
    profile: {
      system: { regionName: 'RegionOne' },
      keystone: { admin: { userName: 'admin' } },
      endpoints: { domain: o.domain, fqdnPattern: o.fqdnPattern ?? '{service_name}.{endpoint_domain}' },
      https: { enabled: o.https ?? false, certRef: o.https ? { secretName: 'tls', caKey: o.caKey } : undefined },
      storage: { ceph: { kind: o.ceph ?? 'host' } },
      images: { rookCephConfigHelper: o.rookImage ?? 'docker.io/rook/ceph:v1' },
    },
    derived: { https: o.https ?? false },
  } as unknown as DeploymentContext;
}

/** The values with each credential replaced by `cred:<id>`, for plain comparison. */
function ids(value: unknown): unknown {
  if (value instanceof CredentialRef) return `cred:${value.id}`;
  if (Array.isArray(value)) return value.map(ids);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ids(v)]));
  return value;
}

describe('notification URLs', () => {
  test('a credential per vhost, rendered from the rabbit admin password (URL-encoded)', () => {
    const ref = notificationUrl('/nova');
    expect([ref.id, ref.kind, ref.detail]).toStrictEqual(['notification-url.nova', 'rabbit-url', '/nova']);
    expect(renderNotificationUrl('p@ss/w:rd', '/nova')).toBe(
      'rabbit://rabbitmq-admin:p%40ss%2Fw%3Ard@rabbitmq.openstack.svc.cluster.local:5672/nova',
    );
  });
});

describe('emptyHostLeaves', () => {
  test('every empty leaf of any host, at its path, for the root conf (sprig merge fills empty host values from it)', () => {
    const hosts = [
      { plugins: { sriov_agent: { sriov_nic: { physical_device_mappings: '' }, agent: { root_helper: '' } } }, n: 0, on: false, list: [] },
      {
        plugins: { sriov_agent: { sriov_nic: { physical_device_mappings: 'physnet0:eth2,' }, agent: { root_helper: '' } } },
        n: 3,
        on: true,
        list: ['a'],
      },
    ];
    expect(emptyHostLeaves(hosts)).toStrictEqual({
      plugins: { sriov_agent: { sriov_nic: { physical_device_mappings: '' }, agent: { root_helper: '' } } },
      n: 0,
      on: false,
      list: [],
    });
  });

  test('non-empty leaves and credentials give nothing', () => {
    expect(emptyHostLeaves([{ a: { b: 'x', c: 1 }, d: new CredentialRef('x', 'password') as unknown as Values }])).toStrictEqual({});
  });
});

describe('osloMessaging', () => {
  test('names as many RabbitMQ members as there are controllers (the charts default to 2)', () => {
    const c = ctx();
    expect((osloMessaging(c, ['nova']).statefulset as Values).replicas).toBe(c.derived.controllers);
    expect(Object.keys(osloMessaging(c, ['nova']).auth as Values)).toStrictEqual(['admin', 'nova']);
  });
});

describe('identityAuth', () => {
  test('admin, test and stx_admin, then the chart users, then the service users; no cacert without https', () => {
    const auth = identityAuth(ctx(), 'nova', ['nova', 'placement'], ['neutron'], { privateUsers: ['placement'] });
    expect(Object.keys(auth)).toStrictEqual(['admin', 'test', 'stx_admin', 'nova', 'placement', 'neutron']);
    expect(ids(auth)).toStrictEqual({
      admin: { region_name: 'RegionOne', username: 'admin', password: 'cred:admin-password' },
      test: { region_name: 'RegionOne', username: 'test', password: 'cred:test-password.nova' },
      stx_admin: {
        region_name: 'RegionOne',
        username: 'stx_admin',
        password: 'cred:stx-admin-password',
        project_name: 'admin',
        project_domain_name: 'default',
        user_domain_name: 'default',
      },
      nova: { region_name: 'RegionOne', password: 'cred:user-password.nova' },
      placement: { region_name: 'RegionOne', password: 'cred:chart-user-password.nova.placement' },
      neutron: { region_name: 'RegionOne', password: 'cred:user-password.neutron' },
    });
  });

  test('a chart user replaces a same-named entry; defaults give the three base users', () => {
    expect(Object.keys(identityAuth(ctx(), 'x'))).toStrictEqual(['admin', 'test', 'stx_admin']);
    const auth = identityAuth(ctx(), 'x', ['admin']);
    expect(ids(auth.admin)).toStrictEqual({ region_name: 'RegionOne', password: 'cred:user-password.admin' });
  });

  test('with https, every entry gets the CA path', () => {
    const auth = identityAuth(ctx({ https: true }), 'nova', ['nova'], ['glance']);
    for (const entry of Object.values(auth)) expect((entry as Values).cacert).toBe('/etc/ssl/certs/openstack-helm.crt');
    expect(CA_PATH).toBe('/etc/ssl/certs/openstack-helm.crt');
  });
});

describe('public endpoints', () => {
  test('publicHost: the pattern filled in and lower-cased, or nothing without a domain', () => {
    expect(publicHost(ctx(), 'nova')).toBeUndefined();
    expect(publicHost(ctx({ domain: 'Example.COM' }), 'Nova')).toBe('nova.example.com');
    expect(publicHost(ctx({ domain: 'example.com', fqdnPattern: 'api-{service_name}-{service_name}.x.{endpoint_domain}' }), 'nova')).toBe(
      'api-nova-nova.x.example.com', // Python's str.format fills every occurrence
    );
  });

  test('without https or domain, all empty (no https-only setting present)', () => {
    const c = ctx();
    expect(fqdnOverride(c, 'nova')).toStrictEqual({ public: {} });
    expect(publicPort(c)).toStrictEqual({});
    expect(publicScheme(c)).toStrictEqual({});
    expect(certificates(c)).toStrictEqual({});
    expect(publicEndpoint(c, 'nova')).toStrictEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
  });

  test('a domain without https: the host only', () => {
    const c = ctx({ domain: 'example.com' });
    expect(publicEndpoint(c, 'nova', 'web')).toStrictEqual({
      host_fqdn_override: { public: { host: 'nova.example.com' } },
      port: {},
      scheme: {},
    });
  });

  test('with https: TLS credentials, port 443, https scheme, certificates', () => {
    const c = ctx({ https: true, domain: 'example.com' });
    expect(ids(publicEndpoint(c, 'nova'))).toStrictEqual({
      host_fqdn_override: { public: { host: 'nova.example.com', tls: { crt: 'cred:tls.crt', key: 'cred:tls.key' } } },
      port: { api: { public: 443 } },
      scheme: { public: 'https' },
    });
    expect(publicPort(c)).toStrictEqual({ api: { public: 443 } });
    expect(publicPort(c, 'web')).toStrictEqual({ web: { public: 443 } });
    expect(certificates(c)).toStrictEqual({ certificates: true });
  });

  test('with https and a CA key, the CA too; https without a domain has no host', () => {
    expect(ids(fqdnOverride(ctx({ https: true, caKey: 'ca.crt' }), 'nova'))).toStrictEqual({
      public: { tls: { crt: 'cred:tls.crt', key: 'cred:tls.key', ca: 'cred:tls.ca' } },
    });
  });
});

describe('oslo blocks', () => {
  test('osloDbAuth: the admin, then each user', () => {
    expect(ids(osloDbAuth(['nova', 'nova_api']))).toStrictEqual({
      admin: { password: 'cred:db-admin-password' },
      nova: { password: 'cred:db-password.nova' },
      nova_api: { password: 'cred:db-password.nova_api' },
    });
    expect(ids(osloDbAuth([]))).toStrictEqual({ admin: { password: 'cred:db-admin-password' } });
  });

  test('osloMessagingAuth: the rabbit admin, then each user with its own account', () => {
    expect(ids(osloMessagingAuth(['nova']))).toStrictEqual({
      admin: { username: 'rabbitmq-admin', password: 'cred:rabbit-admin-password' },
      nova: { username: 'nova-rabbitmq-user', password: 'cred:rabbit-password.nova' },
    });
  });

  test('osloCache: the memcache secret key', () => {
    expect(ids(osloCache())).toStrictEqual({ auth: { memcache_secret_key: 'cred:memcache-secret-key' } });
  });
});

describe('rookImageTags', () => {
  test('each tag set to the rook image, in the local registry, only with rook ceph', () => {
    expect(rookImageTags(ctx({ ceph: 'rook' }), ['a', 'b'])).toStrictEqual({
      a: 'registry.local:9001/docker.io/rook/ceph:v1',
      b: 'registry.local:9001/docker.io/rook/ceph:v1',
    });
    expect(rookImageTags(ctx({ ceph: 'host' }), ['a'])).toStrictEqual({});
    expect(rookImageTags(ctx({ ceph: 'rook' }), [])).toStrictEqual({});
  });
});

describe('hostPathMounts', () => {
  test('a volume and a mount per path; the mount path defaults to the host path', () => {
    expect(
      hostPathMounts([
        ['a', '/x'],
        ['b', '/y', '/z'],
      ]),
    ).toStrictEqual({
      volumes: [
        { name: 'a', hostPath: { path: '/x' } },
        { name: 'b', hostPath: { path: '/y' } },
      ],
      volumeMounts: [
        { name: 'a', mountPath: '/x' },
        { name: 'b', mountPath: '/z' },
      ],
    });
    expect(OVMF_MOUNTS).toStrictEqual([
      ['ovmf', '/usr/share/OVMF'],
      ['qemu-ovmf', '/usr/share/qemu'],
    ]);
  });
});

describe('rangeSet', () => {
  test.each([
    [[], ''],
    [[3], '3'],
    [[1, 2], '1-2'],
    [[5, 3, 4, 2, 8], '2-5,8'],
    [[10, 9, 1, 1, 2], '1-2,9-10'],
    [[0, 2, 4], '0,2,4'],
    [[7, 8, 9, 11, 12, 20], '7-9,11-12,20'],
    [[100, 20, 3], '3,20,100'],
  ])('%j -> %j', (cpus, expected) => {
    expect(rangeSet(cpus)).toBe(expected);
  });
});

describe('groupHosts', () => {
  test('hosts with identical conf share a group, in first-seen order; key order does not matter', () => {
    const groups = groupHosts([
      { hostname: 'h0', conf: { a: 1, b: { c: [1, 2] } } },
      { hostname: 'h1', conf: { x: 'y' } },
      { hostname: 'h2', conf: { b: { c: [1, 2] }, a: 1 } },
    ]);
    expect(groups).toStrictEqual([
      { name: ['h0', 'h2'], conf: { a: 1, b: { c: [1, 2] } } },
      { name: ['h1'], conf: { x: 'y' } },
    ]);
  });

  test.each<[string, Values, Values]>([
    ['inside a list', { l: [1, 2] }, { l: [1, 3] }],
    ['in list order', { l: [1, 2] }, { l: [2, 1] }],
    ['in list length', { l: [1] }, { l: [1, 1] }],
    ['in where a list splits its items', { l: [1, 2] }, { l: [12] }],
    ['in a list of mappings', { l: [{ a: 1 }] }, { l: [{ a: 2 }] }],
    ['in nesting', { l: [[1, 2]] }, { l: [1, 2] }],
    ['in a nested key', { m: { a: 1 } }, { m: { b: 1 } }],
    ['in a value type', { a: 1 }, { a: '1' }],
    ['in null versus a string', { a: null }, { a: 'null' }],
    ['in a key with a quote', { 'a"': 1 }, { a: 1 }],
    ['in an extra key', { a: 1 }, { a: 1, b: 1 }],
    ['in a credential', { p: new CredentialRef('a', 'password') }, { p: new CredentialRef('b', 'password') }],
    ['in a credential versus its id', { p: new CredentialRef('a', 'password') }, { p: 'cred:a' }],
    ['in an empty list versus an empty mapping', { a: [] }, { a: {} }],
    ['in a list versus a string', { a: ['x', 'y'] }, { a: '[x,y]' }],
  ])('hosts that differ only %s are not grouped', (_, a, b) => {
    const groups = groupHosts([
      { hostname: 'h0', conf: a },
      { hostname: 'h1', conf: b },
    ]);
    expect(groups.map((g) => g.name)).toStrictEqual([['h0'], ['h1']]);
    expect(groups[0].conf).toBe(a);
    expect(groups[1].conf).toBe(b);
  });

  test('the same credential is the same conf', () => {
    const groups = groupHosts([
      { hostname: 'h0', conf: { p: new CredentialRef('a', 'password'), l: [{ k: true }] } },
      { hostname: 'h1', conf: { l: [{ k: true }], p: new CredentialRef('a', 'password') } },
    ]);
    expect(groups.map((g) => g.name)).toStrictEqual([['h0', 'h1']]);
  });

  test('no hosts, no groups', () => {
    expect(groupHosts([])).toStrictEqual([]);
  });
});
