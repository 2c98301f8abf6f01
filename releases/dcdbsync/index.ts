import { ReleaseDefinition } from '../../lib/engine/release';
import { DeploymentContext, fqdnOverride, identityAuth } from '../../lib/profile/context';
import { Values } from '../../lib/engine/values';
import { dcdbsyncStaticValues } from '../../overrides/dcdbsync';

/** System values of dcdbsync (spec §3.22, P3: only a DC system controller would run it). */
function dcdbsyncSystemValues(ctx: DeploymentContext): Values {
  return {
    endpoints: {
      identity: { auth: identityAuth(ctx, 'dcdbsync', ['dcdbsync']) },
      dcorch_dbsync: { host_fqdn_override: fqdnOverride(ctx, 'dcdbsync') },
    },
  };
}

export const dcdbsync: ReleaseDefinition = {
  name: 'dcdbsync',
  chart: 'dcdbsync',
  releaseName: 'osh-openstack-dcdbsync',
  chartGroup: 'openstack-dcdbsync',
  dependsOn: ['cinder'],
  install: {},
  upgrade: {},
  // Off in the StarlingX app until an operator enables it.
  enabledByDefault: false,
  staticValues: dcdbsyncStaticValues,
  systemValues: dcdbsyncSystemValues,
};
