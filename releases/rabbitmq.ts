import { ReleaseDefinition } from '../lib/release';
import { rabbitmqStaticValues } from '../overrides/rabbitmq';

export const rabbitmq: ReleaseDefinition = {
  name: 'rabbitmq',
  chart: 'rabbitmq',
  releaseName: 'osh-openstack-rabbitmq',
  chartGroup: 'openstack-rabbitmq',
  dependsOn: ['memcached'],
  install: {},
  upgrade: {},
  staticValues: rabbitmqStaticValues,
};
