import { defineRelease, onlyOnSystemController } from '../define';
import { Values } from '../../lib/engine/values';
import { dcdbsyncStaticValues } from '../../overrides/dcdbsync';
import { DeploymentContext } from '../../lib/profile/context';
import { fqdnOverride, identityAuth } from '../../overrides/system';

/** System values of dcdbsync (spec §3.22, P3: only a DC system controller would run it). */
function dcdbsyncSystemValues(ctx: DeploymentContext): Values {
  return {
    endpoints: {
      identity: { auth: identityAuth(ctx, 'dcdbsync', ['dcdbsync']) },
      dcorch_dbsync: { host_fqdn_override: fqdnOverride(ctx, 'dcdbsync') },
    },
  };
}

export const dcdbsync = defineRelease({
  name: 'dcdbsync',
  dependsOn: ['cinder'],
  // Off in the StarlingX app until an operator enables it.
  enabledByDefault: false,
  enabled: onlyOnSystemController,
  staticValues: dcdbsyncStaticValues,
  systemValues: dcdbsyncSystemValues,
});
