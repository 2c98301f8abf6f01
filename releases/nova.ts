import { ReleaseDefinition } from '../lib/release';
import { novaStaticValues } from '../overrides/nova';

export const nova: ReleaseDefinition = {
  name: 'nova',
  chart: 'nova',
  releaseName: 'osh-openstack-nova',
  chartGroup: 'openstack-nova',
  dependsOn: ['placement'],
  install: { disableWait: true },
  upgrade: { disableWait: true },
  staticValues: novaStaticValues,
};
