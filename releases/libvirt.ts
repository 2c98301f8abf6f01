import { ReleaseDefinition } from '../lib/release';
import { libvirtStaticValues } from '../overrides/libvirt';

export const libvirt: ReleaseDefinition = {
  name: 'libvirt',
  chart: 'libvirt',
  releaseName: 'osh-openstack-libvirt',
  chartGroup: 'openstack-libvirt',
  dependsOn: ['placement'],
  install: { disableWait: true },
  upgrade: { disableWait: true },
  staticValues: libvirtStaticValues,
};
