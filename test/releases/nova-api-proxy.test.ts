/**
 * nova-api-proxy (docs/system-values.md §3.15): the assertions about this release's values and objects.
 */
import { novaApiProxy } from '../../releases/nova-api-proxy';
import { aioDuplex, aioSimplex, CA, controller, DOMAIN, HTTPS, releaseValues, standard, worker } from '../support/fixtures';
import { at, credentialAt } from '../support/values-path';
import { Values } from '../../lib/engine/values';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const novaApiProxyValues = releaseValues(novaApiProxy);

expectReferenceFacts(novaApiProxy, {
  releaseName: 'osh-openstack-nova-api-proxy',
  chartGroup: 'openstack-nova-api-proxy',
  chart: 'nova-api-proxy',
  dependsOn: ['placement'],
  install: true,
  disableWait: false,
  enabledByDefault: true,
});

describe('nova-api-proxy (§3.15)', () => {
  test('S03: given a Standard system with 1 available controller, when nova-api-proxy values are computed, then pod.replicas.proxy is 1', () => {
    const profile = standard(2, { hosts: [controller(0, false), controller(1, false, { available: false }), worker(0), worker(1)] });
    expect(at(novaApiProxyValues(profile), 'pod.replicas.proxy')).toBe(1);
  });

  test('S04: given AIO-DX with 2 available controllers, when nova-api-proxy values are computed, then pod.replicas.proxy is 2', () => {
    expect(at(novaApiProxyValues(aioDuplex()), 'pod.replicas.proxy')).toBe(2);
  });

  test('given http, when computed, then uid 0, controller.internal listen, nova identity users and empty endpoint maps', () => {
    const v = novaApiProxyValues(aioSimplex());
    expect(at(v, 'pod.user.nova_api_proxy.uid')).toBe(0);
    expect(at(v, 'conf.nova_api_proxy.DEFAULT.nfvi_compute_listen')).toBe('controller.internal');
    expect(at(v, 'conf.nova_api_proxy.keystone_authtoken')).toBeUndefined();
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin', 'nova', 'neutron', 'placement']);
    expect(credentialAt(v, 'endpoints.identity.auth.nova.password')).toBe('user-password.nova');
    expect(credentialAt(v, 'endpoints.identity.auth.test.password')).toBe('test-password.nova');
    expect(credentialAt(v, 'endpoints.identity.auth.placement.password')).toBe('user-password.placement');
    expect(at(v, 'endpoints.compute')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
    expect(v.secrets).toBeUndefined();
    expect(v.manifests).toBeUndefined();
  });

  test('given fqdnReady false, when computed, then the proxy listens on the management floating address', () => {
    const profile = aioSimplex({
      system: { type: 'aio', mode: 'simplex', fqdnReady: false },
      network: {
        clusterHost: { subnet: '192.168.206.0/24', floatingAddress: '192.168.206.1' },
        oam: { floatingAddress: '10.10.10.2' },
        mgmt: { floatingAddress: '192.168.204.2' },
      },
    });
    expect(at(novaApiProxyValues(profile), 'conf.nova_api_proxy.DEFAULT.nfvi_compute_listen')).toBe('192.168.204.2');
  });

  test('given https and a domain, when computed, then the public nova FQDN, TLS, port 443, cafile and secret name are set', () => {
    const v = novaApiProxyValues(aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'endpoints.compute.host_fqdn_override.public.host')).toBe('nova.openstack.example.com');
    expect(credentialAt(v, 'endpoints.compute.host_fqdn_override.public.tls.crt')).toBe('tls.crt');
    expect(at(v, 'endpoints.compute.port')).toEqual({ api: { public: 443 } });
    expect(at(v, 'endpoints.compute.scheme')).toEqual({ public: 'https' });
    expect(at(v, 'conf.nova_api_proxy.keystone_authtoken.cafile')).toBe(CA);
    expect(at(v, 'secrets.tls.compute.api_proxy.public')).toBe('nova-tls-public');
    expect(at(v, 'manifests')).toEqual({ certificates: true });
    expect(at(v, 'endpoints.identity.auth.neutron.cacert')).toBe(CA);
  });
});
