/**
 * ceph-rgw (docs/system-values.md §3.22): the assertions about this release's values and objects.
 */
import { cephRgw } from '../../releases/ceph-rgw';
import { aioSimplex, releaseValues } from '../support/fixtures';
import { at, credentialAt } from '../support/values-path';
import { Values } from '../../lib/engine/values';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const cephRgwValues = releaseValues(cephRgw);

expectReferenceFacts(cephRgw, {
  releaseName: 'osh-openstack-ceph-rgw',
  chartGroup: 'openstack-ceph-rgw',
  chart: 'ceph-rgw',
  dependsOn: ['cinder'],
  install: true,
  disableWait: false,
  enabledByDefault: false,
});

describe('ceph-rgw (§3.22)', () => {
  test('given fqdnReady, when computed, then swift identity and object_store hosts on controller.internal and the OAM address', () => {
    const v = cephRgwValues(aioSimplex());
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin', 'swift']);
    expect(credentialAt(v, 'endpoints.identity.auth.swift.password')).toBe('user-password.swift');
    expect(credentialAt(v, 'endpoints.identity.auth.test.password')).toBe('test-password.swift');
    expect(at(v, 'endpoints.object_store.hosts')).toEqual({
      default: 'null',
      admin: 'controller.internal',
      internal: 'controller.internal',
      public: '10.10.10.2',
    });
  });

  test('given fqdnReady false, when computed, then admin and internal use the management floating address', () => {
    const profile = aioSimplex({
      system: { type: 'aio', mode: 'simplex', fqdnReady: false },
      network: {
        clusterHost: { subnet: '192.168.206.0/24', floatingAddress: '192.168.206.1' },
        oam: { floatingAddress: '10.10.10.2' },
        mgmt: { floatingAddress: '192.168.204.2' },
      },
    });
    expect(at(cephRgwValues(profile), 'endpoints.object_store.hosts')).toEqual({
      default: 'null',
      admin: '192.168.204.2',
      internal: '192.168.204.2',
      public: '10.10.10.2',
    });
  });
});
