import { defineRelease, NO_WAIT } from '../define';
import { placementStaticValues } from '../../overrides/placement';
import { Values } from '../../lib/engine/values';
import { httpsServiceValues, identityAuth, osloDbAuth, publicEndpoint } from '../../overrides/system';
import { DeploymentContext } from '../../lib/profile/context';

/** System values of placement (spec §3.14). */
function placementSystemValues(ctx: DeploymentContext): Values {
  return {
    pod: { replicas: { api: ctx.derived.controllers } },
    endpoints: {
      identity: { name: 'keystone', auth: identityAuth(ctx, 'placement', ['placement']) },
      oslo_db: { auth: osloDbAuth(['placement']) },
      placement: publicEndpoint(ctx, 'placement'),
    },
    ...httpsServiceValues(ctx, { authtokenIn: 'placement' }),
  };
}

export const placement = defineRelease({
  name: 'placement',
  dependsOn: ['cinder'],
  ...NO_WAIT,
  staticValues: placementStaticValues,
  systemValues: placementSystemValues,
});
