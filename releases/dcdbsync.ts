import { ReleaseDefinition } from '../lib/release';
import { dcdbsyncStaticValues } from '../overrides/dcdbsync';

export const dcdbsync: ReleaseDefinition = {
  name: 'dcdbsync',
  chart: 'dcdbsync',
  releaseName: 'osh-openstack-dcdbsync',
  chartGroup: 'openstack-dcdbsync',
  dependsOn: ['cinder'],
  install: {},
  upgrade: {},
  // Off in the StarlingX app until an operator enables it.
  enabledByDefault: false,
  staticValues: dcdbsyncStaticValues,
};
