import { ReleaseDefinition } from '../lib/release';
import { mariadbStaticValues } from '../overrides/mariadb';

export const mariadb: ReleaseDefinition = {
  name: 'mariadb',
  chart: 'mariadb',
  releaseName: 'osh-openstack-mariadb',
  chartGroup: 'openstack-mariadb',
  dependsOn: ['nginx-ports-control'],
  install: {},
  upgrade: {},
  staticValues: mariadbStaticValues,
};
