import { ReleaseDefinition } from '../lib/release';
import { openvswitchStaticValues } from '../overrides/openvswitch';

export const openvswitch: ReleaseDefinition = {
  name: 'openvswitch',
  chart: 'openvswitch',
  releaseName: 'osh-openstack-openvswitch',
  chartGroup: 'openstack-openvswitch',
  dependsOn: ['placement'],
  install: { disableWait: true },
  upgrade: { disableWait: true },
  staticValues: openvswitchStaticValues,
};
