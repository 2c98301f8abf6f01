import { ReleaseDefinition } from '../lib/release';
import { cinderStaticValues } from '../overrides/cinder';

export const cinder: ReleaseDefinition = {
  name: 'cinder',
  chart: 'cinder',
  releaseName: 'osh-openstack-cinder',
  chartGroup: 'openstack-cinder',
  dependsOn: ['glance'],
  install: { disableWait: true },
  upgrade: { disableWait: true },
  staticValues: cinderStaticValues,
};
