/**
 * mariadb (docs/system-values.md §3.1): the assertions about this release's values and objects.
 */
import { mariadb } from '../../releases/mariadb';
import { aioSimplex, controller, FSID, releaseValues, standard, StorageInput, worker } from '../support/fixtures';
import { at, credentialLeaves, plainSecretLeaves } from '../support/values-path';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const mariadbValues = releaseValues(mariadb);

expectReferenceFacts(mariadb, {
  releaseName: 'osh-openstack-mariadb',
  chartGroup: 'openstack-mariadb',
  chart: 'mariadb',
  dependsOn: ['nginx-ports-control'],
  install: true,
  disableWait: false,
  enabledByDefault: true,
});

describe('mariadb', () => {
  it('S01: given AIO-SX with one controller, IPv4 and host ceph, when computing mariadb, then pod.replicas.server is 1', () => {
    const v = mariadbValues(aioSimplex());
    expect(at(v, 'pod.replicas')).toEqual({ server: 1, controller: 1 });
  });

  it('given Standard with two controllers, then both replica counts are C = 2, and 1 when one controller is unavailable', () => {
    expect(at(mariadbValues(standard()), 'pod.replicas')).toEqual({ server: 2, controller: 2 });
    const oneDown = standard(2, { hosts: [controller(0, false), controller(1, false, { available: false }), worker(0)] });
    expect(at(mariadbValues(oneDown), 'pod.replicas')).toEqual({ server: 1, controller: 1 });
  });

  it('given AIO, then conf.database.config_override is the empty string; given Standard, it is absent', () => {
    expect(at(mariadbValues(aioSimplex()), 'conf.database.config_override')).toBe('');
    expect(at(mariadbValues(standard()), 'conf')).toBeUndefined();
  });

  it('given the cluster-service families, then config_ipv6 is true for any family set that is not IPv4-only (§6-6)', () => {
    const families = (f: Array<'ipv4' | 'ipv6'>) => aioSimplex({ network: { ...aioSimplex().network, clusterService: { families: f } } });
    expect(at(mariadbValues(families(['ipv4'])), 'manifests.config_ipv6')).toBe(false);
    expect(at(mariadbValues(families(['ipv4', 'ipv6'])), 'manifests.config_ipv6')).toBe(true);
    expect(at(mariadbValues(families(['ipv6'])), 'manifests.config_ipv6')).toBe(true);
  });

  it('given ceph storage class general, then the volume and backup volume use it', () => {
    const v = mariadbValues(aioSimplex());
    expect(at(v, 'volume')).toEqual({ class_name: 'general', backup: { class_name: 'general' } });
  });

  it('given any profile, then the db admin and the identity users are credential references', () => {
    const v = mariadbValues(aioSimplex());
    expect(credentialLeaves(v)).toEqual({
      'endpoints.oslo_db.auth.admin.password': 'db-admin-password',
      'endpoints.identity.auth.admin.password': 'admin-password',
      'endpoints.identity.auth.test.password': 'test-password.mariadb',
      'endpoints.identity.auth.stx_admin.password': 'stx-admin-password',
      'endpoints.identity.auth.mariadb.password': 'user-password.mariadb',
    });
    expect(at(v, 'endpoints.identity.auth.mariadb.region_name')).toBe('RegionOne');
    expect(at(v, 'endpoints.identity.auth.mariadb.username')).toBeUndefined();
    expect(plainSecretLeaves(v)).toEqual([]);
  });
});

describe('§2.6 StorageClass fallback to the cinder ESB entry', () => {
  const esb: StorageInput['esb'] = [{ name: 'dell-nfs', protocol: 'nfs', k8sStorageClass: 'dell-nfs-sc' }];

  test('§2.6: the fallback is for ESB names only: a disabled NetApp backend or an unknown name does not resolve', () => {
    const selection = { backends: [{ name: 'ceph', enabled: true }], priority: ['netapp-nfs', 'no-such-backend'] };
    const input = aioSimplex({
      storage: { ceph: { kind: 'host', fsid: FSID }, netapp: { nfs: { storageClass: 'nas' } }, esb, selection: { mariadb: selection } },
    });
    expect(at(mariadbValues(input), 'volume.class_name')).toBeNull();
  });

  test('§2.6: an ESB entry with k8sStorageClass none gives no fallback', () => {
    const selection = { backends: [{ name: 'ceph', enabled: false }], priority: ['dell-nfs'] };
    const input = aioSimplex({
      storage: {
        ceph: { kind: 'host', fsid: FSID },
        esb: [{ name: 'dell-nfs', protocol: 'nfs', k8sStorageClass: 'none' }],
        selection: { mariadb: selection },
      },
    });
    expect(at(mariadbValues(input), 'volume.class_name')).toBeNull();
  });
});
