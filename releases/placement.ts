import { ReleaseDefinition } from '../lib/release';
import { placementStaticValues } from '../overrides/placement';

export const placement: ReleaseDefinition = {
  name: 'placement',
  chart: 'placement',
  releaseName: 'osh-openstack-placement',
  chartGroup: 'openstack-placement',
  dependsOn: ['cinder'],
  install: { disableWait: true },
  upgrade: { disableWait: true },
  staticValues: placementStaticValues,
};
