import { defineRelease, TWO_CONTROL_PLANE_HOSTS } from '../define';
import { Values } from '../../lib/engine/values';
import { ironicStaticValues } from '../../overrides/ironic';
import { DeploymentContext } from '../../lib/profile/context';
import { identityAuth, osloCache, osloDbAuth, osloMessaging, publicEndpoint } from '../../overrides/system';

/** System values of ironic (spec §3.22). */
function ironicSystemValues(ctx: DeploymentContext): Values {
  const c = ctx.derived.controllers;
  // Strings, empty when the profile has no ironic provisioning network.
  const net = ctx.profile.network.ironic;
  return {
    pod: { replicas: { api: c, conductor: c } },
    network: {
      pxe: {
        device: net?.portName ?? '',
        neutron_provider_network: 'ironic',
        neutron_subnet_gateway: net?.gateway ?? '',
        neutron_subnet_cidr: net?.cidr ?? '',
        neutron_subnet_alloc_start: net?.rangeStart ?? '',
        neutron_subnet_alloc_end: net?.rangeEnd ?? '',
      },
    },
    endpoints: {
      // glance's service user, with glance's password, for image downloads.
      identity: { auth: identityAuth(ctx, 'ironic', ['ironic'], ['glance']) },
      baremetal: publicEndpoint(ctx, 'ironic'),
      oslo_cache: osloCache(),
      oslo_db: { auth: osloDbAuth(['ironic']) },
      oslo_messaging: osloMessaging(ctx, ['ironic']),
    },
  };
}

export const ironic = defineRelease({
  name: 'ironic',
  dependsOn: ['cinder'],
  // Off in the StarlingX app until an operator enables it.
  enabledByDefault: false,
  enabled: ({ derived }, requested) =>
    requested && derived.controlPlaneHosts < 2 ? { on: false, reason: TWO_CONTROL_PLANE_HOSTS } : { on: requested },
  staticValues: ironicStaticValues,
  systemValues: ironicSystemValues,
});
