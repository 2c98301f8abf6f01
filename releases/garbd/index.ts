import { ReleaseDefinition } from '../../lib/engine/release';
import { garbdStaticValues } from '../../overrides/garbd';

export const garbd: ReleaseDefinition = {
  name: 'garbd',
  chart: 'garbd',
  releaseName: 'osh-openstack-garbd',
  chartGroup: 'openstack-garbd',
  dependsOn: ['mariadb'],
  install: {},
  upgrade: {},
  staticValues: garbdStaticValues,
  // Enablement only (spec §3.2, §4.1): the platform computes no values for garbd.
  systemValues: () => ({}),
};
