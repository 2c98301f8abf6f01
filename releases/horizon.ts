import { ReleaseDefinition } from '../lib/release';
import { horizonStaticValues } from '../overrides/horizon';

export const horizon: ReleaseDefinition = {
  name: 'horizon',
  chart: 'horizon',
  releaseName: 'osh-openstack-horizon',
  chartGroup: 'openstack-horizon',
  dependsOn: ['fm-rest-api'],
  install: { disableWait: true },
  upgrade: { disableWait: true },
  staticValues: horizonStaticValues,
};
