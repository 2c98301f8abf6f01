import { defineRelease, onlyOnSystemController } from '../define';
import { Values } from '../../lib/engine/values';
import { keystoneApiProxyStaticValues } from '../../overrides/keystone-api-proxy';
import { CredentialRef } from '../../lib/engine/credentials';
import { controllerAddress, DeploymentContext } from '../../lib/profile/context';
import { identityAuth, publicEndpoint } from '../../overrides/system';

/**
 * System values of keystone-api-proxy (spec §3.22, P3: only a DC system controller would run it).
 * Its two URLs embed platform passwords (amqp guest, dcorch database), so each whole URL is a
 * credential; `lib/credentials.ts` has no constructor for them, hence the direct CredentialRefs.
 * The detail records the host the URL must point at.
 */
function keystoneApiProxySystemValues(ctx: DeploymentContext): Values {
  const host = controllerAddress(ctx);
  return {
    pod: { user: { keystone_api_proxy: { uid: 0 } } },
    conf: {
      keystone_api_proxy: {
        // rabbit://guest:<amqp password>@<host>:5672
        DEFAULT: { transport_url: new CredentialRef('keystone-api-proxy.transport-url', 'external', host) },
        // postgresql+psycopg2://admin-dcorch:<dcorch password>@<host>/dcorch
        database: { connection: new CredentialRef('keystone-api-proxy.database-connection', 'external', host) },
        identity: { remote_host: 'keystone-api.openstack.svc.cluster.local' },
      },
    },
    endpoints: {
      identity: { auth: identityAuth(ctx, 'keystone-api-proxy', []) },
      keystone_api_proxy: publicEndpoint(ctx, 'keystone-api-proxy'),
    },
  };
}

export const keystoneApiProxy = defineRelease({
  name: 'keystone-api-proxy',
  dependsOn: ['keystone'],
  // Off in the StarlingX app until an operator enables it.
  enabledByDefault: false,
  enabled: onlyOnSystemController,
  staticValues: keystoneApiProxyStaticValues,
  systemValues: keystoneApiProxySystemValues,
});
