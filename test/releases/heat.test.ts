/**
 * heat (docs/system-values.md §3.18): the assertions about this release's values and objects.
 */
import { heat } from '../../releases/heat';
import { aioDuplex, CA, DOMAIN, HTTPS, releaseValues, standard } from '../support/fixtures';
import { at, credentialAt } from '../support/values-path';
import { Values } from '../../lib/engine/values';
import { CredentialRef } from '../../lib/engine/credentials';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const heatValues = releaseValues(heat);

expectReferenceFacts(heat, {
  releaseName: 'osh-openstack-heat',
  chartGroup: 'openstack-heat',
  chart: 'heat',
  dependsOn: ['placement'],
  install: true,
  disableWait: true,
  enabledByDefault: true,
});

describe('heat (§3.18)', () => {
  test('given AIO-DX over http, when computed, then replicas = C, heat users, notification URL and empty endpoint maps', () => {
    const v = heatValues(aioDuplex());
    expect(at(v, 'pod.replicas')).toEqual({ api: 2, cfn: 2, cloudwatch: 2, engine: 2 });
    const url = at(v, 'conf.heat.oslo_messaging_notifications.transport_url') as CredentialRef;
    expect(url).toBeInstanceOf(CredentialRef);
    expect([url.id, url.kind, url.detail]).toEqual(['notification-url.heat', 'rabbit-url', '/heat']);
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual([
      'admin',
      'test',
      'stx_admin',
      'heat',
      'heat_trustee',
      'heat_stack_user',
    ]);
    expect(credentialAt(v, 'endpoints.identity.auth.heat_trustee.password')).toBe('user-password.heat_trustee');
    expect(credentialAt(v, 'endpoints.oslo_db.auth.heat.password')).toBe('db-password.heat');
    expect(at(v, 'endpoints.oslo_messaging.auth.heat.username')).toBe('heat-rabbitmq-user');
    expect(credentialAt(v, 'endpoints.oslo_messaging.auth.heat.password')).toBe('rabbit-password.heat');
    expect(at(v, 'endpoints.cloudformation')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
    expect(at(v, 'conf.heat.keystone_authtoken')).toBeUndefined();
    expect(v.secrets).toBeUndefined();
    expect(v.manifests).toBeUndefined();
  });

  test('given https and a domain, when computed, then CA files, TLS secret names, FQDNs and certificates are set', () => {
    const v = heatValues(standard(2, { https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'conf.heat.keystone_authtoken.cafile')).toBe(CA);
    for (const section of [
      'ssl',
      'clients',
      'clients_aodh',
      'clients_neutron',
      'clients_cinder',
      'clients_glance',
      'clients_nova',
      'clients_swift',
      'clients_heat',
      'clients_keystone',
    ]) {
      expect(at(v, `conf.heat.${section}.ca_file`)).toBe(CA);
    }
    expect(at(v, 'secrets.tls.orchestration.api.internal')).toBe('heat-tls-public');
    expect(at(v, 'secrets.tls.cloudformation.cfn.internal')).toBe('cloudformation-tls-public');
    expect(at(v, 'endpoints.orchestration.host_fqdn_override.public.host')).toBe('heat.openstack.example.com');
    expect(at(v, 'endpoints.cloudformation.host_fqdn_override.public.host')).toBe('cloudformation.openstack.example.com');
    expect(at(v, 'endpoints.orchestration.port')).toEqual({ api: { public: 443 } });
    expect(at(v, 'manifests.certificates')).toBe(true);
  });
});
