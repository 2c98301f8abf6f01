import { ReleaseDefinition } from '../lib/release';
import { clientsStaticValues } from '../overrides/clients';

export const clients: ReleaseDefinition = {
  name: 'clients',
  chart: 'clients',
  releaseName: 'osh-openstack-clients',
  chartGroup: 'clients',
  dependsOn: ['heat'],
  install: {},
  upgrade: {},
  staticValues: clientsStaticValues,
};
