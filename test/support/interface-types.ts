/**
 * A worker with interfaces of each type StarlingX configures (ae, vlan, pci-sriov with a vf child,
 * pci-passthrough), on datanetworks of both kinds: what nova's PCI whitelist (§3.10.1) and neutron's
 * per-host agents (§3.12.1) are computed from.
 */
import { DeploymentProfileInput } from '../../lib/profile/profile';
import { controller, InterfaceInput, standard, worker } from './fixtures';

export const DATANETWORKS: DeploymentProfileInput['datanetworks'] = [
  { name: 'physnet0', type: 'vlan', mtu: 1500 },
  { name: 'physnet1', type: 'flat', mtu: 1500 },
  { name: 'sriovnet0', type: 'vlan', mtu: 1500 },
  { name: 'sriovnet1', type: 'vlan', mtu: 1500 },
  { name: 'ptnet0', type: 'flat', mtu: 1500 },
  { name: 'ptnet1', type: 'vlan', mtu: 1500 },
];

/** A standard system with one worker carrying `interfaces` (and `pciDevices`). */
export const withWorker = (interfaces: InterfaceInput[], pciDevices: Array<{ address: string; enabled: boolean }> = []) =>
  standard(1, {
    datanetworks: DATANETWORKS,
    hosts: [controller(0, false), controller(1, false), worker(0, { interfaces, pciDevices })],
  });

/** An ethernet port with no class (a member of an ae). */
export const member = (name: string, pci: string): InterfaceInput => ({
  name,
  type: 'ethernet',
  class: 'none',
  port: { name, pciAddress: pci },
});

export const SRIOV_VFS = ['0000:18:02.0', '0000:18:02.1', '0000:18:02.2', '0000:18:02.3'];
/** An SR-IOV port with four VFs on sriovnet0. */
export const sriovParent: InterfaceInput = {
  name: 'sriov0',
  type: 'ethernet',
  class: 'pci-sriov',
  port: { name: 'enp24s0f0', pciAddress: '0000:18:00.0', sriovVfAddresses: SRIOV_VFS },
  sriovNumVfs: 4,
  datanetworks: ['sriovnet0'],
};
/** A vf interface taking one VF of sriovParent, on sriovnet1. */
export const vf: InterfaceInput = {
  name: 'vf0',
  type: 'vf',
  class: 'pci-sriov',
  uses: ['sriov0'],
  sriovNumVfs: 1,
  datanetworks: ['sriovnet1'],
};
/** A data port on physnet0. */
export const data: InterfaceInput = {
  name: 'data0',
  type: 'ethernet',
  class: 'data',
  port: { name: 'enp25s0f0', pciAddress: '0000:19:00.0' },
  datanetworks: ['physnet0'],
};
