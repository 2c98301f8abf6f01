import { defineRelease } from '../define';
import { Values } from '../../lib/engine/values';
import { fmRestApiStaticValues } from '../../overrides/fm-rest-api';
import { httpsServiceValues, identityAuth, osloDbAuth, publicEndpoint, serviceRegion } from '../../overrides/system';
import { DeploymentContext } from '../../lib/profile/context';

/** System values of fm-rest-api (spec §3.20). */
function fmRestApiSystemValues(ctx: DeploymentContext): Values {
  // The service's region under a region configuration (the plugin's _get_service_region_name).
  const region = serviceRegion(ctx, 'fm-rest-api');
  return {
    pod: { replicas: { api: ctx.derived.controllers } },
    endpoints: {
      identity: { auth: identityAuth(ctx, 'fm-rest-api', ['fm']) },
      faultmanagement: publicEndpoint(ctx, 'fm-rest-api'),
      oslo_db: { auth: osloDbAuth(['fm']) },
    },
    // Spec §6-3 (reproduced): at the values root, not under `conf`.
    fm: { DEFAULT: { region_name: region }, sysinv: { os_region_name: region } },
    ...httpsServiceValues(ctx, {
      authtokenIn: 'fm',
      tls: {
        faultmanagement: {
          faultmanagement: { public: 'keystone-tls-public' },
          fm_api: { internal: 'keystone-tls-public', public: 'keystone-tls-public' },
        },
      },
    }),
  };
}

export const fmRestApi = defineRelease({
  name: 'fm-rest-api',
  dependsOn: ['heat'],
  staticValues: fmRestApiStaticValues,
  systemValues: fmRestApiSystemValues,
});
