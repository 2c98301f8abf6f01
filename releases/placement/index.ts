import { ReleaseDefinition } from '../../lib/engine/release';
import { placementStaticValues } from '../../overrides/placement';
import { CA_PATH, certificates, DeploymentContext, identityAuth, osloDbAuth, publicEndpoint } from '../../lib/profile/context';
import { Values } from '../../lib/engine/values';

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

export const placement: ReleaseDefinition = {
  name: 'placement',
  chart: 'placement',
  releaseName: 'osh-openstack-placement',
  chartGroup: 'openstack-placement',
  dependsOn: ['cinder'],
  install: { disableWait: true },
  upgrade: { disableWait: true },
  staticValues: placementStaticValues,
  systemValues: placementSystemValues,
};
