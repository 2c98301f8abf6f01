import type { DeploymentProfileInput } from '../lib/profile/profile';

/** Standard: 2 controllers (control plane) and 3 workers, IPv6 primary, host ceph, OVS, garbd on. */
const controller = (n: number): DeploymentProfileInput['hosts'][number] => ({
  hostname: `controller-${n}`,
  personality: 'controller',
  labels: { 'openstack-control-plane': 'enabled' },
});

const worker = (n: number): DeploymentProfileInput['hosts'][number] => ({
  hostname: `worker-${n}`,
  personality: 'worker',
  labels: { 'openstack-compute-node': 'enabled', openvswitch: 'enabled', sriov: 'enabled' },
  cpus: { platform: [0, 1], application: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], isolated: [] },
  numa: [
    { node: 0, platformReservedMiB: 4096 },
    { node: 1, platformReservedMiB: 2048 },
  ],
  interfaces: [
    {
      name: 'data0',
      type: 'ethernet',
      class: 'data',
      port: { name: 'enp24s0f0', pciAddress: '0000:18:00.0' },
      datanetworks: ['physnet0'],
    },
    {
      name: 'tenant0',
      type: 'ethernet',
      class: 'data',
      port: { name: 'enp24s0f1', pciAddress: '0000:18:00.1' },
      datanetworks: ['tenant-vxlan'],
      addresses: [`fd00:1::${10 + n}`],
    },
  ],
});

export default {
  name: 'standard',
  description: 'Standard: 2 controllers and 3 workers, IPv6, host ceph, OVS',
  system: { type: 'standard', mode: 'duplex' },
  network: {
    clusterService: { families: ['ipv6'] },
    clusterHost: { subnet: 'fd02::/64', floatingAddress: 'fd02::1' },
    oam: { floatingAddress: '2001:db8:10::2' },
  },
  hosts: [controller(0), controller(1), worker(0), worker(1), worker(2)],
  datanetworks: [
    { name: 'physnet0', type: 'vlan', mtu: 1500 },
    { name: 'tenant-vxlan', type: 'vxlan', mtu: 1450 },
  ],
  storage: {
    ceph: {
      kind: 'host',
      storageClass: 'general',
      fsid: '7e1f3c2b-9d5a-4f0e-8b6c-2a4d6e8f0b1c',
      replication: 2,
      osdCount: 6,
      monitors: ['fd04::3', 'fd04::4', 'fd04::5'],
    },
  },
} satisfies DeploymentProfileInput;
