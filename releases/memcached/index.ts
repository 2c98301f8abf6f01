import { defineRelease } from '../define';
import { memcachedStaticValues } from '../../overrides/memcached';
import { DeploymentContext } from '../../lib/profile/context';

export const memcached = defineRelease({
  name: 'memcached',
  dependsOn: ['mariadb'],
  staticValues: memcachedStaticValues,
  systemValues: (ctx: DeploymentContext) => ({ pod: { replicas: { server: ctx.derived.controllers } } }),
});
