/**
 * System values of the infrastructure, identity and network releases (spec §3.1–3.7, §3.12–3.14):
 * mariadb, garbd, memcached, rabbitmq, ingress-nginx-openstack, nginx-ports-control, keystone,
 * placement, neutron (with its per-host agent lists) and openvswitch.
 */
import { DeploymentProfileInput } from '../../lib/profile/profile';
import { Values } from '../../lib/engine/values';
import { ReleaseName } from '../../releases/names';
import { leaves } from '../support/leaves';
import { aioDuplex, aioSimplex, controller, dataInterface, standard, systemValuesOf, worker } from '../support/profiles';
import { at } from '../support/values-path';
import { CredentialRef } from '../../lib/engine/credentials';
import { CA_PATH } from '../../overrides/system';

type HostInput = DeploymentProfileInput['hosts'][number];
type InterfaceInput = NonNullable<HostInput['interfaces']>[number];


/** Paths of the credential leaves, with their credential ids. */
function credentialLeaves(values: Values): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, value] of leaves(values)) if (value instanceof CredentialRef) out[path] = value.id;
  return out;
}

/** Paths of string leaves under a key that names a credential (must be none). */
function plainSecretLeaves(values: Values): string[] {
  return [...leaves(values)]
    .filter(([path, value]) => typeof value === 'string' && /(^|\.)(password|transport_url|memcache_secret_key|crt|key)$/.test(path))
    .map(([path]) => path);
}

const HTTPS = { enabled: true, certRef: { secretName: 'openstack-tls', caKey: 'ca.crt' } };
const ISSUER = 'https://oam.example.com:30556/dex';

/** Standard system whose workers carry the given interfaces (keyed by worker index). */
function standardWithInterfaces(interfaces: InterfaceInput[][], overrides: Partial<DeploymentProfileInput> = {}): DeploymentProfileInput {
  return standard(0, { hosts: [controller(0, false), controller(1, false), ...interfaces.map((ifs, i) => worker(i, { interfaces: ifs }))], ...overrides });
}

function perHost(values: Values, agent = 'neutron_ovs-agent'): Values[] {
  return at(values, 'conf', 'overrides', `[${agent}]`, 'hosts') as Values[];
}

describe('mariadb', () => {
  it('S01: given AIO-SX with one controller, IPv4 and host ceph, when computing mariadb, then pod.replicas.server is 1', () => {
    const v = systemValuesOf('mariadb', aioSimplex());
    expect(at(v, 'pod.replicas')).toEqual({ server: 1, controller: 1 });
  });

  it('given Standard with two controllers, then both replica counts are C = 2, and 1 when one controller is unavailable', () => {
    expect(at(systemValuesOf('mariadb', standard()), 'pod.replicas')).toEqual({ server: 2, controller: 2 });
    const oneDown = standard(2, { hosts: [controller(0, false), controller(1, false, { available: false }), worker(0)] });
    expect(at(systemValuesOf('mariadb', oneDown), 'pod.replicas')).toEqual({ server: 1, controller: 1 });
  });

  it('given AIO, then conf.database.config_override is the empty string; given Standard, it is absent', () => {
    expect(at(systemValuesOf('mariadb', aioSimplex()), 'conf.database.config_override')).toBe('');
    expect(at(systemValuesOf('mariadb', standard()), 'conf')).toBeUndefined();
  });

  it('given the cluster-service families, then config_ipv6 is true for any family set that is not IPv4-only (§6-6)', () => {
    const families = (f: Array<'ipv4' | 'ipv6'>) => aioSimplex({ network: { ...aioSimplex().network, clusterService: { families: f } } });
    expect(at(systemValuesOf('mariadb', families(['ipv4'])), 'manifests.config_ipv6')).toBe(false);
    expect(at(systemValuesOf('mariadb', families(['ipv4', 'ipv6'])), 'manifests.config_ipv6')).toBe(true);
    expect(at(systemValuesOf('mariadb', families(['ipv6'])), 'manifests.config_ipv6')).toBe(true);
  });

  it('given ceph storage class general, then the volume and backup volume use it', () => {
    const v = systemValuesOf('mariadb', aioSimplex());
    expect(at(v, 'volume')).toEqual({ class_name: 'general', backup: { class_name: 'general' } });
  });

  it('given any profile, then the db admin and the identity users are credential references', () => {
    const v = systemValuesOf('mariadb', aioSimplex());
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

describe('garbd, memcached, nginx-ports-control, openvswitch', () => {
  it('given any profile, when computing garbd, then there are no system values', () => {
    expect(systemValuesOf('garbd', standard())).toEqual({});
  });

  it('given Standard and AIO-SX, when computing memcached, then pod.replicas.server is C', () => {
    expect(systemValuesOf('memcached', standard())).toEqual({ pod: { replicas: { server: 2 } } });
    expect(systemValuesOf('memcached', aioSimplex())).toEqual({ pod: { replicas: { server: 1 } } });
  });

  it('given any profile, when computing nginx-ports-control, then the global network policy is on', () => {
    expect(systemValuesOf('nginx-ports-control', aioSimplex())).toEqual({ manifests: { global_network_policy: true } });
  });

  it('given vswitch ovs or ovs-dpdk, when computing openvswitch, then conf.ovs_dpdk.enabled says whether it is DPDK', () => {
    expect(systemValuesOf('openvswitch', aioSimplex())).toEqual({ conf: { ovs_dpdk: { enabled: false } } });
    expect(systemValuesOf('openvswitch', aioSimplex({ vswitch: 'ovs-dpdk' }))).toEqual({ conf: { ovs_dpdk: { enabled: true } } });
  });
});

describe('rabbitmq', () => {
  const cpus = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('S05: given AIO with 20 platform CPUs and 30 MiB platform memory on controller-0 and C = 2, then limits, io threads and replicas follow', () => {
    const profile = aioDuplex({
      hosts: [controller(0, true, { cpus: { platform: cpus(20), application: [] }, numa: [{ node: 0, platformReservedMiB: 30 }] }), controller(1, true)],
    });
    const v = systemValuesOf('rabbitmq', profile);
    expect(at(v, 'pod.resources')).toEqual({
      enabled: true,
      server: { limits: { cpu: '20000m', memory: '30Mi' } },
      prometheus_rabbitmq_exporter: { limits: { cpu: '20000m', memory: '30Mi' } },
    });
    expect(at(v, 'io_thread_pool')).toEqual({ enabled: true, size: '320' });
    expect(at(v, 'pod.replicas.server')).toBe(2);
  });

  it('S06: given AIO with 3 platform CPUs, then the io thread pool is enabled and clamped up to "64"', () => {
    const v = systemValuesOf('rabbitmq', aioSimplex({ hosts: [controller(0, true, { cpus: { platform: cpus(3), application: [] } })] }));
    expect(at(v, 'io_thread_pool')).toEqual({ enabled: true, size: '64' });
  });

  it('given AIO with 100 platform CPUs, then the io thread pool is clamped down to "1024"', () => {
    const v = systemValuesOf('rabbitmq', aioSimplex({ hosts: [controller(0, true, { cpus: { platform: cpus(100), application: [] } })] }));
    expect(at(v, 'io_thread_pool.size')).toBe('1024');
  });

  it('given Standard, then resources and io threads are disabled with the zero limits the platform computes', () => {
    const v = systemValuesOf('rabbitmq', standard());
    expect(at(v, 'pod.resources')).toEqual({
      enabled: false,
      server: { limits: { cpu: '0000m', memory: '0Mi' } },
      prometheus_rabbitmq_exporter: { limits: { cpu: '0000m', memory: '0Mi' } },
    });
    expect(at(v, 'io_thread_pool')).toEqual({ enabled: false, size: '64' });
    expect(at(v, 'pod.replicas.server')).toBe(2);
  });

  it('S07: given ceph with storageClass ceph-rbd and the default priority, then volume.class_name is ceph-rbd', () => {
    const v = systemValuesOf('rabbitmq', aioSimplex({ storage: { ceph: { kind: 'host', storageClass: 'ceph-rbd' } } }));
    expect(at(v, 'volume.class_name')).toBe('ceph-rbd');
  });

  it('S08: given no ceph and a netapp-nfs class netapp-nas-backend, then volume.class_name is netapp-nas-backend', () => {
    const v = systemValuesOf('rabbitmq', aioSimplex({ storage: { ceph: { kind: 'none' }, netapp: { nfs: { storageClass: 'netapp-nas-backend' } } } }));
    expect(at(v, 'volume.class_name')).toBe('netapp-nas-backend');
  });

  it('S09: given a rabbitmq priority of unknown backends only, then volume.class_name is null', () => {
    const v = systemValuesOf('rabbitmq', aioSimplex({ storage: { ceph: { kind: 'host' }, selection: { rabbitmq: { priority: ['foo', 'bar'] } } } }));
    expect(at(v, 'volume')).toEqual({ class_name: null });
  });

  it('S10: given a primary IPv6 cluster-service family, then manifests.config_ipv6 is true (false for IPv4-primary dual-stack)', () => {
    const families = (f: Array<'ipv4' | 'ipv6'>) => aioSimplex({ network: { ...aioSimplex().network, clusterService: { families: f } } });
    expect(at(systemValuesOf('rabbitmq', families(['ipv6', 'ipv4'])), 'manifests.config_ipv6')).toBe(true);
    expect(at(systemValuesOf('rabbitmq', families(['ipv6'])), 'manifests.config_ipv6')).toBe(true);
    expect(at(systemValuesOf('rabbitmq', families(['ipv4', 'ipv6'])), 'manifests.config_ipv6')).toBe(false);
  });

  it('given any profile, then the messaging user is rabbitmq-admin with the shared admin password, and the Erlang cookie is a credential', () => {
    const v = systemValuesOf('rabbitmq', aioSimplex());
    expect(at(v, 'endpoints.oslo_messaging.auth.user.username')).toBe('rabbitmq-admin');
    expect(credentialLeaves(v)).toEqual({
      'endpoints.oslo_messaging.auth.user.password': 'rabbit-admin-password',
      'endpoints.oslo_messaging.auth.erlang_cookie': 'rabbit-erlang-cookie',
    });
  });
});

describe('ingress-nginx-openstack', () => {
  it('given AIO with platform limits, then replicas are C and both pods are limited to the platform reservation', () => {
    const profile = aioDuplex({
      hosts: [controller(0, true, { cpus: { platform: [0, 1], application: [] }, numa: [{ node: 0, platformReservedMiB: 4000 }, { node: 1, platformReservedMiB: 2000 }] }), controller(1, true)],
    });
    expect(systemValuesOf('ingress-nginx-openstack', profile)).toEqual({
      controller: { replicaCount: 2, resources: { limits: { cpu: '2000m', memory: '6000Mi' } } },
      defaultBackend: { replicaCount: 2, resources: { limits: { cpu: '2000m', memory: '6000Mi' } } },
    });
  });

  it('given Standard, then only the replica counts are set', () => {
    expect(systemValuesOf('ingress-nginx-openstack', standard())).toEqual({ controller: { replicaCount: 2 }, defaultBackend: { replicaCount: 2 } });
  });
});

describe('keystone', () => {
  it('given Standard over http without a domain, then the fixed keys, replicas and empty endpoint maps are emitted', () => {
    const v = systemValuesOf('keystone', standard());
    expect(at(v, 'pod')).toEqual({ replicas: { api: 2 }, lifecycle: { termination_grace_period: { api: { timeout: 60 } } } });
    expect(at(v, 'conf.keystone.DEFAULT')).toEqual({ max_token_size: 255, debug: false, use_syslog: true, syslog_log_facility: 'local2', log_file: '/dev/null' });
    expect(at(v, 'conf.keystone.database')).toEqual({ idle_timeout: 60, max_pool_size: 1, max_overflow: 50 });
    expect(at(v, 'conf.keystone.oslo_middleware.enable_proxy_headers_parsing')).toBe(true);
    expect(at(v, 'conf.keystone.token.provider')).toBe('fernet');
    expect(at(v, 'conf.keystone.identity.driver')).toBe('sql');
    expect(at(v, 'conf.keystone.assignment.driver')).toBe('sql');
    expect(at(v, 'conf.keystone.auth')).toBeUndefined();
    expect(at(v, 'endpoints.identity.host_fqdn_override')).toEqual({ public: {} });
    expect(at(v, 'endpoints.identity.port')).toEqual({});
    expect(at(v, 'endpoints.identity.scheme')).toEqual({});
    expect(at(v, 'network.api.ingress.admin')).toBe(false);
    expect(at(v, 'secrets')).toBeUndefined();
    expect(at(v, 'manifests')).toBeUndefined();
    expect(at(v, 'conf.federation')).toEqual({ dex_idp: { provider_remote_id: '' }, external: { keystone: '', horizon: '', dex: '' } });
  });

  it('given no password rules, then the platform default rules are used', () => {
    const v = systemValuesOf('keystone', aioSimplex());
    const rules = at(v, 'conf.keystone.security_compliance') as Values;
    expect(rules.unique_last_password_count).toBe(2);
    expect(rules.password_regex).toBe(String.raw`^(?=.*\d)(?=.*[a-z])(?=.*[A-Z])(?=.*[!@#$%^&*()<>{}+=_\\[\]\-?|~` + '`' + String.raw`,.;:]).{7,}$`);
    expect(rules.password_regex_description).toBe(
      'Password must have a minimum length of 7 characters, and must contain at least 1 upper case, 1 lower case, 1 digit, and 1 special character',
    );
    const regex = new RegExp(rules.password_regex as string);
    expect(regex.test('Abcdef1!')).toBe(true);
    expect(regex.test('Abcdef1\\')).toBe(true);
    expect(regex.test('abcdef1!')).toBe(false);
  });

  it('given keystone.passwordRules, then they replace the default rules', () => {
    const v = systemValuesOf('keystone', aioSimplex({ keystone: { passwordRules: { uniqueLastPasswordCount: 5, regex: '^.{12,}$', regexDescription: 'At least 12 characters' } } }));
    expect(at(v, 'conf.keystone.security_compliance')).toEqual({ unique_last_password_count: 5, password_regex: '^.{12,}$', password_regex_description: 'At least 12 characters' });
  });

  it('given any profile, then conf.policy is the fixed platform policy with protected services as single-element lists', () => {
    const policy = at(systemValuesOf('keystone', aioSimplex()), 'conf.policy') as Values;
    expect(Object.keys(policy)).toHaveLength(19);
    expect(policy.admin_required).toBe('role:admin or is_admin:1');
    expect(policy.protected_roles).toBe("'admin':%(target.role.name)s or 'heat_admin':%(target.user.name)s");
    expect(policy.protected_services).toEqual(
      ['aodh', 'barbican', 'ceilometer', 'cinder', 'glance', 'heat', 'neutron', 'nova', 'patching', 'sysinv', 'mtce', 'magnum', 'gnocchi'].map((s) => [`'${s}':%(target.user.name)s`]),
    );
    expect(policy['identity:delete_user']).toBe(
      '((rule:admin_required) or (role:manager and token.domain.id:%(target.user.domain_id)s)) and not (rule:protected_admins or rule:protected_services)',
    );
    expect(policy['identity:change_password']).toBe('rule:admin_or_owner and not rule:protected_services');
  });

  it('S34: given https, then the internal TLS secret is keystone-tls-public and every identity user carries the CA path', () => {
    const v = systemValuesOf('keystone', aioSimplex({ https: HTTPS }));
    expect(at(v, 'secrets.tls.identity.api.internal')).toBe('keystone-tls-public');
    expect(at(v, 'endpoints.identity.auth.stx_admin.cacert')).toBe(CA_PATH);
    expect(at(v, 'endpoints.identity.auth.admin.cacert')).toBe(CA_PATH);
    expect(at(v, 'endpoints.identity.auth.test.cacert')).toBe(CA_PATH);
    expect(at(v, 'manifests')).toEqual({ certificates: true });
    expect(at(v, 'endpoints.identity.port')).toEqual({ api: { public: 443 } });
    expect(at(v, 'endpoints.identity.scheme')).toEqual({ public: 'https' });
  });

  it('given https and an endpoint domain, then the public FQDN and TLS material are set and the TLS leaves are credentials', () => {
    const v = systemValuesOf('keystone', aioSimplex({ https: HTTPS, endpoints: { domain: 'cloud.example.com' } }));
    expect(at(v, 'endpoints.identity.host_fqdn_override.public.host')).toBe('keystone.cloud.example.com');
    expect(credentialLeaves(v)).toMatchObject({
      'endpoints.identity.host_fqdn_override.public.tls.crt': 'tls.crt',
      'endpoints.identity.host_fqdn_override.public.tls.key': 'tls.key',
      'endpoints.identity.host_fqdn_override.public.tls.ca': 'tls.ca',
    });
    expect(at(v, 'conf.federation.external')).toEqual({ keystone: 'https://keystone.cloud.example.com', horizon: 'https://horizon.cloud.example.com', dex: '' });
  });

  it('given a custom FQDN pattern, then the public host follows it', () => {
    const v = systemValuesOf('keystone', aioSimplex({ endpoints: { domain: 'example.com', fqdnPattern: '{service_name}-os.{endpoint_domain}' } }));
    expect(at(v, 'endpoints.identity.host_fqdn_override.public')).toEqual({ host: 'keystone-os.example.com' });
  });

  it('given any profile, then admin, test and stx_admin are the identity users and every credential is a reference', () => {
    const v = systemValuesOf('keystone', aioSimplex());
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin']);
    expect(at(v, 'endpoints.identity.auth.admin.username')).toBe('admin');
    expect(credentialLeaves(v)).toEqual({
      'conf.keystone.oslo_messaging_notifications.transport_url': 'notification-url.keystone',
      'endpoints.identity.auth.admin.password': 'admin-password',
      'endpoints.identity.auth.test.password': 'test-password.keystone',
      'endpoints.identity.auth.stx_admin.password': 'stx-admin-password',
      'endpoints.oslo_db.auth.admin.password': 'db-admin-password',
      'endpoints.oslo_db.auth.keystone.password': 'db-password.keystone',
      'endpoints.oslo_messaging.auth.admin.password': 'rabbit-admin-password',
      'endpoints.oslo_messaging.auth.keystone.password': 'rabbit-password.keystone',
    });
    expect(at(v, 'endpoints.oslo_messaging.auth.keystone.username')).toBe('keystone-rabbitmq-user');
    expect(plainSecretLeaves(v)).toEqual([]);
  });

  it('given an OIDC issuer but DEX disabled, then the issuer is still emitted and DEX stays off', () => {
    const v = systemValuesOf('keystone', aioSimplex({ platform: { oidcIssuerUrl: ISSUER } }));
    expect(at(v, 'conf.federation.dex_idp')).toEqual({ provider_remote_id: ISSUER });
    expect(at(v, 'conf.federation.external.dex')).toBe(ISSUER);
    expect(at(v, 'conf.keystone.auth')).toBeUndefined();
  });

  it('S35: given DEX enabled with a domain and an issuer, then dex_idp is enabled and openid ends the auth methods', () => {
    const v = systemValuesOf('keystone', aioSimplex({ keystone: { dex: { enabled: true } }, endpoints: { domain: 'example.com' }, platform: { oidcIssuerUrl: ISSUER } }));
    expect(at(v, 'conf.federation.dex_idp')).toEqual({ provider_remote_id: ISSUER, enabled: true });
    const methods = (at(v, 'conf.keystone.auth.methods') as string).split(',');
    expect(methods[methods.length - 1]).toBe('openid');
    expect(methods.filter((m) => m === 'mapped')).toHaveLength(1);
    expect(methods).toEqual(['external', 'password', 'token', 'oauth1', 'mapped', 'application_credential', 'openid']);
    expect(at(v, 'conf.keystone.federation.trusted_dashboard')).toEqual({
      type: 'multistring',
      values: ['https://horizon.example.com/auth/websso/', 'http://horizon.example.com/auth/websso/'],
    });
    expect(at(v, 'conf.federation.external')).toEqual({ keystone: 'http://keystone.example.com', horizon: 'http://horizon.example.com', dex: ISSUER });
  });
});

describe('placement', () => {
  it('given Standard over http, then replicas are C and identity is keystone with the placement user', () => {
    const v = systemValuesOf('placement', standard());
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
    const v = systemValuesOf('placement', aioSimplex({ https: HTTPS, endpoints: { domain: 'example.com' } }));
    expect(at(v, 'conf.placement.keystone_authtoken.cafile')).toBe(CA_PATH);
    expect(at(v, 'manifests.certificates')).toBe(true);
    expect(at(v, 'endpoints.placement.host_fqdn_override.public.host')).toBe('placement.example.com');
    expect(at(v, 'endpoints.placement.port')).toEqual({ api: { public: 443 } });
    expect(at(v, 'endpoints.placement.scheme')).toEqual({ public: 'https' });
    expect(at(v, 'endpoints.identity.auth.placement.cacert')).toBe(CA_PATH);
  });
});

describe('neutron', () => {
  it('given Standard with two workers, then replicas are C and DHCP agents are min(3, compute hosts)', () => {
    const v = systemValuesOf('neutron', standard(2));
    expect(at(v, 'pod.replicas')).toEqual({ server: 2, rpc_server: 2 });
    expect(at(v, 'conf.neutron.DEFAULT.dhcp_agents_per_network')).toBe(2);
    expect(at(systemValuesOf('neutron', standard(5)), 'conf.neutron.DEFAULT.dhcp_agents_per_network')).toBe(3);
  });

  it('given AIO-SX and AIO-DX, then DHCP agents per network are 1 and 2', () => {
    expect(at(systemValuesOf('neutron', aioSimplex()), 'conf.neutron.DEFAULT.dhcp_agents_per_network')).toBe(1);
    expect(at(systemValuesOf('neutron', aioDuplex()), 'conf.neutron.DEFAULT.dhcp_agents_per_network')).toBe(2);
    expect(at(systemValuesOf('neutron', aioDuplex({ system: { type: 'aio', mode: 'duplex-direct' } })), 'conf.neutron.DEFAULT.dhcp_agents_per_network')).toBe(2);
  });

  it('S20: given datanetworks data0, data1 (vlan), dn-flat (flat) and dn-vlan (vlan), then the VLAN ranges list the VLAN names', () => {
    const v = systemValuesOf(
      'neutron',
      aioSimplex({
        datanetworks: [
          { name: 'data0', type: 'vlan', mtu: 1500 },
          { name: 'data1', type: 'vlan', mtu: 1500 },
          { name: 'dn-flat', type: 'flat', mtu: 9000 },
          { name: 'dn-vlan', type: 'vlan', mtu: 1400 },
        ],
      }),
    );
    expect(at(v, 'conf.plugins.ml2_conf')).toEqual({
      ml2: { physical_network_mtus: 'data0:1500,data1:1500,dn-flat:9000,dn-vlan:1400' },
      ml2_type_flat: { flat_networks: 'dn-flat' },
      ml2_type_vlan: { network_vlan_ranges: 'data0,data1,dn-vlan' },
    });
  });

  it('given no flat datanetwork, then flat_networks is the empty string', () => {
    expect(at(systemValuesOf('neutron', aioSimplex()), 'conf.plugins.ml2_conf.ml2_type_flat.flat_networks')).toBe('');
  });

  it('S21: given vswitch ovs, then the L3 agent daemonset is on; given vswitch none, it is off', () => {
    expect(at(systemValuesOf('neutron', standard()), 'manifests.daemonset_l3_agent')).toBe(true);
    expect(at(systemValuesOf('neutron', standard(2, { vswitch: 'ovs-dpdk' })), 'manifests.daemonset_l3_agent')).toBe(true);
    expect(at(systemValuesOf('neutron', standard(2, { vswitch: 'none' })), 'manifests.daemonset_l3_agent')).toBe(false);
  });

  it('S22: given two compute workers with identical interfaces, then the per-host list has one entry naming both', () => {
    const v = systemValuesOf('neutron', standard(2));
    const hosts = perHost(v);
    expect(hosts).toHaveLength(1);
    expect(hosts[0].name).toEqual(['worker-0', 'worker-1']);
    expect(hosts[0].conf).toEqual({
      plugins: {
        openvswitch_agent: {
          ovs: { integration_bridge: 'br-int', datapath_type: 'system', vhostuser_socket_dir: '/var/run/openvswitch', bridge_mappings: 'data0:br-phy0,data1:br-phy1,' },
          agent: {},
        },
        sriov_agent: { securitygroup: { firewall_driver: 'noop' }, agent: { root_helper: '' }, sriov_nic: { physical_device_mappings: '' } },
      },
      auto_bridge_add: { 'br-phy0': 'data0', 'br-phy1': 'data1' },
    });
  });

  it('S23: given four workers where worker-0/2 and worker-1/3 have different bridges, then there are two grouped entries', () => {
    const setA = [dataInterface('enp1', 'data0'), dataInterface('enp2', 'data1')];
    const setB = [dataInterface('ens1', 'data0'), dataInterface('ens2', 'data1')];
    const hosts = perHost(systemValuesOf('neutron', standardWithInterfaces([setA, setB, setA, setB])));
    expect(hosts.map((h) => h.name)).toEqual([
      ['worker-0', 'worker-2'],
      ['worker-1', 'worker-3'],
    ]);
    expect(at(hosts[0], 'conf.auto_bridge_add')).toEqual({ 'br-phy0': 'enp1', 'br-phy1': 'enp2' });
    expect(at(hosts[1], 'conf.auto_bridge_add')).toEqual({ 'br-phy0': 'ens1', 'br-phy1': 'ens2' });
  });

  it('given any profile, then all five agents get the same per-host list', () => {
    const v = systemValuesOf('neutron', standard(2));
    const overrides = at(v, 'conf.overrides') as Values;
    expect(Object.keys(overrides)).toEqual(['neutron_ovs-agent', 'neutron_dhcp-agent', 'neutron_l3-agent', 'neutron_metadata-agent', 'neutron_sriov-agent']);
    for (const agent of Object.keys(overrides)) expect(perHost(v, agent)).toEqual(perHost(v));
  });

  it('given only unprovisioned or non-compute hosts besides one worker, then only compute hosts are listed', () => {
    const profile = standard(0, {
      hosts: [controller(0, false), controller(1, false), worker(0, { provisioned: false }), worker(1), worker(2, { labels: { openvswitch: 'enabled' } })],
    });
    expect(perHost(systemValuesOf('neutron', profile)).map((h) => h.name)).toEqual([['worker-1']]);
  });

  it('given AIO, then the controllers are the compute hosts of the per-host list', () => {
    expect(perHost(systemValuesOf('neutron', aioDuplex())).map((h) => h.name)).toEqual([['controller-0', 'controller-1']]);
  });

  it('given interfaces of every type, then they are ordered ethernet, ae, then others by name, and port names are resolved', () => {
    const interfaces: InterfaceInput[] = [
      { name: 'vlan200', type: 'vlan', class: 'data', uses: ['bond0'], datanetworks: ['dn-c'] },
      { name: 'bond0', type: 'ae', class: 'data', uses: ['eth4', 'eth5'], datanetworks: ['dn-b'] },
      { name: 'eth4.300', type: 'vlan', class: 'data', uses: ['eth4'], datanetworks: ['dn-d'] },
      dataInterface('zeth', 'dn-a'),
      { name: 'sriov0', type: 'ethernet', class: 'pci-sriov', port: { name: 'enp24s0f0', pciAddress: '0000:18:00.0' }, sriovNumVfs: 4, datanetworks: ['dn-e'] },
      { name: 'vf0', type: 'vf', class: 'pci-sriov', uses: ['sriov0'], sriovNumVfs: 2, datanetworks: ['dn-f'] },
      { name: 'mgmt0', type: 'ethernet', class: 'platform', port: { name: 'eno1', pciAddress: '0000:01:00.0' }, datanetworks: [] },
      { name: 'pt0', type: 'ethernet', class: 'pci-passthrough', port: { name: 'eno2', pciAddress: '0000:01:00.1' }, datanetworks: ['dn-a'] },
    ];
    const datanetworks = ['dn-a', 'dn-b', 'dn-c', 'dn-d', 'dn-e', 'dn-f'].map((name) => ({ name, type: name === 'dn-b' ? ('flat' as const) : ('vlan' as const), mtu: 1500 }));
    const hosts = perHost(systemValuesOf('neutron', standardWithInterfaces([interfaces], { datanetworks })));
    const conf = hosts[0].conf as Values;
    // ethernet (sriov0, zeth), ae (bond0), then others by name (eth4.300, vf0, vlan200).
    expect(at(conf, 'plugins.openvswitch_agent.ovs.bridge_mappings')).toBe('dn-e:br-phy0,dn-a:br-phy1,dn-b:br-phy2,dn-d:br-phy3,dn-f:br-phy4,dn-c:br-phy5,');
    expect(at(conf, 'auto_bridge_add')).toEqual({
      'br-phy0': 'enp24s0f0',
      'br-phy1': 'zeth',
      'br-phy2': 'bond0',
      'br-phy3': 'eth4#300',
      'br-phy4': 'enp24s0f0',
      'br-phy5': 'vlan#200',
    });
    expect(at(conf, 'plugins.sriov_agent.sriov_nic.physical_device_mappings')).toBe('dn-e:enp24s0f0,dn-f:enp24s0f0,');
  });

  it('given a data interface on a vxlan datanetwork with an address, then it sets local_ip and the vxlan tunnel type without a bridge', () => {
    const interfaces: InterfaceInput[] = [
      dataInterface('data0', 'data0'),
      { name: 'tun0', type: 'ethernet', class: 'data', port: { name: 'enp5', pciAddress: '0000:05:00.0' }, datanetworks: ['vx'], addresses: ['192.168.50.10', '192.168.50.11'] },
    ];
    const datanetworks = [
      { name: 'data0', type: 'vlan' as const, mtu: 1500 },
      { name: 'vx', type: 'vxlan' as const, mtu: 1450 },
    ];
    const conf = perHost(systemValuesOf('neutron', standardWithInterfaces([interfaces], { datanetworks })))[0].conf as Values;
    expect(at(conf, 'plugins.openvswitch_agent')).toEqual({
      ovs: {
        integration_bridge: 'br-int',
        datapath_type: 'system',
        vhostuser_socket_dir: '/var/run/openvswitch',
        bridge_mappings: 'data0:br-phy0,',
        local_ip: '192.168.50.10',
      },
      agent: { tunnel_types: 'vxlan' },
    });
    expect(at(conf, 'auto_bridge_add')).toEqual({ 'br-phy0': 'data0' });
  });

  describe('§3.12.1 bridge_mappings: one br-phy<i> per flat/vlan datanetwork with a port, the key left out when a host has none', () => {
    const datanetworks = [
      { name: 'dn-vlan', type: 'vlan' as const, mtu: 1500 },
      { name: 'dn-flat', type: 'flat' as const, mtu: 1500 },
      { name: 'vx', type: 'vxlan' as const, mtu: 1450 },
    ];
    const tunnel = (name: string, addresses: string[] = ['192.168.50.10']): InterfaceInput => ({ ...dataInterface(name, 'vx'), addresses });
    const cases: Array<[string, string | undefined, InterfaceInput[]]> = [
      ['a vlan data interface', 'dn-vlan:br-phy0,', [dataInterface('eth0', 'dn-vlan')]],
      ['a flat data and a vlan pci-sriov interface', 'dn-flat:br-phy0,dn-vlan:br-phy1,', [dataInterface('eth0', 'dn-flat'), { ...dataInterface('eth1', 'dn-vlan'), class: 'pci-sriov' }]],
      ['only a vxlan data interface', undefined, [tunnel('tun0')]],
      ['a vlan pci-passthrough interface and a vxlan data interface', undefined, [{ ...dataInterface('pt0', 'dn-vlan'), class: 'pci-passthrough' }, tunnel('tun0')]],
      ['a vlan vf interface whose lower interface is missing', undefined, [{ name: 'vf0', type: 'vf', class: 'pci-sriov', uses: ['gone'], datanetworks: ['dn-vlan'] }, tunnel('tun0')]],
    ];

    it.each(cases)('given a compute host with %s, then bridge_mappings is %p', (_, expected, interfaces) => {
      const ovs = at(perHost(systemValuesOf('neutron', standardWithInterfaces([interfaces], { datanetworks })))[0], 'conf.plugins.openvswitch_agent.ovs') as Values;
      expect(ovs.bridge_mappings).toBe(expected);
      expect('bridge_mappings' in ovs).toBe(expected !== undefined);
    });

    it('given one worker with bridges and one without, then only the first entry carries bridge_mappings', () => {
      const hosts = perHost(systemValuesOf('neutron', standardWithInterfaces([[dataInterface('eth0', 'dn-vlan')], [tunnel('tun0')]], { datanetworks })));
      expect(hosts.map((h) => h.name)).toEqual([['worker-0'], ['worker-1']]);
      expect(hosts.map((h) => 'bridge_mappings' in (at(h, 'conf.plugins.openvswitch_agent.ovs') as Values))).toEqual([true, false]);
    });
  });

  describe('§3.12.1 local_ip: the first address of the last vxlan data interface in (type, name) order, left out when it has none', () => {
    const datanetworks = [
      { name: 'data0', type: 'vlan' as const, mtu: 1500 },
      { name: 'vx', type: 'vxlan' as const, mtu: 1450 },
    ];
    const vxlan = (name: string, type: InterfaceInput['type'], addresses: string[], cls: InterfaceInput['class'] = 'data'): InterfaceInput =>
      type === 'ethernet'
        ? { name, type, class: cls, port: { name, pciAddress: '0000:05:00.0' }, datanetworks: ['vx'], addresses }
        : { name, type, class: cls, uses: ['data0'], datanetworks: ['vx'], addresses };
    const cases: Array<[string, string | undefined, InterfaceInput[]]> = [
      ['one with two addresses', '10.0.0.1', [vxlan('tun0', 'ethernet', ['10.0.0.1', '10.0.0.2'])]],
      ['two ethernet ones, listed by name', '10.0.0.2', [vxlan('tun0', 'ethernet', ['10.0.0.1']), vxlan('tun1', 'ethernet', ['10.0.0.2'])]],
      ['two ethernet ones, listed in reverse', '10.0.0.2', [vxlan('tun1', 'ethernet', ['10.0.0.2']), vxlan('tun0', 'ethernet', ['10.0.0.1'])]],
      ['an ae after an ethernet one whose name sorts later', '10.0.0.3', [vxlan('bond0', 'ae', ['10.0.0.3']), vxlan('zeth', 'ethernet', ['10.0.0.1'])]],
      ['a vlan after an ae one', '10.0.0.4', [vxlan('vlan100', 'vlan', ['10.0.0.4']), vxlan('bond0', 'ae', ['10.0.0.3'])]],
      ['a last one without address after one with an address', undefined, [vxlan('tun0', 'ethernet', ['10.0.0.1']), vxlan('tun1', 'ethernet', [])]],
      ['a data one and a later pci-sriov one (not data)', '10.0.0.1', [vxlan('tun0', 'ethernet', ['10.0.0.1']), vxlan('zsriov', 'ethernet', ['10.0.0.9'], 'pci-sriov')]],
    ];

    it.each(cases)('given vxlan interfaces: %s, then local_ip is %p and the tunnel type is vxlan', (_, expected, tunnels) => {
      const interfaces = [dataInterface('data0', 'data0'), ...tunnels];
      const agent = at(perHost(systemValuesOf('neutron', standardWithInterfaces([interfaces], { datanetworks })))[0], 'conf.plugins.openvswitch_agent') as Values;
      expect(at(agent, 'ovs.local_ip')).toBe(expected);
      expect('local_ip' in (agent.ovs as Values)).toBe(expected !== undefined);
      expect(agent.agent).toEqual({ tunnel_types: 'vxlan' });
    });

    it('given no vxlan data interface, then neither local_ip nor a tunnel type is set', () => {
      const agent = at(perHost(systemValuesOf('neutron', standard(2)))[0], 'conf.plugins.openvswitch_agent') as Values;
      expect('local_ip' in (agent.ovs as Values)).toBe(false);
      expect(agent.agent).toEqual({});
    });
  });

  it('given vswitch ovs-dpdk, then the datapath is netdev; given vswitch none, there is no auto_bridge_add', () => {
    const dpdk = perHost(systemValuesOf('neutron', standard(2, { vswitch: 'ovs-dpdk' })))[0].conf as Values;
    expect(at(dpdk, 'plugins.openvswitch_agent.ovs.datapath_type')).toBe('netdev');
    expect(at(dpdk, 'auto_bridge_add')).toEqual({ 'br-phy0': 'data0', 'br-phy1': 'data1' });
    const none = perHost(systemValuesOf('neutron', standard(2, { vswitch: 'none' })))[0].conf as Values;
    expect(at(none, 'auto_bridge_add')).toBeUndefined();
    expect(at(none, 'plugins.openvswitch_agent.ovs.bridge_mappings')).toBe('data0:br-phy0,data1:br-phy1,');
  });

  it('given vswitch ovs or ovs-dpdk, then vswitch_labels lists the labels in order', () => {
    expect(at(systemValuesOf('neutron', standard()), 'vswitch_labels')).toEqual(['openvswitch=enabled']);
    const dpdkWorker = (n: number) => worker(n, { labels: { 'openstack-compute-node': 'enabled', openvswitch: 'enabled', dpdk: 'enabled' } });
    const profile = standard(0, { hosts: [controller(0, false), controller(1, false), dpdkWorker(0), dpdkWorker(1)] });
    expect(at(systemValuesOf('neutron', profile), 'vswitch_labels')).toEqual(['openvswitch=enabled', 'dpdk=enabled']);
  });

  it('S39: given one compute host labelled openvswitch=enabled and another unlabelled, then vswitch_labels is [none]', () => {
    const profile = standard(0, {
      hosts: [controller(0, false), controller(1, false), worker(0), worker(1, { labels: { 'openstack-compute-node': 'enabled' } })],
    });
    const v = systemValuesOf('neutron', profile);
    expect(at(v, 'vswitch_labels')).toEqual(['none']);
    expect(at(v, 'manifests.daemonset_l3_agent')).toBe(false);
  });

  it('given any profile, then the paste key with a dot and a colon is set', () => {
    const v = systemValuesOf('neutron', aioSimplex());
    expect(at(v, 'conf', 'paste', '[app:neutronversions]', '[paste.app_factory]')).toBe('neutron.pecan_wsgi.app:versions_factory');
  });

  it('given any profile, then identity, database, messaging and cache credentials are references', () => {
    const v = systemValuesOf('neutron', standard());
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin', 'neutron', 'nova', 'placement', 'designate', 'ironic']);
    expect(credentialLeaves(v)).toEqual({
      'endpoints.identity.auth.admin.password': 'admin-password',
      'endpoints.identity.auth.test.password': 'test-password.neutron',
      'endpoints.identity.auth.stx_admin.password': 'stx-admin-password',
      'endpoints.identity.auth.neutron.password': 'user-password.neutron',
      'endpoints.identity.auth.nova.password': 'user-password.nova',
      'endpoints.identity.auth.placement.password': 'user-password.placement',
      'endpoints.identity.auth.designate.password': 'user-password.designate',
      'endpoints.identity.auth.ironic.password': 'user-password.ironic',
      'endpoints.oslo_cache.auth.memcache_secret_key': 'memcache-secret-key',
      'endpoints.oslo_db.auth.admin.password': 'db-admin-password',
      'endpoints.oslo_db.auth.neutron.password': 'db-password.neutron',
      'endpoints.oslo_messaging.auth.admin.password': 'rabbit-admin-password',
      'endpoints.oslo_messaging.auth.neutron.password': 'rabbit-password.neutron',
      'conf.metadata_agent.DEFAULT.metadata_proxy_shared_secret': 'metadata-proxy-shared-secret',
      'conf.ovn_metadata_agent.DEFAULT.metadata_proxy_shared_secret': 'metadata-proxy-shared-secret',
    });
    expect(plainSecretLeaves(v)).toEqual([]);
    expect(at(v, 'endpoints.network')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
  });

  it('given https and a domain, then CA paths, certificates and the public endpoint are set', () => {
    const v = systemValuesOf('neutron', standard(2, { https: HTTPS, endpoints: { domain: 'example.com' } }));
    expect(at(v, 'conf.neutron.keystone_authtoken.cafile')).toBe(CA_PATH);
    expect(at(v, 'conf.neutron.nova.cafile')).toBe(CA_PATH);
    expect(at(v, 'conf.neutron.DEFAULT.dhcp_agents_per_network')).toBe(2);
    expect(at(v, 'conf.metadata_agent.DEFAULT.auth_ca_cert')).toBe(CA_PATH);
    expect(at(v, 'manifests')).toEqual({ daemonset_l3_agent: true, certificates: true });
    expect(at(v, 'endpoints.network.host_fqdn_override.public.host')).toBe('neutron.example.com');
    expect(at(v, 'endpoints.network.port')).toEqual({ api: { public: 443 } });
    expect(at(v, 'endpoints.identity.auth.ironic.cacert')).toBe(CA_PATH);
  });
});

describe('purity', () => {
  const releases: ReleaseName[] = ['mariadb', 'garbd', 'memcached', 'rabbitmq', 'ingress-nginx-openstack', 'nginx-ports-control', 'keystone', 'placement', 'neutron', 'openvswitch'];
  it.each(releases)('given the same profile twice, when computing %s, then the values are equal', (release) => {
    const profile = standard(3, { https: HTTPS, endpoints: { domain: 'example.com' } });
    expect(systemValuesOf(release, profile)).toEqual(systemValuesOf(release, profile));
  });
});
