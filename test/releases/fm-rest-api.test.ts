/**
 * fm-rest-api (docs/system-values.md §3.20): the assertions about this release's values and objects.
 */
import { fmRestApi } from '../../releases/fm-rest-api';
import { aioDuplex, aioSimplex, CA, DOMAIN, HTTPS, releaseValues } from '../support/fixtures';
import { at, credentialAt } from '../support/values-path';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const fmRestApiValues = releaseValues(fmRestApi);

expectReferenceFacts(fmRestApi, {
  releaseName: 'osh-openstack-fm-rest-api',
  chartGroup: 'openstack-fm-rest-api',
  chart: 'fm-rest-api',
  dependsOn: ['heat'],
  install: true,
  disableWait: false,
  enabledByDefault: true,
});

describe('fm-rest-api (§3.20)', () => {
  test('given AIO-DX over http, when computed, then replicas = C, fm users, and (§6-3) region under the root fm key', () => {
    const v = fmRestApiValues(aioDuplex());
    expect(at(v, 'pod.replicas.api')).toBe(2);
    expect(credentialAt(v, 'endpoints.identity.auth.fm.password')).toBe('user-password.fm');
    expect(credentialAt(v, 'endpoints.identity.auth.test.password')).toBe('test-password.fm-rest-api');
    expect(credentialAt(v, 'endpoints.oslo_db.auth.fm.password')).toBe('db-password.fm');
    expect(v.fm).toEqual({ DEFAULT: { region_name: 'RegionOne' }, sysinv: { os_region_name: 'RegionOne' } });
    expect(at(v, 'endpoints.faultmanagement')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
    expect(v.conf).toBeUndefined();
    expect(v.secrets).toBeUndefined();
  });

  test('given https and a domain, when computed, then cafile, keystone TLS secret names and the fm-rest-api FQDN are set', () => {
    const v = fmRestApiValues(aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'conf.fm.keystone_authtoken.cafile')).toBe(CA);
    expect(at(v, 'secrets.tls.faultmanagement')).toEqual({
      faultmanagement: { public: 'keystone-tls-public' },
      fm_api: { internal: 'keystone-tls-public', public: 'keystone-tls-public' },
    });
    expect(at(v, 'endpoints.faultmanagement.host_fqdn_override.public.host')).toBe('fm-rest-api.openstack.example.com');
    expect(at(v, 'manifests.certificates')).toBe(true);
  });
});
