import { ReleaseDefinition } from '../../lib/engine/release';
import { CA_PATH, certificates, DeploymentContext, identityAuth, osloDbAuth, publicEndpoint } from '../../lib/profile/context';
import { Values } from '../../lib/engine/values';
import { fmRestApiStaticValues } from '../../overrides/fm-rest-api';

/** System values of fm-rest-api (spec §3.20). */
function fmRestApiSystemValues(ctx: DeploymentContext): Values {
  const region = ctx.profile.system.regionName;
  const values: Values = {
    pod: { replicas: { api: ctx.derived.controllers } },
    endpoints: {
      identity: { auth: identityAuth(ctx, 'fm-rest-api', ['fm']) },
      faultmanagement: publicEndpoint(ctx, 'fm-rest-api'),
      oslo_db: { auth: osloDbAuth(['fm']) },
    },
    // Spec §6-3 (reproduced): at the values root, not under `conf`.
    fm: { DEFAULT: { region_name: region }, sysinv: { os_region_name: region } },
  };
  if (ctx.derived.https) {
    values.conf = { fm: { keystone_authtoken: { cafile: CA_PATH } } };
    values.secrets = {
      tls: {
        faultmanagement: {
          faultmanagement: { public: 'keystone-tls-public' },
          fm_api: { internal: 'keystone-tls-public', public: 'keystone-tls-public' },
        },
      },
    };
    values.manifests = certificates(ctx);
  }
  return values;
}

export const fmRestApi: ReleaseDefinition = {
  name: 'fm-rest-api',
  chart: 'fm-rest-api',
  releaseName: 'osh-openstack-fm-rest-api',
  chartGroup: 'openstack-fm-rest-api',
  dependsOn: ['heat'],
  install: {},
  upgrade: {},
  staticValues: fmRestApiStaticValues,
  systemValues: fmRestApiSystemValues,
};
