import { ReleaseDefinition } from '../../lib/engine/release';
import { memcachedStaticValues } from '../../overrides/memcached';
import { DeploymentContext } from '../../lib/profile/context';

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
