/** Blocks that several releases carry unchanged, written once. */
import { Value, Values } from '../lib/engine/values';
import { controlPlaneNode, defaultJobResources, keystoneUser, openstackIngressClasses } from './blocks';
import { keystoneInternalUrl } from './endpoints';

/** Used by neutron, nova. */
export const podProbesLiveness: Values = {
  enabled: true,
  params: { initialDelaySeconds: 120, periodSeconds: 90, timeoutSeconds: 70 },
};

/** Used by keystone, nova. */
export const rallyOnce: Value[] = [
  {
    runner: { concurrency: 1, times: 1, type: 'constant' },
    sla: { failure_rate: { max: 0 } },
  },
];

/** Used by libvirt, nova. */
export const dynamicTargetedOvn: Values = {
  pod: [
    {
      requireSameNode: true,
      labels: { application: 'ovn', component: 'ovn-controller' },
    },
  ],
};

/** Used by libvirt, nova. */
export const targetedSriovPod: Value[] = [
  {
    requireSameNode: true,
    labels: { application: 'neutron', component: 'neutron-sriov-agent' },
  },
];

/** Used by neutron, openvswitch. */
export const podSecurityContextContainer: Values = {
  capabilities: { add: ['SYS_MODULE', 'SYS_CHROOT'] },
  runAsUser: 0,
  readOnlyRootFilesystem: true,
};

/** Used by cinder, glance, heat, keystone, neutron, nova. */
export const rabbitmqAdminAuth: Values = {
  username: 'rabbitmq',
  password: 'password',
  secret: { tls: { internal: 'rabbitmq-tls-direct' } },
};

/** Used by libvirt, neutron, nova. */
export const dynamicTargetedLinuxbridge: Values = {
  pod: [
    {
      requireSameNode: true,
      labels: { application: 'neutron', component: 'neutron-lb-agent' },
    },
  ],
};

/** Used by libvirt, neutron, nova. */
export const dynamicTargetedOpenvswitch: Values = {
  pod: [
    {
      requireSameNode: true,
      labels: { application: 'neutron', component: 'neutron-ovs-agent' },
    },
  ],
};

/** Used by cinder, glance, heat, horizon, keystone, neutron, nova. */
export const ingressEndpoint: Values = {
  namespace: null,
  name: 'ingress',
  hosts: { default: 'ingress' },
  port: { ingress: { default: 80 } },
};

/** Used by libvirt, nova. */
export const dynamicTargetedSriov: Values = { pod: targetedSriovPod };

/** Used by keystone, nova. */
export const rallyOnceNoArgsRun: Values = {
  args: {},
  runner: { concurrency: 1, times: 1, type: 'constant' },
  sla: { failure_rate: { max: 0 } },
};

/** Used by heat, nova. */
export const internalPasswordAuth: Values = {
  auth_type: 'password',
  auth_version: 'v3',
  auth_url: keystoneInternalUrl,
};

/** Used by keystone, nova. */
export const rallyOnceNoArgs: Value[] = [rallyOnceNoArgsRun];

/** Used by libvirt, memcached, openvswitch. */
export const imageRepoSyncJobResources: Values = { image_repo_sync: defaultJobResources };

/** Used by ceilometer, nova. */
export const rollingUpdateDaemonsets: Values = {
  pod_replacement_strategy: 'RollingUpdate',
  compute: { enabled: true, min_ready_seconds: 0, max_unavailable: 1 },
};

/** Used by placement, prometheus-openstack-exporter. */
export const requiredAntiAffinityWeightedRule: Values = {
  type: { default: 'requiredDuringSchedulingIgnoredDuringExecution' },
  topologyKey: { default: 'kubernetes.io/hostname' },
};

/** Used by aodh, ceilometer, cinder, glance, heat, horizon, keystone, mariadb, memcached, neutron, nova, placement, prometheus-openstack-exporter, rabbitmq. */
export const rollingUpdateDeployments: Values = {
  revision_history: 3,
  pod_replacement_strategy: 'RollingUpdate',
  rolling_update: { max_unavailable: 1, max_surge: 3 },
};

/** Used by barbican, ceilometer, fm-rest-api, glance, ironic. */
export const internalKeystoneAuthtoken: Values = {
  auth_uri: keystoneInternalUrl,
  auth_url: keystoneInternalUrl,
};

/** Used by placement, prometheus-openstack-exporter. */
export const requiredAntiAffinityWeighted: Values = { anti: requiredAntiAffinityWeightedRule };

/** Used by glance, horizon. */
export const unlimitedBodyIngressAnnotations: Values = {
  'nginx.ingress.kubernetes.io/rewrite-target': '/',
  'nginx.ingress.kubernetes.io/proxy-body-size': '0',
  'haproxy.org/path-rewrite': '/',
};

/** Used by keystone, memcached. */
export const osloCacheEndpointNamespaced: Values = {
  namespace: null,
  hosts: { default: 'memcached' },
  host_fqdn_override: { default: null },
  port: { memcache: { default: 11211 } },
};

/** Used by aodh, cinder, glance, heat, horizon, keystone, mariadb, memcached, placement, prometheus-openstack-exporter, rabbitmq. */
export const rollingUpdateUpgrades: Values = { deployments: rollingUpdateDeployments };

/** Used by aodh, ceilometer, cinder, glance, heat, keystone, mariadb, neutron, nova, rabbitmq. */
export const requiredAntiAffinityRule: Values = {
  type: { default: 'requiredDuringSchedulingIgnoredDuringExecution' },
  topologyKey: { default: 'kubernetes.io/hostname' },
  weight: { default: 10 },
};

/** Used by horizon, libvirt, memcached. */
export const preferredAntiAffinityRule: Values = {
  type: { default: 'preferredDuringSchedulingIgnoredDuringExecution' },
  topologyKey: { default: 'kubernetes.io/hostname' },
  weight: { default: 10 },
};

/** Used by gnocchi, nova-api-proxy. */
export const internalKeystoneAuthtokenInterface: Values = { interface: 'internal', ...internalKeystoneAuthtoken };

/** Used by aodh, ceilometer, cinder, glance, neutron, nova, placement. */
export const osloCacheEndpoint: Values = {
  auth: { memcache_secret_key: null },
  hosts: { default: 'memcached' },
  host_fqdn_override: { default: null },
  port: { memcache: { default: 11211 } },
};

/** Used by aodh, ceilometer, cinder, glance, heat, keystone, mariadb, neutron, nova, rabbitmq. */
export const requiredAntiAffinity: Values = { anti: requiredAntiAffinityRule };

/** Used by aodh, ceilometer, cinder, glance, heat, horizon, neutron, nova, placement, prometheus-openstack-exporter. */
export const identityAuthAdmin: Values = keystoneUser('admin', { project_name: 'admin', user_domain_name: 'default', project_domain_name: 'default' });

/** Used by horizon, libvirt, memcached. */
export const preferredAntiAffinity: Values = { anti: preferredAntiAffinityRule };

/** Used by aodh, cinder, heat, keystone, neutron, nova, placement, rabbitmq. */
export const publicIngress: Values = {
  public: true,
  classes: openstackIngressClasses,
  annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/', 'haproxy.org/path-rewrite': '/' },
};

/** Used by neutron, nova. */
export const identityAuthNova: Values = keystoneUser('nova', { role: 'admin,service' });

/** Used by cinder, nova. */
export const identityAuthCinder: Values = keystoneUser('cinder', { role: 'admin,service' });

/** Used by neutron, nova. */
export const identityAuthNeutron: Values = keystoneUser('neutron', { role: 'admin,service' });

/** Used by neutron, nova. */
export const identityAuthPlacement: Values = keystoneUser('placement', { role: 'admin,service' });

/** Used by barbican, fm-rest-api, placement. */
export const controlPlaneLabels: Values = { isApplication: false, api: controlPlaneNode, job: controlPlaneNode };

/** Used by aodh, ceilometer. */
export const endpointsAlarming: Values = {
  name: 'aodh',
  hosts: { default: 'aodh-api', public: 'aodh' },
  host_fqdn_override: { default: null },
  path: { default: null },
  scheme: { default: 'http' },
  port: { api: { default: 8042, public: 80 } },
};

/** Used by keystone, nova. */
export const apache2Software: Values = {
  binary: 'apache2',
  start_parameters: '-DFOREGROUND',
  site_dir: '/etc/apache2/sites-enable',
  conf_dir: '/etc/apache2/conf-enabled',
  mods_dir: '/etc/apache2/mods-available',
  a2enmod: null,
  a2dismod: null,
};

/** Used by cinder, nova. */
export const endpointsImage: Values = {
  name: 'glance',
  hosts: { default: 'glance-api', public: 'glance' },
  host_fqdn_override: { default: null },
  path: { default: null },
  scheme: { default: 'http' },
  port: { api: { default: 9292, public: 80 } },
};

/** Used by neutron, nova. */
export const endpointsBaremetal: Values = {
  name: 'ironic',
  hosts: { default: 'ironic-api', public: 'ironic' },
  host_fqdn_override: { default: null },
  path: { default: null },
  scheme: { default: 'http' },
  port: { api: { default: 6385, public: 80 } },
};

/** Used by aodh, ceilometer, cinder, glance, heat, horizon, keystone, libvirt, mariadb, memcached, neutron, nova, openvswitch, placement, prometheus-openstack-exporter, rabbitmq. */
export const endpointsLocalImageRegistry: Values = {
  name: 'docker-registry',
  namespace: 'docker-registry',
  hosts: { default: 'localhost', internal: 'docker-registry', node: 'localhost' },
  host_fqdn_override: { default: null },
  port: { registry: { node: 5000 } },
};

/** Used by cinder, glance, heat, horizon, keystone, neutron, nova. */
export const kubeDnsEndpoint: Values = {
  namespace: 'kube-system',
  name: 'kubernetes-dns',
  hosts: { default: 'kube-dns' },
  host_fqdn_override: { default: null },
  path: { default: null },
  scheme: 'http',
  port: { dns: { default: 53, protocol: 'UDP' } },
};

/** Used by keystone, nova. */
export const apacheSoftware: Values = { apache2: apache2Software };

/** Used by glance, horizon. */
export const publicIngressUnlimitedBody: Values = {
  public: true,
  classes: openstackIngressClasses,
  annotations: unlimitedBodyIngressAnnotations,
};

/** Used by aodh, cinder, glance, heat, keystone, nova. */
export const endpointsFluentd: Values = {
  namespace: null,
  name: 'fluentd',
  hosts: { default: 'fluentd-logging' },
  host_fqdn_override: { default: null },
  path: { default: null },
  scheme: 'http',
  port: { service: { default: 24224 }, metrics: { default: 24220 } },
};

/** Used by mariadb, rabbitmq. */
export const endpointsMonitoring: Values = {
  name: 'prometheus',
  namespace: null,
  hosts: { default: 'prom-metrics', public: 'prometheus' },
  host_fqdn_override: { default: null },
  path: { default: null },
  scheme: { default: 'http' },
  port: { api: { default: 9090, public: 80 } },
};

/** Used by mariadb, memcached, rabbitmq. */
export const kubeDnsEndpointInfra: Values = {
  namespace: 'kube-system',
  name: 'kubernetes-dns',
  hosts: { default: 'kube-dns' },
  host_fqdn_override: { default: null },
  path: { default: null },
  scheme: 'http',
  port: { dns_tcp: { default: 53 }, dns: { default: 53, protocol: 'UDP' } },
};

/** Used by cinder, nova. */
export const endpointsVolumev3: Values = {
  name: 'cinderv3',
  hosts: { default: 'cinder-api', public: 'cinder' },
  host_fqdn_override: { default: null },
  path: { default: '/v3', healthcheck: '/healthcheck' },
  scheme: { default: 'http' },
  port: { api: { default: 8776, public: 80 } },
};

/** Used by aodh, cinder, glance, keystone, placement. */
export const apiPodLifecycle: Values = {
  upgrades: rollingUpdateUpgrades,
  disruption_budget: { api: { min_available: 0 } },
  termination_grace_period: { api: { timeout: 30 } },
};

/** Used by aodh, barbican, ceilometer, ceph-rgw, cinder, fm-rest-api, glance, gnocchi, heat, horizon, ingress-nginx-openstack, ironic, keystone, libvirt, mariadb, memcached, neutron, nova, nova-api-proxy, openvswitch, pci-irq-affinity-agent, placement, prometheus-openstack-exporter, rabbitmq. */
export const controlPlaneTolerationList: Value[] = [
  { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
  {
    key: 'node-role.kubernetes.io/control-plane',
    operator: 'Exists',
    effect: 'NoSchedule',
  },
  { key: 'openstack-compute-node', operator: 'Exists', effect: 'NoSchedule' },
];

/** Used by nova, placement. */
export const endpointsPlacement: Values = {
  name: 'placement',
  hosts: { default: 'placement-api', public: 'placement' },
  host_fqdn_override: { default: null },
  path: { default: '/' },
  scheme: { default: 'http', service: 'http' },
  port: { api: { default: 8778, public: 80, service: 8778 } },
};

/** Used by ceilometer, nova. */
export const rollingUpdateUpgradesWithDaemonsets: Values = { deployments: rollingUpdateDeployments, daemonsets: rollingUpdateDaemonsets };

/** Used by aodh, barbican, ceilometer, cinder, fm-rest-api, glance, gnocchi, heat, horizon, ironic, keystone, libvirt, mariadb, memcached, neutron, nova, nova-api-proxy, openvswitch, placement, prometheus-openstack-exporter, rabbitmq. */
export const controlPlaneTolerations: Values = { enabled: true, tolerations: controlPlaneTolerationList };
