import { defineRelease, NO_WAIT } from '../define';
import { Values } from '../../lib/engine/values';
import { horizonStaticValues } from '../../overrides/horizon';
import { credential } from '../../overrides/credentials';
import { httpsServiceValues, identityAuth, osloDbAuth, publicEndpoint, publicUrl } from '../../overrides/system';
import { DeploymentContext } from '../../lib/profile/context';

/** `conf.horizon.local_settings.config` (spec §3.17). */
function localSettingsConfig(ctx: DeploymentContext): Values {
  const { profile, derived } = ctx;
  const domain = profile.endpoints.domain;
  const config: Values = {
    horizon_secret_key: credential.horizonSecretKey(),
    system_region_name: profile.system.regionName,
    csrf_trusted_origins: domain ? [publicUrl(ctx, 'horizon')] : [],
  };
  const raw: Values = {};
  if (derived.https) {
    config.https_enabled = 'True';
    raw.SECURE_PROXY_SSL_HEADER = ['HTTP_X_FORWARDED_PROTO', 'https'];
  }
  if (profile.system.regionConfig && profile.system.distributedCloudRole !== 'subcloud') {
    // The platform's region-config settings, with its fixed keystone address (spec §3.17).
    const keystoneUrl = 'http://controller:5000/v3';
    Object.assign(config, {
      openstack_keystone_url: keystoneUrl,
      region_name: profile.system.regionName,
      available_regions: [[keystoneUrl, profile.system.regionName]],
      ss_enabled: 'True',
    });
  }
  if (profile.system.distributedCloudRole === 'systemcontroller') config.dc_mode = 'True';
  const lockout = profile.horizon.lockout;
  if (lockout) {
    // Django settings strings, as the platform service parameters are.
    config.lockout_retries_num = String(lockout.retries);
    config.lockout_period_sec = String(lockout.seconds);
  }
  const dex = profile.keystone.dex;
  if (dex?.enabled) {
    // DEX needs the public keystone name (spec §1.3-6).
    if (!domain) throw new Error('keystone.dex.enabled requires endpoints.domain');
    config.auth = {
      sso: { enabled: true, initial_choice: dex.webssoInitialChoice },
      idp_mapping: [{ name: 'dex_oidc', label: dex.webssoLabel, idp: dex.providerName, protocol: dex.protocolName }],
    };
    raw.OPENSTACK_KEYSTONE_URL = `${publicUrl(ctx, 'keystone')}/v3`;
  }
  if (Object.keys(raw).length > 0) config.raw = raw;
  return config;
}

/** System values of horizon (spec §3.17). */
function horizonSystemValues(ctx: DeploymentContext): Values {
  return {
    pod: { replicas: { server: ctx.derived.controllers } },
    conf: { horizon: { local_settings: { config: localSettingsConfig(ctx) } } },
    endpoints: {
      dashboard: publicEndpoint(ctx, 'horizon', 'web'),
      oslo_db: { auth: osloDbAuth(['horizon']) },
      // Spec §6-1 (reproduced): the chart's own `admin` user replaces the shared admin entry,
      // with a horizon-private password and no username.
      identity: { auth: identityAuth(ctx, 'horizon', ['admin'], [], { privateUsers: ['admin'] }) },
    },
    network: {
      // Without an endpoint domain the dashboard is reached through its NodePort.
      node_port: { enabled: !ctx.profile.endpoints.domain },
      dashboard: { ingress: { annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '2500m' } } },
    },
    ...httpsServiceValues(ctx),
  };
}

export const horizon = defineRelease({
  name: 'horizon',
  dependsOn: ['fm-rest-api'],
  ...NO_WAIT,
  staticValues: horizonStaticValues,
  systemValues: horizonSystemValues,
});
