/**
 * dcdbsync (docs/system-values.md §3.22): the assertions about this release's values and objects.
 */
import { dcdbsync } from '../../releases/dcdbsync';
import { aioSimplex, DOMAIN, enablementOf, HTTPS, releaseValues, standard, systemController } from '../support/fixtures';
import { at, credentialAt } from '../support/values-path';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const dcdbsyncValues = releaseValues(dcdbsync);

expectReferenceFacts(dcdbsync, {
  releaseName: 'osh-openstack-dcdbsync',
  chartGroup: 'openstack-dcdbsync',
  chart: 'dcdbsync',
  dependsOn: ['cinder'],
  install: true,
  disableWait: false,
  enabledByDefault: false,
});

describe('dcdbsync (§3.22)', () => {
  test('given a domain and https, when computed, then dcdbsync identity and its public FQDN with TLS', () => {
    const v = dcdbsyncValues(aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(credentialAt(v, 'endpoints.identity.auth.dcdbsync.password')).toBe('user-password.dcdbsync');
    expect(at(v, 'endpoints.dcorch_dbsync.host_fqdn_override.public.host')).toBe('dcdbsync.openstack.example.com');
    expect(credentialAt(v, 'endpoints.dcorch_dbsync.host_fqdn_override.public.tls.key')).toBe('tls.key');
  });
});

describe('dcdbsync enablement (spec §4.1, §6-7)', () => {
  test('given a system that is not a system controller, then dcdbsync is off even when enabled; on a system controller it runs when enabled', () => {
    expect(enablementOf(dcdbsync, standard())).toEqual({ on: false, reason: expect.stringContaining('system controller') });
    expect(enablementOf(dcdbsync, systemController())).toEqual({ on: true });
    expect(enablementOf(dcdbsync, systemController(), false)).toEqual({ on: false });
  });
});
