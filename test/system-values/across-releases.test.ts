/**
 * Rules that hold across releases, checked on every release they name: certificates under https
 * (§2.5), credential leaves, replicas = C, purity, the endpoint FQDN pattern. What one release
 * computes is in test/releases/<name>.test.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DeploymentProfileInput } from '../../lib/profile/profile';
import { CredentialRef } from '../../lib/engine/credentials';
import { RELEASES } from '../../releases';
import { RELEASE_NAMES, ReleaseName } from '../../releases/names';
import { aioDuplex, aioSimplex, DOMAIN, HTTPS, ROOK_CEPH, standard } from '../support/fixtures';
import { leaves } from '../support/leaves';
import { systemValuesOf } from '../support/profiles';
import { at } from '../support/values-path';

/**
 * The releases whose spec section adds `manifests.certificates: true` under https: §3.7 keystone,
 * §3.8 cinder, §3.9 glance, §3.10 nova, §3.12 neutron, §3.14 placement, §3.15 nova-api-proxy,
 * §3.17 horizon, §3.18 heat, §3.19 clients, §3.20 fm-rest-api, §3.21 ceilometer, aodh, gnocchi,
 * prometheus-openstack-exporter, §3.22 barbican.
 */
const WITH_CERTIFICATES: ReadonlySet<ReleaseName> = new Set<ReleaseName>([
  'keystone',
  'cinder',
  'glance',
  'nova',
  'neutron',
  'placement',
  'nova-api-proxy',
  'horizon',
  'heat',
  'clients',
  'fm-rest-api',
  'ceilometer',
  'aodh',
  'gnocchi',
  'prometheus-openstack-exporter',
  'barbican',
]);

/** Deployments that differ in everything but https: system type and mode, domain, ceph kind, IP family. */
const DEPLOYMENTS: ReadonlyArray<[string, (https: Partial<DeploymentProfileInput>) => DeploymentProfileInput]> = [
  ['AIO-SX, host ceph, no domain', (extra) => aioSimplex(extra)],
  [
    'AIO-DX, rook ceph, endpoint domain',
    (extra) => aioDuplex({ storage: { ceph: ROOK_CEPH }, endpoints: { domain: 'example.com' }, ...extra }),
  ],
  [
    'Standard, IPv6, subcloud region',
    (extra) =>
      standard(3, {
        system: { type: 'standard', mode: 'duplex', regionName: 'subcloud1', distributedCloudRole: 'subcloud' },
        network: {
          clusterService: { families: ['ipv6'] },
          clusterHost: { subnet: 'fd02::/64', floatingAddress: 'fd02::1' },
          oam: { floatingAddress: 'fd00::2' },
        },
        ...extra,
      }),
  ],
];

const RELEASES_WITH_SYSTEM_VALUES = RELEASE_NAMES.filter((name) => RELEASES[name].systemValues);

/** The service releases of §3.15–§3.22. */
const SERVICE_RELEASES: ReleaseName[] = [
  'nova-api-proxy',
  'pci-irq-affinity-agent',
  'horizon',
  'heat',
  'clients',
  'fm-rest-api',
  'ceilometer',
  'aodh',
  'gnocchi',
  'prometheus-openstack-exporter',
  'barbican',
  'ironic',
  'ceph-rgw',
  'dcdbsync',
  'keystone-api-proxy',
];

/** Paths whose leaves are credentials [S]: passwords, keys, URLs with passwords, TLS material. */
const SECRET_PATH = /(password|secret_key|transport_url|messaging_urls|connection|\.tls\.(crt|key|ca))(\.|\[|$)/;

describe('the release suites', () => {
  test('every release has its suite test/releases/<name>.test.ts, and every suite there names a release', () => {
    const suites = fs.readdirSync(path.join(__dirname, '..', 'releases')).map((file) => file.replace(/\.test\.ts$/, ''));
    expect(suites.sort()).toEqual([...RELEASE_NAMES].sort());
  });
});

describe('§2.5 https common: manifests.certificates', () => {
  it.each(DEPLOYMENTS)(
    'given https on %s, then exactly the releases whose spec section says so set manifests.certificates: true',
    (_, profile) => {
      const withCertificates = RELEASES_WITH_SYSTEM_VALUES.filter(
        (name) => at(systemValuesOf(name, profile({ https: HTTPS })), 'manifests.certificates') === true,
      );
      expect(withCertificates).toEqual(RELEASES_WITH_SYSTEM_VALUES.filter((name) => WITH_CERTIFICATES.has(name)));
    },
  );

  it.each(DEPLOYMENTS)('given no https on %s, then no release sets manifests.certificates', (_, profile) => {
    const withKey = RELEASES_WITH_SYSTEM_VALUES.filter(
      (name) => at(systemValuesOf(name, profile({})), 'manifests.certificates') !== undefined,
    );
    expect(withKey).toEqual([]);
  });

  it('every release the spec names computes system values', () => {
    for (const name of WITH_CERTIFICATES) expect(RELEASES_WITH_SYSTEM_VALUES).toContain(name);
  });
});

describe('credential leaves', () => {
  const profiles: Array<[string, DeploymentProfileInput]> = [
    ['http', standard(2)],
    ['https with a domain', standard(2, { https: HTTPS, endpoints: { domain: DOMAIN } })],
  ];
  for (const release of SERVICE_RELEASES) {
    for (const [label, profile] of profiles) {
      test(`given ${label}, when ${release} values are computed, then every [S] leaf is a CredentialRef and no other leaf is`, () => {
        const found = [...leaves(systemValuesOf(release, profile))];
        const secretLeaves = found.filter(([path]) => SECRET_PATH.test(path));
        for (const [path, value] of secretLeaves) {
          expect({ path, isCredential: value instanceof CredentialRef }).toEqual({ path, isCredential: true });
        }
        for (const [path, value] of found.filter(([p]) => !SECRET_PATH.test(p))) {
          expect({ path, isCredential: value instanceof CredentialRef }).toEqual({ path, isCredential: false });
        }
        // No plain string may carry a URL with a password.
        for (const [, value] of found) if (typeof value === 'string') expect(value).not.toMatch(/:\/\/[^/]*:[^/]*@/);
      });
    }
  }
});

describe('replicas = C across releases', () => {
  const replicaPaths: Array<[ReleaseName, string]> = [
    ['nova-api-proxy', 'pod.replicas.proxy'],
    ['horizon', 'pod.replicas.server'],
    ['heat', 'pod.replicas.engine'],
    ['fm-rest-api', 'pod.replicas.api'],
    ['ceilometer', 'pod.replicas.notification'],
    ['aodh', 'pod.replicas.notifier'],
    ['gnocchi', 'pod.replicas.api'],
    ['prometheus-openstack-exporter', 'pod.replicas.prometheus_openstack_exporter'],
    ['barbican', 'pod.replicas.api'],
    ['ironic', 'pod.replicas.conductor'],
  ];
  test.each(replicaPaths)('given AIO-SX (C=1) and Standard (C=2), when %s values are computed, then %s follows C', (release, path) => {
    expect(at(systemValuesOf(release, aioSimplex()), path)).toBe(1);
    expect(at(systemValuesOf(release, standard(2)), path)).toBe(2);
  });
});

describe('endpoint FQDN with a custom pattern', () => {
  // Erratum 2026-12-02: the URLs of the federation, CSRF and Dex settings use the pattern too.
  const ISSUER_URL = 'https://oidc.example.com:30556/dex';
  const dexProfile = (https: boolean) =>
    aioSimplex({
      endpoints: { domain: 'Example.com', fqdnPattern: '{service_name}-os.{endpoint_domain}' },
      keystone: { dex: { enabled: true } },
      platform: { oidcIssuerUrl: ISSUER_URL },
      ...(https ? { https: { enabled: true, certRef: { secretName: 'openstack-tls' } } } : {}),
    });
  test('given fqdnPattern {service_name}-os.{endpoint_domain}, when computed, then public hosts follow the pattern', () => {
    const profile = aioSimplex({ endpoints: { domain: DOMAIN, fqdnPattern: '{service_name}-os.{endpoint_domain}' } });
    expect(at(systemValuesOf('nova-api-proxy', profile), 'endpoints.compute.host_fqdn_override.public.host')).toBe(
      'nova-os.openstack.example.com',
    );
    expect(at(systemValuesOf('horizon', profile), 'endpoints.dashboard.host_fqdn_override.public.host')).toBe(
      'horizon-os.openstack.example.com',
    );
    expect(at(systemValuesOf('horizon', profile), 'conf.horizon.local_settings.config.csrf_trusted_origins')).toEqual([
      'http://horizon-os.openstack.example.com',
    ]);
  });

  test.each([
    [false, 'http'],
    [true, 'https'],
  ])(
    'given the pattern {service_name}-os.{endpoint_domain} with DEX (https %s), when horizon and keystone values are computed, then every Keystone and Horizon URL uses the pattern over %s',
    (https, scheme) => {
      const horizon = systemValuesOf('horizon', dexProfile(https));
      const keystone = systemValuesOf('keystone', dexProfile(https));
      expect(at(horizon, 'conf.horizon.local_settings.config.csrf_trusted_origins')).toEqual([`${scheme}://horizon-os.example.com`]);
      expect(at(horizon, 'conf.horizon.local_settings.config.raw.OPENSTACK_KEYSTONE_URL')).toBe(`${scheme}://keystone-os.example.com/v3`);
      expect(at(keystone, 'conf.federation.external')).toEqual({
        keystone: `${scheme}://keystone-os.example.com`,
        horizon: `${scheme}://horizon-os.example.com`,
        dex: ISSUER_URL,
      });
      // Both schemes are trusted whatever the deployment's (as the platform writes them).
      expect(at(keystone, 'conf.keystone.federation.trusted_dashboard.values')).toEqual([
        'https://horizon-os.example.com/auth/websso/',
        'http://horizon-os.example.com/auth/websso/',
      ]);
    },
  );
});

describe('purity', () => {
  const releases: ReleaseName[] = [
    'mariadb',
    'garbd',
    'memcached',
    'rabbitmq',
    'ingress-nginx-openstack',
    'nginx-ports-control',
    'keystone',
    'placement',
    'neutron',
    'openvswitch',
  ];
  it.each(releases)('given the same profile twice, when computing %s, then the values are equal', (release) => {
    const profile = standard(3, { https: HTTPS, endpoints: { domain: 'example.com' } });
    expect(systemValuesOf(release, profile)).toEqual(systemValuesOf(release, profile));
  });
});
