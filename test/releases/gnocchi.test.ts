/**
 * gnocchi (docs/system-values.md §3.21): the assertions about this release's values and objects.
 */
import { gnocchi } from '../../releases/gnocchi';
import { aioDuplex, aioSimplex, CA, DOMAIN, HTTPS, releaseValues } from '../support/fixtures';
import { at, credentialAt } from '../support/values-path';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const gnocchiValues = releaseValues(gnocchi);

expectReferenceFacts(gnocchi, {
  releaseName: 'osh-openstack-gnocchi',
  chartGroup: 'openstack-gnocchi',
  chart: 'gnocchi',
  dependsOn: ['horizon'],
  install: true,
  disableWait: false,
  enabledByDefault: false,
});

describe('gnocchi (§3.21)', () => {
  test('given host ceph over http, when computed, then replicas = C, ceph-admin secret, gnocchi users and no image swap', () => {
    const v = gnocchiValues(aioDuplex());
    expect(at(v, 'pod.replicas.api')).toBe(2);
    expect(at(v, 'ceph_client.user_secret_name')).toBe('ceph-admin');
    expect(credentialAt(v, 'endpoints.identity.auth.gnocchi.password')).toBe('user-password.gnocchi');
    expect(credentialAt(v, 'endpoints.oslo_db.auth.gnocchi.password')).toBe('db-password.gnocchi');
    expect(credentialAt(v, 'endpoints.oslo_cache.auth.memcache_secret_key')).toBe('memcache-secret-key');
    expect(v.images).toBeUndefined();
    expect(v.conf).toBeUndefined();
  });

  test("given rook ceph, https and a domain, when computed, then the storage init image is rook's, cafile and FQDN are set", () => {
    const v = gnocchiValues(aioSimplex({ storage: { ceph: { kind: 'rook' } }, https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'images.tags')).toEqual({
      gnocchi_storage_init: 'registry.local:9001/docker.io/openstackhelm/ceph-config-helper:ubuntu_jammy_18.2.2-1-20240312',
    });
    expect(at(v, 'conf.gnocchi.keystone_authtoken.cafile')).toBe(CA);
    expect(at(v, 'endpoints.metric.host_fqdn_override.public.host')).toBe('gnocchi.openstack.example.com');
  });
});
