import { ReleaseDefinition } from '../lib/release';
import { ironicStaticValues } from '../overrides/ironic';

export const ironic: ReleaseDefinition = {
  name: 'ironic',
  chart: 'ironic',
  releaseName: 'osh-openstack-ironic',
  chartGroup: 'openstack-ironic',
  dependsOn: ['cinder'],
  install: {},
  upgrade: {},
  // Off in the StarlingX app until an operator enables it.
  enabledByDefault: false,
  staticValues: ironicStaticValues,
};
