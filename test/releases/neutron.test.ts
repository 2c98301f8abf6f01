/**
 * neutron (docs/system-values.md §3.12): the assertions about this release's values and objects.
 */
import { neutron } from '../../releases/neutron';
import {
  aioDuplex,
  aioSimplex,
  controller,
  dataInterface,
  HTTPS,
  InterfaceInput,
  releaseValues,
  standard,
  worker,
} from '../support/fixtures';
import { at, credentialLeaves, plainSecretLeaves } from '../support/values-path';
import { Values } from '../../lib/engine/values';
import { DeploymentProfileInput } from '../../lib/profile/profile';
import { CA_PATH } from '../../overrides/system';
import { data, member, sriovParent, vf, withWorker } from '../support/interface-types';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const neutronValues = releaseValues(neutron);

expectReferenceFacts(neutron, {
  releaseName: 'osh-openstack-neutron',
  chartGroup: 'openstack-neutron',
  chart: 'neutron',
  dependsOn: ['placement'],
  install: true,
  disableWait: true,
  enabledByDefault: true,
});

/** Standard system whose workers carry the given interfaces (keyed by worker index). */
function standardWithInterfaces(interfaces: InterfaceInput[][], overrides: Partial<DeploymentProfileInput> = {}): DeploymentProfileInput {
  return standard(0, {
    hosts: [controller(0, false), controller(1, false), ...interfaces.map((ifs, i) => worker(i, { interfaces: ifs }))],
    ...overrides,
  });
}

function perHost(values: Values, agent = 'neutron_ovs-agent'): Values[] {
  return at(values, 'conf', 'overrides', `[${agent}]`, 'hosts') as Values[];
}

describe('neutron', () => {
  it('given Standard with two workers, then replicas are C and DHCP agents are min(3, compute hosts)', () => {
    const v = neutronValues(standard(2));
    expect(at(v, 'pod.replicas')).toEqual({ server: 2, rpc_server: 2 });
    expect(at(v, 'conf.neutron.DEFAULT.dhcp_agents_per_network')).toBe(2);
    expect(at(neutronValues(standard(5)), 'conf.neutron.DEFAULT.dhcp_agents_per_network')).toBe(3);
  });

  it('given AIO-SX and AIO-DX, then DHCP agents per network are 1 and 2', () => {
    expect(at(neutronValues(aioSimplex()), 'conf.neutron.DEFAULT.dhcp_agents_per_network')).toBe(1);
    expect(at(neutronValues(aioDuplex()), 'conf.neutron.DEFAULT.dhcp_agents_per_network')).toBe(2);
    expect(
      at(neutronValues(aioDuplex({ system: { type: 'aio', mode: 'duplex-direct' } })), 'conf.neutron.DEFAULT.dhcp_agents_per_network'),
    ).toBe(2);
  });

  it('S20: given datanetworks data0, data1 (vlan), dn-flat (flat) and dn-vlan (vlan), then the VLAN ranges list the VLAN names', () => {
    const v = neutronValues(
      aioSimplex({
        datanetworks: [
          { name: 'data0', type: 'vlan', mtu: 1500 },
          { name: 'data1', type: 'vlan', mtu: 1500 },
          { name: 'dn-flat', type: 'flat', mtu: 9000 },
          { name: 'dn-vlan', type: 'vlan', mtu: 1400 },
        ],
      }),
    );
    expect(at(v, 'conf.plugins.ml2_conf')).toEqual({
      ml2: { physical_network_mtus: 'data0:1500,data1:1500,dn-flat:9000,dn-vlan:1400' },
      ml2_type_flat: { flat_networks: 'dn-flat' },
      ml2_type_vlan: { network_vlan_ranges: 'data0,data1,dn-vlan' },
    });
  });

  it('given no flat datanetwork, then flat_networks is the empty string', () => {
    expect(at(neutronValues(aioSimplex()), 'conf.plugins.ml2_conf.ml2_type_flat.flat_networks')).toBe('');
  });

  it('S21: given vswitch ovs, then the L3 agent daemonset is on; given vswitch none, it is off', () => {
    expect(at(neutronValues(standard()), 'manifests.daemonset_l3_agent')).toBe(true);
    expect(at(neutronValues(standard(2, { vswitch: 'ovs-dpdk' })), 'manifests.daemonset_l3_agent')).toBe(true);
    expect(at(neutronValues(standard(2, { vswitch: 'none' })), 'manifests.daemonset_l3_agent')).toBe(false);
  });

  it('S22: given two compute workers with identical interfaces, then the per-host list has one entry naming both', () => {
    const v = neutronValues(standard(2));
    const hosts = perHost(v);
    expect(hosts).toHaveLength(1);
    expect(hosts[0].name).toEqual(['worker-0', 'worker-1']);
    expect(hosts[0].conf).toEqual({
      plugins: {
        openvswitch_agent: {
          ovs: {
            integration_bridge: 'br-int',
            datapath_type: 'system',
            vhostuser_socket_dir: '/var/run/openvswitch',
            bridge_mappings: 'data0:br-phy0,data1:br-phy1,',
          },
          agent: {},
        },
        sriov_agent: {
          securitygroup: { firewall_driver: 'noop' },
          agent: { root_helper: '' },
          sriov_nic: { physical_device_mappings: '' },
        },
      },
      auto_bridge_add: { 'br-phy0': 'data0', 'br-phy1': 'data1' },
    });
  });

  it('S23: given four workers where worker-0/2 and worker-1/3 have different bridges, then there are two grouped entries', () => {
    const setA = [dataInterface('enp1', 'data0'), dataInterface('enp2', 'data1')];
    const setB = [dataInterface('ens1', 'data0'), dataInterface('ens2', 'data1')];
    const hosts = perHost(neutronValues(standardWithInterfaces([setA, setB, setA, setB])));
    expect(hosts.map((h) => h.name)).toEqual([
      ['worker-0', 'worker-2'],
      ['worker-1', 'worker-3'],
    ]);
    expect(at(hosts[0], 'conf.auto_bridge_add')).toEqual({ 'br-phy0': 'enp1', 'br-phy1': 'enp2' });
    expect(at(hosts[1], 'conf.auto_bridge_add')).toEqual({ 'br-phy0': 'ens1', 'br-phy1': 'ens2' });
  });

  it('given any profile, then all five agents get the same per-host list', () => {
    const v = neutronValues(standard(2));
    const overrides = at(v, 'conf.overrides') as Values;
    expect(Object.keys(overrides)).toEqual([
      'neutron_ovs-agent',
      'neutron_dhcp-agent',
      'neutron_l3-agent',
      'neutron_metadata-agent',
      'neutron_sriov-agent',
    ]);
    for (const agent of Object.keys(overrides)) expect(perHost(v, agent)).toEqual(perHost(v));
  });

  it('given only unprovisioned or non-compute hosts besides one worker, then only compute hosts are listed', () => {
    const profile = standard(0, {
      hosts: [
        controller(0, false),
        controller(1, false),
        worker(0, { provisioned: false }),
        worker(1),
        worker(2, { labels: { openvswitch: 'enabled' } }),
      ],
    });
    expect(perHost(neutronValues(profile)).map((h) => h.name)).toEqual([['worker-1']]);
  });

  it('given AIO, then the controllers are the compute hosts of the per-host list', () => {
    expect(perHost(neutronValues(aioDuplex())).map((h) => h.name)).toEqual([['controller-0', 'controller-1']]);
  });

  it('given interfaces of every type, then they are ordered ethernet, ae, then others by name, and port names are resolved', () => {
    const interfaces: InterfaceInput[] = [
      { name: 'vlan200', type: 'vlan', class: 'data', uses: ['bond0'], datanetworks: ['dn-c'] },
      { name: 'bond0', type: 'ae', class: 'data', uses: ['eth4', 'eth5'], datanetworks: ['dn-b'] },
      { name: 'eth4.300', type: 'vlan', class: 'data', uses: ['eth4'], datanetworks: ['dn-d'] },
      dataInterface('zeth', 'dn-a'),
      {
        name: 'sriov0',
        type: 'ethernet',
        class: 'pci-sriov',
        port: { name: 'enp24s0f0', pciAddress: '0000:18:00.0' },
        sriovNumVfs: 4,
        datanetworks: ['dn-e'],
      },
      { name: 'vf0', type: 'vf', class: 'pci-sriov', uses: ['sriov0'], sriovNumVfs: 2, datanetworks: ['dn-f'] },
      { name: 'mgmt0', type: 'ethernet', class: 'platform', port: { name: 'eno1', pciAddress: '0000:01:00.0' }, datanetworks: [] },
      {
        name: 'pt0',
        type: 'ethernet',
        class: 'pci-passthrough',
        port: { name: 'eno2', pciAddress: '0000:01:00.1' },
        datanetworks: ['dn-a'],
      },
    ];
    const datanetworks = ['dn-a', 'dn-b', 'dn-c', 'dn-d', 'dn-e', 'dn-f'].map((name) => ({
      name,
      type: name === 'dn-b' ? ('flat' as const) : ('vlan' as const),
      mtu: 1500,
    }));
    const hosts = perHost(neutronValues(standardWithInterfaces([interfaces], { datanetworks })));
    const conf = hosts[0].conf as Values;
    // ethernet (sriov0, zeth), ae (bond0), then others by name (eth4.300, vf0, vlan200).
    expect(at(conf, 'plugins.openvswitch_agent.ovs.bridge_mappings')).toBe(
      'dn-e:br-phy0,dn-a:br-phy1,dn-b:br-phy2,dn-d:br-phy3,dn-f:br-phy4,dn-c:br-phy5,',
    );
    expect(at(conf, 'auto_bridge_add')).toEqual({
      'br-phy0': 'enp24s0f0',
      'br-phy1': 'zeth',
      'br-phy2': 'bond0',
      'br-phy3': 'eth4#300',
      'br-phy4': 'enp24s0f0',
      'br-phy5': 'vlan#200',
    });
    expect(at(conf, 'plugins.sriov_agent.sriov_nic.physical_device_mappings')).toBe('dn-e:enp24s0f0,dn-f:enp24s0f0,');
  });

  it('given a data interface on a vxlan datanetwork with an address, then it sets local_ip and the vxlan tunnel type without a bridge', () => {
    const interfaces: InterfaceInput[] = [
      dataInterface('data0', 'data0'),
      {
        name: 'tun0',
        type: 'ethernet',
        class: 'data',
        port: { name: 'enp5', pciAddress: '0000:05:00.0' },
        datanetworks: ['vx'],
        addresses: ['192.168.50.10', '192.168.50.11'],
      },
    ];
    const datanetworks = [
      { name: 'data0', type: 'vlan' as const, mtu: 1500 },
      { name: 'vx', type: 'vxlan' as const, mtu: 1450 },
    ];
    const conf = perHost(neutronValues(standardWithInterfaces([interfaces], { datanetworks })))[0].conf as Values;
    expect(at(conf, 'plugins.openvswitch_agent')).toEqual({
      ovs: {
        integration_bridge: 'br-int',
        datapath_type: 'system',
        vhostuser_socket_dir: '/var/run/openvswitch',
        bridge_mappings: 'data0:br-phy0,',
        local_ip: '192.168.50.10',
      },
      agent: { tunnel_types: 'vxlan' },
    });
    expect(at(conf, 'auto_bridge_add')).toEqual({ 'br-phy0': 'data0' });
  });

  describe('§3.12.1 bridge_mappings: one br-phy<i> per flat/vlan datanetwork with a port, the key left out when a host has none', () => {
    const datanetworks = [
      { name: 'dn-vlan', type: 'vlan' as const, mtu: 1500 },
      { name: 'dn-flat', type: 'flat' as const, mtu: 1500 },
      { name: 'vx', type: 'vxlan' as const, mtu: 1450 },
    ];
    const tunnel = (name: string, addresses: string[] = ['192.168.50.10']): InterfaceInput => ({ ...dataInterface(name, 'vx'), addresses });
    const cases: Array<[string, string | undefined, InterfaceInput[]]> = [
      ['a vlan data interface', 'dn-vlan:br-phy0,', [dataInterface('eth0', 'dn-vlan')]],
      [
        'a flat data and a vlan pci-sriov interface',
        'dn-flat:br-phy0,dn-vlan:br-phy1,',
        [dataInterface('eth0', 'dn-flat'), { ...dataInterface('eth1', 'dn-vlan'), class: 'pci-sriov' }],
      ],
      ['only a vxlan data interface', undefined, [tunnel('tun0')]],
      [
        'a vlan pci-passthrough interface and a vxlan data interface',
        undefined,
        [{ ...dataInterface('pt0', 'dn-vlan'), class: 'pci-passthrough' }, tunnel('tun0')],
      ],
      [
        'a vlan vf interface whose lower interface is missing',
        undefined,
        [{ name: 'vf0', type: 'vf', class: 'pci-sriov', uses: ['gone'], datanetworks: ['dn-vlan'] }, tunnel('tun0')],
      ],
    ];

    it.each(cases)('given a compute host with %s, then bridge_mappings is %p', (_, expected, interfaces) => {
      const ovs = at(
        perHost(neutronValues(standardWithInterfaces([interfaces], { datanetworks })))[0],
        'conf.plugins.openvswitch_agent.ovs',
      ) as Values;
      expect(ovs.bridge_mappings).toBe(expected);
      expect('bridge_mappings' in ovs).toBe(expected !== undefined);
    });

    it('given one worker with bridges and one without, then only the first entry carries bridge_mappings', () => {
      const hosts = perHost(
        neutronValues(standardWithInterfaces([[dataInterface('eth0', 'dn-vlan')], [tunnel('tun0')]], { datanetworks })),
      );
      expect(hosts.map((h) => h.name)).toEqual([['worker-0'], ['worker-1']]);
      expect(hosts.map((h) => 'bridge_mappings' in (at(h, 'conf.plugins.openvswitch_agent.ovs') as Values))).toEqual([true, false]);
    });
  });

  describe('§3.12.1 local_ip: the first address of the last vxlan data interface in (type, name) order, left out when it has none', () => {
    const datanetworks = [
      { name: 'data0', type: 'vlan' as const, mtu: 1500 },
      { name: 'vx', type: 'vxlan' as const, mtu: 1450 },
    ];
    const vxlan = (
      name: string,
      type: InterfaceInput['type'],
      addresses: string[],
      cls: InterfaceInput['class'] = 'data',
    ): InterfaceInput =>
      type === 'ethernet'
        ? { name, type, class: cls, port: { name, pciAddress: '0000:05:00.0' }, datanetworks: ['vx'], addresses }
        : { name, type, class: cls, uses: ['data0'], datanetworks: ['vx'], addresses };
    const cases: Array<[string, string | undefined, InterfaceInput[]]> = [
      ['one with two addresses', '10.0.0.1', [vxlan('tun0', 'ethernet', ['10.0.0.1', '10.0.0.2'])]],
      ['two ethernet ones, listed by name', '10.0.0.2', [vxlan('tun0', 'ethernet', ['10.0.0.1']), vxlan('tun1', 'ethernet', ['10.0.0.2'])]],
      [
        'two ethernet ones, listed in reverse',
        '10.0.0.2',
        [vxlan('tun1', 'ethernet', ['10.0.0.2']), vxlan('tun0', 'ethernet', ['10.0.0.1'])],
      ],
      [
        'an ae after an ethernet one whose name sorts later',
        '10.0.0.3',
        [vxlan('bond0', 'ae', ['10.0.0.3']), vxlan('zeth', 'ethernet', ['10.0.0.1'])],
      ],
      ['a vlan after an ae one', '10.0.0.4', [vxlan('vlan100', 'vlan', ['10.0.0.4']), vxlan('bond0', 'ae', ['10.0.0.3'])]],
      [
        'a last one without address after one with an address',
        undefined,
        [vxlan('tun0', 'ethernet', ['10.0.0.1']), vxlan('tun1', 'ethernet', [])],
      ],
      [
        'a data one and a later pci-sriov one (not data)',
        '10.0.0.1',
        [vxlan('tun0', 'ethernet', ['10.0.0.1']), vxlan('zsriov', 'ethernet', ['10.0.0.9'], 'pci-sriov')],
      ],
    ];

    it.each(cases)('given vxlan interfaces: %s, then local_ip is %p and the tunnel type is vxlan', (_, expected, tunnels) => {
      const interfaces = [dataInterface('data0', 'data0'), ...tunnels];
      const agent = at(
        perHost(neutronValues(standardWithInterfaces([interfaces], { datanetworks })))[0],
        'conf.plugins.openvswitch_agent',
      ) as Values;
      expect(at(agent, 'ovs.local_ip')).toBe(expected);
      expect('local_ip' in (agent.ovs as Values)).toBe(expected !== undefined);
      expect(agent.agent).toEqual({ tunnel_types: 'vxlan' });
    });

    it('given no vxlan data interface, then neither local_ip nor a tunnel type is set', () => {
      const agent = at(perHost(neutronValues(standard(2)))[0], 'conf.plugins.openvswitch_agent') as Values;
      expect('local_ip' in (agent.ovs as Values)).toBe(false);
      expect(agent.agent).toEqual({});
    });
  });

  it('given vswitch ovs-dpdk, then the datapath is netdev; given vswitch none, there is no auto_bridge_add', () => {
    const dpdk = perHost(neutronValues(standard(2, { vswitch: 'ovs-dpdk' })))[0].conf as Values;
    expect(at(dpdk, 'plugins.openvswitch_agent.ovs.datapath_type')).toBe('netdev');
    expect(at(dpdk, 'auto_bridge_add')).toEqual({ 'br-phy0': 'data0', 'br-phy1': 'data1' });
    const none = perHost(neutronValues(standard(2, { vswitch: 'none' })))[0].conf as Values;
    expect(at(none, 'auto_bridge_add')).toBeUndefined();
    expect(at(none, 'plugins.openvswitch_agent.ovs.bridge_mappings')).toBe('data0:br-phy0,data1:br-phy1,');
  });

  it('given vswitch ovs or ovs-dpdk, then vswitch_labels lists the labels in order', () => {
    expect(at(neutronValues(standard()), 'vswitch_labels')).toEqual(['openvswitch=enabled']);
    const dpdkWorker = (n: number) =>
      worker(n, { labels: { 'openstack-compute-node': 'enabled', openvswitch: 'enabled', dpdk: 'enabled' } });
    const profile = standard(0, { hosts: [controller(0, false), controller(1, false), dpdkWorker(0), dpdkWorker(1)] });
    expect(at(neutronValues(profile), 'vswitch_labels')).toEqual(['openvswitch=enabled', 'dpdk=enabled']);
  });

  it('S39: given one compute host labelled openvswitch=enabled and another unlabelled, then vswitch_labels is [none]', () => {
    const profile = standard(0, {
      hosts: [controller(0, false), controller(1, false), worker(0), worker(1, { labels: { 'openstack-compute-node': 'enabled' } })],
    });
    const v = neutronValues(profile);
    expect(at(v, 'vswitch_labels')).toEqual(['none']);
    expect(at(v, 'manifests.daemonset_l3_agent')).toBe(false);
  });

  it('given any profile, then the paste key with a dot and a colon is set', () => {
    const v = neutronValues(aioSimplex());
    expect(at(v, 'conf', 'paste', '[app:neutronversions]', '[paste.app_factory]')).toBe('neutron.pecan_wsgi.app:versions_factory');
  });

  it('given any profile, then identity, database, messaging and cache credentials are references', () => {
    const v = neutronValues(standard());
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual([
      'admin',
      'test',
      'stx_admin',
      'neutron',
      'nova',
      'placement',
      'designate',
      'ironic',
    ]);
    expect(credentialLeaves(v)).toEqual({
      'endpoints.identity.auth.admin.password': 'admin-password',
      'endpoints.identity.auth.test.password': 'test-password.neutron',
      'endpoints.identity.auth.stx_admin.password': 'stx-admin-password',
      'endpoints.identity.auth.neutron.password': 'user-password.neutron',
      'endpoints.identity.auth.nova.password': 'user-password.nova',
      'endpoints.identity.auth.placement.password': 'user-password.placement',
      'endpoints.identity.auth.designate.password': 'user-password.designate',
      'endpoints.identity.auth.ironic.password': 'user-password.ironic',
      'endpoints.oslo_cache.auth.memcache_secret_key': 'memcache-secret-key',
      'endpoints.oslo_db.auth.admin.password': 'db-admin-password',
      'endpoints.oslo_db.auth.neutron.password': 'db-password.neutron',
      'endpoints.oslo_messaging.auth.admin.password': 'rabbit-admin-password',
      'endpoints.oslo_messaging.auth.neutron.password': 'rabbit-password.neutron',
      'conf.metadata_agent.DEFAULT.metadata_proxy_shared_secret': 'metadata-proxy-shared-secret',
      'conf.ovn_metadata_agent.DEFAULT.metadata_proxy_shared_secret': 'metadata-proxy-shared-secret',
    });
    expect(plainSecretLeaves(v)).toEqual([]);
    expect(at(v, 'endpoints.network')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
  });

  it('given https and a domain, then CA paths, certificates and the public endpoint are set', () => {
    const v = neutronValues(standard(2, { https: HTTPS, endpoints: { domain: 'example.com' } }));
    expect(at(v, 'conf.neutron.keystone_authtoken.cafile')).toBe(CA_PATH);
    expect(at(v, 'conf.neutron.nova.cafile')).toBe(CA_PATH);
    expect(at(v, 'conf.neutron.DEFAULT.dhcp_agents_per_network')).toBe(2);
    expect(at(v, 'conf.metadata_agent.DEFAULT.auth_ca_cert')).toBe(CA_PATH);
    expect(at(v, 'manifests')).toEqual({ daemonset_l3_agent: true, certificates: true });
    expect(at(v, 'endpoints.network.host_fqdn_override.public.host')).toBe('neutron.example.com');
    expect(at(v, 'endpoints.network.port')).toEqual({ api: { public: 443 } });
    expect(at(v, 'endpoints.identity.auth.ironic.cacert')).toBe(CA_PATH);
  });
});

describe('§3.10.1/§3.12.1 interface types as StarlingX configures them', () => {
  const neutronHost = (input: DeploymentProfileInput) =>
    at(neutronValues(input), 'conf.overrides.neutron_ovs-agent.hosts.0.conf') as Record<string, unknown>;

  test('§3.12.1 ae: an aggregated data interface is bridged by its own name (members carry no class)', () => {
    const conf = neutronHost(
      withWorker([
        member('enp1', '0000:18:00.0'),
        member('enp2', '0000:18:00.1'),
        { name: 'ae0', type: 'ae', class: 'data', uses: ['enp1', 'enp2'], datanetworks: ['physnet0'] },
      ]),
    );
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
    expect(at(conf as never, 'plugins.openvswitch_agent.ovs.bridge_mappings')).toBe(
      'physnet0:br-phy0,sriovnet0:br-phy1,sriovnet1:br-phy2,',
    );
    expect(conf.auto_bridge_add).toEqual({ 'br-phy0': 'enp25s0f0', 'br-phy1': 'enp24s0f0', 'br-phy2': 'enp24s0f0' });
  });

  test('§3.12.1 without SR-IOV interfaces physical_device_mappings is empty', () => {
    expect(at(neutronHost(withWorker([data])) as never, 'plugins.sriov_agent.sriov_nic.physical_device_mappings')).toBe('');
  });

  test('§3.12.1 pci-passthrough interfaces are not bridged and not SR-IOV mapped', () => {
    const passthrough: InterfaceInput = {
      name: 'pthru0',
      type: 'ethernet',
      class: 'pci-passthrough',
      port: { name: 'enp26s0f0', pciAddress: '0000:1a:00.0' },
      datanetworks: ['ptnet0'],
    };
    const conf = neutronHost(withWorker([data, passthrough]));
    expect(conf.auto_bridge_add).toEqual({ 'br-phy0': 'enp25s0f0' });
    expect(at(conf as never, 'plugins.sriov_agent.sriov_nic.physical_device_mappings')).toBe('');
  });
});
