import type { DeploymentProfileInput } from '../lib/profile/profile';

/** All-in-one duplex: two controllers, IPv4, host ceph, HTTPS on an endpoint domain. */
const controller = (n: number, pci: string): DeploymentProfileInput['hosts'][number] => ({
  hostname: `controller-${n}`,
  personality: 'controller',
  labels: { 'openstack-control-plane': 'enabled', 'openstack-compute-node': 'enabled', openvswitch: 'enabled' },
  cpus: { platform: [0, 1, 2], application: [3, 4, 5, 6, 7, 8, 9, 10, 11], isolated: [] },
  numa: [{ node: 0, platformReservedMiB: 10240 }],
  interfaces: [
    { name: 'data0', type: 'ethernet', class: 'data', port: { name: 'enp59s0f0', pciAddress: pci }, datanetworks: ['physnet0'] },
  ],
});

export default {
  name: 'aio-dx',
  description: 'All-in-one duplex with host ceph and HTTPS',
  system: { type: 'aio', mode: 'duplex' },
  network: {
    clusterHost: { subnet: '192.168.206.0/24', floatingAddress: '192.168.206.1' },
    oam: { floatingAddress: '10.20.0.2' },
  },
  endpoints: { domain: 'openstack.example.com' },
  https: { enabled: true, certRef: { secretName: 'openstack-public-tls', caKey: 'ca.crt' } },
  hosts: [controller(0, '0000:3b:00.0'), controller(1, '0000:3b:00.0')],
  datanetworks: [{ name: 'physnet0', type: 'vlan', mtu: 1500 }],
  storage: {
    ceph: {
      kind: 'host',
      storageClass: 'general',
      fsid: '0c6ef1a0-45c4-4a43-9a4c-3c0d3b7fd2a1',
      replication: 2,
      osdCount: 2,
      monitors: ['192.168.204.2', '192.168.204.3', '192.168.204.4'],
    },
  },
} satisfies DeploymentProfileInput;
