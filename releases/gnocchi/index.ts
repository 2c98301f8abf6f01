import { defineRelease } from '../define';
import { Values } from '../../lib/engine/values';
import { gnocchiStaticValues } from '../../overrides/gnocchi';
import { httpsServiceValues, identityAuth, osloCache, osloDbAuth, publicEndpoint, rookImages } from '../../overrides/system';
import { DeploymentContext } from '../../lib/profile/context';

/** System values of gnocchi (spec §3.21). */
function gnocchiSystemValues(ctx: DeploymentContext): Values {
  return {
    pod: { replicas: { api: ctx.derived.controllers } },
    endpoints: {
      metric: publicEndpoint(ctx, 'gnocchi'),
      identity: { auth: identityAuth(ctx, 'gnocchi', ['gnocchi']) },
      oslo_cache: osloCache(),
      oslo_db: { auth: osloDbAuth(['gnocchi']) },
    },
    ceph_client: { user_secret_name: 'ceph-admin' },
    ...httpsServiceValues(ctx, { authtokenIn: 'gnocchi' }),
    ...rookImages(ctx, ['gnocchi_storage_init']),
  };
}

export const gnocchi = defineRelease({
  name: 'gnocchi',
  dependsOn: ['horizon'],
  // Off in the StarlingX app until an operator enables it.
  enabledByDefault: false,
  staticValues: gnocchiStaticValues,
  systemValues: gnocchiSystemValues,
});
