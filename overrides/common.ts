/** Blocks that several releases carry unchanged, written once. */
import { Value, Values } from '../lib/engine/values';
import { controlPlaneNode, defaultJobResources, keystoneUser, openstackIngressClasses, rallyOnceWith } from './blocks';
import { keystoneInternalUrl } from './endpoints';

export const podProbesLiveness: Values = {
  enabled: true,
  params: { initialDelaySeconds: 120, periodSeconds: 90, timeoutSeconds: 70 },
};

export const rallyOnce: Value[] = [
  {
    runner: { concurrency: 1, times: 1, type: 'constant' },
    sla: { failure_rate: { max: 0 } },
  },
];

/**
 * A `dependencies.dynamic.targeted` entry: the pod waits for the network agent's pod on its own
 * node, so it starts only once the node's networking is up.
 */
function sameNodeAgent(application: string, component: string): Values {
  return { pod: [{ requireSameNode: true, labels: { application, component } }] };
}

export const dynamicTargetedOvn: Values = sameNodeAgent('ovn', 'ovn-controller');
export const dynamicTargetedLinuxbridge: Values = sameNodeAgent('neutron', 'neutron-lb-agent');
export const dynamicTargetedOpenvswitch: Values = sameNodeAgent('neutron', 'neutron-ovs-agent');
export const dynamicTargetedSriov: Values = sameNodeAgent('neutron', 'neutron-sriov-agent');

export const podSecurityContextContainer: Values = {
  capabilities: { add: ['SYS_MODULE', 'SYS_CHROOT'] },
  runAsUser: 0,
  readOnlyRootFilesystem: true,
};

export const ingressEndpoint: Values = {
  namespace: null,
  name: 'ingress',
  hosts: { default: 'ingress' },
  port: { ingress: { default: 80 } },
};

export const internalPasswordAuth: Values = {
  auth_type: 'password',
  auth_version: 'v3',
  auth_url: keystoneInternalUrl,
};

export const rallyOnceNoArgs: Value[] = rallyOnceWith({});

export const imageRepoSyncJobResources: Values = { image_repo_sync: defaultJobResources };

export const rollingUpdateDaemonsets: Values = {
  pod_replacement_strategy: 'RollingUpdate',
  compute: { enabled: true, min_ready_seconds: 0, max_unavailable: 1 },
};

export const requiredAntiAffinityWeightedRule: Values = {
  type: { default: 'requiredDuringSchedulingIgnoredDuringExecution' },
  topologyKey: { default: 'kubernetes.io/hostname' },
};

export const rollingUpdateDeployments: Values = {
  revision_history: 3,
  pod_replacement_strategy: 'RollingUpdate',
  rolling_update: { max_unavailable: 1, max_surge: 3 },
};

export const internalKeystoneAuthtoken: Values = {
  auth_uri: keystoneInternalUrl,
  auth_url: keystoneInternalUrl,
};

export const requiredAntiAffinityWeighted: Values = { anti: requiredAntiAffinityWeightedRule };

export const unlimitedBodyIngressAnnotations: Values = {
  'nginx.ingress.kubernetes.io/rewrite-target': '/',
  'nginx.ingress.kubernetes.io/proxy-body-size': '0',
  'haproxy.org/path-rewrite': '/',
};

export const osloCacheEndpointNamespaced: Values = {
  namespace: null,
  hosts: { default: 'memcached' },
  host_fqdn_override: { default: null },
  port: { memcache: { default: 11211 } },
};

export const rollingUpdateUpgrades: Values = { deployments: rollingUpdateDeployments };

export const requiredAntiAffinityRule: Values = {
  type: { default: 'requiredDuringSchedulingIgnoredDuringExecution' },
  topologyKey: { default: 'kubernetes.io/hostname' },
  weight: { default: 10 },
};

export const preferredAntiAffinityRule: Values = {
  type: { default: 'preferredDuringSchedulingIgnoredDuringExecution' },
  topologyKey: { default: 'kubernetes.io/hostname' },
  weight: { default: 10 },
};

export const internalKeystoneAuthtokenInterface: Values = { interface: 'internal', ...internalKeystoneAuthtoken };

export const osloCacheEndpoint: Values = {
  auth: { memcache_secret_key: null },
  hosts: { default: 'memcached' },
  host_fqdn_override: { default: null },
  port: { memcache: { default: 11211 } },
};

export const requiredAntiAffinity: Values = { anti: requiredAntiAffinityRule };

export const identityAuthAdmin: Values = keystoneUser('admin', { project_name: 'admin', user_domain_name: 'default', project_domain_name: 'default' });

export const preferredAntiAffinity: Values = { anti: preferredAntiAffinityRule };

export const publicIngress: Values = {
  public: true,
  classes: openstackIngressClasses,
  annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/', 'haproxy.org/path-rewrite': '/' },
};

export const identityAuthNova: Values = keystoneUser('nova', { role: 'admin,service' });

export const identityAuthCinder: Values = keystoneUser('cinder', { role: 'admin,service' });

export const identityAuthNeutron: Values = keystoneUser('neutron', { role: 'admin,service' });

export const identityAuthPlacement: Values = keystoneUser('placement', { role: 'admin,service' });

export const controlPlaneLabels: Values = { isApplication: false, api: controlPlaneNode, job: controlPlaneNode };

export const endpointsAlarming: Values = {
  name: 'aodh',
  hosts: { default: 'aodh-api', public: 'aodh' },
  host_fqdn_override: { default: null },
  path: { default: null },
  scheme: { default: 'http' },
  port: { api: { default: 8042, public: 80 } },
};

export const apache2Software: Values = {
  binary: 'apache2',
  start_parameters: '-DFOREGROUND',
  site_dir: '/etc/apache2/sites-enable',
  conf_dir: '/etc/apache2/conf-enabled',
  mods_dir: '/etc/apache2/mods-available',
  a2enmod: null,
  a2dismod: null,
};

export const endpointsImage: Values = {
  name: 'glance',
  hosts: { default: 'glance-api', public: 'glance' },
  host_fqdn_override: { default: null },
  path: { default: null },
  scheme: { default: 'http' },
  port: { api: { default: 9292, public: 80 } },
};

export const endpointsBaremetal: Values = {
  name: 'ironic',
  hosts: { default: 'ironic-api', public: 'ironic' },
  host_fqdn_override: { default: null },
  path: { default: null },
  scheme: { default: 'http' },
  port: { api: { default: 6385, public: 80 } },
};

export const endpointsLocalImageRegistry: Values = {
  name: 'docker-registry',
  namespace: 'docker-registry',
  hosts: { default: 'localhost', internal: 'docker-registry', node: 'localhost' },
  host_fqdn_override: { default: null },
  port: { registry: { node: 5000 } },
};

export const kubeDnsEndpoint: Values = {
  namespace: 'kube-system',
  name: 'kubernetes-dns',
  hosts: { default: 'kube-dns' },
  host_fqdn_override: { default: null },
  path: { default: null },
  scheme: 'http',
  port: { dns: { default: 53, protocol: 'UDP' } },
};

export const apacheSoftware: Values = { apache2: apache2Software };

export const publicIngressUnlimitedBody: Values = {
  public: true,
  classes: openstackIngressClasses,
  annotations: unlimitedBodyIngressAnnotations,
};

export const endpointsFluentd: Values = {
  namespace: null,
  name: 'fluentd',
  hosts: { default: 'fluentd-logging' },
  host_fqdn_override: { default: null },
  path: { default: null },
  scheme: 'http',
  port: { service: { default: 24224 }, metrics: { default: 24220 } },
};

export const endpointsMonitoring: Values = {
  name: 'prometheus',
  namespace: null,
  hosts: { default: 'prom-metrics', public: 'prometheus' },
  host_fqdn_override: { default: null },
  path: { default: null },
  scheme: { default: 'http' },
  port: { api: { default: 9090, public: 80 } },
};

export const kubeDnsEndpointInfra: Values = {
  namespace: 'kube-system',
  name: 'kubernetes-dns',
  hosts: { default: 'kube-dns' },
  host_fqdn_override: { default: null },
  path: { default: null },
  scheme: 'http',
  port: { dns_tcp: { default: 53 }, dns: { default: 53, protocol: 'UDP' } },
};

export const endpointsVolumev3: Values = {
  name: 'cinderv3',
  hosts: { default: 'cinder-api', public: 'cinder' },
  host_fqdn_override: { default: null },
  path: { default: '/v3', healthcheck: '/healthcheck' },
  scheme: { default: 'http' },
  port: { api: { default: 8776, public: 80 } },
};

export const apiPodLifecycle: Values = {
  upgrades: rollingUpdateUpgrades,
  disruption_budget: { api: { min_available: 0 } },
  termination_grace_period: { api: { timeout: 30 } },
};

export const controlPlaneTolerationList: Value[] = [
  { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
  {
    key: 'node-role.kubernetes.io/control-plane',
    operator: 'Exists',
    effect: 'NoSchedule',
  },
  { key: 'openstack-compute-node', operator: 'Exists', effect: 'NoSchedule' },
];

export const endpointsPlacement: Values = {
  name: 'placement',
  hosts: { default: 'placement-api', public: 'placement' },
  host_fqdn_override: { default: null },
  path: { default: '/' },
  scheme: { default: 'http', service: 'http' },
  port: { api: { default: 8778, public: 80, service: 8778 } },
};

export const rollingUpdateUpgradesWithDaemonsets: Values = { deployments: rollingUpdateDeployments, daemonsets: rollingUpdateDaemonsets };

export const controlPlaneTolerations: Values = { enabled: true, tolerations: controlPlaneTolerationList };
