import { ReleaseDefinition } from '../lib/release';
import { keystoneApiProxyStaticValues } from '../overrides/keystone-api-proxy';

export const keystoneApiProxy: ReleaseDefinition = {
  name: 'keystone-api-proxy',
  chart: 'keystone-api-proxy',
  releaseName: 'osh-openstack-keystone-api-proxy',
  chartGroup: 'openstack-keystone-api-proxy',
  dependsOn: ['keystone'],
  install: {},
  upgrade: {},
  // Off in the StarlingX app until an operator enables it.
  enabledByDefault: false,
  staticValues: keystoneApiProxyStaticValues,
};
