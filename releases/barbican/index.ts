import { defineRelease } from '../define';
import { Values } from '../../lib/engine/values';
import { barbicanStaticValues } from '../../overrides/barbican';
import { httpsServiceValues, identityAuth, osloCache, osloDbAuth, osloMessaging, publicEndpoint } from '../../overrides/system';
import { DeploymentContext } from '../../lib/profile/context';

/** System values of barbican (spec §3.22). */
function barbicanSystemValues(ctx: DeploymentContext): Values {
  return {
    pod: { replicas: { api: ctx.derived.controllers } },
    endpoints: {
      key_manager: publicEndpoint(ctx, 'barbican'),
      identity: { auth: identityAuth(ctx, 'barbican', ['barbican']) },
      oslo_db: { auth: osloDbAuth(['barbican']) },
      oslo_cache: osloCache(),
      oslo_messaging: osloMessaging(ctx, ['barbican']),
    },
    ...httpsServiceValues(ctx, { authtokenIn: 'barbican' }),
  };
}

export const barbican = defineRelease({
  name: 'barbican',
  dependsOn: ['keystone'],
  // StarlingX leaves spec.install out for this release.
  install: null,
  // Off in the StarlingX app until an operator enables it.
  enabledByDefault: false,
  staticValues: barbicanStaticValues,
  systemValues: barbicanSystemValues,
});
