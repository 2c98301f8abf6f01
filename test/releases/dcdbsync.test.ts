/**
 * dcdbsync (docs/system-values.md §3.22): the assertions about this release's values and objects.
 */
import { dcdbsync } from '../../releases/dcdbsync';
import { aioSimplex, DOMAIN, HTTPS, releaseValues } from '../support/fixtures';
import { at, credentialAt } from '../support/values-path';

const dcdbsyncValues = releaseValues(dcdbsync);

describe('dcdbsync (§3.22)', () => {
  test('given a domain and https, when computed, then dcdbsync identity and its public FQDN with TLS', () => {
    const v = dcdbsyncValues(aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(credentialAt(v, 'endpoints.identity.auth.dcdbsync.password')).toBe('user-password.dcdbsync');
    expect(at(v, 'endpoints.dcorch_dbsync.host_fqdn_override.public.host')).toBe('dcdbsync.openstack.example.com');
    expect(credentialAt(v, 'endpoints.dcorch_dbsync.host_fqdn_override.public.tls.key')).toBe('tls.key');
  });
});
