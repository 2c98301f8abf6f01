/**
 * §2.5 https common: which releases turn on the chart's certificate manifests under https.
 * The rule is checked for every release against the spec's per-chart sections (§3), on several
 * deployments, so a release that forgets `certificates(ctx)` (or adds it where the platform does
 * not) fails here.
 */
import { DeploymentProfileInput } from '../../lib/profile/profile';
import { RELEASES } from '../../releases';
import { RELEASE_NAMES, ReleaseName } from '../../releases/names';
import { aioDuplex, aioSimplex, standard, systemValuesOf } from '../support/profiles';
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

const HTTPS = { enabled: true, certRef: { secretName: 'openstack-tls', caKey: 'ca.crt' } };
const ROOK = { ceph: { kind: 'rook' as const, storageClass: 'general', fsid: '89bd29e9-c505-4170-a097-04dc8e43c897' } };

/** Deployments that differ in everything but https: system type and mode, domain, ceph kind, IP family. */
const DEPLOYMENTS: ReadonlyArray<[string, (https: Partial<DeploymentProfileInput>) => DeploymentProfileInput]> = [
  ['AIO-SX, host ceph, no domain', (extra) => aioSimplex(extra)],
  ['AIO-DX, rook ceph, endpoint domain', (extra) => aioDuplex({ storage: ROOK, endpoints: { domain: 'example.com' }, ...extra })],
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

describe('§2.5 https common: manifests.certificates', () => {
  it.each(DEPLOYMENTS)('given https on %s, then exactly the releases whose spec section says so set manifests.certificates: true', (_, profile) => {
    const withCertificates = RELEASES_WITH_SYSTEM_VALUES.filter((name) => at(systemValuesOf(name, profile({ https: HTTPS })), 'manifests.certificates') === true);
    expect(withCertificates).toEqual(RELEASES_WITH_SYSTEM_VALUES.filter((name) => WITH_CERTIFICATES.has(name)));
  });

  it.each(DEPLOYMENTS)('given no https on %s, then no release sets manifests.certificates', (_, profile) => {
    const withKey = RELEASES_WITH_SYSTEM_VALUES.filter((name) => at(systemValuesOf(name, profile({})), 'manifests.certificates') !== undefined);
    expect(withKey).toEqual([]);
  });

  it('every release the spec names computes system values', () => {
    for (const name of WITH_CERTIFICATES) expect(RELEASES_WITH_SYSTEM_VALUES).toContain(name);
  });
});
