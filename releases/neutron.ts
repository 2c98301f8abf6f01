import { ReleaseDefinition } from '../lib/release';
import { neutronStaticValues } from '../overrides/neutron';

export const neutron: ReleaseDefinition = {
  name: 'neutron',
  chart: 'neutron',
  releaseName: 'osh-openstack-neutron',
  chartGroup: 'openstack-neutron',
  dependsOn: ['placement'],
  install: { disableWait: true },
  upgrade: { disableWait: true },
  staticValues: neutronStaticValues,
};
