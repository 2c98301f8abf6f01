import { defineRelease } from '../define';
import { Values } from '../../lib/engine/values';
import { novaApiProxyStaticValues } from '../../overrides/nova-api-proxy';
import { CA_PATH, certificates, identityAuth, publicEndpoint } from '../../overrides/system';
import { controllerAddress, DeploymentContext } from '../../lib/profile/context';

/** System values of nova-api-proxy (spec §3.15): the proxy answers on the public `nova` endpoint. */
function novaApiProxySystemValues(ctx: DeploymentContext): Values {
  const https = ctx.derived.https;
  const proxyConf: Values = { DEFAULT: { nfvi_compute_listen: controllerAddress(ctx) } };
  if (https) proxyConf.keystone_authtoken = { cafile: CA_PATH };
  const values: Values = {
    pod: { user: { nova_api_proxy: { uid: 0 } }, replicas: { proxy: ctx.derived.controllers } },
    conf: { nova_api_proxy: proxyConf },
    endpoints: {
      // The nova chart's users, with the same (shared) passwords.
      identity: { auth: identityAuth(ctx, 'nova', ['nova'], ['neutron', 'placement']) },
      compute: publicEndpoint(ctx, 'nova'),
    },
  };
  if (https) {
    values.secrets = { tls: { compute: { api_proxy: { public: 'nova-tls-public' } } } };
    values.manifests = certificates(ctx);
  }
  return values;
}

export const novaApiProxy = defineRelease({
  name: 'nova-api-proxy',
  dependsOn: ['placement'],
  staticValues: novaApiProxyStaticValues,
  systemValues: novaApiProxySystemValues,
});
