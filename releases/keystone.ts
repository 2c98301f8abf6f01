import { ReleaseDefinition } from '../lib/release';
import { keystoneStaticValues } from '../overrides/keystone';

export const keystone: ReleaseDefinition = {
  name: 'keystone',
  chart: 'keystone',
  releaseName: 'osh-openstack-keystone',
  chartGroup: 'openstack-keystone',
  dependsOn: ['rabbitmq'],
  install: { disableWait: true },
  upgrade: { disableWait: true },
  staticValues: keystoneStaticValues,
};
