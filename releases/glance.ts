import { ReleaseDefinition } from '../lib/release';
import { glanceStaticValues } from '../overrides/glance';

export const glance: ReleaseDefinition = {
  name: 'glance',
  chart: 'glance',
  releaseName: 'osh-openstack-glance',
  chartGroup: 'openstack-glance',
  dependsOn: ['keystone'],
  install: { disableWait: true },
  upgrade: { disableWait: true },
  staticValues: glanceStaticValues,
};
