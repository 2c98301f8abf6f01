/**
 * keystone-api-proxy (docs/system-values.md §3.22): the assertions about this release's values and objects.
 */
import { keystoneApiProxy } from '../../releases/keystone-api-proxy';
import { aioSimplex, DOMAIN, enablementOf, HTTPS, releaseValues, systemController } from '../support/fixtures';
import { at, credentialAt } from '../support/values-path';
import { Values } from '../../lib/engine/values';
import { CredentialRef } from '../../lib/engine/credentials';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const keystoneApiProxyValues = releaseValues(keystoneApiProxy);

expectReferenceFacts(keystoneApiProxy, {
  releaseName: 'osh-openstack-keystone-api-proxy',
  chartGroup: 'openstack-keystone-api-proxy',
  chart: 'keystone-api-proxy',
  dependsOn: ['keystone'],
  install: true,
  disableWait: false,
  enabledByDefault: false,
});

describe('keystone-api-proxy (§3.22)', () => {
  test('given http, when computed, then uid 0, credential URLs, remote keystone host and base identity users', () => {
    const v = keystoneApiProxyValues(aioSimplex());
    expect(at(v, 'pod.user.keystone_api_proxy.uid')).toBe(0);
    expect(credentialAt(v, 'conf.keystone_api_proxy.DEFAULT.transport_url')).toBe('keystone-api-proxy.transport-url');
    expect(credentialAt(v, 'conf.keystone_api_proxy.database.connection')).toBe('keystone-api-proxy.database-connection');
    expect((at(v, 'conf.keystone_api_proxy.DEFAULT.transport_url') as CredentialRef).detail).toBe('controller.internal');
    expect(at(v, 'conf.keystone_api_proxy.identity.remote_host')).toBe('keystone-api.openstack.svc.cluster.local');
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin']);
    expect(at(v, 'endpoints.keystone_api_proxy')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
  });

  test('given https and a domain, when computed, then the public FQDN, port 443 and scheme https', () => {
    const v = keystoneApiProxyValues(aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'endpoints.keystone_api_proxy.host_fqdn_override.public.host')).toBe('keystone-api-proxy.openstack.example.com');
    expect(at(v, 'endpoints.keystone_api_proxy.port')).toEqual({ api: { public: 443 } });
    expect(at(v, 'endpoints.keystone_api_proxy.scheme')).toEqual({ public: 'https' });
  });
});

describe('keystone-api-proxy enablement (spec §4.1, §6-7)', () => {
  test('given a system that is not a system controller, then keystone-api-proxy is off even when enabled; on a system controller it runs when enabled', () => {
    expect(enablementOf(keystoneApiProxy, aioSimplex())).toEqual({ on: false, reason: expect.stringContaining('system controller') });
    expect(enablementOf(keystoneApiProxy, systemController())).toEqual({ on: true });
  });
});
