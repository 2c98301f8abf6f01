/**
 * ceilometer (docs/system-values.md §3.21): the assertions about this release's values and objects.
 */
import { ceilometer } from '../../releases/ceilometer';
import { aioDuplex, aioSimplex, CA, HTTPS, releaseValues } from '../support/fixtures';
import { at, credentialAt } from '../support/values-path';
import { CredentialRef } from '../../lib/engine/credentials';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const ceilometerValues = releaseValues(ceilometer);

expectReferenceFacts(ceilometer, {
  releaseName: 'osh-openstack-ceilometer',
  chartGroup: 'openstack-ceilometer',
  chart: 'ceilometer',
  dependsOn: ['nova', 'neutron', 'heat'],
  install: true,
  disableWait: true,
  enabledByDefault: true,
});

describe('ceilometer (§3.21)', () => {
  test('S36: given any system, when ceilometer values are computed, then daemonset_ipmi is false and there are 7 messaging URLs', () => {
    const v = ceilometerValues(aioSimplex());
    expect(at(v, 'manifests.daemonset_ipmi')).toBe(false);
    const urls = at(v, 'conf.ceilometer.notification.messaging_urls.values') as CredentialRef[];
    expect(urls).toHaveLength(7);
    expect(urls.map((u) => u.detail)).toEqual(['/ceilometer', '/cinder', '/glance', '/nova', '/keystone', '/neutron', '/heat']);
    expect(urls.every((u) => u instanceof CredentialRef && u.kind === 'rabbit-url')).toBe(true);
  });

  test('given AIO-DX over http, when computed, then central is 1, notification and statefulset = C, no metering endpoint', () => {
    const v = ceilometerValues(aioDuplex());
    expect(at(v, 'pod.replicas')).toEqual({ central: 1, notification: 2 });
    expect(at(v, 'endpoints.oslo_messaging.statefulset.replicas')).toBe(2);
    expect(at(v, 'conf.ceilometer.meter.meter_definitions_dirs')).toBe('/etc/ceilometer/meters.d');
    expect(credentialAt(v, 'endpoints.identity.auth.ceilometer.password')).toBe('user-password.ceilometer');
    expect(credentialAt(v, 'endpoints.oslo_cache.auth.memcache_secret_key')).toBe('memcache-secret-key');
    expect(credentialAt(v, 'endpoints.oslo_messaging.auth.ceilometer.password')).toBe('rabbit-password.ceilometer');
    expect(at(v, 'endpoints.metering')).toBeUndefined();
    expect(at(v, 'manifests')).toEqual({ daemonset_ipmi: false });
  });

  test('given https, when computed, then service_credentials cafile and certificates are set', () => {
    const v = ceilometerValues(aioSimplex({ https: HTTPS }));
    expect(at(v, 'conf.ceilometer.service_credentials.cafile')).toBe(CA);
    expect(at(v, 'manifests')).toEqual({ daemonset_ipmi: false, certificates: true });
  });
});
