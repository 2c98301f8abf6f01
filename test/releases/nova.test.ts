/**
 * nova (docs/system-values.md §3.10): the assertions about this release's values and objects.
 */
import { libvirt } from '../../releases/libvirt';
import { nova } from '../../releases/nova';
import {
  aioDuplex,
  aioSimplex,
  CA,
  contextOf,
  controller,
  DOMAIN,
  FSID,
  HOST_CEPH,
  HTTPS,
  InterfaceInput,
  NETAPP_NFS,
  NO_CEPH,
  releaseValues,
  ROOK_CEPH,
  ROOK_IMAGE,
  standard,
  storage,
  StorageInput,
  worker,
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
import { problemsOf } from '../support/profiles';
import { Values } from '../../lib/engine/values';
import { CredentialRef } from '../../lib/engine/credentials';
import { DeploymentProfileInput } from '../../lib/profile/profile';
import { hostUuid } from '../../lib/profile/derived';
import { RELEASE_NAMES } from '../../releases/names';
import { data, sriovParent, vf, withWorker } from '../support/interface-types';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const libvirtValues = releaseValues(libvirt);
const novaValues = releaseValues(nova);

expectReferenceFacts(nova, {
  releaseName: 'osh-openstack-nova',
  chartGroup: 'openstack-nova',
  chart: 'nova',
  dependsOn: ['placement'],
  install: true,
  disableWait: true,
  enabledByDefault: true,
});

describe('nova', () => {
  test('S11: given an IPv4 cluster-host subnet, when nova values are computed, then migration, hypervisor and ssh use it', () => {
    const v = novaValues(aioSimplex());
    expect(at(v, 'conf.libvirt.live_migration_network_cidr')).toBe('192.168.206.0/24');
    expect(at(v, 'conf.hypervisor.host_network_cidr')).toBe('192.168.206.0/24');
    expect(at(v, 'network.ssh.from_subnet')).toBe('192.168.206.0/24');
  });

  test('S12: given an unknown cluster-host subnet, when nova values are computed, then conf.libvirt and conf.hypervisor are absent', () => {
    const v = novaValues(
      aioSimplex({ network: { clusterHost: { floatingAddress: '192.168.206.1' }, oam: { floatingAddress: '10.10.10.2' } } }),
    );
    expect(has(v, 'conf.libvirt')).toBe(false);
    expect(has(v, 'conf.hypervisor')).toBe(false);
    expect(has(v, 'network.ssh.from_subnet')).toBe(false);
  });

  test('S13: given NetApp only for cinder, when nova values are computed, then ceph is disabled with null cinder credentials', () => {
    const v = novaValues(aioSimplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS }) }));
    expect(at(v, 'conf.ceph.enabled')).toBe(false);
    expect(at(v, 'conf.ceph.cinder.secret_uuid')).toBe('null');
    expect(at(v, 'conf.ceph.cinder')).toEqual({ keyring: 'null', secret_uuid: 'null', user: 'null' });
    expect(at(v, 'conf.ceph.admin_keyring')).toBe('null');
    expect(at(v, 'conf.ceph.ephemeral_storage')).toEqual({});
    expect(has(v, 'conf.nova.libvirt.rbd_secret_uuid')).toBe(false);
  });

  test('given host ceph excluded from the cinder backends, when nova values are computed, then ceph is disabled', () => {
    const v = novaValues(
      aioSimplex({
        storage: storage(HOST_CEPH, { netapp: NETAPP_NFS, selection: { cinder: { backends: [{ name: 'netapp-nfs', enabled: true }] } } }),
      }),
    );
    expect(at(v, 'conf.ceph.enabled')).toBe(false);
    expect(at(v, 'conf.ceph.cinder.secret_uuid')).toBe('null');
  });

  test('S14: given host ceph with an fsid, when nova values are computed, then the cinder secret uuid and libvirt rbd secret are the fsid', () => {
    const v = novaValues(aioSimplex());
    expect(at(v, 'conf.ceph.enabled')).toBe(true);
    expect(at(v, 'conf.ceph.cinder')).toEqual({ secret_uuid: FSID });
    expect(at(v, 'conf.nova.libvirt.rbd_secret_uuid')).toBe(FSID);
    expect(at(v, 'conf.ceph.admin_keyring')).toBe('null');
    expect(at(v, 'conf.ceph.ephemeral_storage')).toEqual({
      type: 'rbd',
      rbd_pools: [
        { rbd_pool_name: 'ephemeral', rbd_user: 'cinder', rbd_crush_rule: 'storage_tier_ruleset', rbd_replication: 1, rbd_chunk_size: 0 },
      ],
    });
    // §6-2: we keep virt_type although the original drops it here.
    expect(at(v, 'conf.nova.libvirt.virt_type')).toBe('kvm');
  });

  test('given ceph enabled without an fsid, when nova values are computed, then conf.ceph.cinder is empty and no rbd secret', () => {
    const v = novaValues(aioSimplex({ storage: storage({ kind: 'host', monitors: ['192.168.204.2'] }) }));
    expect(at(v, 'conf.ceph.cinder')).toEqual({});
    expect(has(v, 'conf.nova.libvirt.rbd_secret_uuid')).toBe(false);
  });

  test('S15: given ephemeral ceph selected on host ceph with replication 2, when nova values are computed, then images are rbd in the ephemeral pool', () => {
    const v = novaValues(
      aioSimplex({ storage: storage({ ...HOST_CEPH, replication: 2 }, { selection: { nova: { priority: ['ceph', 'host-path'] } } }) }),
    );
    expect(at(v, 'conf.nova.libvirt.images_type')).toBe('rbd');
    expect(at(v, 'conf.nova.libvirt.images_rbd_pool')).toBe('ephemeral');
    expect(at(v, 'conf.nova.libvirt.images_rbd_ceph_conf')).toBe('/etc/ceph/ceph.conf');
    expect(at(v, 'conf.nova.libvirt.rbd_user')).toBe('cinder');
    expect(at(v, 'rbd_pool')).toEqual({ replication: 2, crush_rule: 'storage_tier_ruleset', chunk_size: 0, app_name: 'ephemeral' });
    expect(at(v, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt')).toEqual({
      images_type: 'rbd',
      images_rbd_pool: 'ephemeral',
      images_rbd_ceph_conf: '/etc/ceph/ceph.conf',
    });
  });

  test('given ephemeral ceph first but no ceph backend, when nova values are computed, then local storage applies (the plugin answers "not ceph")', () => {
    const v = novaValues(
      aioSimplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS, selection: { nova: { priority: ['ceph', 'host-path'] } } }) }),
    );
    expect(has(v, 'rbd_pool')).toBe(false);
    expect(has(v, 'conf.nova.libvirt.images_type')).toBe(false);
  });

  test('S16: given the default nova storage selection (host-path first), when nova values are computed, then rbd_pool and storage_conf are absent', () => {
    const v = novaValues(aioSimplex());
    expect(has(v, 'rbd_pool')).toBe(false);
    expect(has(v, 'storage_conf')).toBe(false);
    expect(has(v, 'conf.nova.DEFAULT')).toBe(false);
    expect(at(v, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt')).toEqual({ images_type: 'default' });
  });

  test('S17: given ephemeral pvc selected with the netapp-nas-backend class, when nova values are computed, then the instances PVC is enabled', () => {
    const v = novaValues(aioSimplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS, selection: { nova: { priority: ['pvc'] } } }) }));
    expect(at(v, 'storage_conf.pvc.enabled')).toBe(true);
    expect(at(v, 'storage_conf.pvc.name')).toBe('nova-instances');
    expect(at(v, 'storage_conf.pvc.volume.class_name')).toBe('netapp-nas-backend');
    expect(at(v, 'conf.nova.DEFAULT.instances_path')).toBe('/var/lib/instances');
    expect(has(v, 'rbd_pool')).toBe(false);
  });

  test('given ephemeral nfs selected, when nova values are computed, then the NFS share and instances path are set', () => {
    const nova = { priority: ['nfs'], backends: [{ name: 'nfs', enabled: true }], nfs: { server: '10.0.0.5' } };
    const v = novaValues(aioSimplex({ storage: storage(HOST_CEPH, { selection: { nova } }) }));
    expect(at(v, 'storage_conf')).toEqual({ nfs_shares: { server: '10.0.0.5', path: '/openstack_instances', enabled: true } });
    expect(at(v, 'conf.nova.DEFAULT')).toEqual({ instances_path: '/var/lib/instances' });
  });

  test('given host-path disabled and nfs enabled in the nova backends but no priority list, when nova values are computed, then no NFS share is mounted (the NFS check defaults to the volume priority, which has no nfs)', () => {
    const v = novaValues(
      aioSimplex({
        storage: storage(HOST_CEPH, {
          selection: {
            nova: {
              backends: [
                { name: 'host-path', enabled: false },
                { name: 'nfs', enabled: true },
              ],
            },
          },
        }),
      }),
    );
    expect(has(v, 'storage_conf')).toBe(false);
    expect(at(v, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt')).toEqual({ images_type: 'default' });
  });

  test('S18: given https without an endpoint domain, when nova values are computed, then TLS secrets, certificates and CA files are set and no public host', () => {
    const v = novaValues(aioSimplex({ https: HTTPS }));
    expect(at(v, 'secrets.tls.compute_metadata.metadata.public')).toBe('nova-tls-public');
    expect(at(v, 'manifests.certificates')).toBe(true);
    expect(at(v, 'conf.nova.keystone_authtoken.cafile')).toBe(CA);
    for (const section of ['cinder', 'glance', 'keystone', 'neutron', 'placement', 'ironic'])
      expect(at(v, `conf.nova.${section}.cafile`)).toBe(CA);
    const pub = at(v, 'endpoints.compute.host_fqdn_override.public') as Values;
    expect(Object.keys(pub)).toEqual(['tls']);
    expect(Object.keys(pub.tls as Values).sort()).toEqual(['ca', 'crt', 'key']);
    expect(credentialAt(v, 'endpoints.compute.host_fqdn_override.public.tls.crt')).toBe('tls.crt');
    expect(at(v, 'endpoints.compute.port')).toEqual({ api: { public: 443 } });
    expect(at(v, 'endpoints.compute.scheme')).toEqual({ public: 'https' });
    expect(at(v, 'conf.nova.vnc.novncproxy_base_url')).toBe('https://10.10.10.2:30680/vnc_auto.html');
  });

  test('S19: given an ESB backend with protocol iscsi, when nova values are computed, then iscsi and multipath are on', () => {
    const v = novaValues(
      aioSimplex({ storage: storage(HOST_CEPH, { esb: [{ name: 'dell', protocol: 'iscsi', k8sStorageClass: 'dell-sc' }] }) }),
    );
    expect(at(v, 'conf.enable_iscsi')).toBe(true);
    expect(at(v, 'conf.nova.libvirt.volume_use_multipath')).toBe(true);
  });

  test('given NetApp FC, or nothing SAN, when nova values are computed, then multipath follows', () => {
    expect(
      at(novaValues(aioSimplex({ storage: storage(NO_CEPH, { netapp: { fc: { storageClass: 'fc-sc' } } }) })), 'conf.enable_iscsi'),
    ).toBe(true);
    const plain = novaValues(aioSimplex());
    expect(at(plain, 'conf.enable_iscsi')).toBe(false);
    expect(at(plain, 'conf.nova.libvirt.volume_use_multipath')).toBe(false);
  });

  test('S40: given one unprovisioned locked worker and one provisioned worker, when nova values are computed, then hosts_uuids lists only the provisioned one', () => {
    const input = standard(0, {
      hosts: [controller(0, false), controller(1, false), worker(0, { provisioned: false, available: false }), worker(1)],
    });
    const v = novaValues(input);
    const profile = contextOf(input).profile;
    expect(at(v, 'hosts_uuids')).toEqual([{ name: 'worker-1', uuid: hostUuid(profile, profile.hosts[3]) }]);
    expect((at(v, 'conf.overrides.nova_compute.hosts') as Values[]).map((h) => h.name)).toEqual([['worker-1']]);
  });

  test('hosts_uuids uses the profile uuid when given', () => {
    const uuid = '0b0e3a1c-1d1e-4b6f-8a8b-2c3d4e5f6a7b';
    const v = novaValues(standard(1, { hosts: [controller(0, false), controller(1, false), worker(0, { uuid })] }));
    expect(at(v, 'hosts_uuids')).toEqual([{ name: 'worker-0', uuid }]);
  });

  test('replicas are the available controllers', () => {
    const all = { api_metadata: 2, placement: 2, osapi: 2, conductor: 2, consoleauth: 2, scheduler: 2, novncproxy: 2 };
    expect(at(novaValues(standard(2)), 'pod.replicas')).toEqual(all);
    expect(at(novaValues(aioSimplex()), 'pod.replicas')).toEqual(Object.fromEntries(Object.keys(all).map((k) => [k, 1])));
  });

  test('constant keys: OVMF mounts, ssh, workarounds, ceph client', () => {
    const v = novaValues(aioSimplex());
    expect(at(v, 'pod.mounts.nova_compute.nova_compute')).toEqual({
      volumes: [
        { name: 'ovmf', hostPath: { path: '/usr/share/OVMF' } },
        { name: 'qemu-ovmf', hostPath: { path: '/usr/share/qemu' } },
        { name: 'userhome', hostPath: { path: '/var/lib/nova-user-home' } },
      ],
      volumeMounts: [
        { name: 'ovmf', mountPath: '/usr/share/OVMF' },
        { name: 'qemu-ovmf', mountPath: '/usr/share/qemu' },
        { name: 'userhome', mountPath: '/root' },
      ],
    });
    expect(at(v, 'network.ssh.enabled')).toBe('true');
    expect(credentialAt(v, 'network.ssh.private_key')).toBe('nova-ssh-private-key');
    expect(credentialAt(v, 'network.ssh.public_key')).toBe('nova-ssh-public-key');
    expect(at(v, 'conf.nova.workarounds.skip_cpu_compare_on_dest')).toBe(true);
    expect(at(v, 'ceph_client.user_secret_name')).toBe('ceph-admin');
    expect(at(v, 'endpoints.identity.name')).toBe('keystone');
    expect(has(v, 'manifests.certificates')).toBe(false);
  });

  test('statefulset_compute_ironic follows whether ironic is emitted', () => {
    expect(at(novaValues(aioSimplex()), 'manifests.statefulset_compute_ironic')).toBe(true);
    const withoutIronic = RELEASE_NAMES.filter((n) => n !== 'ironic');
    expect(at(novaValues(aioSimplex(), withoutIronic), 'manifests.statefulset_compute_ironic')).toBe(false);
  });

  test('given a virtual system, when nova values are computed, then virt_type is qemu', () => {
    expect(at(novaValues(aioSimplex({ system: { type: 'aio', mode: 'simplex', virtual: true } })), 'conf.nova.libvirt.virt_type')).toBe(
      'qemu',
    );
  });

  test('given rook ceph enabled for cinder, when nova values are computed, then the rook keyring, kube-rbd ephemeral pool and images are used', () => {
    const v = novaValues(aioDuplex({ storage: storage(ROOK_CEPH) }));
    expect(credentialAt(v, 'conf.ceph.admin_keyring')).toBe('ceph-admin-keyring');
    expect(at(v, 'conf.ceph.ephemeral_storage.rbd_pools.0.rbd_crush_rule')).toBe('kube-rbd');
    expect(at(v, 'conf.ceph.ephemeral_storage.rbd_pools.0.rbd_replication')).toBe(2);
    expect(at(v, 'images.tags')).toEqual({ nova_service_cleaner: ROOK_IMAGE, nova_storage_init: ROOK_IMAGE });
  });

  test('given rook ceph not used by cinder, when nova values are computed, then no ephemeral storage and a null keyring', () => {
    const v = novaValues(
      aioSimplex({ storage: storage(ROOK_CEPH, { netapp: NETAPP_NFS, selection: { cinder: { priority: ['netapp-nfs'] } } }) }),
    );
    expect(at(v, 'conf.ceph.ephemeral_storage')).toEqual({});
    expect(at(v, 'conf.ceph.admin_keyring')).toBe('null');
  });

  test('identity users and every credential leaf', () => {
    const v = novaValues(aioSimplex({ storage: storage(ROOK_CEPH), https: HTTPS }));
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual([
      ...IDENTITY_BASE,
      'nova',
      'neutron',
      'ironic',
      'placement',
      'cinder',
      'service',
    ]);
    expect(credentialAt(v, 'endpoints.oslo_db_cell0.auth.nova.password')).toBe('db-password.nova');
    expect(credentialAt(v, 'endpoints.oslo_db_api.auth.nova.password')).toBe('db-password.nova');
    expect(credentialPaths(v)).toEqual(
      [
        ...AUTH_LEAVES([...IDENTITY_BASE, 'nova', 'neutron', 'ironic', 'placement', 'cinder', 'service']),
        ...DB_LEAVES('oslo_db', 'nova'),
        ...DB_LEAVES('oslo_db_api', 'nova'),
        ...DB_LEAVES('oslo_db_cell0', 'nova'),
        ...RABBIT_LEAVES('nova'),
        'endpoints.oslo_cache.auth.memcache_secret_key',
        'conf.nova.oslo_messaging_notifications.transport_url',
        'conf.ceph.admin_keyring',
        'conf.nova.neutron.metadata_proxy_shared_secret',
        'network.ssh.private_key',
        'network.ssh.public_key',
        ...TLS_LEAVES('compute'),
        ...TLS_LEAVES('compute_novnc_proxy'),
      ].sort(),
    );
  });

  test('given an endpoint domain, when nova values are computed, then public hosts and the novnc URL use it and the NodePort is off', () => {
    const v = novaValues(aioSimplex({ endpoints: { domain: DOMAIN } }));
    expect(at(v, 'endpoints.compute.host_fqdn_override.public.host')).toBe(`nova-api-internal.${DOMAIN}`);
    expect(at(v, 'endpoints.compute_novnc_proxy.host_fqdn_override.public.host')).toBe(`novncproxy.${DOMAIN}`);
    expect(at(v, 'conf.nova.vnc.novncproxy_base_url')).toBe(`http://novncproxy.${DOMAIN}/vnc_auto.html`);
    expect(at(v, 'network.novncproxy.node_port.enabled')).toBe(false);
    const https = novaValues(aioSimplex({ endpoints: { domain: DOMAIN }, https: HTTPS }));
    expect(at(https, 'conf.nova.vnc.novncproxy_base_url')).toBe(`https://novncproxy.${DOMAIN}/vnc_auto.html`);
  });

  test('given no domain, when nova values are computed, then novnc uses the OAM address on the NodePort, bracketed when IPv6 is primary', () => {
    const v4 = novaValues(aioSimplex());
    expect(at(v4, 'conf.nova.vnc.novncproxy_base_url')).toBe('http://10.10.10.2:30680/vnc_auto.html');
    expect(at(v4, 'network.novncproxy.node_port.enabled')).toBe(true);
    expect(at(v4, 'endpoints.compute')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
    const v6 = novaValues(
      aioSimplex({
        network: {
          clusterService: { families: ['ipv6', 'ipv4'] },
          clusterHost: { subnet: 'fd02::/64', floatingAddress: 'fd02::1' },
          oam: { floatingAddress: 'fd00::2' },
        },
      }),
    );
    expect(at(v6, 'conf.nova.vnc.novncproxy_base_url')).toBe('http://[fd00::2]:30680/vnc_auto.html');
    expect(at(v6, 'conf.libvirt.live_migration_network_cidr')).toBe('fd02::/64');
  });

  test('the notification URL is the /nova vhost', () => {
    const v = novaValues(aioSimplex());
    const url = at(v, 'conf.nova.oslo_messaging_notifications.transport_url') as CredentialRef;
    expect(url).toBeInstanceOf(CredentialRef);
    expect(url.detail).toBe('/nova');
  });
});

// =========================================================================================
// nova per host (§3.10.1)
// =========================================================================================
describe('nova per-host compute configuration', () => {
  const hostsOf = (v: Values) => at(v, 'conf.overrides.nova_compute.hosts') as Values[];

  test('given two workers with identical data, when nova values are computed, then they share one entry', () => {
    const hosts = hostsOf(novaValues(standard(2)));
    expect(hosts).toHaveLength(1);
    expect(hosts[0].name).toEqual(['worker-0', 'worker-1']);
    expect(hosts[0].conf).toEqual({
      nova: { DEFAULT: { reserved_host_memory_mb: 0 }, compute: null, libvirt: { images_type: 'default' }, pci: null },
    });
  });

  test('given NUMA and CPU data, when nova values are computed, then reserved memory, huge pages and quoted CPU sets follow', () => {
    const w = worker(0, {
      cpus: { platform: [0, 1], application: [2, 3, 4, 5, 8], isolated: [] },
      numa: [
        { node: 0, platformReservedMiB: 2000, vswitchHugepageSizeMiB: 1024, vswitchHugepageCount: 1 },
        { node: 1, platformReservedMiB: 500 },
      ],
    });
    const hosts = hostsOf(novaValues(standard(0, { hosts: [controller(0, false), controller(1, false), w] })));
    const nova = (hosts[0].conf as Values).nova as Values;
    expect(nova.DEFAULT).toEqual({
      reserved_huge_pages: {
        type: 'multistring',
        values: ['node:0,size:4,count:512000', 'node:0,size:1048576,count:1', 'node:1,size:4,count:128000', 'node:1,size:2048,count:0'],
      },
      reserved_host_memory_mb: 2000 + 1024 + 500,
    });
    expect(nova.compute).toEqual({ cpu_shared_set: '"2-5,8"', cpu_dedicated_set: '""' });
  });

  test('given a host labelled remote-storage, when nova values are computed, then its images are rbd', () => {
    const w = worker(1, { labels: { 'openstack-compute-node': 'enabled', openvswitch: 'enabled', 'remote-storage': 'enabled' } });
    const hosts = hostsOf(novaValues(standard(0, { hosts: [controller(0, false), controller(1, false), worker(0), w] })));
    expect(hosts.map((h) => h.name)).toEqual([['worker-0'], ['worker-1']]);
    expect(at(hosts[1], 'conf.nova.libvirt')).toEqual({
      images_type: 'rbd',
      images_rbd_pool: 'ephemeral',
      images_rbd_ceph_conf: '/etc/ceph/ceph.conf',
    });
    expect(at(hosts[0], 'conf.nova.libvirt')).toEqual({ images_type: 'default' });
  });

  test('given passthrough, PCI devices and SR-IOV with a VF child, when nova values are computed, then the whitelist lists them in order', () => {
    const w = worker(0, {
      interfaces: [
        { name: 'data0', type: 'ethernet', class: 'data', port: { name: 'eth0', pciAddress: '0000:18:00.0' }, datanetworks: ['data0'] },
        {
          name: 'pt0',
          type: 'ethernet',
          class: 'pci-passthrough',
          port: { name: 'eth1', pciAddress: '0000:18:00.1' },
          datanetworks: ['physnet1', 'physnet2'],
        },
        {
          name: 'sriov0',
          type: 'ethernet',
          class: 'pci-sriov',
          port: {
            name: 'eth2',
            pciAddress: '0000:19:00.0',
            sriovVfAddresses: ['0000:19:02.0', '0000:19:02.1', '0000:19:02.2', '0000:19:02.3'],
          },
          datanetworks: ['physnet2'],
        },
        { name: 'vf0', type: 'vf', class: 'pci-sriov', uses: ['sriov0'], sriovNumVfs: 1, datanetworks: ['physnet3'] },
      ],
      pciDevices: [
        { address: '0000:81:00.0', enabled: true },
        { address: '0000:82:00.0', enabled: false },
      ],
    });
    const hosts = hostsOf(novaValues(standard(0, { hosts: [controller(0, false), controller(1, false), w] })));
    expect(at(hosts[0], 'conf.nova.pci')).toEqual({
      passthrough_whitelist: {
        type: 'multistring',
        values: [
          '{"address": "0000:18:00.1", "physical_network": "physnet1,physnet2"}',
          '{"address": "0000:81:00.0"}',
          '{"address": "0000:19:02.0", "physical_network": "physnet2"}',
          '{"address": "0000:19:02.1", "physical_network": "physnet2"}',
          '{"address": "0000:19:02.2", "physical_network": "physnet2"}',
          '{"address": "0000:19:02.3", "physical_network": "physnet3"}',
        ],
      },
    });
  });

  test('given AIO, when nova values are computed, then the controller is the compute host', () => {
    const hosts = hostsOf(novaValues(aioDuplex()));
    expect(hosts.map((h) => h.name)).toEqual([['controller-0', 'controller-1']]);
  });
});

// =========================================================================================
// nova ephemeral storage, shared by nova and libvirt (§1.1 defaults of selection, §3.10, §3.11)
// =========================================================================================
describe('§1.1 nova ephemeral storage (erratum 2026-12-02): the first enabled entry decides, with all kinds enabled by default; the NFS mount is a separate check', () => {
  type Selection = NonNullable<NonNullable<StorageInput['selection']>['nova']>;
  const on = (...names: string[]) => names.map((name) => ({ name, enabled: true }));
  const off = (...names: string[]) => names.map((name) => ({ name, enabled: false }));

  /** What nova's and libvirt's values show: the ephemeral storage, and whether each mounts the NFS share. */
  function observed(
    ceph: StorageInput['ceph'],
    nova: Selection,
  ): { ephemeral: string; novaNfs: boolean; libvirtNfs: boolean; libvirtPvc: boolean } {
    const profile = aioSimplex({ storage: storage(ceph, { netapp: NETAPP_NFS, selection: { nova } }) });
    const n = novaValues(profile);
    const l = libvirtValues(profile);
    const hostImages = at(n, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt.images_type');
    const ephemeral = has(n, 'storage_conf.pvc') ? 'pvc' : hostImages === 'rbd' ? 'ceph' : String(hostImages);
    return {
      ephemeral,
      novaNfs: has(n, 'storage_conf.nfs_shares'),
      libvirtNfs: has(l, 'storage_conf.nfs_shares'),
      libvirtPvc: has(l, 'storage_conf.pvc'),
    };
  }

  // [case, ephemeral storage, NFS share mounted, ceph, nova selection]
  const cases: Array<[string, string, boolean, StorageInput['ceph'], Selection]> = [
    ['the default selection (host-path first)', 'default', false, HOST_CEPH, {}],
    ['[nfs, ceph] without a backends list (the nfs entry stops the search)', 'default', false, HOST_CEPH, { priority: ['nfs', 'ceph'] }],
    ['[nfs, pvc, ceph] without a backends list', 'default', false, NO_CEPH, { priority: ['nfs', 'pvc', 'ceph'] }],
    ['[nfs, host-path] without a backends list', 'default', false, HOST_CEPH, { priority: ['nfs', 'host-path'] }],
    ['[nfs] with nfs enabled', 'default', true, HOST_CEPH, { priority: ['nfs'], backends: on('nfs') }],
    ['[nfs] with nfs disabled', 'default', false, HOST_CEPH, { priority: ['nfs'], backends: off('nfs') }],
    // The NFS check's default priority is the volume list, which has no nfs.
    [
      'the default priority with host-path disabled and nfs enabled',
      'default',
      false,
      HOST_CEPH,
      { backends: [...off('host-path'), ...on('nfs')] },
    ],
    [
      '[host-path, nfs] with both enabled (the share is mounted behind host-path)',
      'default',
      true,
      HOST_CEPH,
      { priority: ['host-path', 'nfs'], backends: on('host-path', 'nfs') },
    ],
    ['[ceph, nfs] with both enabled', 'ceph', true, HOST_CEPH, { priority: ['ceph', 'nfs'], backends: on('ceph', 'nfs') }],
    ['the default priority with only pvc enabled', 'pvc', false, NO_CEPH, { backends: on('pvc') }],
    ['[pvc, host-path] without a backends list', 'pvc', false, NO_CEPH, { priority: ['pvc', 'host-path'] }],
    ['[ceph, host-path] without a backends list', 'ceph', false, HOST_CEPH, { priority: ['ceph', 'host-path'] }],
    [
      '[ceph, host-path] with only host-path enabled',
      'default',
      false,
      HOST_CEPH,
      { priority: ['ceph', 'host-path'], backends: on('host-path') },
    ],
    // "Not ceph": the plugin does not go on to the next entry.
    ['[ceph, pvc] without a ceph cluster', 'default', false, NO_CEPH, { priority: ['ceph', 'pvc'] }],
    ['[ceph, nfs, host-path] without a ceph cluster', 'default', false, NO_CEPH, { priority: ['ceph', 'nfs', 'host-path'] }],
    // Any enabled name stops the search, not only the four kinds.
    [
      '[netapp-nfs, ceph] with both enabled',
      'default',
      false,
      HOST_CEPH,
      { priority: ['netapp-nfs', 'ceph'], backends: on('netapp-nfs', 'ceph') },
    ],
  ];

  test.each(cases)(
    'given %s, when nova and libvirt values are computed, then the ephemeral storage is %s and the NFS share mounted is %s',
    (_, ephemeral, nfs, ceph, nova) => {
      expect(observed(ceph, nova)).toEqual({ ephemeral, novaNfs: nfs, libvirtNfs: nfs, libvirtPvc: ephemeral === 'pvc' });
    },
  );

  test('given [nfs, ceph] without a backends list on host ceph, when nova values are computed, then no rbd setting is written', () => {
    const v = novaValues(aioSimplex({ storage: storage(HOST_CEPH, { selection: { nova: { priority: ['nfs', 'ceph'] } } }) }));
    expect(has(v, 'rbd_pool')).toBe(false);
    for (const key of ['images_type', 'images_rbd_pool', 'images_rbd_ceph_conf', 'rbd_user'])
      expect(has(v, `conf.nova.libvirt.${key}`)).toBe(false);
    expect(at(v, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt')).toEqual({ images_type: 'default' });
  });

  test('given [nfs, pvc, ceph] without a backends list and no StorageClass for a PVC, when the profile is checked, then it is accepted', () => {
    const profile = aioSimplex({ storage: storage(HOST_CEPH, { selection: { nova: { priority: ['nfs', 'pvc', 'ceph'] } } }) });
    expect(problemsOf(profile)).toEqual([]);
  });

  test('given [pvc, nfs] both enabled, when nova and libvirt values are computed, then the NFS share replaces the PVC settings and its instances path wins', () => {
    const nova = {
      priority: ['pvc', 'nfs'],
      backends: on('pvc', 'nfs'),
      nfs: { server: '10.0.0.5', path: '/share', instancesPath: '/var/lib/nfs-instances' },
    };
    const profile = aioSimplex({ storage: storage(NO_CEPH, { netapp: NETAPP_NFS, selection: { nova } }) });
    const n = novaValues(profile);
    expect(at(n, 'storage_conf')).toEqual({ nfs_shares: { server: '10.0.0.5', path: '/share', enabled: true } });
    expect(at(n, 'conf.nova.DEFAULT')).toEqual({ instances_path: '/var/lib/nfs-instances' });
    expect(at(libvirtValues(profile), 'storage_conf')).toEqual({
      nfs_shares: { enabled: true, server: '10.0.0.5', path: '/share', instances_path: '/var/lib/nfs-instances' },
    });
  });

  test('given [pvc, nfs] both enabled and no StorageClass for the PVC, when the profile is checked, then the pvc choice is still refused', () => {
    const profile = aioSimplex({
      storage: storage(HOST_CEPH, { selection: { nova: { priority: ['pvc', 'nfs'], backends: on('pvc', 'nfs') } } }),
    });
    expect(problemsOf(profile)).toEqual([
      expect.stringMatching(/^storage.selection.nova.pvc: no StorageClass resolves for the nova volume/),
    ]);
  });
});

describe('§3.10.1 nova externalEphemeralPool', () => {
  const cephFirst = { nova: { priority: ['ceph', 'host-path'] } };

  test('§3.10.1: given ceph ephemeral and an external ephemeral pool, then each compute host puts images in that pool; the global libvirt settings keep "ephemeral" (as the platform)', () => {
    const v = novaValues(
      aioSimplex({ storage: { ceph: { kind: 'host', fsid: FSID, externalEphemeralPool: 'ext-ephemeral' }, selection: cephFirst } }),
    );
    expect(at(v, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt')).toEqual({
      images_type: 'rbd',
      images_rbd_pool: 'ext-ephemeral',
      images_rbd_ceph_conf: '/etc/ceph/ceph.conf',
    });
    expect(at(v, 'conf.nova.libvirt.images_rbd_pool')).toBe('ephemeral');
  });

  test('§3.10.1: a remote-storage host uses the external pool too', () => {
    const v = novaValues(
      standard(1, {
        storage: { ceph: { kind: 'host', fsid: FSID, externalEphemeralPool: 'ext-ephemeral' } },
        hosts: [
          controller(0, false),
          controller(1, false),
          worker(0, { labels: { 'openstack-compute-node': 'enabled', openvswitch: 'enabled', 'remote-storage': 'enabled' } }),
        ],
      }),
    );
    expect(at(v, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt.images_rbd_pool')).toBe('ext-ephemeral');
  });

  test('§3.10.1: given the external cluster conf file, then the hosts and the global libvirt settings read it from /etc/ceph/ (nova.py _get_storage_ceph_config)', () => {
    const v = novaValues(
      aioSimplex({
        storage: {
          ceph: { kind: 'host', fsid: FSID, externalEphemeralPool: 'ext-ephemeral', externalCephConf: 'ext-ceph.conf' },
          selection: cephFirst,
        },
      }),
    );
    expect(at(v, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt')).toEqual({
      images_type: 'rbd',
      images_rbd_pool: 'ext-ephemeral',
      images_rbd_ceph_conf: '/etc/ceph/ext-ceph.conf',
    });
    expect(at(v, 'conf.nova.libvirt.images_rbd_ceph_conf')).toBe('/etc/ceph/ext-ceph.conf');
    expect(at(v, 'conf.nova.libvirt.images_rbd_pool')).toBe('ephemeral');
  });

  test('§3.10.1: without an external pool the hosts use "ephemeral"; host-path ephemeral ignores the pool', () => {
    const internal = novaValues(aioSimplex({ storage: { ceph: { kind: 'host', fsid: FSID }, selection: cephFirst } }));
    expect(at(internal, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt.images_rbd_pool')).toBe('ephemeral');
    const hostPath = novaValues(aioSimplex({ storage: { ceph: { kind: 'host', fsid: FSID, externalEphemeralPool: 'ext-ephemeral' } } }));
    expect(at(hostPath, 'conf.overrides.nova_compute.hosts.0.conf.nova.libvirt')).toEqual({ images_type: 'default' });
  });
});

describe('§3.10.1/§3.12.1 interface types as StarlingX configures them', () => {
  const whitelist = (input: DeploymentProfileInput) => at(novaValues(input), 'conf.overrides.nova_compute.hosts.0.conf.nova.pci');

  test('§3.10.1 pci-sriov whitelist: each VF is whitelisted on its datanetwork; a vf child takes the last sriovNumVfs of its parent', () => {
    expect(whitelist(withWorker([data, sriovParent, vf]))).toEqual({
      passthrough_whitelist: {
        type: 'multistring',
        values: [
          '{"address": "0000:18:02.0", "physical_network": "sriovnet0"}',
          '{"address": "0000:18:02.1", "physical_network": "sriovnet0"}',
          '{"address": "0000:18:02.2", "physical_network": "sriovnet0"}',
          '{"address": "0000:18:02.3", "physical_network": "sriovnet1"}',
        ],
      },
    });
  });

  test('§3.10.1 pci-passthrough and pciDevices: passthrough ports on their datanetworks (comma-joined), then enabled PCI devices by address only, then SR-IOV VFs', () => {
    const passthrough: InterfaceInput = {
      name: 'pthru0',
      type: 'ethernet',
      class: 'pci-passthrough',
      port: { name: 'enp26s0f0', pciAddress: '0000:1a:00.0' },
      datanetworks: ['ptnet0', 'ptnet1'],
    };
    const values = at(
      whitelist(
        withWorker(
          [data, passthrough, sriovParent],
          [
            { address: '0000:3d:00.0', enabled: true },
            { address: '0000:3e:00.0', enabled: false },
          ],
        ),
      ) as never,
      'passthrough_whitelist.values',
    ) as string[];
    expect(values.slice(0, 2)).toEqual(['{"address": "0000:1a:00.0", "physical_network": "ptnet0,ptnet1"}', '{"address": "0000:3d:00.0"}']);
    expect(values.slice(2)).toHaveLength(4);
  });

  test('§3.10.1 no PCI device, passthrough or SR-IOV interface: pci is a real null', () => {
    expect(whitelist(withWorker([data], [{ address: '0000:3d:00.0', enabled: false }]))).toBeNull();
  });
});
