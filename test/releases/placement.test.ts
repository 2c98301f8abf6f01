/**
 * placement (docs/system-values.md §3.14): the assertions about this release's values and objects.
 */
import { placement } from '../../releases/placement';
import { aioSimplex, HTTPS, releaseValues, standard } from '../support/fixtures';
import { at, credentialLeaves, plainSecretLeaves } from '../support/values-path';
import { Values } from '../../lib/engine/values';
import { CA_PATH } from '../../overrides/system';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const placementValues = releaseValues(placement);

expectReferenceFacts(placement, {
  releaseName: 'osh-openstack-placement',
  chartGroup: 'openstack-placement',
  chart: 'placement',
  dependsOn: ['cinder'],
  install: true,
  disableWait: true,
  enabledByDefault: true,
});

describe('placement', () => {
  it('given Standard over http, then replicas are C and identity is keystone with the placement user', () => {
    const v = placementValues(standard());
    expect(at(v, 'pod.replicas.api')).toBe(2);
    expect(at(v, 'endpoints.identity.name')).toBe('keystone');
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin', 'placement']);
    expect(at(v, 'endpoints.placement')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
    expect(at(v, 'conf')).toBeUndefined();
    expect(at(v, 'manifests')).toBeUndefined();
    expect(credentialLeaves(v)).toEqual({
      'endpoints.identity.auth.admin.password': 'admin-password',
      'endpoints.identity.auth.test.password': 'test-password.placement',
      'endpoints.identity.auth.stx_admin.password': 'stx-admin-password',
      'endpoints.identity.auth.placement.password': 'user-password.placement',
      'endpoints.oslo_db.auth.admin.password': 'db-admin-password',
      'endpoints.oslo_db.auth.placement.password': 'db-password.placement',
    });
    expect(plainSecretLeaves(v)).toEqual([]);
  });

  it('given https and a domain, then the CA file, certificates and the public endpoint are set', () => {
    const v = placementValues(aioSimplex({ https: HTTPS, endpoints: { domain: 'example.com' } }));
    expect(at(v, 'conf.placement.keystone_authtoken.cafile')).toBe(CA_PATH);
    expect(at(v, 'manifests.certificates')).toBe(true);
    expect(at(v, 'endpoints.placement.host_fqdn_override.public.host')).toBe('placement.example.com');
    expect(at(v, 'endpoints.placement.port')).toEqual({ api: { public: 443 } });
    expect(at(v, 'endpoints.placement.scheme')).toEqual({ public: 'https' });
    expect(at(v, 'endpoints.identity.auth.placement.cacert')).toBe(CA_PATH);
  });
});
