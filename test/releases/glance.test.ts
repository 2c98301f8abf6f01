/**
 * glance (docs/system-values.md §3.9): the assertions about this release's values and objects.
 */
import { glance } from '../../releases/glance';
import {
  aioDuplex,
  aioSimplex,
  CA,
  DOMAIN,
  HOST_CEPH,
  HTTPS,
  NETAPP_NFS,
  NO_CEPH,
  releaseValues,
  ROOK_CEPH,
  ROOK_IMAGE,
  standard,
  storage,
} from '../support/fixtures';
import {
  at,
  AUTH_LEAVES,
  credentialAt,
  credentialPaths,
  DB_LEAVES,
  has,
  IDENTITY_BASE,
  RABBIT_LEAVES,
  TLS_LEAVES,
} from '../support/values-path';
import { Values } from '../../lib/engine/values';
import { CredentialRef } from '../../lib/engine/credentials';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const glanceValues = releaseValues(glance);

expectReferenceFacts(glance, {
  releaseName: 'osh-openstack-glance',
  chartGroup: 'openstack-glance',
  chart: 'glance',
  dependsOn: ['keystone'],
  install: true,
  disableWait: true,
  enabledByDefault: true,
});

describe('glance', () => {
  test('S29: given priority [ceph, pvc, cinder] with ceph available, when glance values are computed, then the rbd store is used and no volume', () => {
    const v = glanceValues(aioSimplex({ storage: storage(HOST_CEPH, { selection: { glance: { priority: ['ceph', 'pvc', 'cinder'] } } }) }));
    expect(at(v, 'storage')).toBe('rbd');
    expect(at(v, 'conf.glance.DEFAULT.enabled_backends')).toBe('rbd:rbd');
    expect(at(v, 'conf.glance.glance_store.default_backend')).toBe('rbd');
    expect(has(v, 'volume')).toBe(false);
    expect(at(v, 'conf.glance.rbd')).toEqual({
      rbd_store_pool: 'images',
      rbd_store_user: 'images',
      rbd_store_replication: 1,
      rbd_store_crush_rule: 'storage_tier_ruleset',
      chunk_size: 64,
    });
    expect(credentialAt(v, 'conf.ceph.admin_keyring')).toBe('ceph-glance-keyring');
    expect(at(v, 'conf.ceph.monitors')).toEqual(['192.168.204.2:6789']);
  });

  test('S30: given the pvc backend with ReadWriteOnce and two controllers, when glance values are computed, then the api runs one replica', () => {
    const v = glanceValues(
      aioDuplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS, selection: { glance: { pvc: { accessModes: ['ReadWriteOnce'] } } } }) }),
    );
    expect(at(v, 'storage')).toBe('pvc');
    expect(at(v, 'pod.replicas.api')).toBe(1);
    expect(at(v, 'volume')).toEqual({ class_name: 'netapp-nas-backend', size: '2Gi', accessModes: ['ReadWriteOnce'] });
    expect(at(v, 'conf.glance.DEFAULT.enabled_backends')).toBe('file:file');
  });

  test('S31: given pvc on an ESB class with a 5Gi RWX override, when glance values are computed, then the volume follows it', () => {
    const v = glanceValues(
      aioDuplex({
        storage: storage(NO_CEPH, {
          esb: [{ name: 'dell-nfs', protocol: 'nfs', k8sStorageClass: 'dell-nfs-sc' }],
          selection: {
            glance: { priority: ['pvc', 'cinder'], pvc: { priority: ['dell-nfs'], size: '5Gi', accessModes: ['ReadWriteMany'] } },
          },
        }),
      }),
    );
    expect(at(v, 'storage')).toBe('pvc');
    expect(at(v, 'volume')).toEqual({ class_name: 'dell-nfs-sc', size: '5Gi', accessModes: ['ReadWriteMany'] });
    expect(at(v, 'pod.replicas.api')).toBe(2);
  });

  test('S32: given the cinder backend whose default backend is iscsi, when glance values are computed, then the api uses the host network, privileged', () => {
    const v = glanceValues(
      aioSimplex({
        storage: storage(NO_CEPH, {
          netapp: { iscsi: { storageClass: 'netapp-san-backend' } },
          selection: { glance: { priority: ['cinder'] } },
        }),
      }),
    );
    expect(at(v, 'storage')).toBe('cinder');
    expect(at(v, 'conf.glance.DEFAULT.enabled_backends')).toBe('cinder:cinder');
    expect(at(v, 'pod.useHostNetwork.api')).toBe(true);
    expect(at(v, 'pod.security_context.glance.container.glance_api')).toEqual({
      readOnlyRootFilesystem: false,
      privileged: true,
      allowPrivilegeEscalation: true,
    });
    expect(at(v, 'conf.cinder.cinder_uses_ceph')).toBe(false);
    expect(has(v, 'conf.ceph')).toBe(false);
  });

  test('given the cinder backend on ceph, when glance values are computed, then cinder_uses_ceph and the ceph keyring are set without host networking', () => {
    const v = glanceValues(aioSimplex({ storage: storage(HOST_CEPH, { selection: { glance: { priority: ['cinder'] } } }) }));
    expect(at(v, 'storage')).toBe('cinder');
    expect(at(v, 'conf.cinder.cinder_uses_ceph')).toBe(true);
    expect(credentialAt(v, 'conf.ceph.admin_keyring')).toBe('ceph-glance-keyring');
    expect(at(v, 'conf.glance.rbd.rbd_store_pool')).toBe('images');
    expect(has(v, 'pod.useHostNetwork')).toBe(false);
  });

  test('given no ceph at all, when glance values are computed, then the rbd settings are empty and the chunk size counts one OSD', () => {
    const v = glanceValues(aioSimplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS }) }));
    expect(at(v, 'conf.glance.rbd')).toEqual({
      rbd_store_pool: '',
      rbd_store_user: '',
      rbd_store_replication: 1,
      rbd_store_crush_rule: 'storage_tier_ruleset',
      chunk_size: 64,
    });
    expect(has(v, 'conf.ceph')).toBe(false);
  });

  test('given legacy netapp entries in the glance priority, when glance values are computed, then they collapse into a pvc with a shared NFS volume', () => {
    const v = glanceValues(
      aioDuplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS, selection: { glance: { priority: ['netapp-nfs', 'cinder'] } } }) }),
    );
    expect(at(v, 'storage')).toBe('pvc');
    expect(at(v, 'volume')).toEqual({ class_name: 'netapp-nas-backend', size: '2Gi', accessModes: ['ReadWriteMany'] });
    expect(at(v, 'pod.replicas.api')).toBe(2);
  });

  test('given only pvc in the priority and no class resolves, when glance values are computed, then pvc is kept with an empty class', () => {
    const v = glanceValues(aioSimplex({ storage: storage(NO_CEPH, { selection: { glance: { priority: ['pvc'] } } }) }));
    expect(at(v, 'storage')).toBe('pvc');
    expect(at(v, 'volume.class_name')).toBe('');
  });

  test('given no ceph and no pvc class, when glance values are computed with the default priority, then the cinder store is used', () => {
    const v = glanceValues(aioSimplex({ storage: storage(NO_CEPH, { esb: [{ name: 'x', protocol: 'local' }] }) }));
    expect(at(v, 'storage')).toBe('cinder');
  });

  test('given rook ceph, when glance values are computed, then the rook keyring, crush rule and image are used', () => {
    const v = glanceValues(aioSimplex({ storage: storage(ROOK_CEPH) }));
    expect(at(v, 'conf.ceph')).toEqual({ admin_keyring: expect.any(CredentialRef) });
    expect(credentialAt(v, 'conf.ceph.admin_keyring')).toBe('ceph-admin-keyring');
    expect(at(v, 'conf.glance.rbd.rbd_store_crush_rule')).toBe('kube-rbd');
    expect(at(v, 'conf.glance.rbd.chunk_size')).toBe(0);
    expect(at(v, 'images.tags.glance_storage_init')).toBe(ROOK_IMAGE);
  });

  test('replicas of the api are the available controllers; constants are set', () => {
    expect(at(glanceValues(aioSimplex()), 'pod.replicas.api')).toBe(1);
    const v = glanceValues(standard(2));
    expect(at(v, 'pod.replicas.api')).toBe(2);
    expect(at(v, 'conf.glance.DEFAULT')).toEqual({
      graceful_shutdown: true,
      show_image_direct_url: false,
      show_multiple_locations: false,
      enabled_backends: 'rbd:rbd',
    });
    expect(at(v, 'conf.glance.file.filesystem_store_datadir')).toBe('/opt/platform/glance/images');
    expect(at(v, 'bootstrap.enabled')).toBe(false);
    expect(at(v, 'ceph_client.user_secret_name')).toBe('ceph-admin');
    expect(at(v, 'conf.glance.rbd.rbd_store_replication')).toBe(2);
  });

  test('identity users and every credential leaf', () => {
    const v = glanceValues(aioSimplex({ https: HTTPS }));
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual([...IDENTITY_BASE, 'glance']);
    expect(credentialAt(v, 'conf.glance.cinder.cinder_store_password')).toBe('admin-password');
    expect(credentialPaths(v)).toEqual(
      [
        ...AUTH_LEAVES([...IDENTITY_BASE, 'glance']),
        ...DB_LEAVES('oslo_db', 'glance'),
        ...RABBIT_LEAVES('glance'),
        'endpoints.oslo_cache.auth.memcache_secret_key',
        'conf.glance.oslo_messaging_notifications.transport_url',
        'conf.glance.cinder.cinder_store_password',
        'conf.ceph.admin_keyring',
        ...TLS_LEAVES('image'),
      ].sort(),
    );
  });

  test('given https and a domain, when glance values are computed, then the CA files, public keystone and endpoint are set', () => {
    const v = glanceValues(aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'conf.glance.keystone_authtoken.cafile')).toBe(CA);
    expect(at(v, 'conf.glance.glance_store.https_ca_certificates_file')).toBe(CA);
    expect(at(v, 'conf.glance.cinder.cinder_ca_certificates_file')).toBe(CA);
    expect(at(v, 'conf.glance_registry.keystone_authtoken.cafile')).toBe(CA);
    expect(at(v, 'conf.glance.cinder.cinder_api_insecure')).toBe(false);
    expect(at(v, 'conf.glance.cinder.cinder_store_auth_address')).toBe(`https://keystone.${DOMAIN}/v3`);
    expect(at(v, 'endpoints.image.host_fqdn_override.public.host')).toBe(`glance.${DOMAIN}`);
    expect(at(v, 'endpoints.image.port')).toEqual({ api: { public: 443 } });
    expect(at(v, 'endpoints.image.scheme')).toEqual({ public: 'https' });
    expect(at(v, 'manifests.certificates')).toBe(true);
  });

  test('given https without a domain, or neither, when glance values are computed, then keystone is reached in-cluster', () => {
    const https = glanceValues(aioSimplex({ https: HTTPS }));
    expect(at(https, 'conf.glance.cinder.cinder_store_auth_address')).toBe('https://keystone.openstack.svc.cluster.local/v3');
    const plain = glanceValues(aioSimplex({ endpoints: { domain: DOMAIN } }));
    expect(at(plain, 'conf.glance.cinder.cinder_store_auth_address')).toBe('http://keystone.openstack.svc.cluster.local/v3');
    expect(at(plain, 'conf.glance.cinder')).toMatchObject({
      cinder_api_insecure: true,
      cinder_catalog_info: 'volumev3:cinderv3:publicURL',
      cinder_store_user_name: 'admin',
      cinder_store_project_name: 'admin',
      cinder_store_user_domain_name: 'default',
      cinder_store_project_domain_name: 'default',
    });
    expect(has(plain, 'conf.glance_registry')).toBe(false);
    expect(at(plain, 'endpoints.image.host_fqdn_override')).toEqual({ public: { host: `glance.${DOMAIN}` } });
  });
});
