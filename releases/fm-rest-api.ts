import { ReleaseDefinition } from '../lib/release';
import { fmRestApiStaticValues } from '../overrides/fm-rest-api';

export const fmRestApi: ReleaseDefinition = {
  name: 'fm-rest-api',
  chart: 'fm-rest-api',
  releaseName: 'osh-openstack-fm-rest-api',
  chartGroup: 'openstack-fm-rest-api',
  dependsOn: ['heat'],
  install: {},
  upgrade: {},
  staticValues: fmRestApiStaticValues,
};
