/**
 * horizon (docs/system-values.md §3.17): the assertions about this release's values and objects.
 */
import { horizon } from '../../releases/horizon';
import { aioDuplex, aioSimplex, dexProfile, DOMAIN, HTTPS, releaseValues } from '../support/fixtures';
import { at, credentialAt } from '../support/values-path';
import { Values } from '../../lib/engine/values';
import { CredentialRef } from '../../lib/engine/credentials';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const horizonValues = releaseValues(horizon);

expectReferenceFacts(horizon, {
  releaseName: 'osh-openstack-horizon',
  chartGroup: 'openstack-horizon',
  chart: 'horizon',
  dependsOn: ['fm-rest-api'],
  install: true,
  disableWait: true,
  enabledByDefault: true,
});

describe('horizon (§3.17)', () => {
  test("S33: given https, when horizon values are computed, then https_enabled is 'True', dashboard web port 443 and scheme https", () => {
    const v = horizonValues(aioSimplex({ https: HTTPS }));
    expect(at(v, 'conf.horizon.local_settings.config.https_enabled')).toBe('True');
    expect(at(v, 'endpoints.dashboard.port.web.public')).toBe(443);
    expect(at(v, 'endpoints.dashboard.scheme.public')).toBe('https');
    expect(at(v, 'conf.horizon.local_settings.config.raw.SECURE_PROXY_SSL_HEADER')).toEqual(['HTTP_X_FORWARDED_PROTO', 'https']);
    expect(at(v, 'manifests')).toEqual({ certificates: true });
  });

  test('given http without a domain, when computed, then replicas = C, no https keys, NodePort on, empty CSRF origins', () => {
    const v = horizonValues(aioDuplex());
    const config = at(v, 'conf.horizon.local_settings.config') as Values;
    expect(at(v, 'pod.replicas.server')).toBe(2);
    expect(credentialAt(v, 'conf.horizon.local_settings.config.horizon_secret_key')).toBe('horizon-secret-key');
    expect(config.system_region_name).toBe('RegionOne');
    expect(config.csrf_trusted_origins).toEqual([]);
    expect(config.https_enabled).toBeUndefined();
    expect(config.raw).toBeUndefined();
    expect(config.dc_mode).toBeUndefined();
    expect(config.lockout_retries_num).toBeUndefined();
    expect(at(v, 'endpoints.dashboard')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
    expect(at(v, 'network.node_port.enabled')).toBe(true);
    expect(at(v, 'network.dashboard.ingress.annotations')).toEqual({ 'nginx.ingress.kubernetes.io/proxy-body-size': '2500m' });
    expect(v.manifests).toBeUndefined();
  });

  test('given a domain and https, when computed, then the FQDN, CSRF origin and NodePort follow the domain', () => {
    const v = horizonValues(aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'endpoints.dashboard.host_fqdn_override.public.host')).toBe('horizon.openstack.example.com');
    expect(at(v, 'conf.horizon.local_settings.config.csrf_trusted_origins')).toEqual(['https://horizon.openstack.example.com']);
    expect(at(v, 'network.node_port.enabled')).toBe(false);
  });

  test('given a region and lockout values, when computed, then region and lockout strings are set', () => {
    const v = horizonValues(
      aioSimplex({ system: { type: 'aio', mode: 'simplex', regionName: 'RegionTwo' }, horizon: { lockout: { retries: 3, seconds: 300 } } }),
    );
    expect(at(v, 'conf.horizon.local_settings.config.system_region_name')).toBe('RegionTwo');
    expect(at(v, 'conf.horizon.local_settings.config.lockout_retries_num')).toBe('3');
    expect(at(v, 'conf.horizon.local_settings.config.lockout_period_sec')).toBe('300');
    expect(at(v, 'endpoints.identity.auth.admin.region_name')).toBe('RegionTwo');
  });

  test('given any system, when computed, then (§6-1) admin is horizon-private without username, and oslo_db has horizon', () => {
    const v = horizonValues(aioSimplex());
    expect(at(v, 'endpoints.identity.auth.admin')).toEqual({ region_name: 'RegionOne', password: expect.any(CredentialRef) });
    expect(credentialAt(v, 'endpoints.identity.auth.admin.password')).toBe('chart-user-password.horizon.admin');
    expect(credentialAt(v, 'endpoints.oslo_db.auth.admin.password')).toBe('db-admin-password');
    expect(credentialAt(v, 'endpoints.oslo_db.auth.horizon.password')).toBe('db-password.horizon');
  });

  test('given DEX with https and a domain, when computed, then SSO, the IdP mapping and the keystone URL join the https raw settings', () => {
    const v = horizonValues(aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN }, keystone: { dex: { enabled: true } } }));
    expect(at(v, 'conf.horizon.local_settings.config.auth')).toEqual({
      sso: { enabled: true, initial_choice: 'credentials' },
      idp_mapping: [{ name: 'dex_oidc', label: 'Login with DEX SSO', idp: 'dex', protocol: 'openid' }],
    });
    expect(at(v, 'conf.horizon.local_settings.config.raw')).toEqual({
      SECURE_PROXY_SSL_HEADER: ['HTTP_X_FORWARDED_PROTO', 'https'],
      OPENSTACK_KEYSTONE_URL: 'https://keystone.openstack.example.com/v3',
    });
  });
});

describe('endpoint FQDN with a custom pattern', () => {
  test('given a pattern naming a placeholder twice, when horizon values are computed, then every occurrence is replaced (Python str.format)', () => {
    const profile = aioSimplex({ endpoints: { domain: DOMAIN, fqdnPattern: '{service_name}.{service_name}.{endpoint_domain}' } });
    const horizon = horizonValues(profile);
    expect(at(horizon, 'endpoints.dashboard.host_fqdn_override.public.host')).toBe('horizon.horizon.openstack.example.com');
    expect(at(horizon, 'conf.horizon.local_settings.config.csrf_trusted_origins')).toEqual([
      'http://horizon.horizon.openstack.example.com',
    ]);
  });
});

describe('§3.7/§3.17 Dex providerName and protocolName', () => {
  test('§3.17 DEX: given providerName and protocolName, then horizon idp_mapping names that identity provider and protocol', () => {
    const v = horizonValues(
      dexProfile({ providerName: 'corp-dex', protocolName: 'oidc', webssoLabel: 'Corporate SSO', webssoInitialChoice: 'dex_oidc' }),
    );
    expect(at(v, 'conf.horizon.local_settings.config.auth')).toEqual({
      sso: { enabled: true, initial_choice: 'dex_oidc' },
      idp_mapping: [{ name: 'dex_oidc', label: 'Corporate SSO', idp: 'corp-dex', protocol: 'oidc' }],
    });
  });
});

describe('§1.1/§3.17 regionConfig (P3)', () => {
  const regionConfig = { services: { cinder: { regionName: 'StorageRegion' } } };

  test('§3.17 regionConfig: horizon gets the keystone URL, region, available regions and ss_enabled (the platform fixed values)', () => {
    const config = at(
      horizonValues(aioSimplex({ system: { type: 'aio', mode: 'simplex', regionConfig } })),
      'conf.horizon.local_settings.config',
    );
    expect(config).toMatchObject({
      openstack_keystone_url: 'http://controller:5000/v3',
      region_name: 'RegionOne',
      available_regions: [['http://controller:5000/v3', 'RegionOne']],
      ss_enabled: 'True',
    });
  });

  test('§3.17 regionConfig: not on a subcloud, and not without regionConfig', () => {
    const sub = at(
      horizonValues(
        aioSimplex({ system: { type: 'aio', mode: 'simplex', distributedCloudRole: 'subcloud', regionName: 'subcloud1', regionConfig } }),
      ),
      'conf.horizon.local_settings.config',
    ) as object;
    expect(sub).not.toHaveProperty('ss_enabled');
    expect(at(horizonValues(aioSimplex()), 'conf.horizon.local_settings.config') as object).not.toHaveProperty('openstack_keystone_url');
  });
});
