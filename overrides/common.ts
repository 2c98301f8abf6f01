/** Blocks that several releases carry unchanged, written once, each named for what it is. */
import { Value, Values } from '../lib/engine/values';
import { controlPlaneNode, defaultJobResources, keystoneUser, openstackIngressClasses, probe, rallyOnceWith } from './blocks';
import { httpEndpoint, keystoneInternalUrl } from './endpoints';

/** A liveness probe for agents slow to start and to answer: two minutes' grace, 70 s to answer. */
export const slowLivenessProbe: Values = probe({ initialDelaySeconds: 120, periodSeconds: 90, timeoutSeconds: 70 });

/** A Rally scenario run once, with no failure allowed. */
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

const ovnControllerOnNode: Values = sameNodeAgent('ovn', 'ovn-controller');
export const linuxbridgeAgentOnNode: Values = sameNodeAgent('neutron', 'neutron-lb-agent');
export const openvswitchAgentOnNode: Values = sameNodeAgent('neutron', 'neutron-ovs-agent');
const sriovAgentOnNode: Values = sameNodeAgent('neutron', 'neutron-sriov-agent');

/** `dependencies.dynamic.targeted` of a component that starts after its node's network agent, whichever the vswitch runs. */
export function afterNetworkAgentsOnNode(component: string): Values {
  return {
    ovn: { [component]: ovnControllerOnNode },
    openvswitch: { [component]: openvswitchAgentOnNode },
    linuxbridge: { [component]: linuxbridgeAgentOnNode },
    sriov: { [component]: sriovAgentOnNode },
  };
}

/** The container that loads kernel modules on the host: root, with SYS_MODULE and SYS_CHROOT. */
export const kernelModulesSecurityContext: Values = {
  capabilities: { add: ['SYS_MODULE', 'SYS_CHROOT'] },
  runAsUser: 0,
  readOnlyRootFilesystem: true,
};

/** `endpoints.ingress`: the in-cluster ingress controller. */
export const ingressEndpoint: Values = {
  namespace: null,
  name: 'ingress',
  hosts: { default: 'ingress' },
  port: { ingress: { default: 80 } },
};

/** Password authentication against the in-cluster Keystone (a service's client sections). */
export const keystonePasswordAuth: Values = {
  auth_type: 'password',
  auth_version: 'v3',
  auth_url: keystoneInternalUrl,
};

/** {@link rallyOnce} for a scenario that the chart lists with empty arguments. */
export const rallyOnceNoArgs: Value[] = rallyOnceWith({});

/** `pod.resources.jobs` of a chart whose only job is the image sync. */
export const imageRepoSyncJobResources: Values = { image_repo_sync: defaultJobResources };

/** `lifecycle.upgrades.daemonsets`: the compute daemonset rolls one node at a time. */
const rollingUpdateComputeDaemonset: Values = {
  pod_replacement_strategy: 'RollingUpdate',
  compute: { enabled: true, min_ready_seconds: 0, max_unavailable: 1 },
};

/** `lifecycle.upgrades.deployments`: rolling, one pod down and three extra at a time. */
export const rollingUpdateDeployments: Values = {
  revision_history: 3,
  pod_replacement_strategy: 'RollingUpdate',
  rolling_update: { max_unavailable: 1, max_surge: 3 },
};

/** `keystone_authtoken` of a service: tokens checked against the in-cluster Keystone. */
export const internalKeystoneAuthtoken: Values = {
  auth_uri: keystoneInternalUrl,
  auth_url: keystoneInternalUrl,
};

/** A `pod.affinity.anti` rule: a chart's pods on different hosts, required or preferred, with the chart's weight when given. */
function hostAntiAffinity(type: 'required' | 'preferred', weight?: number): Values {
  return {
    type: { default: `${type}DuringSchedulingIgnoredDuringExecution` },
    topologyKey: { default: 'kubernetes.io/hostname' },
    ...(weight === undefined ? {} : { weight: { default: weight } }),
  };
}

/** `pod.affinity`: one pod per host, required, with no weight given. */
export const requiredAntiAffinityUnweighted: Values = { anti: hostAntiAffinity('required') };

const unlimitedBodyIngressAnnotations: Values = {
  'nginx.ingress.kubernetes.io/rewrite-target': '/',
  'nginx.ingress.kubernetes.io/proxy-body-size': '0',
  'haproxy.org/path-rewrite': '/',
};

/** `endpoints.oslo_cache` of the charts that name memcached's namespace (keystone, memcached). */
export const osloCacheEndpointNamespaced: Values = {
  namespace: null,
  hosts: { default: 'memcached' },
  host_fqdn_override: { default: null },
  port: { memcache: { default: 11211 } },
};

/** `lifecycle.upgrades` of a chart with deployments only. */
export const rollingUpdateUpgrades: Values = { deployments: rollingUpdateDeployments };

/** {@link internalKeystoneAuthtoken} on Keystone's internal interface. */
export const internalKeystoneAuthtokenInterface: Values = { interface: 'internal', ...internalKeystoneAuthtoken };

/** `endpoints.oslo_cache`: the in-cluster memcached (the secret key comes with the system values). */
export const osloCacheEndpoint: Values = {
  auth: { memcache_secret_key: null },
  hosts: { default: 'memcached' },
  host_fqdn_override: { default: null },
  port: { memcache: { default: 11211 } },
};

/** `pod.affinity`: one pod per host, required (weight 10). */
export const requiredAntiAffinity: Values = { anti: hostAntiAffinity('required', 10) };

/** Keystone's admin user, as every chart's `endpoints.identity.auth.admin` names it. */
export const keystoneAdminUser: Values = keystoneUser('admin', {
  project_name: 'admin',
  user_domain_name: 'default',
  project_domain_name: 'default',
});

/** `pod.affinity`: spread over hosts where possible (weight 10). */
export const preferredAntiAffinity: Values = { anti: hostAntiAffinity('preferred', 10) };

/** The public ingress of an API, rewritten to its root. */
export const publicIngress: Values = {
  public: true,
  classes: openstackIngressClasses,
  annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/', 'haproxy.org/path-rewrite': '/' },
};

/** Service users that several charts name in `endpoints.identity.auth`, with the admin and service roles. */
export const novaServiceUser: Values = keystoneUser('nova', { role: 'admin,service' });
export const cinderServiceUser: Values = keystoneUser('cinder', { role: 'admin,service' });
export const neutronServiceUser: Values = keystoneUser('neutron', { role: 'admin,service' });
export const placementServiceUser: Values = keystoneUser('placement', { role: 'admin,service' });

/** `labels` of a chart with an API and jobs only, all on the control plane. */
export const controlPlaneLabels: Values = { isApplication: false, api: controlPlaneNode, job: controlPlaneNode };

/** `endpoints.alarming`: aodh's API. */
export const aodhEndpoint: Values = httpEndpoint({ name: 'aodh', port: 8042 });

const apache2Software: Values = {
  binary: 'apache2',
  start_parameters: '-DFOREGROUND',
  site_dir: '/etc/apache2/sites-enable',
  conf_dir: '/etc/apache2/conf-enabled',
  mods_dir: '/etc/apache2/mods-available',
  a2enmod: null,
  a2dismod: null,
};

/** `endpoints.image`: glance's API. */
export const glanceEndpoint: Values = httpEndpoint({ name: 'glance', port: 9292 });

/** `endpoints.baremetal`: ironic's API. */
export const ironicEndpoint: Values = httpEndpoint({ name: 'ironic', port: 6385 });

/** `endpoints.local_image_registry`: the platform's registry. */
export const localImageRegistryEndpoint: Values = {
  name: 'docker-registry',
  namespace: 'docker-registry',
  hosts: { default: 'localhost', internal: 'docker-registry', node: 'localhost' },
  host_fqdn_override: { default: null },
  port: { registry: { node: 5000 } },
};

/** `endpoints.kube_dns`: the cluster DNS, UDP. */
export const kubeDnsEndpoint: Values = {
  namespace: 'kube-system',
  name: 'kubernetes-dns',
  hosts: { default: 'kube-dns' },
  host_fqdn_override: { default: null },
  path: { default: null },
  scheme: 'http',
  port: { dns: { default: 53, protocol: 'UDP' } },
};

/** `conf.software`: Apache as the charts that serve through it run it. */
export const apacheSoftware: Values = { apache2: apache2Software };

/** {@link publicIngress} with no limit on the request body (image uploads, the dashboard). */
export const publicIngressUnlimitedBody: Values = {
  public: true,
  classes: openstackIngressClasses,
  annotations: unlimitedBodyIngressAnnotations,
};

/** `endpoints.fluentd`: the logging collector. */
export const fluentdEndpoint: Values = {
  namespace: null,
  name: 'fluentd',
  hosts: { default: 'fluentd-logging' },
  host_fqdn_override: { default: null },
  path: { default: null },
  scheme: 'http',
  port: { service: { default: 24224 }, metrics: { default: 24220 } },
};

/** `endpoints.monitoring`: Prometheus. */
export const prometheusEndpoint: Values = {
  name: 'prometheus',
  namespace: null,
  hosts: { default: 'prom-metrics', public: 'prometheus' },
  host_fqdn_override: { default: null },
  path: { default: null },
  scheme: { default: 'http' },
  port: { api: { default: 9090, public: 80 } },
};

/** {@link kubeDnsEndpoint} with its TCP port too (the infrastructure charts). */
export const kubeDnsEndpointWithTcp: Values = {
  ...kubeDnsEndpoint,
  port: { dns_tcp: { default: 53 }, dns: { default: 53, protocol: 'UDP' } },
};

/** `endpoints.volumev3`: cinder's v3 API. */
export const cinderV3Endpoint: Values = httpEndpoint({
  name: 'cinderv3',
  host: 'cinder-api',
  publicHost: 'cinder',
  path: { default: '/v3', healthcheck: '/healthcheck' },
  port: 8776,
});

/** `pod.lifecycle` of an API chart: rolling upgrades, no disruption budget, 30 s to stop. */
export const apiPodLifecycle: Values = {
  upgrades: rollingUpdateUpgrades,
  disruption_budget: { api: { min_available: 0 } },
  termination_grace_period: { api: { timeout: 30 } },
};

/** Tolerations that let a pod run on control-plane and compute nodes. */
export const controlPlaneTolerationList: Value[] = [
  { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
  {
    key: 'node-role.kubernetes.io/control-plane',
    operator: 'Exists',
    effect: 'NoSchedule',
  },
  { key: 'openstack-compute-node', operator: 'Exists', effect: 'NoSchedule' },
];

/** `endpoints.placement`: placement's API. */
export const placementEndpoint: Values = httpEndpoint({ name: 'placement', path: { default: '/' }, port: 8778, servicePort: true });

/** `lifecycle.upgrades` of a chart with deployments and the compute daemonset. */
export const rollingUpdateUpgradesWithDaemonsets: Values = {
  deployments: rollingUpdateDeployments,
  daemonsets: rollingUpdateComputeDaemonset,
};

/** `pod.tolerations.<chart>`: {@link controlPlaneTolerationList}, enabled. */
export const controlPlaneTolerations: Values = { enabled: true, tolerations: controlPlaneTolerationList };

/** `conf.ceph.cinder` of libvirt and nova: cinder's ceph user and the libvirt secret that holds its key. */
export const cephCinderClient: Values = { user: 'cinder', keyring: null, secret_uuid: '457eb676-33da-42ec-9a8c-9293d545c337' };
