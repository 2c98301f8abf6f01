/**
 * System values of the P1/P2/P3 service releases (spec §3.15–§3.22): nova-api-proxy,
 * pci-irq-affinity-agent, horizon, heat, clients, fm-rest-api, telemetry, barbican, ironic,
 * ceph-rgw, dcdbsync and keystone-api-proxy.
 */
import { DeploymentProfileInput } from '../../lib/profile/profile';
import { Value, Values } from '../../lib/engine/values';
import { ReleaseName } from '../../releases/names';
import { aioDuplex, aioSimplex, controller, standard, systemValuesOf, worker } from '../support/profiles';
import { at, credentialAt } from '../support/values-path';
import { CredentialRef } from '../../lib/engine/credentials';
import { renderNotificationUrl } from '../../overrides/system';

const CA = '/etc/ssl/certs/openstack-helm.crt';
const HTTPS = { enabled: true, certRef: { secretName: 'openstack-tls', caKey: 'ca.crt' } };
const DOMAIN = 'openstack.example.com';

const MY_RELEASES: ReleaseName[] = [
  'nova-api-proxy',
  'pci-irq-affinity-agent',
  'horizon',
  'heat',
  'clients',
  'fm-rest-api',
  'ceilometer',
  'aodh',
  'gnocchi',
  'prometheus-openstack-exporter',
  'barbican',
  'ironic',
  'ceph-rgw',
  'dcdbsync',
  'keystone-api-proxy',
];


/** Every leaf of a values tree with its path. */
function leavesOf(value: Value, path = ''): Array<[string, Value]> {
  if (value instanceof CredentialRef || value === null || typeof value !== 'object') return [[path, value]];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (entries.length === 0) return [[path, value]];
  return entries.flatMap(([k, v]) => leavesOf(v, path ? `${path}.${k}` : k));
}


/** Paths whose leaves are credentials [S]: passwords, keys, URLs with passwords, TLS material. */
const SECRET_PATH = /(password|secret_key|transport_url|messaging_urls|connection|\.tls\.(crt|key|ca))(\.|$)/;

describe('credential leaves', () => {
  const profiles: Array<[string, DeploymentProfileInput]> = [
    ['http', standard(2)],
    ['https with a domain', standard(2, { https: HTTPS, endpoints: { domain: DOMAIN } })],
  ];
  for (const release of MY_RELEASES) {
    for (const [label, profile] of profiles) {
      test(`given ${label}, when ${release} values are computed, then every [S] leaf is a CredentialRef and no other leaf is`, () => {
        const leaves = leavesOf(systemValuesOf(release, profile));
        const secretLeaves = leaves.filter(([path]) => SECRET_PATH.test(path));
        for (const [path, value] of secretLeaves) {
          expect({ path, isCredential: value instanceof CredentialRef }).toEqual({ path, isCredential: true });
        }
        for (const [path, value] of leaves.filter(([p]) => !SECRET_PATH.test(p))) {
          expect({ path, isCredential: value instanceof CredentialRef }).toEqual({ path, isCredential: false });
        }
        // No plain string may carry a URL with a password.
        for (const [, value] of leaves) if (typeof value === 'string') expect(value).not.toMatch(/:\/\/[^/]*:[^/]*@/);
      });
    }
  }
});

describe('nova-api-proxy (§3.15)', () => {
  test('S03: given a Standard system with 1 available controller, when nova-api-proxy values are computed, then pod.replicas.proxy is 1', () => {
    const profile = standard(2, { hosts: [controller(0, false), controller(1, false, { available: false }), worker(0), worker(1)] });
    expect(at(systemValuesOf('nova-api-proxy', profile), 'pod.replicas.proxy')).toBe(1);
  });

  test('S04: given AIO-DX with 2 available controllers, when nova-api-proxy values are computed, then pod.replicas.proxy is 2', () => {
    expect(at(systemValuesOf('nova-api-proxy', aioDuplex()), 'pod.replicas.proxy')).toBe(2);
  });

  test('given http, when computed, then uid 0, controller.internal listen, nova identity users and empty endpoint maps', () => {
    const v = systemValuesOf('nova-api-proxy', aioSimplex());
    expect(at(v, 'pod.user.nova_api_proxy.uid')).toBe(0);
    expect(at(v, 'conf.nova_api_proxy.DEFAULT.nfvi_compute_listen')).toBe('controller.internal');
    expect(at(v, 'conf.nova_api_proxy.keystone_authtoken')).toBeUndefined();
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin', 'nova', 'neutron', 'placement']);
    expect(credentialAt(v, 'endpoints.identity.auth.nova.password')).toBe('user-password.nova');
    expect(credentialAt(v, 'endpoints.identity.auth.test.password')).toBe('test-password.nova');
    expect(credentialAt(v, 'endpoints.identity.auth.placement.password')).toBe('user-password.placement');
    expect(at(v, 'endpoints.compute')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
    expect(v.secrets).toBeUndefined();
    expect(v.manifests).toBeUndefined();
  });

  test('given fqdnReady false, when computed, then the proxy listens on the management floating address', () => {
    const profile = aioSimplex({
      system: { type: 'aio', mode: 'simplex', fqdnReady: false },
      network: { clusterHost: { subnet: '192.168.206.0/24', floatingAddress: '192.168.206.1' }, oam: { floatingAddress: '10.10.10.2' }, mgmt: { floatingAddress: '192.168.204.2' } },
    });
    expect(at(systemValuesOf('nova-api-proxy', profile), 'conf.nova_api_proxy.DEFAULT.nfvi_compute_listen')).toBe('192.168.204.2');
  });

  test('given https and a domain, when computed, then the public nova FQDN, TLS, port 443, cafile and secret name are set', () => {
    const v = systemValuesOf('nova-api-proxy', aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'endpoints.compute.host_fqdn_override.public.host')).toBe('nova.openstack.example.com');
    expect(credentialAt(v, 'endpoints.compute.host_fqdn_override.public.tls.crt')).toBe('tls.crt');
    expect(at(v, 'endpoints.compute.port')).toEqual({ api: { public: 443 } });
    expect(at(v, 'endpoints.compute.scheme')).toEqual({ public: 'https' });
    expect(at(v, 'conf.nova_api_proxy.keystone_authtoken.cafile')).toBe(CA);
    expect(at(v, 'secrets.tls.compute.api_proxy.public')).toBe('nova-tls-public');
    expect(at(v, 'manifests')).toEqual({ certificates: true });
    expect(at(v, 'endpoints.identity.auth.neutron.cacert')).toBe(CA);
  });
});

describe('pci-irq-affinity-agent (§3.16)', () => {
  test('given any system, when computed, then identity and rabbit sit under conf.endpoints with nova\'s rabbit account', () => {
    const v = systemValuesOf('pci-irq-affinity-agent', aioSimplex());
    expect(Object.keys(v)).toEqual(['conf']);
    expect(Object.keys(at(v, 'conf.endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin', 'pci-irq-affinity-agent']);
    expect(credentialAt(v, 'conf.endpoints.identity.auth.pci-irq-affinity-agent.password')).toBe('user-password.pci-irq-affinity-agent');
    expect(at(v, 'conf.endpoints.rabbit.rabbit_userid')).toBe('nova-rabbitmq-user');
    expect(credentialAt(v, 'conf.endpoints.rabbit.rabbit_password')).toBe('rabbit-password.nova');
  });

  test('given https, when computed, then identity entries carry the CA', () => {
    const v = systemValuesOf('pci-irq-affinity-agent', aioSimplex({ https: HTTPS }));
    expect(at(v, 'conf.endpoints.identity.auth.admin.cacert')).toBe(CA);
  });
});

describe('horizon (§3.17)', () => {
  test("S33: given https, when horizon values are computed, then https_enabled is 'True', dashboard web port 443 and scheme https", () => {
    const v = systemValuesOf('horizon', aioSimplex({ https: HTTPS }));
    expect(at(v, 'conf.horizon.local_settings.config.https_enabled')).toBe('True');
    expect(at(v, 'endpoints.dashboard.port.web.public')).toBe(443);
    expect(at(v, 'endpoints.dashboard.scheme.public')).toBe('https');
    expect(at(v, 'conf.horizon.local_settings.config.raw.SECURE_PROXY_SSL_HEADER')).toEqual(['HTTP_X_FORWARDED_PROTO', 'https']);
    expect(at(v, 'manifests')).toEqual({ certificates: true });
  });

  test('given http without a domain, when computed, then replicas = C, no https keys, NodePort on, empty CSRF origins', () => {
    const v = systemValuesOf('horizon', aioDuplex());
    const config = at(v, 'conf.horizon.local_settings.config') as Values;
    expect(at(v, 'pod.replicas.server')).toBe(2);
    expect(credentialAt(v, 'conf.horizon.local_settings.config.horizon_secret_key')).toBe('horizon-secret-key');
    expect(config.system_region_name).toBe('RegionOne');
    expect(config.csrf_trusted_origins).toEqual([]);
    expect(config.https_enabled).toBeUndefined();
    expect(config.raw).toBeUndefined();
    expect(config.dc_mode).toBeUndefined();
    expect(config.lockout_retries_num).toBeUndefined();
    expect(at(v, 'endpoints.dashboard')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
    expect(at(v, 'network.node_port.enabled')).toBe(true);
    expect(at(v, 'network.dashboard.ingress.annotations')).toEqual({ 'nginx.ingress.kubernetes.io/proxy-body-size': '2500m' });
    expect(v.manifests).toBeUndefined();
  });

  test('given a domain and https, when computed, then the FQDN, CSRF origin and NodePort follow the domain', () => {
    const v = systemValuesOf('horizon', aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'endpoints.dashboard.host_fqdn_override.public.host')).toBe('horizon.openstack.example.com');
    expect(at(v, 'conf.horizon.local_settings.config.csrf_trusted_origins')).toEqual(['https://horizon.openstack.example.com']);
    expect(at(v, 'network.node_port.enabled')).toBe(false);
  });

  test('given a region and lockout values, when computed, then region and lockout strings are set', () => {
    const v = systemValuesOf(
      'horizon',
      aioSimplex({ system: { type: 'aio', mode: 'simplex', regionName: 'RegionTwo' }, horizon: { lockout: { retries: 3, seconds: 300 } } }),
    );
    expect(at(v, 'conf.horizon.local_settings.config.system_region_name')).toBe('RegionTwo');
    expect(at(v, 'conf.horizon.local_settings.config.lockout_retries_num')).toBe('3');
    expect(at(v, 'conf.horizon.local_settings.config.lockout_period_sec')).toBe('300');
    expect(at(v, 'endpoints.identity.auth.admin.region_name')).toBe('RegionTwo');
  });

  test('given any system, when computed, then (§6-1) admin is horizon-private without username, and oslo_db has horizon', () => {
    const v = systemValuesOf('horizon', aioSimplex());
    expect(at(v, 'endpoints.identity.auth.admin')).toEqual({ region_name: 'RegionOne', password: expect.any(CredentialRef) });
    expect(credentialAt(v, 'endpoints.identity.auth.admin.password')).toBe('chart-user-password.horizon.admin');
    expect(credentialAt(v, 'endpoints.oslo_db.auth.admin.password')).toBe('db-admin-password');
    expect(credentialAt(v, 'endpoints.oslo_db.auth.horizon.password')).toBe('db-password.horizon');
  });

  test('given DEX with https and a domain, when computed, then SSO, the IdP mapping and the keystone URL join the https raw settings', () => {
    const v = systemValuesOf('horizon', aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN }, keystone: { dex: { enabled: true } } }));
    expect(at(v, 'conf.horizon.local_settings.config.auth')).toEqual({
      sso: { enabled: true, initial_choice: 'credentials' },
      idp_mapping: [{ name: 'dex_oidc', label: 'Login with DEX SSO', idp: 'dex', protocol: 'openid' }],
    });
    expect(at(v, 'conf.horizon.local_settings.config.raw')).toEqual({
      SECURE_PROXY_SSL_HEADER: ['HTTP_X_FORWARDED_PROTO', 'https'],
      OPENSTACK_KEYSTONE_URL: 'https://keystone.openstack.example.com/v3',
    });
  });
});

describe('heat (§3.18)', () => {
  test('given AIO-DX over http, when computed, then replicas = C, heat users, notification URL and empty endpoint maps', () => {
    const v = systemValuesOf('heat', aioDuplex());
    expect(at(v, 'pod.replicas')).toEqual({ api: 2, cfn: 2, cloudwatch: 2, engine: 2 });
    const url = at(v, 'conf.heat.oslo_messaging_notifications.transport_url') as CredentialRef;
    expect(url).toBeInstanceOf(CredentialRef);
    expect([url.id, url.kind, url.detail]).toEqual(['notification-url.heat', 'rabbit-url', '/heat']);
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin', 'heat', 'heat_trustee', 'heat_stack_user']);
    expect(credentialAt(v, 'endpoints.identity.auth.heat_trustee.password')).toBe('user-password.heat_trustee');
    expect(credentialAt(v, 'endpoints.oslo_db.auth.heat.password')).toBe('db-password.heat');
    expect(at(v, 'endpoints.oslo_messaging.auth.heat.username')).toBe('heat-rabbitmq-user');
    expect(credentialAt(v, 'endpoints.oslo_messaging.auth.heat.password')).toBe('rabbit-password.heat');
    expect(at(v, 'endpoints.cloudformation')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
    expect(at(v, 'conf.heat.keystone_authtoken')).toBeUndefined();
    expect(v.secrets).toBeUndefined();
    expect(v.manifests).toBeUndefined();
  });

  test('given https and a domain, when computed, then CA files, TLS secret names, FQDNs and certificates are set', () => {
    const v = systemValuesOf('heat', standard(2, { https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'conf.heat.keystone_authtoken.cafile')).toBe(CA);
    for (const section of ['ssl', 'clients', 'clients_aodh', 'clients_neutron', 'clients_cinder', 'clients_glance', 'clients_nova', 'clients_swift', 'clients_heat', 'clients_keystone']) {
      expect(at(v, `conf.heat.${section}.ca_file`)).toBe(CA);
    }
    expect(at(v, 'secrets.tls.orchestration.api.internal')).toBe('heat-tls-public');
    expect(at(v, 'secrets.tls.cloudformation.cfn.internal')).toBe('cloudformation-tls-public');
    expect(at(v, 'endpoints.orchestration.host_fqdn_override.public.host')).toBe('heat.openstack.example.com');
    expect(at(v, 'endpoints.cloudformation.host_fqdn_override.public.host')).toBe('cloudformation.openstack.example.com');
    expect(at(v, 'endpoints.orchestration.port')).toEqual({ api: { public: 443 } });
    expect(at(v, 'manifests.certificates')).toBe(true);
  });
});

describe('clients (§3.19)', () => {
  test('S38: given controllers provisioned, provisioning and unprovisioned and a provisioned worker, when clients values are computed, then only the provisioned and provisioning controllers are listed', () => {
    const profile = standard(0, {
      hosts: [
        controller(0, false),
        controller(1, false, { provisioned: false, provisioning: true }),
        controller(2, false, { provisioned: false }),
        worker(0),
      ],
    });
    const hosts = at(systemValuesOf('clients', profile), 'conf.overrides.clients_clients.hosts') as Values[];
    expect(hosts.map((h) => h.name)).toEqual(['controller-0', 'controller-1']);
    expect(hosts[0]).toEqual({ name: 'controller-0', conf: {} });
  });

  test('given http, when computed, then a clients-private nova password, null ceph helper images and no manifests', () => {
    const v = systemValuesOf('clients', aioSimplex());
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin', 'nova']);
    expect(credentialAt(v, 'endpoints.identity.auth.nova.password')).toBe('chart-user-password.clients.nova');
    expect(at(v, 'endpoints.clients.host_fqdn_override')).toEqual({ public: {} });
    expect(at(v, 'images.tags')).toEqual({ host_ceph_config_helper: null, rook_ceph_config_helper: null });
    expect(v.manifests).toBeUndefined();
  });

  test('given https and a domain, when computed, then certificates, the bootstrap job and the public FQDN are set', () => {
    const v = systemValuesOf('clients', aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'manifests')).toEqual({ certificates: true, job_bootstrap: true });
    expect(at(v, 'endpoints.clients.host_fqdn_override.public.host')).toBe('clients.openstack.example.com');
    expect(credentialAt(v, 'endpoints.clients.host_fqdn_override.public.tls.ca')).toBe('tls.ca');
  });
});

describe('fm-rest-api (§3.20)', () => {
  test('given AIO-DX over http, when computed, then replicas = C, fm users, and (§6-3) region under the root fm key', () => {
    const v = systemValuesOf('fm-rest-api', aioDuplex());
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
    const v = systemValuesOf('fm-rest-api', aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'conf.fm.keystone_authtoken.cafile')).toBe(CA);
    expect(at(v, 'secrets.tls.faultmanagement')).toEqual({
      faultmanagement: { public: 'keystone-tls-public' },
      fm_api: { internal: 'keystone-tls-public', public: 'keystone-tls-public' },
    });
    expect(at(v, 'endpoints.faultmanagement.host_fqdn_override.public.host')).toBe('fm-rest-api.openstack.example.com');
    expect(at(v, 'manifests.certificates')).toBe(true);
  });
});

describe('ceilometer (§3.21)', () => {
  test('S36: given any system, when ceilometer values are computed, then daemonset_ipmi is false and there are 7 messaging URLs', () => {
    const v = systemValuesOf('ceilometer', aioSimplex());
    expect(at(v, 'manifests.daemonset_ipmi')).toBe(false);
    const urls = at(v, 'conf.ceilometer.notification.messaging_urls.values') as CredentialRef[];
    expect(urls).toHaveLength(7);
    expect(urls.map((u) => u.detail)).toEqual(['/ceilometer', '/cinder', '/glance', '/nova', '/keystone', '/neutron', '/heat']);
    expect(urls.every((u) => u instanceof CredentialRef && u.kind === 'rabbit-url')).toBe(true);
  });

  test('given AIO-DX over http, when computed, then central is 1, notification and statefulset = C, no metering endpoint', () => {
    const v = systemValuesOf('ceilometer', aioDuplex());
    expect(at(v, 'pod.replicas')).toEqual({ central: 1, notification: 2 });
    expect(at(v, 'endpoints.oslo_messaging.statefulset.replicas')).toBe(2);
    expect(at(v, 'conf.ceilometer.meter.meter_definitions_dirs')).toBe('/etc/ceilometer/meters.d');
    expect(credentialAt(v, 'endpoints.identity.auth.ceilometer.password')).toBe('user-password.ceilometer');
    expect(credentialAt(v, 'endpoints.oslo_cache.auth.memcache_secret_key')).toBe('memcache-secret-key');
    expect(credentialAt(v, 'endpoints.oslo_messaging.auth.ceilometer.password')).toBe('rabbit-password.ceilometer');
    expect(at(v, 'endpoints.metering')).toBeUndefined();
    expect(at(v, 'manifests')).toEqual({ daemonset_ipmi: false });
  });

  test('given https, when computed, then service_credentials cafile and certificates are set', () => {
    const v = systemValuesOf('ceilometer', aioSimplex({ https: HTTPS }));
    expect(at(v, 'conf.ceilometer.service_credentials.cafile')).toBe(CA);
    expect(at(v, 'manifests')).toEqual({ daemonset_ipmi: false, certificates: true });
  });
});

describe('aodh (§3.21)', () => {
  test('S37: given any system, when aodh values are computed, then the notification URL ends with :5672/ceilometer and DEFAULT has no transport_url', () => {
    const v = systemValuesOf('aodh', aioSimplex());
    const url = at(v, 'conf.aodh.oslo_messaging_notifications.transport_url') as CredentialRef;
    expect(url).toBeInstanceOf(CredentialRef);
    expect(url.detail).toBe('/ceilometer');
    // The rendered URL (built by the credentials tooling) ends with the vhost after the service port.
    expect(renderNotificationUrl('pw', url.detail!)).toMatch(/:5672\/ceilometer$/);
    expect(at(v, 'conf.aodh.DEFAULT')).toEqual({});
  });

  test('given AIO-DX over http, when computed, then replicas = C, empty notifier mounts, region and aodh users', () => {
    const v = systemValuesOf('aodh', aioDuplex());
    expect(at(v, 'pod.replicas')).toEqual({ api: 2, evaluator: 2, listener: 2, notifier: 2 });
    expect(at(v, 'pod.mounts.aodh_notifier.aodh_notifier')).toEqual({ volumes: [], volumeMounts: [] });
    expect(at(v, 'conf.aodh.service_credentials.region_name')).toBe('RegionOne');
    expect(credentialAt(v, 'endpoints.identity.auth.aodh.password')).toBe('user-password.aodh');
    expect(credentialAt(v, 'endpoints.oslo_db.auth.aodh.password')).toBe('db-password.aodh');
    expect(credentialAt(v, 'endpoints.oslo_messaging.auth.aodh.password')).toBe('rabbit-password.aodh');
    expect(credentialAt(v, 'endpoints.oslo_cache.auth.memcache_secret_key')).toBe('memcache-secret-key');
    expect(at(v, 'endpoints.alarming')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
    expect(at(v, 'conf.aodh.keystone_authtoken')).toBeUndefined();
  });

  test('given the REST notifier CA, when computed, then the CA path, one volume and one mount are set', () => {
    const v = systemValuesOf('aodh', aioSimplex({ aodh: { restNotifierCaCert: true } }));
    const path = '/var/lib/openstack/certs/aodh-rest-notifier-ca.crt';
    expect(at(v, 'conf.aodh.DEFAULT')).toEqual({ rest_notifier_ca_bundle_certificate_path: path });
    const mounts = at(v, 'pod.mounts.aodh_notifier.aodh_notifier') as { volumes: Values[]; volumeMounts: Values[] };
    expect(mounts.volumes).toHaveLength(1);
    expect(at(mounts.volumes[0], 'secret')).toEqual({ secretName: 'aodh-rest-notifier-ca-cert', items: [{ key: 'ca.crt', path: 'ca.crt' }] });
    expect(mounts.volumeMounts).toEqual([{ name: mounts.volumes[0].name, mountPath: path, subPath: 'ca.crt', readOnly: true }]);
  });

  test('given https and a domain, when computed, then cafile and the aodh FQDN are set', () => {
    const v = systemValuesOf('aodh', aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'conf.aodh.keystone_authtoken.cafile')).toBe(CA);
    expect(at(v, 'endpoints.alarming.host_fqdn_override.public.host')).toBe('aodh.openstack.example.com');
    expect(at(v, 'endpoints.alarming.scheme')).toEqual({ public: 'https' });
  });
});

describe('gnocchi (§3.21)', () => {
  test('given host ceph over http, when computed, then replicas = C, ceph-admin secret, gnocchi users and no image swap', () => {
    const v = systemValuesOf('gnocchi', aioDuplex());
    expect(at(v, 'pod.replicas.api')).toBe(2);
    expect(at(v, 'ceph_client.user_secret_name')).toBe('ceph-admin');
    expect(credentialAt(v, 'endpoints.identity.auth.gnocchi.password')).toBe('user-password.gnocchi');
    expect(credentialAt(v, 'endpoints.oslo_db.auth.gnocchi.password')).toBe('db-password.gnocchi');
    expect(credentialAt(v, 'endpoints.oslo_cache.auth.memcache_secret_key')).toBe('memcache-secret-key');
    expect(v.images).toBeUndefined();
    expect(v.conf).toBeUndefined();
  });

  test('given rook ceph, https and a domain, when computed, then the storage init image is rook\'s, cafile and FQDN are set', () => {
    const v = systemValuesOf('gnocchi', aioSimplex({ storage: { ceph: { kind: 'rook' } }, https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'images.tags')).toEqual({ gnocchi_storage_init: 'registry.local:9001/docker.io/openstackhelm/ceph-config-helper:ubuntu_jammy_18.2.2-1-20240312' });
    expect(at(v, 'conf.gnocchi.keystone_authtoken.cafile')).toBe(CA);
    expect(at(v, 'endpoints.metric.host_fqdn_override.public.host')).toBe('gnocchi.openstack.example.com');
  });
});

describe('prometheus-openstack-exporter (§3.21)', () => {
  test('given http, when computed, then replicas = C and a chart-private `user` password', () => {
    const v = systemValuesOf('prometheus-openstack-exporter', aioDuplex());
    expect(at(v, 'pod.replicas.prometheus_openstack_exporter')).toBe(2);
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin', 'user']);
    expect(credentialAt(v, 'endpoints.identity.auth.user.password')).toBe('chart-user-password.prometheus-openstack-exporter.user');
    expect(v.manifests).toBeUndefined();
    expect(v.secrets).toBeUndefined();
  });

  test('given https, when computed, then certificates and the keystone TLS secret are set', () => {
    const v = systemValuesOf('prometheus-openstack-exporter', aioSimplex({ https: HTTPS }));
    expect(at(v, 'manifests.certificates')).toBe(true);
    expect(at(v, 'secrets.tls.identity.api.internal')).toBe('keystone-tls-public');
    expect(at(v, 'endpoints.identity.auth.user.cacert')).toBe(CA);
  });
});

describe('barbican (§3.22)', () => {
  test('given AIO-DX over http, when computed, then replicas = C and barbican users in every block', () => {
    const v = systemValuesOf('barbican', aioDuplex());
    expect(at(v, 'pod.replicas.api')).toBe(2);
    expect(credentialAt(v, 'endpoints.identity.auth.barbican.password')).toBe('user-password.barbican');
    expect(credentialAt(v, 'endpoints.oslo_db.auth.barbican.password')).toBe('db-password.barbican');
    expect(credentialAt(v, 'endpoints.oslo_messaging.auth.barbican.password')).toBe('rabbit-password.barbican');
    expect(credentialAt(v, 'endpoints.oslo_cache.auth.memcache_secret_key')).toBe('memcache-secret-key');
    expect(at(v, 'endpoints.key_manager')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
    expect(v.conf).toBeUndefined();
  });

  test('given https and a domain, when computed, then cafile and the barbican FQDN are set', () => {
    const v = systemValuesOf('barbican', aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'conf.barbican.keystone_authtoken.cafile')).toBe(CA);
    expect(at(v, 'endpoints.key_manager.host_fqdn_override.public.host')).toBe('barbican.openstack.example.com');
    expect(at(v, 'endpoints.key_manager.port')).toEqual({ api: { public: 443 } });
  });
});

describe('ironic (§3.22)', () => {
  test('given no ironic network, when computed, then replicas = C, empty pxe strings, ironic and glance identity users', () => {
    const v = systemValuesOf('ironic', standard(2));
    expect(at(v, 'pod.replicas')).toEqual({ api: 2, conductor: 2 });
    expect(at(v, 'network.pxe')).toEqual({
      device: '',
      neutron_provider_network: 'ironic',
      neutron_subnet_gateway: '',
      neutron_subnet_cidr: '',
      neutron_subnet_alloc_start: '',
      neutron_subnet_alloc_end: '',
    });
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin', 'ironic', 'glance']);
    expect(credentialAt(v, 'endpoints.identity.auth.glance.password')).toBe('user-password.glance');
    expect(credentialAt(v, 'endpoints.oslo_db.auth.ironic.password')).toBe('db-password.ironic');
    expect(credentialAt(v, 'endpoints.oslo_messaging.auth.ironic.password')).toBe('rabbit-password.ironic');
    expect(credentialAt(v, 'endpoints.oslo_cache.auth.memcache_secret_key')).toBe('memcache-secret-key');
  });

  test('given an ironic network, https and a domain, when computed, then pxe follows the network and the baremetal FQDN is set', () => {
    const base = standard(2, { https: HTTPS, endpoints: { domain: DOMAIN } });
    const profile: DeploymentProfileInput = {
      ...base,
      network: {
        ...base.network,
        ironic: { cidr: '10.10.20.0/24', gateway: '10.10.20.1', rangeStart: '10.10.20.10', rangeEnd: '10.10.20.100', portName: 'enp0s9' },
      },
    };
    const v = systemValuesOf('ironic', profile);
    expect(at(v, 'network.pxe')).toEqual({
      device: 'enp0s9',
      neutron_provider_network: 'ironic',
      neutron_subnet_gateway: '10.10.20.1',
      neutron_subnet_cidr: '10.10.20.0/24',
      neutron_subnet_alloc_start: '10.10.20.10',
      neutron_subnet_alloc_end: '10.10.20.100',
    });
    expect(at(v, 'endpoints.baremetal.host_fqdn_override.public.host')).toBe('ironic.openstack.example.com');
    expect(at(v, 'endpoints.baremetal.scheme')).toEqual({ public: 'https' });
  });
});

describe('ceph-rgw (§3.22)', () => {
  test('given fqdnReady, when computed, then swift identity and object_store hosts on controller.internal and the OAM address', () => {
    const v = systemValuesOf('ceph-rgw', aioSimplex());
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin', 'swift']);
    expect(credentialAt(v, 'endpoints.identity.auth.swift.password')).toBe('user-password.swift');
    expect(credentialAt(v, 'endpoints.identity.auth.test.password')).toBe('test-password.swift');
    expect(at(v, 'endpoints.object_store.hosts')).toEqual({ default: 'null', admin: 'controller.internal', internal: 'controller.internal', public: '10.10.10.2' });
  });

  test('given fqdnReady false, when computed, then admin and internal use the management floating address', () => {
    const profile = aioSimplex({
      system: { type: 'aio', mode: 'simplex', fqdnReady: false },
      network: { clusterHost: { subnet: '192.168.206.0/24', floatingAddress: '192.168.206.1' }, oam: { floatingAddress: '10.10.10.2' }, mgmt: { floatingAddress: '192.168.204.2' } },
    });
    expect(at(systemValuesOf('ceph-rgw', profile), 'endpoints.object_store.hosts')).toEqual({
      default: 'null',
      admin: '192.168.204.2',
      internal: '192.168.204.2',
      public: '10.10.10.2',
    });
  });
});

describe('dcdbsync (§3.22)', () => {
  test('given a domain and https, when computed, then dcdbsync identity and its public FQDN with TLS', () => {
    const v = systemValuesOf('dcdbsync', aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(credentialAt(v, 'endpoints.identity.auth.dcdbsync.password')).toBe('user-password.dcdbsync');
    expect(at(v, 'endpoints.dcorch_dbsync.host_fqdn_override.public.host')).toBe('dcdbsync.openstack.example.com');
    expect(credentialAt(v, 'endpoints.dcorch_dbsync.host_fqdn_override.public.tls.key')).toBe('tls.key');
  });
});

describe('keystone-api-proxy (§3.22)', () => {
  test('given http, when computed, then uid 0, credential URLs, remote keystone host and base identity users', () => {
    const v = systemValuesOf('keystone-api-proxy', aioSimplex());
    expect(at(v, 'pod.user.keystone_api_proxy.uid')).toBe(0);
    expect(credentialAt(v, 'conf.keystone_api_proxy.DEFAULT.transport_url')).toBe('keystone-api-proxy.transport-url');
    expect(credentialAt(v, 'conf.keystone_api_proxy.database.connection')).toBe('keystone-api-proxy.database-connection');
    expect((at(v, 'conf.keystone_api_proxy.DEFAULT.transport_url') as CredentialRef).detail).toBe('controller.internal');
    expect(at(v, 'conf.keystone_api_proxy.identity.remote_host')).toBe('keystone-api.openstack.svc.cluster.local');
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin']);
    expect(at(v, 'endpoints.keystone_api_proxy')).toEqual({ host_fqdn_override: { public: {} }, port: {}, scheme: {} });
  });

  test('given https and a domain, when computed, then the public FQDN, port 443 and scheme https', () => {
    const v = systemValuesOf('keystone-api-proxy', aioSimplex({ https: HTTPS, endpoints: { domain: DOMAIN } }));
    expect(at(v, 'endpoints.keystone_api_proxy.host_fqdn_override.public.host')).toBe('keystone-api-proxy.openstack.example.com');
    expect(at(v, 'endpoints.keystone_api_proxy.port')).toEqual({ api: { public: 443 } });
    expect(at(v, 'endpoints.keystone_api_proxy.scheme')).toEqual({ public: 'https' });
  });
});

describe('replicas = C across releases', () => {
  const replicaPaths: Array<[ReleaseName, string]> = [
    ['nova-api-proxy', 'pod.replicas.proxy'],
    ['horizon', 'pod.replicas.server'],
    ['heat', 'pod.replicas.engine'],
    ['fm-rest-api', 'pod.replicas.api'],
    ['ceilometer', 'pod.replicas.notification'],
    ['aodh', 'pod.replicas.notifier'],
    ['gnocchi', 'pod.replicas.api'],
    ['prometheus-openstack-exporter', 'pod.replicas.prometheus_openstack_exporter'],
    ['barbican', 'pod.replicas.api'],
    ['ironic', 'pod.replicas.conductor'],
  ];
  test.each(replicaPaths)('given AIO-SX (C=1) and Standard (C=2), when %s values are computed, then %s follows C', (release, path) => {
    expect(at(systemValuesOf(release, aioSimplex()), path)).toBe(1);
    expect(at(systemValuesOf(release, standard(2)), path)).toBe(2);
  });
});

describe('endpoint FQDN with a custom pattern', () => {
  test('given fqdnPattern {service_name}-os.{endpoint_domain}, when computed, then public hosts follow the pattern', () => {
    const profile = aioSimplex({ endpoints: { domain: DOMAIN, fqdnPattern: '{service_name}-os.{endpoint_domain}' } });
    expect(at(systemValuesOf('nova-api-proxy', profile), 'endpoints.compute.host_fqdn_override.public.host')).toBe('nova-os.openstack.example.com');
    expect(at(systemValuesOf('horizon', profile), 'endpoints.dashboard.host_fqdn_override.public.host')).toBe('horizon-os.openstack.example.com');
    expect(at(systemValuesOf('horizon', profile), 'conf.horizon.local_settings.config.csrf_trusted_origins')).toEqual(['http://horizon-os.openstack.example.com']);
  });

  // Erratum 2026-12-02: the URLs of the federation, CSRF and Dex settings use the pattern too.
  const ISSUER_URL = 'https://oidc.example.com:30556/dex';
  const dexProfile = (https: boolean) =>
    aioSimplex({
      endpoints: { domain: 'Example.com', fqdnPattern: '{service_name}-os.{endpoint_domain}' },
      keystone: { dex: { enabled: true } },
      platform: { oidcIssuerUrl: ISSUER_URL },
      ...(https ? { https: { enabled: true, certRef: { secretName: 'openstack-tls' } } } : {}),
    });

  test.each([
    [false, 'http'],
    [true, 'https'],
  ])('given the pattern {service_name}-os.{endpoint_domain} with DEX (https %s), when horizon and keystone values are computed, then every Keystone and Horizon URL uses the pattern over %s', (https, scheme) => {
    const horizon = systemValuesOf('horizon', dexProfile(https));
    const keystone = systemValuesOf('keystone', dexProfile(https));
    expect(at(horizon, 'conf.horizon.local_settings.config.csrf_trusted_origins')).toEqual([`${scheme}://horizon-os.example.com`]);
    expect(at(horizon, 'conf.horizon.local_settings.config.raw.OPENSTACK_KEYSTONE_URL')).toBe(`${scheme}://keystone-os.example.com/v3`);
    expect(at(keystone, 'conf.federation.external')).toEqual({ keystone: `${scheme}://keystone-os.example.com`, horizon: `${scheme}://horizon-os.example.com`, dex: ISSUER_URL });
    // Both schemes are trusted whatever the deployment's (as the platform writes them).
    expect(at(keystone, 'conf.keystone.federation.trusted_dashboard.values')).toEqual(['https://horizon-os.example.com/auth/websso/', 'http://horizon-os.example.com/auth/websso/']);
  });

  test('given a pattern naming a placeholder twice, when horizon values are computed, then every occurrence is replaced (Python str.format)', () => {
    const profile = aioSimplex({ endpoints: { domain: DOMAIN, fqdnPattern: '{service_name}.{service_name}.{endpoint_domain}' } });
    const horizon = systemValuesOf('horizon', profile);
    expect(at(horizon, 'endpoints.dashboard.host_fqdn_override.public.host')).toBe('horizon.horizon.openstack.example.com');
    expect(at(horizon, 'conf.horizon.local_settings.config.csrf_trusted_origins')).toEqual(['http://horizon.horizon.openstack.example.com']);
  });
});
