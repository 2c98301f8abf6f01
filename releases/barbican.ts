import { ReleaseDefinition } from '../lib/release';
import { barbicanStaticValues } from '../overrides/barbican';

export const barbican: ReleaseDefinition = {
  name: 'barbican',
  chart: 'barbican',
  releaseName: 'osh-openstack-barbican',
  chartGroup: 'openstack-barbican',
  dependsOn: ['keystone'],
  upgrade: {},
  // Off in the StarlingX app until an operator enables it.
  enabledByDefault: false,
  staticValues: barbicanStaticValues,
};
