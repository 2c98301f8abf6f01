/**
 * Profiles that a cloud cannot run are refused, each problem naming the field, the value and the
 * rule (issue: "the profile means what a cloud can run"). Several cases per class.
 */
import { validateProfile } from '../lib/deployment/app';
import { DeploymentProfileInput } from '../lib/profile/profile';
import { MAX_SECRET_BYTES } from '../lib/engine/release';
import { renderStacks } from './support/synth';
import { aioSimplex, controller, dataInterface, problemsOf, standard } from './support/profiles';

const network = (clusterHost: { subnet?: string; floatingAddress: string }, extra: object = {}): Partial<DeploymentProfileInput> => ({
  network: { clusterHost, oam: { floatingAddress: '10.10.10.2' }, ...extra },
});

describe('addresses', () => {
  test.each([
    [
      'outside its subnet',
      { subnet: '192.168.206.0/24', floatingAddress: '192.168.207.1' },
      'network.clusterHost.floatingAddress: "192.168.207.1" is outside the subnet 192.168.206.0/24',
    ],
    ['the network address', { subnet: '192.168.206.0/24', floatingAddress: '192.168.206.0' }, 'is the network address of 192.168.206.0/24'],
    [
      'the broadcast address',
      { subnet: '192.168.206.0/24', floatingAddress: '192.168.206.255' },
      'is the broadcast address of 192.168.206.0/24',
    ],
    ['an IPv6 address outside its subnet', { subnet: 'fd02::/64', floatingAddress: 'fd03::1' }, 'is outside the subnet fd02::/64'],
  ])('fails when the cluster-host floating address is %s', (_, clusterHost, message) => {
    const families = clusterHost.subnet.includes(':') ? { clusterService: { families: ['ipv6' as const] } } : {};
    expect(problemsOf(aioSimplex(network(clusterHost, families))).join('\n')).toContain(message);
  });

  test.each([
    ['192.168.206.5/24', '192.168.206.0/24'],
    ['fd02::1/64', 'fd02::/64'],
  ])('fails when the subnet %s has host bits set', (subnet, expected) => {
    const families = subnet.includes(':') ? { clusterService: { families: ['ipv6' as const] } } : {};
    const floatingAddress = subnet.includes(':') ? 'fd02::2' : '192.168.206.2';
    expect(problemsOf(aioSimplex(network({ subnet, floatingAddress }, families)))).toContain(
      `network.clusterHost.subnet: "${subnet}" has host bits set (expected ${expected})`,
    );
  });

  test('fails when the cluster-host address is not of the primary family', () => {
    const problems = problemsOf(aioSimplex(network({ subnet: 'fd02::/64', floatingAddress: 'fd02::1' })));
    expect(problems).toContain(
      'network.clusterHost.floatingAddress: "fd02::1" is ipv6 (expected the primary family ipv4 of network.clusterService.families)',
    );
  });

  test('accepts a dual-stack cluster whose primary family is the cluster-host one', () => {
    expect(
      problemsOf(
        aioSimplex(network({ subnet: 'fd02::/64', floatingAddress: 'fd02::1' }, { clusterService: { families: ['ipv6', 'ipv4'] } })),
      ),
    ).toStrictEqual([]);
  });

  test('fails when a ceph monitor is of a family the cluster does not have', () => {
    const input = aioSimplex({ storage: { ceph: { kind: 'host', fsid: '89bd29e9-c505-4170-a097-04dc8e43c897', monitors: ['fd00::2'] } } });
    expect(problemsOf(input)).toContain(
      'storage.ceph.monitors[0]: "fd00::2" is ipv6 (expected one of ["ipv4"] of network.clusterService.families)',
    );
  });

  test.each(['fe80::1%eth0', 'fd02::1%25eth0'])('fails when an address holds a zone id (%s): it cannot go into a URL', (address) => {
    expect(problemsOf(aioSimplex(network({ floatingAddress: address }))).join('\n')).toMatch(
      /network\.clusterHost\.floatingAddress: expected an IPv4 or IPv6 address/,
    );
  });

  test('fails when the ironic range is outside its network or reversed', () => {
    const ironic = { cidr: '10.10.20.0/24', gateway: '10.10.21.1', rangeStart: '10.10.20.200', rangeEnd: '10.10.20.100', portName: 'eth1' };
    const problems = problemsOf(aioSimplex(network({ subnet: '192.168.206.0/24', floatingAddress: '192.168.206.1' }, { ironic })));
    expect(problems).toContain('network.ironic.gateway: "10.10.21.1" is outside the subnet 10.10.20.0/24 (expected an address inside it)');
    expect(problems).toContain(
      'network.ironic.rangeEnd: "10.10.20.100" comes before rangeStart "10.10.20.200" (expected rangeStart <= rangeEnd)',
    );
  });
});

describe('CPUs and NUMA', () => {
  const withCpus = (cpus: object, numa?: object[]) =>
    aioSimplex({ hosts: [controller(0, true, { cpus: cpus as never, ...(numa ? { numa: numa as never } : {}) })] });

  test('fails when a CPU is in two functions', () => {
    expect(problemsOf(withCpus({ platform: [0, 1], application: [1, 2] }))).toContain(
      'hosts[0].cpus.application[0]: CPU 1 is both platform and application (expected each CPU in one function)',
    );
  });
  test('fails when a CPU is listed twice', () => {
    expect(problemsOf(withCpus({ platform: [0, 0], application: [2] }))).toContain(
      'hosts[0].cpus.platform[1]: CPU 0 is listed twice in platform',
    );
  });
  test('fails when a CPU id is out of range', () => {
    expect(problemsOf(withCpus({ platform: [0], application: [99999] }))).toContain(
      'hosts[0].cpus.application[0]: CPU id 99999 is out of range (expected 0 to 4095)',
    );
  });
  test('fails when a compute host has no platform CPU', () => {
    expect(problemsOf(withCpus({ platform: [], application: [1, 2] }))).toContain(
      'hosts[0].cpus.platform: compute host "controller-0" has no platform CPU (expected at least one)',
    );
  });
  test('fails when a NUMA node is listed twice or is out of range', () => {
    const problems = problemsOf(
      withCpus({ platform: [0], application: [1] }, [
        { node: 0, platformReservedMiB: 1 },
        { node: 0, platformReservedMiB: 1 },
        { node: 900, platformReservedMiB: 1 },
      ]),
    );
    expect(problems).toContain('hosts[0].numa[1].node: NUMA node 0 is listed twice (also numa[0])');
    expect(problems).toContain('hosts[0].numa[2].node: NUMA node 900 is out of range (expected 0 to 63)');
  });
});

describe('names that end up inside config strings', () => {
  test.each([
    [
      'a datanetwork name with a mapping separator',
      { datanetworks: [{ name: 'physnet0:br-ex,evil', type: 'vlan' as const, mtu: 1500 }] },
      /datanetworks\[0\]\.name: expected a datanetwork name/,
    ],
    [
      'a datanetwork name with a space',
      { datanetworks: [{ name: 'phys net', type: 'vlan' as const, mtu: 1500 }] },
      /datanetworks\[0\]\.name: expected a datanetwork name/,
    ],
    [
      'an interface name over 15 characters',
      { hosts: [controller(0, true, { interfaces: [dataInterface('averyveryverylongname', 'data0')] })] },
      /hosts\[0\]\.interfaces\[0\]\.name: expected an interface name/,
    ],
    [
      'a PCI address that is not one',
      { hosts: [controller(0, true, { interfaces: [dataInterface('data0', 'data0', '18:00.0')] })] },
      /hosts\[0\]\.interfaces\[0\]\.port\.pciAddress: expected a PCI address/,
    ],
    [
      'a label key with a space',
      { hosts: [controller(0, true, { labels: { 'openstack compute': 'enabled' } })] },
      /hosts\[0\]\.labels\.openstack compute: expected a Kubernetes label key/,
    ],
    [
      'a label value with a colon',
      { hosts: [controller(0, true, { labels: { 'openstack-compute-node': 'en:abled' } })] },
      /hosts\[0\]\.labels\.openstack-compute-node: expected a Kubernetes label value/,
    ],
    [
      'an fqdnPattern placeholder it does not know',
      { endpoints: { domain: 'example.com', fqdnPattern: '{service}.{endpoint_domain}' } },
      /endpoints\.fqdnPattern: unknown placeholder "\{service\}"/,
    ],
    [
      'an fqdnPattern without the service name',
      { endpoints: { domain: 'example.com', fqdnPattern: 'api.{endpoint_domain}' } },
      /endpoints\.fqdnPattern: "api\.\{endpoint_domain\}" has no \{service_name\}/,
    ],
    [
      'an fqdnPattern that gives no DNS name',
      { endpoints: { domain: 'example.com', fqdnPattern: '{service_name}_x/{endpoint_domain}' } },
      /endpoints\.fqdnPattern: .* does not give a DNS name/,
    ],
    [
      'an admin user name with a quote',
      { keystone: { admin: { userName: 'ad"min' } } },
      /keystone\.admin\.userName: expected a Keystone name/,
    ],
    [
      'an NFS path with a comma',
      {
        storage: {
          ceph: { kind: 'host' as const, fsid: '89bd29e9-c505-4170-a097-04dc8e43c897', monitors: ['192.168.204.2'] },
          selection: { nova: { nfs: { path: '/a,b' } } },
        },
      },
      /storage\.selection\.nova\.nfs\.path: expected an absolute path/,
    ],
  ])('fails on %s', (_, overrides, message) => {
    expect(problemsOf(aioSimplex(overrides as Partial<DeploymentProfileInput>)).join('\n')).toMatch(message);
  });
});

describe('identifiers unique where they must be', () => {
  test('fails when a host has two interfaces with one name', () => {
    const host = controller(0, true, {
      interfaces: [dataInterface('data0', 'data0', '0000:18:00.0'), dataInterface('data0', 'data1', '0000:18:00.1')],
    });
    expect(problemsOf(aioSimplex({ hosts: [host] }))).toContain(
      'hosts[0].interfaces[1].name: duplicate interface name "data0" on host "controller-0" (also interfaces[0])',
    );
  });
  test('fails when two ports of a host share a PCI address', () => {
    const host = controller(0, true, {
      interfaces: [dataInterface('data0', 'data0', '0000:18:00.0'), dataInterface('data1', 'data1', '0000:18:00.0')],
    });
    expect(problemsOf(aioSimplex({ hosts: [host] }))).toContain(
      'hosts[0].interfaces[1].port.pciAddress: PCI address "0000:18:00.0" is used twice on host "controller-0" (also hosts[0].interfaces[0].port.pciAddress)',
    );
  });
  test('accepts the same PCI address on two different hosts', () => {
    expect(problemsOf(standard(2))).toStrictEqual([]);
  });
  test('fails when two hosts share a uuid', () => {
    const uuid = '0b9e1f7c-5d8e-4c6b-9a51-2f3d4e5a6b7c';
    const input = standard(1, {
      hosts: [controller(0, false, { uuid }), controller(1, false, { uuid: uuid.toUpperCase() }), { ...standard(1).hosts[2] }],
    });
    expect(problemsOf(input)).toContain(
      `hosts[1].uuid: duplicate host uuid "${uuid.toUpperCase()}" (also hosts[0]; expected unique uuids)`,
    );
  });
  test('fails when an interface uses one the host does not have', () => {
    const host = controller(0, true, {
      interfaces: [
        dataInterface('data0', 'data0'),
        { name: 'vlan10', type: 'vlan', class: 'data', uses: ['bond9'], datanetworks: ['data1'] },
      ],
    });
    expect(problemsOf(aioSimplex({ hosts: [host] })).join('\n')).toContain(
      'hosts[0].interfaces[1].uses[0]: unknown interface "bond9" on host "controller-0"',
    );
  });
});

describe('SR-IOV and passthrough interfaces reach a port (nova.py _get_pci_sriov_whitelist / _get_pci_pt_whitelist read it)', () => {
  type Iface = NonNullable<DeploymentProfileInput['hosts'][number]['interfaces']>[number];
  const port = { name: 'enp24s0f1', pciAddress: '0000:18:00.1', sriovVfAddresses: ['0000:18:02.0', '0000:18:02.1'] };
  const problems = (extra: Iface[]) =>
    problemsOf(aioSimplex({ hosts: [controller(0, true, { interfaces: [dataInterface('data0', 'data0'), ...extra] })] })).filter((p) =>
      /^hosts\[0\]\.interfaces\[\d\]: /.test(p),
    );
  test('accepts an SR-IOV ethernet interface with its port and a vf on it', () => {
    expect(
      problems([
        { name: 'sriov0', type: 'ethernet', class: 'pci-sriov', port, sriovNumVfs: 2, datanetworks: ['data1'] },
        { name: 'vf0', type: 'vf', class: 'pci-sriov', uses: ['sriov0'], sriovNumVfs: 1, datanetworks: ['data1'] },
      ]),
    ).toEqual([]);
  });
  test.each([['pci-sriov' as const], ['pci-passthrough' as const]])('refuses a %s ethernet interface without a port', (cls) => {
    expect(problems([{ name: 'pci0', type: 'ethernet', class: cls, datanetworks: ['data1'] }])).toEqual([
      `hosts[0].interfaces[1]: ${cls} interface "pci0" has no port (expected port: {name, pciAddress, sriovVfAddresses} on its ethernet interface)`,
    ]);
  });
  test('refuses a vf whose parent has no port', () => {
    const found = problems([
      { name: 'sriov0', type: 'ethernet', class: 'pci-sriov', datanetworks: ['data1'] },
      { name: 'vf0', type: 'vf', class: 'pci-sriov', uses: ['sriov0'], sriovNumVfs: 1, datanetworks: ['data1'] },
    ]);
    expect(found).toContain(
      'hosts[0].interfaces[2]: pci-sriov interface "vf0" uses no ethernet interface with a port (expected port: {name, pciAddress, sriovVfAddresses} on its ethernet interface)',
    );
  });
  test('a data interface needs no port for this rule', () => {
    expect(problems([{ name: 'data1', type: 'ethernet', class: 'data', datanetworks: ['data1'] }])).toEqual([]);
  });
});

describe('sizes', () => {
  test('fails when a generated Secret would exceed 1 MiB, naming the release and the largest user values', () => {
    const big = 'x'.repeat(MAX_SECRET_BYTES);
    const input = aioSimplex({ name: 'big', userOverrides: { nova: { conf: { huge: big }, pod: { replicas: { api: 1 } } } } });
    const profile = validateProfile(input, 'big.yaml');
    expect(() => renderStacks({ loadedProfiles: [{ file: 'big.yaml', profile }] })).toThrow(
      /release "nova": nova\/nova-user-overrides\.yaml is \d+ bytes, over the 1 MiB \(1048576 bytes\) a Kubernetes Secret may hold; largest user values: conf \(about \d+ bytes\), pod/,
    );
  });
});
