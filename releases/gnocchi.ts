import { ReleaseDefinition } from '../lib/release';
import { gnocchiStaticValues } from '../overrides/gnocchi';

export const gnocchi: ReleaseDefinition = {
  name: 'gnocchi',
  chart: 'gnocchi',
  releaseName: 'osh-openstack-gnocchi',
  chartGroup: 'openstack-gnocchi',
  dependsOn: ['horizon'],
  install: {},
  upgrade: {},
  // Off in the StarlingX app until an operator enables it.
  enabledByDefault: false,
  staticValues: gnocchiStaticValues,
};
