/**
 * barbican (docs/system-values.md §3.22): the assertions about this release's values and objects.
 */
import { barbican } from '../../releases/barbican';
import { aioDuplex, aioSimplex, CA, DOMAIN, HTTPS, releaseValues } from '../support/fixtures';
import { at, credentialAt } from '../support/values-path';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const barbicanValues = releaseValues(barbican);

expectReferenceFacts(barbican, {
  releaseName: 'osh-openstack-barbican',
  chartGroup: 'openstack-barbican',
  chart: 'barbican',
  dependsOn: ['keystone'],
  install: false,
  disableWait: false,
  enabledByDefault: false,
});

describe('barbican (§3.22)', () => {
  test('given AIO-DX over http, when computed, then replicas = C and barbican users in every block', () => {
    const v = barbicanValues(aioDuplex());
    expect(at(v, 'pod.replicas.api')).toBe(2);
    expect(credentialAt(v, 'endpoints.identity.auth.barbican.password')).toBe('user-password.barbican');
    expect(credentialAt(v, 'endpoints.oslo_db.auth.barbican.password')).toBe('db-password.barbican');
    expect(credentialAt(v, 'endpoints.oslo_messaging.auth.barbican.password')).toBe('rabbit-password.barbican');
    expect(credentialAt(v, 'endpoints.oslo_cache.auth.memcache_secret_key')).toBe('memcache-secret-key');
    expect(at(v, 'endpoints.key_manager')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
    expect(v.conf).toBeUndefined();
  });

  test('given https and a domain, when computed, then cafile and the barbican FQDN are set', () => {
    const v = barbicanValues(aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'conf.barbican.keystone_authtoken.cafile')).toBe(CA);
    expect(at(v, 'endpoints.key_manager.host_fqdn_override.public.host')).toBe('barbican.openstack.example.com');
    expect(at(v, 'endpoints.key_manager.port')).toEqual({ api: { public: 443 } });
  });
});
