import { defineRelease } from '../define';
import { Values } from '../../lib/engine/values';
import { novaApiProxyStaticValues } from '../../overrides/nova-api-proxy';
import { CA_PATH, httpsServiceValues, identityAuth, publicEndpoint } from '../../overrides/system';
import { controllerAddress, DeploymentContext } from '../../lib/profile/context';

/** System values of nova-api-proxy (spec §3.15): the proxy answers on the public `nova` endpoint. */
function novaApiProxySystemValues(ctx: DeploymentContext): Values {
  const proxyConf: Values = { DEFAULT: { nfvi_compute_listen: controllerAddress(ctx) } };
  if (ctx.derived.https) proxyConf.keystone_authtoken = { cafile: CA_PATH };
  return {
    pod: { user: { nova_api_proxy: { uid: 0 } }, replicas: { proxy: ctx.derived.controllers } },
    conf: { nova_api_proxy: proxyConf },
    endpoints: {
      // The nova chart's users, with the same (shared) passwords.
      identity: { auth: identityAuth(ctx, 'nova', ['nova'], ['neutron', 'placement']) },
      compute: publicEndpoint(ctx, 'nova'),
    },
    ...httpsServiceValues(ctx, { tls: { compute: { api_proxy: { public: 'nova-tls-public' } } } }),
  };
}

export const novaApiProxy = defineRelease({
  name: 'nova-api-proxy',
  dependsOn: ['placement'],
  staticValues: novaApiProxyStaticValues,
  systemValues: novaApiProxySystemValues,
});
