import { defineRelease, NO_WAIT } from '../define';
import { placementStaticValues } from '../../overrides/placement';
import { Values } from '../../lib/engine/values';
import { CA_PATH, certificates, identityAuth, osloDbAuth, publicEndpoint } from '../../overrides/system';
import { DeploymentContext } from '../../lib/profile/context';

/** System values of placement (spec §3.14). */
function placementSystemValues(ctx: DeploymentContext): Values {
  const values: Values = {
    pod: { replicas: { api: ctx.derived.controllers } },
    endpoints: {
      identity: { name: 'keystone', auth: identityAuth(ctx, 'placement', ['placement']) },
      oslo_db: { auth: osloDbAuth(['placement']) },
      placement: publicEndpoint(ctx, 'placement'),
    },
  };
  if (ctx.derived.https) {
    values.conf = { placement: { keystone_authtoken: { cafile: CA_PATH } } };
    values.manifests = certificates(ctx);
  }
  return values;
}

export const placement = defineRelease({
  name: 'placement',
  dependsOn: ['cinder'],
  ...NO_WAIT,
  staticValues: placementStaticValues,
  systemValues: placementSystemValues,
});
