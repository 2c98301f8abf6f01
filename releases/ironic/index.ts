import { ReleaseDefinition } from '../../lib/engine/release';
import { DeploymentContext, identityAuth, osloCache, osloDbAuth, osloMessagingAuth, publicEndpoint } from '../../lib/profile/context';
import { Values } from '../../lib/engine/values';
import { ironicStaticValues } from '../../overrides/ironic';

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
      oslo_messaging: { auth: osloMessagingAuth(['ironic']) },
    },
  };
}

export const ironic: ReleaseDefinition = {
  name: 'ironic',
  chart: 'ironic',
  releaseName: 'osh-openstack-ironic',
  chartGroup: 'openstack-ironic',
  dependsOn: ['cinder'],
  install: {},
  upgrade: {},
  // Off in the StarlingX app until an operator enables it.
  enabledByDefault: false,
  staticValues: ironicStaticValues,
  systemValues: ironicSystemValues,
};
