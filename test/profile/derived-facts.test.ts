import { urlHost } from '../../lib/profile/addresses';
import { vfAddresses, vfBase } from '../../lib/profile/interfaces';
import { Host } from '../../lib/profile/profile';
import { cephFsid, isSanProtocol, sanStorageConfigured } from '../../lib/profile/storage';
import { aioSimplex, contextOf, parseProfile, worker } from '../support/profiles';

describe('urlHost: an address as the host of a URL', () => {
  it.each([
    ['192.168.206.1', '192.168.206.1'],
    ['fd00::1', '[fd00::1]'],
    ['[fd00::1]', '[fd00::1]'],
    ['registry.local', 'registry.local'],
  ])('%s by its own family gives %s', (address, host) => {
    expect(urlHost(address)).toBe(host);
  });

  it('follows a family given by the caller (nova brackets by the cluster family)', () => {
    expect(urlHost('10.10.10.2', true)).toBe('[10.10.10.2]');
    expect(urlHost('fd00::1', false)).toBe('fd00::1');
    expect(urlHost('[fd00::1]', true)).toBe('[fd00::1]'); // never bracketed twice
  });
});

type InterfaceInput = NonNullable<Parameters<typeof worker>[1]>['interfaces'];

/** The first host of a profile with these interfaces, parsed (defaults applied). */
function hostWith(interfaces: InterfaceInput): Host {
  return parseProfile(aioSimplex({ hosts: [worker(0, { interfaces })] })).hosts[0];
}

const PF: NonNullable<InterfaceInput>[number] = {
  name: 'sriov0',
  type: 'ethernet',
  class: 'pci-sriov',
  port: { name: 'enp1s0', pciAddress: '0000:18:00.0', sriovVfAddresses: ['0000:18:02.0', '0000:18:02.1', '0000:18:02.2', '0000:18:02.3'] },
  datanetworks: ['data0'],
};

describe('host interfaces: the vf walk', () => {
  it('a vf on a vf reaches the ethernet interface it is carved from', () => {
    const host = hostWith([
      PF,
      { name: 'vf0', type: 'vf', class: 'pci-sriov', uses: ['sriov0'], sriovNumVfs: 3 },
      { name: 'vf1', type: 'vf', class: 'pci-sriov', uses: ['vf0'], sriovNumVfs: 1 },
    ]);
    const byName = (n: string) => host.interfaces.find((i) => i.name === n)!;
    expect(vfBase(host, byName('vf1'))?.name).toBe('sriov0');
    expect(vfBase(host, byName('sriov0'))?.name).toBe('sriov0');
  });

  it('a uses loop, or an unknown lower interface, gives no base instead of looping', () => {
    const host = hostWith([
      PF,
      { name: 'a', type: 'vf', class: 'pci-sriov', uses: ['b'] },
      { name: 'b', type: 'vf', class: 'pci-sriov', uses: ['a'] },
      { name: 'c', type: 'vf', class: 'pci-sriov', uses: ['missing'] },
    ]);
    for (const name of ['a', 'b', 'c']) expect(vfBase(host, host.interfaces.find((i) => i.name === name)!)).toBeUndefined();
  });

  it('each vf takes the last sriovNumVfs of what its parent keeps; vfs on a loop take none', () => {
    const host = hostWith([
      PF,
      { name: 'vf0', type: 'vf', class: 'pci-sriov', uses: ['sriov0'], sriovNumVfs: 3 },
      { name: 'vf1', type: 'vf', class: 'pci-sriov', uses: ['vf0'], sriovNumVfs: 1 },
      { name: 'a', type: 'vf', class: 'pci-sriov', uses: ['b'], sriovNumVfs: 1 },
      { name: 'b', type: 'vf', class: 'pci-sriov', uses: ['a'], sriovNumVfs: 1 },
    ]);
    const kept = vfAddresses(host);
    expect(kept.get('sriov0')).toEqual(['0000:18:02.0']);
    expect(kept.get('vf0')).toEqual(['0000:18:02.1', '0000:18:02.2']);
    expect(kept.get('vf1')).toEqual(['0000:18:02.3']);
    expect(kept.has('a')).toBe(false);
  });
});

describe('storage facts', () => {
  it('cephFsid: the configured fsid, none without ceph', () => {
    expect(cephFsid(contextOf(aioSimplex()))).toBe('89bd29e9-c505-4170-a097-04dc8e43c897');
    expect(cephFsid(contextOf(aioSimplex({ storage: { ceph: { kind: 'none' } } })))).toBeUndefined();
  });

  it('isSanProtocol: iSCSI and Fibre Channel, not NFS or RBD', () => {
    expect(['iscsi', 'fcp', 'nfs', 'rbd', undefined].map(isSanProtocol)).toEqual([true, true, false, false, false]);
  });

  it('sanStorageConfigured: a NetApp iSCSI backend counts, ceph alone does not', () => {
    expect(sanStorageConfigured(contextOf(aioSimplex()))).toBe(false);
    const netapp = aioSimplex({ storage: { ceph: { kind: 'none' }, netapp: { iscsi: { storageClass: 'netapp-san' } } } });
    expect(sanStorageConfigured(contextOf(netapp))).toBe(true);
  });
});
