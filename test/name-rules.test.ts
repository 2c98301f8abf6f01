/**
 * Name rules of the profile against the platform's validators (issue 19, item 3): each rule accepts
 * what the owning StarlingX validator accepts and refuses what it refuses, tightened only where the
 * consumer (a Kubernetes name or label, a Linux device, a config file) refuses more. Boundary
 * values on both sides of every rule.
 */
import { DeploymentProfileInput } from '../lib/profile/profile';
import { aioSimplex, controller, dataInterface, problemsOf, standard, worker } from './support/profiles';

type HostInput = DeploymentProfileInput['hosts'][number];
type InterfaceInput = NonNullable<HostInput['interfaces']>[number];

/** The problems at `field` (its own messages only). */
function problemsAt(input: DeploymentProfileInput, field: string): string[] {
  return problemsOf(input).filter((p) => p.startsWith(`${field}: `));
}

describe('system.regionName (keystone region id; dcmanager names new subclouds uuid4().hex)', () => {
  const region = (regionName: string) =>
    problemsAt(aioSimplex({ system: { type: 'aio', mode: 'simplex', regionName } }), 'system.regionName');
  test.each([
    ['a distributed-cloud subcloud region (32 hexadecimal characters)', '2ec93dfb654846909efe61d1b39dd2ce'],
    ['a single digit', '0'],
    ['RegionOne', 'RegionOne'],
    ['dots, "_" and "-"', 'site.1_east-a'],
    ['255 characters', 'r'.repeat(255)],
  ])('accepts %s', (_, name) => expect(region(name)).toEqual([]));
  test.each([
    ['256 characters', 'r'.repeat(256)],
    ['an empty name', ''],
    ['a leading "-"', '-region'],
    ['a leading "_"', '_region'],
    ['a space', 'Region One'],
    ['a "$" (oslo.config substitution)', 'region$1'],
    ['a non-ASCII letter', 'régionone'],
  ])('refuses %s', (_, name) => expect(region(name)).toEqual([expect.stringContaining('expected a region name')]));

  test('regionConfig regions follow the same rule', () => {
    const input = aioSimplex({
      system: {
        type: 'aio',
        mode: 'simplex',
        regionConfig: { services: { cinder: { regionName: '2ec93dfb654846909efe61d1b39dd2ce' }, nova: { regionName: '-x' } } },
      },
    });
    expect(problemsOf(input)).toEqual([expect.stringMatching(/^system\.regionConfig\.services\.nova\.regionName: expected a region name/)]);
  });
});

describe('datanetwork names (sysinv _check_datanetwork_name: ^[A-Za-z0-9_.-]+$, not "none")', () => {
  /** A profile whose datanetwork data0 is renamed, on the list and on the interface that carries it. */
  const named = (name: string) =>
    aioSimplex({
      hosts: [
        controller(0, true, {
          interfaces: [dataInterface('data0', name, '0000:18:00.0'), dataInterface('data1', 'data1', '0000:18:00.1')],
        }),
      ],
      datanetworks: [
        { name, type: 'vlan', mtu: 1500 },
        { name: 'data1', type: 'vlan', mtu: 1500 },
      ],
    });
  const problems = (name: string) =>
    problemsOf(named(name)).filter((p) => p.startsWith('datanetworks[0].name') || p.startsWith('hosts[0].interfaces[0].datanetworks[0]'));
  test.each([
    ['a leading "_" (_physnet0)', '_physnet0'],
    ['a leading "-" or "."', '-physnet'],
    ['a single "."', '.'],
    ['upper case', 'PhysNet0'],
    ['a name that only starts with none', 'none1'],
    ['255 characters', 'p'.repeat(255)],
  ])('accepts %s', (_, name) => expect(problems(name)).toEqual([]));
  test.each([
    ['none', 'none'],
    ['NONE in any case', 'NoNe'],
    ['256 characters', 'p'.repeat(256)],
    ['a space', 'phys net'],
    ['a ":" (neutron mapping separator)', 'phys:net'],
    ['a ","', 'phys,net'],
    ['an empty name', ''],
  ])('refuses %s, on the list and on the interface', (_, name) => {
    const found = problems(name);
    expect(found).toHaveLength(2);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringContaining('datanetworks[0].name: expected a datanetwork name'),
        expect.stringContaining('hosts[0].interfaces[0].datanetworks[0]: expected a datanetwork name'),
      ]),
    );
  });
});

describe('interface names (sysinv _check_interface_name: lower case, at most 15, punctuation only "-", "_", "."; vlan no "-")', () => {
  const vlanOn = (name: string): InterfaceInput => ({ name, type: 'vlan', class: 'data', uses: ['data0'], datanetworks: ['data1'] });
  /** The problems of the second interface of controller-0 (the first is data0). */
  const problems = (second: InterfaceInput) =>
    problemsOf(
      aioSimplex({ hosts: [controller(0, true, { interfaces: [dataInterface('data0', 'data0', '0000:18:00.0'), second] })] }),
    ).filter((p) => p.startsWith('hosts[0].interfaces[1].name'));
  const ethernet = (name: string) => problems(dataInterface(name, 'data1', '0000:18:00.1'));

  test.each([
    ['one letter', 'a'],
    ['15 characters', 'a'.repeat(15)],
    ['a leading "_"', '_data1'],
    ['"-", "_" and "."', 'data-1_a.b'],
    ['letters after digits', '1data'],
  ])('accepts an ethernet name with %s', (_, name) => expect(ethernet(name)).toEqual([]));
  test.each([
    ['an upper-case letter', 'Data1'],
    ['only upper case', 'DATA1'],
    ['no letter at all (Python islower() is false)', '1234'],
    ['16 characters', 'a'.repeat(16)],
    ['a leading "."', '.data1'],
    ['a leading "-"', '-data1'],
    ['a space', 'data 1'],
    ['a "/"', 'data/1'],
    ['a ":"', 'data:1'],
  ])('refuses an ethernet name with %s', (_, name) =>
    expect(ethernet(name)).toEqual([expect.stringContaining('expected an interface name')]),
  );

  test.each([['vlan11'], ['vlan.11'], ['vlan_11']])('accepts the vlan name %s', (name) => expect(problems(vlanOn(name))).toEqual([]));
  test('refuses "-" in a vlan name, which sysinv allows on other types', () => {
    expect(problems(vlanOn('vlan-11'))).toEqual([
      'hosts[0].interfaces[1].name: a vlan interface name has no "-", only letters, digits, "_" or "." (got "vlan-11")',
    ]);
    expect(ethernet('data-1')).toEqual([]);
  });
  test('refuses an upper-case name in uses', () => {
    const input = aioSimplex({
      hosts: [controller(0, true, { interfaces: [dataInterface('data0', 'data0'), { ...vlanOn('vlan11'), uses: ['Data0'] }] })],
    });
    expect(problemsOf(input)).toContainEqual(expect.stringMatching(/^hosts\[0\]\.interfaces\[1\]\.uses\[0\]: expected an interface name/));
  });
});

describe('host names (sysinv _validate_hostname per personality, within a Kubernetes node name)', () => {
  const workerNamed = (hostname: string) =>
    problemsAt(standard(1, { hosts: [controller(0, false), controller(1, false), worker(0, { hostname })] }), 'hosts[2].hostname');
  test.each([
    ['worker-0', 'worker-0'],
    ['a dotted name', 'worker-0.site1.example.com'],
    ['a leading digit', '0worker'],
    ['63 characters', 'w'.repeat(63)],
    ['a name that contains storage', 'compute-storage-1'],
  ])('accepts a worker named %s', (_, name) => expect(workerNamed(name)).toEqual([]));
  test.each([
    ['64 characters (over a label value)', 'w'.repeat(64), 'expected a host name'],
    ['upper case (the node name is lower-cased)', 'Worker-0', 'expected a host name'],
    ['"_" (sysinv takes it, Kubernetes does not)', 'worker_0', 'expected a host name'],
    ['a trailing "."', 'worker-0.', 'expected a host name'],
    ['controller-1', 'controller-1', 'a worker is not named'],
    ['a name starting with storage', 'storage-9', 'a worker is not named'],
    ['storagenode', 'storagenode', 'a worker is not named'],
  ])('refuses a worker named %s', (_, name, message) => expect(workerNamed(name)).toContainEqual(expect.stringContaining(message)));

  test('controllers are controller-0 and controller-1 only', () => {
    expect(problemsAt(aioSimplex({ hosts: [controller(0, true, { hostname: 'controller-1' })] }), 'hosts[0].hostname')).toEqual([]);
    expect(problemsAt(aioSimplex({ hosts: [controller(0, true, { hostname: 'controller-2' })] }), 'hosts[0].hostname')).toEqual([
      'hosts[0].hostname: a controller is named controller-0 or controller-1 (got "controller-2")',
    ]);
    expect(problemsAt(aioSimplex({ hosts: [controller(0, true, { hostname: 'controller' })] }), 'hosts[0].hostname')).toHaveLength(1);
  });

  test.each([
    ['storage-0', 0],
    ['storage-12', 0],
    ['storage-', 1],
    ['storage-a', 1],
    ['store-0', 1],
  ])('a storage host named %s has %d problem', (hostname, count) => {
    const storage: HostInput = { hostname, personality: 'storage', interfaces: [] };
    expect(
      problemsAt(standard(1, { hosts: [controller(0, false), controller(1, false), worker(0), storage] }), 'hosts[3].hostname'),
    ).toHaveLength(count);
  });
});

describe('node labels (sysinv passes them to the Kubernetes node, which validates them)', () => {
  const labelled = (labels: Record<string, string>) =>
    problemsOf(aioSimplex({ hosts: [controller(0, true, { labels: { ...controller(0, true).labels, ...labels } })] })).filter((p) =>
      p.startsWith('hosts[0].labels'),
    );
  test.each([
    ['a 63-character name', { ['k'.repeat(63)]: 'v' }],
    ['a DNS prefix', { 'example.com/role': 'db' }],
    ['a 63-character value', { role: 'v'.repeat(63) }],
    ['an empty value', { role: '' }],
    ['"_" and "." inside', { 'my_label.x': 'a_b.c' }],
  ])('accepts %s', (_, labels) => expect(labelled(labels)).toEqual([]));
  test.each([
    ['a 64-character name', { ['k'.repeat(64)]: 'v' }],
    ['a 64-character value', { role: 'v'.repeat(64) }],
    ['a value starting with "-"', { role: '-db' }],
    ['a prefix that is not a DNS name', { 'Example_com/role': 'db' }],
  ])('refuses %s', (_, labels) => expect(labelled(labels)).toHaveLength(1));
});

describe('the Dex login label (free text in the platform, quoted into Horizon settings by the chart)', () => {
  const dex = (webssoLabel: string) =>
    problemsOf(
      aioSimplex({
        endpoints: { domain: 'example.com' },
        platform: { oidcIssuerUrl: 'https://oidc.example.com:30556/dex' },
        keystone: { dex: { enabled: true, webssoLabel } },
      }),
    ).filter((p) => p.startsWith('keystone.dex.webssoLabel'));
  test.each([['Login with DEX SSO'], ['Acme Corp: "SSO" / OpenID Connect'], ['Connexion unique (é)'], ['x'.repeat(200)]])(
    'accepts %j',
    (label) => expect(dex(label)).toEqual([]),
  );
});
