/**
 * keystone (docs/system-values.md §3.7): the assertions about this release's values and objects.
 */
import { keystone } from '../../releases/keystone';
import { aioSimplex, dexProfile, HTTPS, ISSUER, releaseValues, standard } from '../support/fixtures';
import { at, credentialLeaves, plainSecretLeaves } from '../support/values-path';
import { Values } from '../../lib/engine/values';
import { CA_PATH } from '../../overrides/system';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const keystoneValues = releaseValues(keystone);

expectReferenceFacts(keystone, {
  releaseName: 'osh-openstack-keystone',
  chartGroup: 'openstack-keystone',
  chart: 'keystone',
  dependsOn: ['rabbitmq'],
  install: true,
  disableWait: true,
  enabledByDefault: true,
});

describe('keystone', () => {
  it('given Standard over http without a domain, then the fixed keys, replicas and empty endpoint maps are emitted', () => {
    const v = keystoneValues(standard());
    expect(at(v, 'pod')).toEqual({ replicas: { api: 2 }, lifecycle: { termination_grace_period: { api: { timeout: 60 } } } });
    expect(at(v, 'conf.keystone.DEFAULT')).toEqual({
      max_token_size: 255,
      debug: false,
      use_syslog: true,
      syslog_log_facility: 'local2',
      log_file: '/dev/null',
    });
    expect(at(v, 'conf.keystone.database')).toEqual({ idle_timeout: 60, max_pool_size: 1, max_overflow: 50 });
    expect(at(v, 'conf.keystone.oslo_middleware.enable_proxy_headers_parsing')).toBe(true);
    expect(at(v, 'conf.keystone.token.provider')).toBe('fernet');
    expect(at(v, 'conf.keystone.identity.driver')).toBe('sql');
    expect(at(v, 'conf.keystone.assignment.driver')).toBe('sql');
    expect(at(v, 'conf.keystone.auth')).toBeUndefined();
    expect(at(v, 'endpoints.identity.host_fqdn_override')).toEqual({ public: {} });
    expect(at(v, 'endpoints.identity.port')).toEqual({});
    expect(at(v, 'endpoints.identity.scheme')).toEqual({});
    expect(at(v, 'network.api.ingress.admin')).toBe(false);
    expect(at(v, 'secrets')).toBeUndefined();
    expect(at(v, 'manifests')).toBeUndefined();
    expect(at(v, 'conf.federation')).toEqual({ dex_idp: { provider_remote_id: '' }, external: { keystone: '', horizon: '', dex: '' } });
  });

  it('given no password rules, then the platform default rules are used', () => {
    const v = keystoneValues(aioSimplex());
    const rules = at(v, 'conf.keystone.security_compliance') as Values;
    expect(rules.unique_last_password_count).toBe(2);
    expect(rules.password_regex).toBe(
      String.raw`^(?=.*\d)(?=.*[a-z])(?=.*[A-Z])(?=.*[!@#$%^&*()<>{}+=_\\[\]\-?|~` + '`' + String.raw`,.;:]).{7,}$`,
    );
    expect(rules.password_regex_description).toBe(
      'Password must have a minimum length of 7 characters, and must contain at least 1 upper case, 1 lower case, 1 digit, and 1 special character',
    );
    const regex = new RegExp(rules.password_regex as string);
    expect(regex.test('Abcdef1!')).toBe(true);
    expect(regex.test('Abcdef1\\')).toBe(true);
    expect(regex.test('abcdef1!')).toBe(false);
  });

  it('given keystone.passwordRules, then they replace the default rules', () => {
    const v = keystoneValues(
      aioSimplex({
        keystone: { passwordRules: { uniqueLastPasswordCount: 5, regex: '^.{12,}$', regexDescription: 'At least 12 characters' } },
      }),
    );
    expect(at(v, 'conf.keystone.security_compliance')).toEqual({
      unique_last_password_count: 5,
      password_regex: '^.{12,}$',
      password_regex_description: 'At least 12 characters',
    });
  });

  it('given any profile, then conf.policy is the fixed platform policy with protected services as single-element lists', () => {
    const policy = at(keystoneValues(aioSimplex()), 'conf.policy') as Values;
    expect(Object.keys(policy)).toHaveLength(19);
    expect(policy.admin_required).toBe('role:admin or is_admin:1');
    expect(policy.protected_roles).toBe("'admin':%(target.role.name)s or 'heat_admin':%(target.user.name)s");
    expect(policy.protected_services).toEqual(
      [
        'aodh',
        'barbican',
        'ceilometer',
        'cinder',
        'glance',
        'heat',
        'neutron',
        'nova',
        'patching',
        'sysinv',
        'mtce',
        'magnum',
        'gnocchi',
      ].map((s) => [`'${s}':%(target.user.name)s`]),
    );
    expect(policy['identity:delete_user']).toBe(
      '((rule:admin_required) or (role:manager and token.domain.id:%(target.user.domain_id)s)) and not (rule:protected_admins or rule:protected_services)',
    );
    expect(policy['identity:change_password']).toBe('rule:admin_or_owner and not rule:protected_services');
  });

  it('S34: given https, then the internal TLS secret is keystone-tls-public and every identity user carries the CA path', () => {
    const v = keystoneValues(aioSimplex({ https: HTTPS }));
    expect(at(v, 'secrets.tls.identity.api.internal')).toBe('keystone-tls-public');
    expect(at(v, 'endpoints.identity.auth.stx_admin.cacert')).toBe(CA_PATH);
    expect(at(v, 'endpoints.identity.auth.admin.cacert')).toBe(CA_PATH);
    expect(at(v, 'endpoints.identity.auth.test.cacert')).toBe(CA_PATH);
    expect(at(v, 'manifests')).toEqual({ certificates: true });
    expect(at(v, 'endpoints.identity.port')).toEqual({ api: { public: 443 } });
    expect(at(v, 'endpoints.identity.scheme')).toEqual({ public: 'https' });
  });

  it('given https and an endpoint domain, then the public FQDN and TLS material are set and the TLS leaves are credentials', () => {
    const v = keystoneValues(aioSimplex({ https: HTTPS, endpoints: { domain: 'cloud.example.com' } }));
    expect(at(v, 'endpoints.identity.host_fqdn_override.public.host')).toBe('keystone.cloud.example.com');
    expect(credentialLeaves(v)).toMatchObject({
      'endpoints.identity.host_fqdn_override.public.tls.crt': 'tls.crt',
      'endpoints.identity.host_fqdn_override.public.tls.key': 'tls.key',
      'endpoints.identity.host_fqdn_override.public.tls.ca': 'tls.ca',
    });
    expect(at(v, 'conf.federation.external')).toEqual({
      keystone: 'https://keystone.cloud.example.com',
      horizon: 'https://horizon.cloud.example.com',
      dex: '',
    });
  });

  it('given a custom FQDN pattern, then the public host follows it', () => {
    const v = keystoneValues(aioSimplex({ endpoints: { domain: 'example.com', fqdnPattern: '{service_name}-os.{endpoint_domain}' } }));
    expect(at(v, 'endpoints.identity.host_fqdn_override.public')).toEqual({ host: 'keystone-os.example.com' });
  });

  it('given any profile, then admin, test and stx_admin are the identity users and every credential is a reference', () => {
    const v = keystoneValues(aioSimplex());
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin']);
    expect(at(v, 'endpoints.identity.auth.admin.username')).toBe('admin');
    expect(credentialLeaves(v)).toEqual({
      'conf.keystone.oslo_messaging_notifications.transport_url': 'notification-url.keystone',
      'endpoints.identity.auth.admin.password': 'admin-password',
      'endpoints.identity.auth.test.password': 'test-password.keystone',
      'endpoints.identity.auth.stx_admin.password': 'stx-admin-password',
      'endpoints.oslo_db.auth.admin.password': 'db-admin-password',
      'endpoints.oslo_db.auth.keystone.password': 'db-password.keystone',
      'endpoints.oslo_messaging.auth.admin.password': 'rabbit-admin-password',
      'endpoints.oslo_messaging.auth.keystone.password': 'rabbit-password.keystone',
    });
    expect(at(v, 'endpoints.oslo_messaging.auth.keystone.username')).toBe('keystone-rabbitmq-user');
    expect(plainSecretLeaves(v)).toEqual([]);
  });

  it('given an OIDC issuer but DEX disabled, then the issuer is still emitted and DEX stays off', () => {
    const v = keystoneValues(aioSimplex({ platform: { oidcIssuerUrl: ISSUER } }));
    expect(at(v, 'conf.federation.dex_idp')).toEqual({ provider_remote_id: ISSUER });
    expect(at(v, 'conf.federation.external.dex')).toBe(ISSUER);
    expect(at(v, 'conf.keystone.auth')).toBeUndefined();
  });

  it('S35: given DEX enabled with a domain and an issuer, then dex_idp is enabled and openid ends the auth methods', () => {
    const v = keystoneValues(
      aioSimplex({ keystone: { dex: { enabled: true } }, endpoints: { domain: 'example.com' }, platform: { oidcIssuerUrl: ISSUER } }),
    );
    expect(at(v, 'conf.federation.dex_idp')).toEqual({ provider_remote_id: ISSUER, enabled: true });
    const methods = (at(v, 'conf.keystone.auth.methods') as string).split(',');
    expect(methods[methods.length - 1]).toBe('openid');
    expect(methods.filter((m) => m === 'mapped')).toHaveLength(1);
    expect(methods).toEqual(['external', 'password', 'token', 'oauth1', 'mapped', 'application_credential', 'openid']);
    expect(at(v, 'conf.keystone.federation.trusted_dashboard')).toEqual({
      type: 'multistring',
      values: ['https://horizon.example.com/auth/websso/', 'http://horizon.example.com/auth/websso/'],
    });
    expect(at(v, 'conf.federation.external')).toEqual({
      keystone: 'http://keystone.example.com',
      horizon: 'http://horizon.example.com',
      dex: ISSUER,
    });
  });
});

describe('§3.7/§3.17 Dex providerName and protocolName', () => {
  test('§3.7 DEX: given other names, then keystone dex_idp carries them so the provider keystone creates is the one horizon offers; auth methods keep openid (the plugin, as the platform)', () => {
    const v = keystoneValues(dexProfile({ providerName: 'corp-dex', protocolName: 'oidc' }));
    expect(at(v, 'conf.federation.dex_idp')).toEqual({
      provider_remote_id: ISSUER,
      enabled: true,
      provider_name: 'corp-dex',
      protocol_name: 'oidc',
    });
    expect(at(v, 'conf.keystone.auth.methods')).toBe('external,password,token,oauth1,mapped,application_credential,openid');
  });
});
