import { ReleaseDefinition } from '../lib/release';
import { aodhStaticValues } from '../overrides/aodh';

export const aodh: ReleaseDefinition = {
  name: 'aodh',
  chart: 'aodh',
  releaseName: 'osh-openstack-aodh',
  chartGroup: 'openstack-aodh',
  dependsOn: ['ceilometer'],
  install: {},
  upgrade: {},
  staticValues: aodhStaticValues,
};
