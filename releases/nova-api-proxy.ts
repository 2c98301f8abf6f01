import { ReleaseDefinition } from '../lib/release';
import { novaApiProxyStaticValues } from '../overrides/nova-api-proxy';

export const novaApiProxy: ReleaseDefinition = {
  name: 'nova-api-proxy',
  chart: 'nova-api-proxy',
  releaseName: 'osh-openstack-nova-api-proxy',
  chartGroup: 'openstack-nova-api-proxy',
  dependsOn: ['placement'],
  install: {},
  upgrade: {},
  staticValues: novaApiProxyStaticValues,
};
