import { ReleaseDefinition } from '../lib/release';
import { heatStaticValues } from '../overrides/heat';

export const heat: ReleaseDefinition = {
  name: 'heat',
  chart: 'heat',
  releaseName: 'osh-openstack-heat',
  chartGroup: 'openstack-heat',
  dependsOn: ['placement'],
  install: { disableWait: true },
  upgrade: { disableWait: true },
  staticValues: heatStaticValues,
};
