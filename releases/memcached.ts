import { ReleaseDefinition } from '../lib/release';
import { memcachedStaticValues } from '../overrides/memcached';
import { DeploymentContext } from '../lib/system';

export const memcached: ReleaseDefinition = {
  name: 'memcached',
  chart: 'memcached',
  releaseName: 'osh-openstack-memcached',
  chartGroup: 'openstack-memcached',
  dependsOn: ['mariadb'],
  install: {},
  upgrade: {},
  staticValues: memcachedStaticValues,
  systemValues: (ctx: DeploymentContext) => ({ pod: { replicas: { server: ctx.derived.controllers } } }),
};
