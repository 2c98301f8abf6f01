import { ReleaseDefinition } from '../lib/release';
import { ceilometerStaticValues } from '../overrides/ceilometer';

export const ceilometer: ReleaseDefinition = {
  name: 'ceilometer',
  chart: 'ceilometer',
  releaseName: 'osh-openstack-ceilometer',
  chartGroup: 'openstack-ceilometer',
  dependsOn: ['nova', 'neutron', 'heat'],
  install: { disableWait: true },
  upgrade: { disableWait: true },
  staticValues: ceilometerStaticValues,
};
