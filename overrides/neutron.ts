import { Value, Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import {
  controlPlaneNode,
  defaultResourcesFor,
  internalEndpoints,
  internalServices,
  keystoneUser,
  localImageRegistryDependency,
  noExtraMounts,
  osloLogging,
  privilegedContainer,
  probe,
  rallyOnceWith,
  readOnlyContainer,
  rootContainer,
  securityContext,
  uwsgiConf,
} from './blocks';
import {
  controlPlaneTolerations,
  linuxbridgeAgentOnNode,
  openvswitchAgentOnNode,
  ironicEndpoint,
  localImageRegistryEndpoint,
  keystoneAdminUser,
  neutronServiceUser,
  novaServiceUser,
  placementServiceUser,
  ingressEndpoint,
  internalKeystoneAuthtoken,
  kubeDnsEndpoint,
  osloCacheEndpoint,
  slowLivenessProbe,
  kernelModulesSecurityContext,
  publicIngress,
  requiredAntiAffinity,
  rollingUpdateDeployments,
  fluentdEndpoint,
} from './common';
import { commandFilters, configText, iniFile, rootwrapFilters } from './config-files';
import {
  httpEndpoint,
  identityEndpoint,
  keystoneInternalUrl,
  ociImageRegistryEndpoint,
  osloDbEndpoint,
  osloMessagingEndpoint,
} from './endpoints';

const ovnVpnAgentReadiness: Values = probe({ initialDelaySeconds: 30, periodSeconds: 190, timeoutSeconds: 185 });

const dhcpAgentReadiness: Values = {
  enabled: false,
  params: { initialDelaySeconds: 30, periodSeconds: 190, timeoutSeconds: 185 },
};

const ovnVpnAgentLiveness: Values = probe({ initialDelaySeconds: 120, periodSeconds: 600, timeoutSeconds: 580 });

const lbAgentServices: Value[] = internalEndpoints('oslo_messaging', 'network');

const dhcpAgentLiveness: Values = {
  enabled: false,
  params: { initialDelaySeconds: 120, periodSeconds: 600, timeoutSeconds: 580 },
};

const staticBootstrap: Values = internalServices('network', 'compute');

const NeutronNetworksCreateAndDeleteSubnetsArgs: Values = {
  network_create_args: {},
  subnet_cidr_start: '1.1.0.0/30',
  subnet_create_args: {},
  subnets_per_network: 2,
};

const debugPods: Value[] = [
  'dhcp_agent',
  'l3_agent',
  'lb_agent',
  'metadata_agent',
  'ovn_metadata_agent',
  'ovn_vpn_agent',
  'ovs_agent',
  'sriov_agent',
];

const NeutronNetworksCreateAndDeleteRoutersArgs: Values = {
  network_create_args: {},
  router_create_args: {},
  subnet_cidr_start: '1.1.0.0/30',
  subnet_create_args: {},
  subnets_per_network: 2,
};

const netnsCleanupPods: Value[] = [
  'dhcp_agent',
  'l3_agent',
  'lb_agent',
  'metadata_agent',
  'ovn_metadata_agent',
  'ovn_vpn_agent',
  'ovs_agent',
  'sriov_agent',
  'netns_cleanup_cron',
];

const staticLbAgent: Values = { pod: null, jobs: ['neutron-rabbit-init'], services: lbAgentServices };

const testsNeutronNetworksCreateAndDeleteNetworks: Values = {
  args: { network_create_args: {} },
  context: { quotas: { neutron: { network: -1 } } },
  runner: { concurrency: 1, times: 1, type: 'constant' },
  sla: { failure_rate: { max: 0 } },
};

const testsNeutronNetworksCreateAndDeleteNetworks2: Value[] = [testsNeutronNetworksCreateAndDeleteNetworks];

const serverServices: Value[] = internalEndpoints('oslo_db', 'oslo_messaging', 'oslo_cache', 'identity');

const staticDhcp: Values = {
  pod: null,
  jobs: ['neutron-rabbit-init'],
  services: internalEndpoints('oslo_messaging', 'network', 'compute'),
};

const ovnVpnAgentOvnVpnAgent: Values = { readiness: ovnVpnAgentReadiness, liveness: ovnVpnAgentLiveness };

const dhcpAgentDhcpAgent: Values = { readiness: dhcpAgentReadiness, liveness: dhcpAgentLiveness };

const testsNeutronNetworksCreateAndDeleteSubnets: Values = {
  args: NeutronNetworksCreateAndDeleteSubnetsArgs,
  context: { network: {}, quotas: { neutron: { network: -1, subnet: -1 } } },
  runner: { concurrency: 1, times: 1, type: 'constant' },
  sla: { failure_rate: { max: 0 } },
};

const testsNeutronNetworksCreateAndDeleteSubnets2: Value[] = [testsNeutronNetworksCreateAndDeleteSubnets];

const staticServer: Values = {
  jobs: ['neutron-db-sync', 'neutron-ks-user', 'neutron-ks-endpoints', 'neutron-rabbit-init'],
  services: serverServices,
};

const testsNeutronNetworksCreateAndDeleteRouters: Values = {
  args: NeutronNetworksCreateAndDeleteRoutersArgs,
  context: { network: {}, quotas: { neutron: { network: -1, router: -1, subnet: -1 } } },
  runner: { concurrency: 1, times: 1, type: 'constant' },
  sla: { failure_rate: { max: 0 } },
};

const testsNeutronNetworksCreateAndDeleteRouters2: Value[] = [testsNeutronNetworksCreateAndDeleteRouters];

/** Static values of neutron: the StarlingX settings applied over the chart defaults. */
export function neutronStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-neutron',
    images: neutronImages(img),
    labels: {
      isApplication: false,
      agent: {
        dhcp: { node_selector_key: 'openstack-compute-node', node_selector_value: 'enabled' },
        l3: { node_selector_key: 'openstack-compute-node', node_selector_value: 'enabled' },
        metadata: { node_selector_key: 'openstack-compute-node', node_selector_value: 'enabled' },
        l2gw: { node_selector_key: 'openstack-compute-node', node_selector_value: 'enabled' },
      },
      job: controlPlaneNode,
      lb: { node_selector_key: 'linuxbridge', node_selector_value: 'enabled' },
      ovs: { node_selector_key: 'openvswitch', node_selector_value: 'enabled' },
      sriov: { node_selector_key: 'sriov', node_selector_value: 'enabled' },
      bagpipe_bgp: { node_selector_key: 'openstack-compute-node', node_selector_value: 'enabled' },
      bgp_dragent: { node_selector_key: 'openstack-compute-node', node_selector_value: 'enabled' },
      server: controlPlaneNode,
      rpc_server: controlPlaneNode,
      ironic_agent: controlPlaneNode,
      netns_cleanup_cron: controlPlaneNode,
      test: controlPlaneNode,
    },
    network: {
      backend: ['openvswitch', 'sriov'],
      share_namespaces: true,
      interface: { tunnel: null, tunnel_network_cidr: '0/0' },
      server: {
        ingress: publicIngress,
        external_policy_local: false,
        node_port: { enabled: false, port: 30096 },
      },
    },
    bootstrap: { enabled: false, ks_user: 'neutron', script: 'openstack token issue\n' },
    dependencies: neutronDependencies(),
    pod: neutronPod(),
    conf: neutronConf(),
    secrets: {
      identity: {
        admin: 'neutron-keystone-admin',
        neutron: 'neutron-keystone-user',
        nova: 'neutron-keystone-nova',
        placement: 'neutron-keystone-placement',
        designate: 'neutron-keystone-designate',
        ironic: 'neutron-keystone-ironic',
        stx_admin: 'neutron-keystone-stx-admin',
      },
      oslo_db: { admin: 'neutron-db-admin', neutron: 'neutron-db-user' },
      oslo_messaging: { admin: 'neutron-rabbitmq-admin', neutron: 'neutron-rabbitmq-user' },
      tls: {
        compute_metadata: { metadata: { internal: 'metadata-tls-metadata', public: 'neutron-tls-public' } },
        network: { server: { public: 'neutron-tls-public', internal: 'neutron-tls-server' } },
      },
      oci_image_registry: { neutron: 'neutron-oci-image-registry' },
    },
    endpoints: neutronEndpoints(),
    network_policy: { neutron: { ingress: [{}], egress: [{}] } },
    helm3_hook: false,
    health_probe: { logging: { level: 'ERROR' } },
    jobs: {
      ovn_db_sync: { cron: '*/5 * * * *', sync_mode: 'log', history: { success: 3, failed: 1 } },
    },
    tls: { identity: false, oslo_messaging: false, oslo_db: false },
    manifests: neutronManifests(),
    vswitch_labels: ['none'],
  };
}

/** `images`: the image each container runs. */
function neutronImages(img: ImageRefs): Values {
  return {
    tags: {
      bootstrap: img.heat,
      test: null,
      purge_test: null,
      db_init: img.heat,
      neutron_db_sync: img.neutron,
      db_drop: img.heat,
      rabbit_init: img.rabbitmqManagement,
      ks_user: img.openstackclients,
      ks_service: img.heat,
      ks_endpoints: img.heat,
      netoffload: null,
      neutron_server: img.neutron,
      neutron_rpc_server: img.neutron,
      neutron_dhcp: img.neutron,
      neutron_metadata: img.neutron,
      neutron_ovn_metadata: null,
      neutron_ovn_db_sync: img.neutron,
      neutron_ovn_vpn: null,
      neutron_l3: img.neutron,
      neutron_l2gw: img.neutron,
      neutron_openvswitch_agent: img.neutron,
      neutron_linuxbridge_agent: img.neutron,
      neutron_sriov_agent: img.neutron,
      neutron_sriov_agent_init: img.neutron,
      neutron_bagpipe_bgp: img.neutron,
      neutron_bgp_dragent: null,
      neutron_ironic_agent_init: img.neutron,
      neutron_ironic_agent: img.neutron,
      neutron_netns_cleanup_cron: img.neutron,
      dep_check: img.kubernetesEntrypoint,
      image_repo_sync: null,
      pre_apply_cleanup: img.vaultManager,
    },
    pull_policy: 'IfNotPresent',
    local_registry: { active: false, exclude: ['dep_check', 'image_repo_sync'] },
  };
}

/** `dependencies`: the jobs and services each component waits for. */
function neutronDependencies(): Values {
  return {
    dynamic: {
      common: {
        local_image_registry: localImageRegistryDependency('neutron-image-repo-sync'),
      },
      targeted: {
        sriov: {},
        l2gateway: {},
        bagpipe_bgp: {},
        ovn: { server: { pod: null } },
        bgp_dragent: {},
        openvswitch: {
          dhcp: openvswitchAgentOnNode,
          l3: openvswitchAgentOnNode,
          metadata: openvswitchAgentOnNode,
        },
        linuxbridge: {
          dhcp: linuxbridgeAgentOnNode,
          l3: linuxbridgeAgentOnNode,
          metadata: linuxbridgeAgentOnNode,
          lb_agent: { pod: null },
        },
      },
    },
    static: {
      bootstrap: staticBootstrap,
      db_drop: internalServices('oslo_db'),
      db_init: internalServices('oslo_db'),
      db_sync: {
        jobs: ['neutron-db-init'],
        services: internalEndpoints('oslo_db'),
      },
      dhcp: staticDhcp,
      ks_endpoints: {
        jobs: ['neutron-ks-service'],
        services: internalEndpoints('identity'),
      },
      ks_service: internalServices('identity'),
      ks_user: internalServices('identity'),
      rabbit_init: internalServices('oslo_messaging'),
      l3: staticDhcp,
      lb_agent: staticLbAgent,
      metadata: {
        pod: null,
        jobs: ['neutron-rabbit-init'],
        services: internalEndpoints('oslo_messaging', 'network', 'compute', 'compute_metadata'),
      },
      ovn_metadata: {
        pod: [
          {
            requireSameNode: true,
            labels: { application: 'ovn', component: 'ovn-controller' },
          },
        ],
        services: internalEndpoints('compute_metadata', 'network'),
      },
      ovn_vpn_agent: {
        pod: [
          {
            requireSameNode: true,
            labels: { application: 'ovn', component: 'ovn-controller' },
          },
        ],
        services: lbAgentServices,
      },
      ovs_agent: staticLbAgent,
      server: staticServer,
      rpc_server: { jobs: ['neutron-db-sync', 'neutron-rabbit-init'], services: serverServices },
      ironic_agent: staticServer,
      tests: staticBootstrap,
      image_repo_sync: internalServices('local_image_registry'),
    },
  };
}

/** `pod`: scheduling, probes, security, mounts and resources of the pods. */
function neutronPod(): Values {
  return {
    labels: { include_app_kubernetes_io: false },
    use_fqdn: { neutron_agent: true },
    probes: neutronPodProbes(),
    security_context: neutronSecurityContext(),
    affinity: requiredAntiAffinity,
    tolerations: { neutron: controlPlaneTolerations },
    etcSources: {
      neutron_server: [],
      neutron_rpc_server: [],
      neutron_dhcp_agent: [],
      neutron_l3_agent: [],
      neutron_lb_agent: [],
      neutron_metadata_agent: [],
      neutron_ovn_db_sync: [],
      neutron_ovn_metadata_agent: [],
      ovn_vpn_agent: [],
      neutron_ovs_agent: [],
      neutron_sriov_agent: [],
      neutron_l2gw_agent: [],
      bagpipe_bgp: [],
      bgp_dragent: [],
      neutron_ironic_agent: [],
      neutron_netns_cleanup_cron: [],
      neutron_tests: [],
      neutron_bootstrap: [],
      neutron_db_sync: [],
    },
    mounts: {
      ...noExtraMounts(
        'neutron_server',
        'neutron_rpc_server',
        'neutron_dhcp_agent',
        'neutron_l3_agent',
        'neutron_lb_agent',
        'neutron_metadata_agent',
        'neutron_ovn_db_sync',
        'neutron_ovn_metadata_agent',
        'ovn_vpn_agent',
        'neutron_ovs_agent',
        'neutron_sriov_agent',
        'neutron_l2gw_agent',
        'bagpipe_bgp',
        'bgp_dragent',
        'neutron_ironic_agent',
        'neutron_netns_cleanup_cron',
        'neutron_tests',
        'neutron_bootstrap',
      ),
      neutron_db_sync: {
        neutron_db_sync: {
          volumeMounts: [
            {
              name: 'db-sync-conf',
              mountPath: '/etc/neutron/plugins/ml2/ml2_conf.ini',
              subPath: 'ml2_conf.ini',
              readOnly: true,
            },
          ],
          volumes: null,
        },
      },
    },
    replicas: { server: 2, rpc_server: 1, ironic_agent: 1 },
    lifecycle: {
      upgrades: {
        deployments: rollingUpdateDeployments,
        daemonsets: {
          pod_replacement_strategy: 'RollingUpdate',
          dhcp_agent: { enabled: true, min_ready_seconds: 0, max_unavailable: 1 },
          l3_agent: { enabled: true, min_ready_seconds: 0, max_unavailable: 1 },
          lb_agent: { enabled: true, min_ready_seconds: 0, max_unavailable: 1 },
          metadata_agent: { enabled: true, min_ready_seconds: 0, max_unavailable: 1 },
          ovn_metadata_agent: { enabled: true, min_ready_seconds: 0, max_unavailable: 1 },
          ovn_vpn_agent: { enabled: true, min_ready_seconds: 0, max_unavailable: 1 },
          ovs_agent: { enabled: true, min_ready_seconds: 0, max_unavailable: 1 },
          sriov_agent: { enabled: true, min_ready_seconds: 0, max_unavailable: 1 },
          netns_cleanup_cron: { enabled: true, min_ready_seconds: 0, max_unavailable: 1 },
        },
      },
      disruption_budget: { server: { min_available: 0 } },
      termination_grace_period: {
        server: { timeout: 30 },
        rpc_server: { timeout: 30 },
        ironic_agent: { timeout: 30 },
      },
    },
    resources: neutronPodResources(),
  };
}

/** `pod.probes`: the liveness, readiness and startup probes of each component. */
function neutronPodProbes(): Values {
  return {
    rpc_timeout: 60,
    rpc_retries: 2,
    dhcp_agent: { dhcp_agent: dhcpAgentDhcpAgent },
    l3_agent: { l3_agent: dhcpAgentDhcpAgent },
    lb_agent: { lb_agent: { readiness: { enabled: false }, liveness: { enabled: false } } },
    metadata_agent: { metadata_agent: dhcpAgentDhcpAgent },
    ovn_vpn_agent: { ovn_vpn_agent: ovnVpnAgentOvnVpnAgent },
    ovn_metadata_agent: { ovn_metadata_agent: ovnVpnAgentOvnVpnAgent },
    ovs_agent: {
      ovs_agent: {
        readiness: { enabled: false, params: { timeoutSeconds: 10 } },
        liveness: dhcpAgentLiveness,
      },
    },
    sriov_agent: { sriov_agent: { readiness: dhcpAgentReadiness, liveness: { enabled: false } } },
    bagpipe_bgp: {
      bagpipe_bgp: {
        readiness: { enabled: true, params: null },
        liveness: probe({ initialDelaySeconds: 60 }),
      },
    },
    bgp_dragent: {
      bgp_dragent: {
        readiness: { enabled: false, params: null },
        liveness: probe({ initialDelaySeconds: 60 }),
      },
    },
    l2gw_agent: {
      l2gw_agent: {
        readiness: probe({ initialDelaySeconds: 30, periodSeconds: 15, timeoutSeconds: 65 }),
        liveness: slowLivenessProbe,
      },
    },
    server: {
      server: {
        readiness: probe({ periodSeconds: 15, timeoutSeconds: 10 }),
        liveness: {
          enabled: true,
          port: 1717,
          params: { initialDelaySeconds: 60, periodSeconds: 15, timeoutSeconds: 10 },
        },
      },
    },
    rpc_server: {
      rpc_server: {
        readiness: probe({ periodSeconds: 15, timeoutSeconds: 10 }),
        liveness: probe({ initialDelaySeconds: 60, periodSeconds: 15, timeoutSeconds: 10 }),
      },
    },
  };
}

/** `pod.security_context`: who each container runs as. */
function neutronSecurityContext(): Values {
  return {
    neutron_dhcp_agent: securityContext(0, { neutron_dhcp_agent: privilegedContainer }),
    neutron_l2gw_agent: securityContext(0, { neutron_l2gw_agent: privilegedContainer }),
    neutron_bagpipe_bgp: securityContext(0, { neutron_bagpipe_bgp: privilegedContainer }),
    neutron_bgp_dragent: securityContext(42424, { neutron_bgp_dragent: privilegedContainer }),
    neutron_l3_agent: securityContext(0, { neutron_l3_agent: privilegedContainer }),
    neutron_lb_agent: securityContext(0, {
      neutron_lb_agent_kernel_modules: kernelModulesSecurityContext,
      neutron_lb_agent_init: { privileged: true, runAsUser: 0, readOnlyRootFilesystem: true },
      neutron_lb_agent: privilegedContainer,
    }),
    neutron_metadata_agent: securityContext(0, { neutron_metadata_agent_init: rootContainer }),
    neutron_ovn_metadata_agent: securityContext(42424, {
      neutron_ovn_metadata_agent_init: rootContainer,
    }),
    ovn_vpn_agent: securityContext(42424, { ovn_vpn_agent_init: rootContainer }),
    neutron_ovs_agent: securityContext(0, {
      neutron_openvswitch_agent_kernel_modules: kernelModulesSecurityContext,
      netoffload: { privileged: true, runAsUser: 0, readOnlyRootFilesystem: true },
      neutron_ovs_agent_init: { privileged: true, runAsUser: 0, readOnlyRootFilesystem: true },
      neutron_ovs_agent: privilegedContainer,
    }),
    neutron_server: securityContext(0, {
      nginx: { runAsUser: 0, readOnlyRootFilesystem: false },
      neutron_server: readOnlyContainer,
    }),
    neutron_rpc_server: securityContext(42424, { neutron_rpc_server: readOnlyContainer }),
    neutron_sriov_agent: securityContext(0, {
      neutron_sriov_agent_init: { privileged: true, runAsUser: 0, readOnlyRootFilesystem: false },
      neutron_sriov_agent: privilegedContainer,
    }),
    neutron_ironic_agent: securityContext(42424, {
      neutron_ironic_agent_init: rootContainer,
      neutron_ironic_agent: readOnlyContainer,
    }),
    neutron_netns_cleanup_cron: securityContext(0, {
      neutron_netns_cleanup_cron: privilegedContainer,
    }),
  };
}

/** `pod.resources`: requests and limits of each component and job. */
function neutronPodResources(): Values {
  return {
    enabled: false,
    agent: defaultResourcesFor(
      'dhcp',
      'l3',
      'lb',
      'metadata',
      'ovn_metadata',
      'ovn_vpn',
      'ovs',
      'sriov',
      'l2gw',
      'bagpipe_bgp',
      'bgp_dragent',
    ),
    ...defaultResourcesFor('server', 'ironic_agent', 'netns_cleanup_cron'),
    jobs: defaultResourcesFor(
      'bootstrap',
      'db_init',
      'rabbit_init',
      'db_sync',
      'db_drop',
      'ks_endpoints',
      'ks_service',
      'ks_user',
      'tests',
      'image_repo_sync',
      'ovn_db_sync',
    ),
  };
}

/** `conf`: the contents of neutron's configuration files, and the chart's other settings. */
function neutronConf(): Values {
  return {
    rally_tests: neutronRallyTests(),
    paste: neutronPaste(),
    neutron_api_uwsgi: uwsgiConf('neutron-api', 'neutron.wsgi.api:application', { startTime: '%t' }),
    policy: {},
    api_audit_map: neutronApiAuditMap(),
    neutron_sudoers: configText([
      'Defaults !requiretty',
      'Defaults secure_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin:/var/lib/openstack/bin:/var/lib/kolla/venv/bin"',
      'neutron ALL = (root) NOPASSWD: /var/lib/kolla/venv/bin/neutron-rootwrap /etc/neutron/rootwrap.conf *, /var/lib/openstack/bin/neutron-rootwrap /etc/neutron/rootwrap.conf *',
      'neutron ALL = (root) NOPASSWD: /var/lib/kolla/venv/bin/neutron-rootwrap-daemon /etc/neutron/rootwrap.conf, /var/lib/openstack/bin/neutron-rootwrap-daemon /etc/neutron/rootwrap.conf',
    ]),
    rootwrap: iniFile({
      DEFAULT: {
        filters_path: '/etc/neutron/rootwrap.d,/usr/share/neutron/rootwrap,/var/lib/openstack/etc/neutron/rootwrap.d',
        exec_dirs: '/sbin,/usr/sbin,/bin,/usr/bin,/usr/local/bin,/usr/local/sbin,/var/lib/openstack/bin,/var/lib/kolla/venv/bin',
        use_syslog: 'False',
        syslog_log_facility: 'syslog',
        syslog_log_level: 'ERROR',
      },
    }),
    rootwrap_filters: neutronRootwrapFilters(),
    neutron: neutronConfFile(),
    logging: osloLogging(['neutron', 'neutron_taas'], '%Y-%m-%d %H:%M:%S'),
    plugins: neutronPlugins(),
    dhcp_agent: {
      DEFAULT: {
        interface_driver: 'openvswitch',
        dnsmasq_config_file: '/etc/neutron/dnsmasq.conf',
        force_metadata: true,
        enable_isolated_metadata: true,
        enable_metadata_network: false,
        resync_interval: 30,
      },
      ovs: {},
    },
    dnsmasq: configText([]),
    neutron_vpnaas: null,
    ovn_vpn_agent: {
      DEFAULT: { interface_driver: 'openvswitch' },
      vpnagent: {
        vpn_device_driver: 'neutron_vpnaas.services.vpn.device_drivers.ovn_ipsec.OvnStrongSwanDriver',
      },
      ovs: { ovsdb_connection: 'unix:/run/openvswitch/db.sock' },
    },
    l3_agent: {
      DEFAULT: { interface_driver: 'openvswitch', agent_mode: 'dvr_snat', metadata_port: 80 },
    },
    metering_agent: null,
    metadata_agent: {
      DEFAULT: {
        log_config_append: '/etc/neutron/logging.conf',
        metadata_proxy_socket: '/var/lib/neutron/openstack-helm/metadata_proxy',
      },
      cache: { enabled: true, backend: 'dogpile.cache.memcached' },
    },
    bagpipe_bgp: {},
    ovn_metadata_agent: {
      DEFAULT: {
        metadata_proxy_socket: '/var/lib/neutron/openstack-helm/metadata_proxy',
        metadata_workers: 2,
      },
      cache: { enabled: true, backend: 'dogpile.cache.memcached' },
      ovs: { ovsdb_connection: 'unix:/run/openvswitch/db.sock' },
    },
    bgp_dragent: {},
    rabbitmq: {
      policies: [
        {
          vhost: 'neutron',
          name: 'ha_ttl_neutron',
          definition: { 'ha-mode': 'all', 'ha-sync-mode': 'automatic', 'message-ttl': 70000 },
          priority: 0,
          'apply-to': 'all',
          pattern: '^(?!(amq\\.|reply_)).*',
        },
      ],
    },
    sriov_init: [null],
    auto_bridge_add: { 'br-ex': null },
    netoffload: { enabled: false, asap2: null },
    ovs_dpdk: {
      enabled: false,
      update_dpdk_bond_config: true,
      driver: 'uio_pci_generic',
      nics: [
        {
          name: 'dpdk0',
          pci_id: '0000:05:00.0',
          bridge: 'br-phy',
          migrate_ip: true,
          n_rxq: 2,
          n_txq: 2,
          pmd_rxq_affinity: '0:3,1:27',
          ofport_request: 1,
        },
      ],
      bridges: [{ name: 'br-phy' }],
    },
    overrides: {
      'neutron_netns-cleanup-cron': {
        labels: [{ conf: {}, label: { key: 'openstack-control-plane', values: ['enabled'] } }],
      },
    },
  };
}

/** `conf.rally_tests`: the Rally smoke tests of the chart's test pod. */
function neutronRallyTests(): Values {
  return {
    run_tempest: false,
    tests: {
      'NeutronNetworks.create_and_delete_networks': testsNeutronNetworksCreateAndDeleteNetworks2,
      'NeutronNetworks.create_and_delete_ports': [
        {
          args: { network_create_args: {}, port_create_args: {}, ports_per_network: 10 },
          context: { network: {}, quotas: { neutron: { network: -1, port: -1 } } },
          runner: { concurrency: 1, times: 1, type: 'constant' },
          sla: { failure_rate: { max: 0 } },
        },
      ],
      'NeutronNetworks.create_and_delete_routers': testsNeutronNetworksCreateAndDeleteRouters2,
      'NeutronNetworks.create_and_delete_subnets': testsNeutronNetworksCreateAndDeleteSubnets2,
      'NeutronNetworks.create_and_list_routers': testsNeutronNetworksCreateAndDeleteRouters2,
      'NeutronNetworks.create_and_list_subnets': testsNeutronNetworksCreateAndDeleteSubnets2,
      'NeutronNetworks.create_and_show_network': testsNeutronNetworksCreateAndDeleteNetworks2,
      'NeutronNetworks.create_and_update_networks': [
        {
          args: { network_create_args: {}, network_update_args: { admin_state_up: false } },
          context: { quotas: { neutron: { network: -1 } } },
          runner: { concurrency: 1, times: 1, type: 'constant' },
          sla: { failure_rate: { max: 0 } },
        },
      ],
      'NeutronNetworks.create_and_update_ports': [
        {
          args: {
            network_create_args: {},
            port_create_args: {},
            port_update_args: {
              admin_state_up: false,
              device_id: 'dummy_id',
              device_owner: 'dummy_owner',
            },
            ports_per_network: 5,
          },
          context: { network: {}, quotas: { neutron: { network: -1, port: -1 } } },
          runner: { concurrency: 1, times: 1, type: 'constant' },
          sla: { failure_rate: { max: 0 } },
        },
      ],
      'NeutronNetworks.create_and_update_routers': [
        {
          args: {
            network_create_args: {},
            router_create_args: {},
            router_update_args: { admin_state_up: false },
            subnet_cidr_start: '1.1.0.0/30',
            subnet_create_args: {},
            subnets_per_network: 2,
          },
          context: {
            network: {},
            quotas: { neutron: { network: -1, router: -1, subnet: -1 } },
          },
          runner: { concurrency: 1, times: 1, type: 'constant' },
          sla: { failure_rate: { max: 0 } },
        },
      ],
      'NeutronNetworks.create_and_update_subnets': [
        {
          args: {
            network_create_args: {},
            subnet_cidr_start: '1.4.0.0/16',
            subnet_create_args: {},
            subnet_update_args: { enable_dhcp: false },
            subnets_per_network: 2,
          },
          context: { network: {}, quotas: { neutron: { network: -1, subnet: -1 } } },
          runner: { concurrency: 1, times: 1, type: 'constant' },
          sla: { failure_rate: { max: 0 } },
        },
      ],
      'NeutronNetworks.list_agents': rallyOnceWith({ agent_args: {} }),
      'NeutronSecurityGroup.create_and_list_security_groups': [
        {
          args: { security_group_create_args: {} },
          context: { quotas: { neutron: { security_group: -1 } } },
          runner: { concurrency: 1, times: 1, type: 'constant' },
          sla: { failure_rate: { max: 0 } },
        },
      ],
      'NeutronSecurityGroup.create_and_update_security_groups': [
        {
          args: { security_group_create_args: {}, security_group_update_args: {} },
          context: { quotas: { neutron: { security_group: -1 } } },
          runner: { concurrency: 1, times: 1, type: 'constant' },
          sla: { failure_rate: { max: 0 } },
        },
      ],
    },
  };
}

/** `conf.paste`: api-paste.ini of the networking API. */
function neutronPaste(): Values {
  return {
    'composite:neutron': {
      use: 'egg:Paste#urlmap',
      '/': 'neutronversions_composite',
      '/v2.0': 'neutronapi_v2_0',
    },
    'composite:neutronapi_v2_0': {
      use: 'call:neutron.auth:pipeline_factory',
      noauth: 'cors http_proxy_to_wsgi request_id catch_errors extensions neutronapiapp_v2_0',
      keystone: 'cors http_proxy_to_wsgi request_id catch_errors authtoken audit keystonecontext extensions neutronapiapp_v2_0',
    },
    'composite:neutronversions_composite': {
      use: 'call:neutron.auth:pipeline_factory',
      noauth: 'cors http_proxy_to_wsgi neutronversions',
      keystone: 'cors http_proxy_to_wsgi neutronversions',
    },
    'filter:request_id': { 'paste.filter_factory': 'oslo_middleware:RequestId.factory' },
    'filter:catch_errors': { 'paste.filter_factory': 'oslo_middleware:CatchErrors.factory' },
    'filter:cors': {
      'paste.filter_factory': 'oslo_middleware.cors:filter_factory',
      oslo_config_project: 'neutron',
    },
    'filter:http_proxy_to_wsgi': {
      'paste.filter_factory': 'oslo_middleware.http_proxy_to_wsgi:HTTPProxyToWSGI.factory',
    },
    'filter:keystonecontext': { 'paste.filter_factory': 'neutron.auth:NeutronKeystoneContext.factory' },
    'filter:authtoken': { 'paste.filter_factory': 'keystonemiddleware.auth_token:filter_factory' },
    'filter:audit': {
      'paste.filter_factory': 'keystonemiddleware.audit:filter_factory',
      audit_map_file: '/etc/neutron/api_audit_map.conf',
    },
    'filter:extensions': {
      'paste.filter_factory': 'neutron.api.extensions:plugin_aware_extension_middleware_factory',
    },
    'app:neutronversions': { 'paste.app_factory': 'neutron.pecan_wsgi.app:versions_factory' },
    'app:neutronapiapp_v2_0': { 'paste.app_factory': 'neutron.api.v2.router:APIRouter.factory' },
    'filter:osprofiler': { 'paste.filter_factory': 'osprofiler.web:WsgiMiddleware.factory' },
  };
}

/** `conf.api_audit_map`: how the audit middleware names API requests. */
function neutronApiAuditMap(): Values {
  return {
    DEFAULT: { target_endpoint_type: 'None' },
    custom_actions: { add_router_interface: 'update/add', remove_router_interface: 'update/remove' },
    path_keywords: {
      floatingips: 'ip',
      healthmonitors: 'healthmonitor',
      health_monitors: 'health_monitor',
      lb: 'None',
      members: 'member',
      'metering-labels': 'label',
      'metering-label-rules': 'rule',
      networks: 'network',
      pools: 'pool',
      ports: 'port',
      routers: 'router',
      quotas: 'quota',
      'security-groups': 'security-group',
      'security-group-rules': 'rule',
      subnets: 'subnet',
      vips: 'vip',
    },
    service_endpoints: { network: 'service/network' },
  };
}

/** The `ip` commands of the agents, in and out of network namespaces, and the interface lookup. */
const NETNS_IP_FILTERS = {
  ip: ['IpFilter', 'ip', 'root'],
  find: ['RegExpFilter', 'find', 'root', 'find', '/sys/class/net', '-maxdepth', '1', '-type', 'l', '-printf', '%.*'],
  ip_exec: ['IpNetnsExecFilter', 'ip', 'root'],
};

/** The Python interpreters a metadata proxy may run under: the filter name's suffix and the executable. */
const METADATA_PROXY_PYTHONS = [
  ['', 'python'],
  ['2', 'python2'],
  ['7', 'python2.7'],
  ['3', 'python3'],
  ['35', 'python3.5'],
  ['36', 'python3.6'],
  ['37', 'python3.7'],
] as const;

/** The filters that let an agent stop its metadata proxies (`kill_metadata<suffix>`), with the signals it may send. */
function killMetadataProxyFilters(...signals: readonly string[]): Record<string, readonly string[]> {
  return Object.fromEntries(
    METADATA_PROXY_PYTHONS.map(([suffix, python]) => [`kill_metadata${suffix}`, ['KillFilter', 'root', python, ...signals]]),
  );
}

/** `conf.rootwrap_filters`: the commands each pod may run as root. */
function neutronRootwrapFilters(): Values {
  return {
    debug: {
      pods: debugPods,
      content: rootwrapFilters({
        ping: ['RegExpFilter', 'ping', 'root', 'ping', '-w', '\\d+', '-c', '\\d+', '[0-9\\.]+'],
        ping_alt: ['RegExpFilter', 'ping', 'root', 'ping', '-c', '\\d+', '-w', '\\d+', '[0-9\\.]+'],
        ping6: ['RegExpFilter', 'ping6', 'root', 'ping6', '-w', '\\d+', '-c', '\\d+', '[0-9A-Fa-f:]+'],
        ping6_alt: ['RegExpFilter', 'ping6', 'root', 'ping6', '-c', '\\d+', '-w', '\\d+', '[0-9A-Fa-f:]+'],
      }),
    },
    dibbler: {
      pods: debugPods,
      content: rootwrapFilters(commandFilters('dibbler-client')),
    },
    ipset_firewall: {
      pods: debugPods,
      content: rootwrapFilters(commandFilters('ipset')),
    },
    l3: neutronL3RootwrapFilters(),
    netns_cleanup: {
      pods: netnsCleanupPods,
      content: rootwrapFilters(commandFilters('netstat')),
    },
    dhcp: {
      pods: netnsCleanupPods,
      content: rootwrapFilters({
        dnsmasq: ['CommandFilter', 'dnsmasq', 'root'],
        kill_dnsmasq: ['KillFilter', 'root', '/sbin/dnsmasq', '-9', '-HUP', '-15'],
        kill_dnsmasq_usr: ['KillFilter', 'root', '/usr/sbin/dnsmasq', '-9', '-HUP', '-15'],
        ...commandFilters('ovs-vsctl', 'ivs-ctl', 'mm-ctl', 'dhcp_release', 'dhcp_release6'),
        metadata_proxy: ['CommandFilter', 'neutron-ns-metadata-proxy', 'root'],
        ...killMetadataProxyFilters('-9'),
        ...NETNS_IP_FILTERS,
      }),
    },
    ebtables: {
      pods: debugPods,
      content: rootwrapFilters(commandFilters('ebtables')),
    },
    iptables_firewall: {
      pods: debugPods,
      content: rootwrapFilters(
        commandFilters(
          'iptables-save',
          'iptables-restore',
          'ip6tables-save',
          'ip6tables-restore',
          'iptables',
          'ip6tables',
          'sysctl',
          'conntrack',
        ),
      ),
    },
    linuxbridge_plugin: {
      pods: debugPods,
      content: rootwrapFilters({
        ...commandFilters('brctl', 'bridge'),
        ...NETNS_IP_FILTERS,
        tc_replace_tbf: [
          'RegExpFilter',
          'tc',
          'root',
          'tc',
          'qdisc',
          'replace',
          'dev',
          '.+',
          'root',
          'tbf',
          'rate',
          '.+',
          'latency',
          '.+',
          'burst',
          '.+',
        ],
        tc_add_ingress: ['RegExpFilter', 'tc', 'root', 'tc', 'qdisc', 'add', 'dev', '.+', 'ingress', 'handle', '.+'],
        tc_delete: ['RegExpFilter', 'tc', 'root', 'tc', 'qdisc', 'del', 'dev', '.+', '.+'],
        tc_show_qdisc: ['RegExpFilter', 'tc', 'root', 'tc', 'qdisc', 'show', 'dev', '.+'],
        tc_show_filters: ['RegExpFilter', 'tc', 'root', 'tc', 'filter', 'show', 'dev', '.+', 'parent', '.+'],
        tc_add_filter: [
          'RegExpFilter',
          'tc',
          'root',
          'tc',
          'filter',
          'add',
          'dev',
          '.+',
          'parent',
          '.+',
          'protocol',
          'all',
          'prio',
          '.+',
          'basic',
          'police',
          'rate',
          '.+',
          'burst',
          '.+',
          'mtu',
          '.+',
          'drop',
        ],
      }),
    },
    openvswitch_plugin: {
      pods: debugPods,
      content: rootwrapFilters({
        ...commandFilters('ovs-vsctl', 'ovs-ofctl', 'ovs-appctl'),
        kill_ovsdb_client: ['KillFilter', 'root', '/usr/bin/ovsdb-client', '-9'],
        ...commandFilters('ovsdb-client', 'xe'),
        ...NETNS_IP_FILTERS,
        bridge: ['CommandFilter', 'bridge', 'root'],
      }),
    },
    privsep: {
      pods: netnsCleanupPods,
      content: configText([
        '[Filters]',
        'privsep: PathFilter, privsep-helper, root,',
        ' --config-file, /etc,',
        ' --privsep_context, neutron.privileged.default,',
        ' --privsep_sock_path, /',
      ]),
    },
    linux_vxlan: {
      pods: ['bagpipe_bgp'],
      content: rootwrapFilters({
        ...commandFilters('modprobe', 'brctl', 'bridge'),
        ip: ['IpFilter', 'ip', 'root'],
        ip_exec: ['IpNetnsExecFilter', 'ip', 'root'],
        sh: ['CommandFilter', 'sh', 'root'],
      }),
    },
    mpls_ovs_dataplane: {
      pods: ['bagpipe_bgp'],
      content: rootwrapFilters({
        ...commandFilters('ovs-vsctl', 'ovs-ofctl'),
        ip: ['IpFilter', 'ip', 'root'],
        ip_exec: ['IpNetnsExecFilter', 'ip', 'root'],
        sh: ['CommandFilter', 'sh', 'root'],
      }),
    },
  };
}

/** `conf.rootwrap_filters.l3`: the commands the L3 agent may run as root. */
function neutronL3RootwrapFilters(): Values {
  return {
    pods: debugPods,
    content: rootwrapFilters({
      ...commandFilters('arping', 'sysctl', 'route', 'radvd'),
      haproxy: ['RegExpFilter', 'haproxy', 'root', 'haproxy', '-f', '.*'],
      kill_haproxy: ['KillFilter', 'root', 'haproxy', '-15', '-9', '-HUP'],
      metadata_proxy: ['CommandFilter', 'neutron-ns-metadata-proxy', 'root'],
      ...killMetadataProxyFilters('-15', '-9'),
      kill_radvd_usr: ['KillFilter', 'root', '/usr/sbin/radvd', '-15', '-9', '-HUP'],
      kill_radvd: ['KillFilter', 'root', '/sbin/radvd', '-15', '-9', '-HUP'],
      ...NETNS_IP_FILTERS,
      l3_tc_show_qdisc: ['RegExpFilter', 'tc', 'root', 'tc', 'qdisc', 'show', 'dev', '.+'],
      l3_tc_add_qdisc_ingress: ['RegExpFilter', 'tc', 'root', 'tc', 'qdisc', 'add', 'dev', '.+', 'ingress'],
      l3_tc_add_qdisc_egress: ['RegExpFilter', 'tc', 'root', 'tc', 'qdisc', 'add', 'dev', '.+', 'root', 'handle', '1:', 'htb'],
      l3_tc_show_filters: [
        'RegExpFilter',
        'tc',
        'root',
        'tc',
        '-p',
        '-s',
        '-d',
        'filter',
        'show',
        'dev',
        '.+',
        'parent',
        '.+',
        'prio',
        '1',
      ],
      l3_tc_delete_filters: [
        'RegExpFilter',
        'tc',
        'root',
        'tc',
        'filter',
        'del',
        'dev',
        '.+',
        'parent',
        '.+',
        'prio',
        '1',
        'handle',
        '.+',
        'u32',
      ],
      l3_tc_add_filter_ingress: [
        'RegExpFilter',
        'tc',
        'root',
        'tc',
        'filter',
        'add',
        'dev',
        '.+',
        'parent',
        '.+',
        'protocol',
        'ip',
        'prio',
        '1',
        'u32',
        'match',
        'ip',
        'dst',
        '.+',
        'police',
        'rate',
        '.+',
        'burst',
        '.+',
        'drop',
        'flowid',
        ':1',
      ],
      l3_tc_add_filter_egress: [
        ' RegExpFilter',
        'tc',
        'root',
        'tc',
        'filter',
        'add',
        'dev',
        '.+',
        'parent',
        '.+',
        'protocol',
        'ip',
        'prio',
        '1',
        'u32',
        'match',
        'ip',
        'src',
        '.+',
        'police',
        'rate',
        '.+',
        'burst',
        '.+',
        'drop',
        'flowid',
        ':1',
      ],
      kill_ip_monitor: ['KillFilter', 'root', 'ip', '-9'],
      ...commandFilters('ovs-vsctl', 'iptables-save', 'iptables-restore', 'ip6tables-save', 'ip6tables-restore', 'keepalived'),
      kill_keepalived: ['KillFilter', 'root', 'keepalived', '-HUP', '-15', '-9'],
      conntrack: ['CommandFilter', 'conntrack', 'root'],
      keepalived_state_change: ['CommandFilter', 'neutron-keepalived-state-change', 'root'],
      kill_keepalived_monitor_py: ['KillFilter', 'root', 'python', '-15'],
      kill_keepalived_monitor_py27: ['KillFilter', 'root', 'python2.7', '-15'],
      kill_keepalived_monitor_py3: ['KillFilter', 'root', 'python3', '-15'],
      kill_keepalived_monitor_py35: ['KillFilter', 'root', 'python3.5', '-15'],
      kill_keepalived_monitor_py36: ['KillFilter', 'root', 'python3.6', '-15'],
      kill_keepalived_monitor_py37: ['KillFilter', 'root', 'python3.7', '-15'],
    }),
  };
}

/** `conf.neutron`: neutron.conf. */
function neutronConfFile(): Values {
  return {
    DEFAULT: {
      metadata_proxy_socket: '/var/lib/neutron/openstack-helm/metadata_proxy',
      log_config_append: '/etc/neutron/logging.conf',
      bind_port: null,
      default_availability_zones: 'nova',
      api_workers: 1,
      rpc_workers: 4,
      allow_overlapping_ips: true,
      state_path: '/var/run/neutron',
      core_plugin: 'neutron.plugins.ml2.plugin.Ml2Plugin',
      service_plugins: 'router,network_segment_range',
      allow_automatic_l3agent_failover: true,
      l3_ha: false,
      max_l3_agents_per_router: 1,
      l3_ha_network_type: 'vxlan',
      network_auto_schedule: true,
      router_auto_schedule: true,
      interface_driver: null,
      min_l3_agents_per_router: 1,
      dhcp_agents_per_network: 1,
      max_overflow: 64,
      max_pool_size: 1,
      idle_timeout: 60,
      rpc_response_max_timeout: 60,
      router_status_managed: true,
      wsgi_default_pool_size: 100,
      notify_nova_on_port_data_changes: true,
      notify_nova_on_port_status_changes: true,
      control_exchange: 'neutron',
      syslog_log_facility: 'local2',
      use_syslog: true,
      pnet_audit_enabled: false,
      driver: 'messagingv2',
      enable_proxy_headers_parsing: true,
      log_format: '[%(name)s] %(message)s',
      policy_file: '/etc/neutron/policy.json',
      dns_domain: 'openstacklocal',
      enable_new_agents: false,
      allow_automatic_dhcp_failover: true,
      agent_down_time: 180,
      bind_host: '::',
    },
    oslo_concurrency: { lock_path: '/var/lib/oslo-lock' },
    database: { max_retries: -1, connection: '' },
    agent: {
      root_helper: 'sudo /var/lib/openstack/bin/neutron-rootwrap /etc/neutron/rootwrap.conf',
      root_helper_daemon: 'sudo /var/lib/openstack/bin/neutron-rootwrap-daemon /etc/neutron/rootwrap.conf',
    },
    oslo_messaging_notifications: { driver: 'messagingv2' },
    oslo_messaging_rabbit: { rabbit_ha_queues: true },
    oslo_middleware: { enable_proxy_headers_parsing: true },
    oslo_policy: { policy_file: '/etc/neutron/policy.yaml' },
    ovn: { ovn_metadata_enabled: true },
    nova: {
      auth_type: 'password',
      auth_version: 'v3',
      endpoint_type: 'internal',
      auth_url: keystoneInternalUrl,
    },
    placement: { auth_type: 'password', auth_version: 'v3', endpoint_type: 'internal' },
    designate: {
      auth_type: 'password',
      auth_version: 'v3',
      endpoint_type: 'internal',
      allow_reverse_dns_lookup: true,
    },
    ironic: { auth_type: 'password', auth_version: 'v3', endpoint_type: 'internal' },
    keystone_authtoken: {
      service_token_roles: 'service',
      service_token_roles_required: true,
      memcache_security_strategy: 'ENCRYPT',
      auth_type: 'password',
      auth_version: 'v3',
      service_type: 'network',
      ...internalKeystoneAuthtoken,
    },
    octavia: { request_poll_timeout: 3000 },
    vhost: { vhost_user_enabled: true },
  };
}

/** `conf.plugins`: the configuration files of the ML2 plugin and the L2 agents. */
function neutronPlugins(): Values {
  return {
    ml2_conf: {
      ml2: {
        extension_drivers: 'port_security',
        mechanism_drivers: 'openvswitch,sriovnicswitch,l2population',
        type_drivers: 'flat,vlan,vxlan',
        project_network_types: 'vlan,vxlan',
        path_mtu: 0,
      },
      ml2_type_vxlan: { vni_ranges: '', vxlan_group: '' },
      ml2_type_flat: { flat_networks: '*' },
      ml2_type_geneve: { vni_ranges: '1:65536', max_header_size: 38 },
      agent: { extensions: '' },
      ovn: {},
      ovs_driver: { vhost_user_enabled: true },
      securitygroup: { firewall_driver: 'openvswitch' },
    },
    ml2_conf_sriov: null,
    taas: { taas: { enabled: false } },
    openvswitch_agent: {
      agent: { tunnel_types: 'vxlan', l2_population: true, arp_responder: true },
      ovs: { bridge_mappings: 'public:br-ex' },
      securitygroup: { firewall_driver: 'openvswitch' },
    },
    linuxbridge_agent: {
      linux_bridge: { bridge_mappings: 'external:br-ex' },
      securitygroup: { firewall_driver: 'iptables' },
      vxlan: { l2_population: true, arp_responder: true },
    },
    macvtap_agent: null,
    sriov_agent: {
      securitygroup: { firewall_driver: 'neutron.agent.firewall.NoopFirewallDriver' },
      sriov_nic: { physical_device_mappings: 'physnet2:enp3s0f1', exclude_devices: '' },
    },
  };
}

/** `endpoints`: the services neutron reaches and its own. */
function neutronEndpoints(): Values {
  return {
    cluster_domain_suffix: 'cluster.local',
    local_image_registry: localImageRegistryEndpoint,
    oci_image_registry: ociImageRegistryEndpoint('neutron'),
    oslo_db: osloDbEndpoint('neutron'),
    oslo_messaging: osloMessagingEndpoint('neutron'),
    oslo_cache: osloCacheEndpoint,
    compute: {
      name: 'nova',
      hosts: { default: 'nova-api', public: 'nova' },
      host_fqdn_override: { default: null },
      path: { default: '/v2.1/%(tenant_id)s' },
      scheme: { default: 'http' },
      port: { api: { default: 8774, public: 80 }, novncproxy: { default: 6080 } },
    },
    compute_metadata: httpEndpoint({
      name: 'nova',
      host: 'nova-metadata',
      publicHost: 'metadata',
      path: { default: '/' },
      portName: 'metadata',
      port: 8775,
    }),
    identity: identityEndpoint({
      admin: keystoneAdminUser,
      neutron: neutronServiceUser,
      nova: novaServiceUser,
      placement: placementServiceUser,
      designate: keystoneUser('designate', { role: 'admin,service' }),
      ironic: keystoneUser('ironic', { role: 'admin,service' }),
      test: keystoneUser('neutron-test', { role: 'admin', project_name: 'test' }),
    }),
    network: httpEndpoint({ name: 'neutron', host: 'neutron-server', port: 9696, servicePort: true }),
    load_balancer: httpEndpoint({ name: 'octavia', port: 9876 }),
    fluentd: { ...fluentdEndpoint, namespace: 'osh-infra' },
    dns: httpEndpoint({ name: 'designate', path: { default: '/' }, port: 9001 }),
    baremetal: ironicEndpoint,
    kube_dns: kubeDnsEndpoint,
    ingress: ingressEndpoint,
  };
}

/** `manifests`: which of the chart's objects are rendered. */
function neutronManifests(): Values {
  return {
    certificates: false,
    cron_job_ovn_db_sync: false,
    configmap_bin: true,
    configmap_etc: true,
    daemonset_dhcp_agent: true,
    daemonset_l3_agent: true,
    daemonset_lb_agent: true,
    daemonset_metadata_agent: true,
    daemonset_ovs_agent: true,
    daemonset_sriov_agent: true,
    daemonset_l2gw_agent: false,
    daemonset_bagpipe_bgp: false,
    daemonset_bgp_dragent: false,
    daemonset_netns_cleanup_cron: true,
    daemonset_ovn_metadata_agent: false,
    daemonset_ovn_vpn_agent: false,
    deployment_ironic_agent: false,
    deployment_server: true,
    deployment_rpc_server: true,
    ingress_server: true,
    job_pre_apply_cleanup: true,
    job_bootstrap: true,
    job_db_init: true,
    job_db_sync: true,
    job_db_drop: false,
    job_image_repo_sync: true,
    job_ks_endpoints: true,
    job_ks_service: true,
    job_ks_user: true,
    job_rabbit_init: true,
    pdb_server: true,
    pod_rally_test: true,
    network_policy: false,
    secret_db: true,
    secret_ingress_tls: true,
    secret_keystone: true,
    secret_ks_etc: true,
    secret_rabbitmq: true,
    secret_registry: true,
    service_ingress_server: true,
    service_server: true,
  };
}
