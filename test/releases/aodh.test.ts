/**
 * aodh (docs/system-values.md §3.21): the assertions about this release's values and objects.
 */
import { aodh } from '../../releases/aodh';
import { aioDuplex, aioSimplex, CA, DOMAIN, HTTPS, releaseValues } from '../support/fixtures';
import { at, credentialAt } from '../support/values-path';
import { Values } from '../../lib/engine/values';
import { CredentialRef } from '../../lib/engine/credentials';
import { renderNotificationUrl } from '../../overrides/system';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const aodhValues = releaseValues(aodh);

expectReferenceFacts(aodh, {
  releaseName: 'osh-openstack-aodh',
  chartGroup: 'openstack-aodh',
  chart: 'aodh',
  dependsOn: ['ceilometer'],
  install: true,
  disableWait: false,
  enabledByDefault: true,
});

describe('aodh (§3.21)', () => {
  test('S37: given any system, when aodh values are computed, then the notification URL ends with :5672/ceilometer and DEFAULT has no transport_url', () => {
    const v = aodhValues(aioSimplex());
    const url = at(v, 'conf.aodh.oslo_messaging_notifications.transport_url') as CredentialRef;
    expect(url).toBeInstanceOf(CredentialRef);
    expect(url.detail).toBe('/ceilometer');
    // The rendered URL (built by the credentials tooling) ends with the vhost after the service port.
    expect(renderNotificationUrl('pw', url.detail!)).toMatch(/:5672\/ceilometer$/);
    expect(at(v, 'conf.aodh.DEFAULT')).toEqual({});
  });

  test('given AIO-DX over http, when computed, then replicas = C, empty notifier mounts, region and aodh users', () => {
    const v = aodhValues(aioDuplex());
    expect(at(v, 'pod.replicas')).toEqual({ api: 2, evaluator: 2, listener: 2, notifier: 2 });
    expect(at(v, 'pod.mounts.aodh_notifier.aodh_notifier')).toEqual({ volumes: [], volumeMounts: [] });
    expect(at(v, 'conf.aodh.service_credentials.region_name')).toBe('RegionOne');
    expect(credentialAt(v, 'endpoints.identity.auth.aodh.password')).toBe('user-password.aodh');
    expect(credentialAt(v, 'endpoints.oslo_db.auth.aodh.password')).toBe('db-password.aodh');
    expect(credentialAt(v, 'endpoints.oslo_messaging.auth.aodh.password')).toBe('rabbit-password.aodh');
    expect(credentialAt(v, 'endpoints.oslo_cache.auth.memcache_secret_key')).toBe('memcache-secret-key');
    expect(at(v, 'endpoints.alarming')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
    expect(at(v, 'conf.aodh.keystone_authtoken')).toBeUndefined();
  });

  test('given the REST notifier CA, when computed, then the CA path, one volume and one mount are set', () => {
    const v = aodhValues(aioSimplex({ aodh: { restNotifierCaCert: true } }));
    const path = '/var/lib/openstack/certs/aodh-rest-notifier-ca.crt';
    expect(at(v, 'conf.aodh.DEFAULT')).toEqual({ rest_notifier_ca_bundle_certificate_path: path });
    const mounts = at(v, 'pod.mounts.aodh_notifier.aodh_notifier') as { volumes: Values[]; volumeMounts: Values[] };
    expect(mounts.volumes).toHaveLength(1);
    expect(at(mounts.volumes[0], 'secret')).toEqual({
      secretName: 'aodh-rest-notifier-ca-cert',
      items: [{ key: 'ca.crt', path: 'ca.crt' }],
    });
    expect(mounts.volumeMounts).toEqual([{ name: mounts.volumes[0].name, mountPath: path, subPath: 'ca.crt', readOnly: true }]);
  });

  test('given https and a domain, when computed, then cafile and the aodh FQDN are set', () => {
    const v = aodhValues(aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'conf.aodh.keystone_authtoken.cafile')).toBe(CA);
    expect(at(v, 'endpoints.alarming.host_fqdn_override.public.host')).toBe('aodh.openstack.example.com');
    expect(at(v, 'endpoints.alarming.scheme')).toEqual({ public: 'https' });
  });
});
