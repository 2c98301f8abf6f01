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
  noVolumes,
  osloLogging,
  privilegedContainer,
  probe,
  rallyOnceWith,
  readOnlyContainer,
  securityContext,
  uwsgiConf,
} from './blocks';
import {
  apacheSoftware,
  controlPlaneTolerations,
  afterNetworkAgentsOnNode,
  ironicEndpoint,
  fluentdEndpoint,
  glanceEndpoint,
  localImageRegistryEndpoint,
  placementEndpoint,
  cinderV3Endpoint,
  keystoneAdminUser,
  cinderServiceUser,
  neutronServiceUser,
  novaServiceUser,
  placementServiceUser,
  ingressEndpoint,
  internalKeystoneAuthtokenInterface,
  keystonePasswordAuth,
  kubeDnsEndpoint,
  osloCacheEndpoint,
  slowLivenessProbe,
  publicIngress,
  rallyOnce,
  rallyOnceNoArgs,
  requiredAntiAffinity,
  rollingUpdateUpgradesWithDaemonsets,
  cephCinderClient,
} from './common';
import { commandFilters, configText, iniFile, OS_BRICK_PRIVSEP_FILTER, rootwrapFilters } from './config-files';
import {
  httpEndpoint,
  identityEndpoint,
  keystoneInternalUrl,
  ociImageRegistryEndpoint,
  osloDbEndpoint,
  osloMessagingEndpoint,
} from './endpoints';

const defaultLiveness: Values = probe({ initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 });

const testsNovaAvailabilityZonesListAvailabilityZones2: Value[] = rallyOnceWith({ detailed: true });

const testsNovaAggregatesCreateAndGetAggregateDetails2: Value[] = rallyOnceWith({ availability_zone: 'nova' });

const testsNovaFlavorsCreateAndDeleteFlavor2: Value[] = rallyOnceWith({ disk: 1, ram: 500, vcpus: 1 });

const apiServices: Value[] = internalEndpoints('oslo_messaging', 'oslo_db', 'identity');

const instancesSanitizerPod: Value[] = [
  { requireSameNode: true, labels: { application: 'libvirt', component: 'libvirt' } },
  { requireSameNode: false, labels: { application: 'nova', component: 'conductor' } },
];

const consoleSerial: Values = {
  compute: { server_proxyclient_interface: null, server_proxyclient_network_cidr: '0/0' },
  proxy: { server_proxyclient_interface: null, server_proxyclient_network_cidr: '0/0' },
};

const cellSetupServices: Value[] = internalEndpoints('oslo_messaging', 'oslo_db', 'identity', 'compute');

const novncproxyDefault: Values = {
  liveness: probe({ initialDelaySeconds: 30, periodSeconds: 60, timeoutSeconds: 15 }),
  readiness: probe({ initialDelaySeconds: 30, periodSeconds: 60, timeoutSeconds: 15 }),
};

const conductorDefault: Values = {
  liveness: slowLivenessProbe,
  readiness: probe({ initialDelaySeconds: 80, periodSeconds: 90, timeoutSeconds: 70 }),
};

const probesNovncproxy: Values = { default: novncproxyDefault };

const probesConductor: Values = { default: conductorDefault };

const staticApi: Values = {
  jobs: ['nova-db-sync', 'nova-ks-user', 'nova-ks-endpoints', 'nova-rabbit-init'],
  services: apiServices,
};

const staticServiceCleaner: Values = { jobs: ['nova-db-sync', 'nova-rabbit-init'], services: cellSetupServices };

/** Static values of nova: the StarlingX settings applied over the chart defaults. */
export function novaStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-nova',
    labels: {
      isApplication: false,
      agent: {
        compute: { node_selector_key: 'openstack-compute-node', node_selector_value: 'enabled' },
        compute_ironic: { node_selector_key: 'openstack-ironic', node_selector_value: 'enabled' },
      },
      api_metadata: controlPlaneNode,
      conductor: controlPlaneNode,
      job: controlPlaneNode,
      novncproxy: controlPlaneNode,
      osapi: controlPlaneNode,
      scheduler: controlPlaneNode,
      serialproxy: controlPlaneNode,
      spiceproxy: controlPlaneNode,
      test: controlPlaneNode,
    },
    images: novaImages(img),
    jobs: {
      cell_setup: {
        cron: '0 */1 * * *',
        starting_deadline: 600,
        history: { success: 3, failed: 1 },
        extended_wait: { enabled: false, iteration: 3, duration: 5 },
        extra_command: null,
      },
      service_cleaner: {
        cron: '0 */1 * * *',
        starting_deadline: 600,
        history: { success: 3, failed: 1 },
        sleep_time: 60,
        extra_command: null,
      },
      instances_sanitizer: { cron: '0 0 * * *', starting_deadline: 600, history: { success: 3, failed: 1 } },
      archive_deleted_rows: { cron: '0 */1 * * *', starting_deadline: 600, history: { success: 3, failed: 1 } },
    },
    bootstrap: {
      enabled: true,
      ks_user: 'admin',
      script: null,
      structured: {
        flavors: {
          enabled: true,
          options: {
            m1_tiny: { name: 'm1.tiny', ram: 512, disk: 1, vcpus: 1 },
            m1_small: { name: 'm1.small', ram: 2048, disk: 20, vcpus: 1 },
            m1_medium: { name: 'm1.medium', ram: 4096, disk: 40, vcpus: 2 },
            m1_large: { name: 'm1.large', ram: 8192, disk: 80, vcpus: 4 },
            m1_xlarge: { name: 'm1.xlarge', ram: 16384, disk: 160, vcpus: 8 },
          },
        },
      },
      wait_for_computes: {
        enabled: false,
        wait_percentage: 70,
        remaining_wait: 300,
        scripts: { init_script: novaComputeListScript, wait_script: novaWaitForComputesScript },
      },
    },
    network: {
      backend: ['openvswitch'],
      osapi: {
        port: 8774,
        ingress: publicIngress,
        external_policy_local: false,
        node_port: { enabled: false, port: 30774 },
      },
      metadata: {
        port: 8775,
        ingress: publicIngress,
        external_policy_local: false,
        node_port: { enabled: false, port: 30775 },
      },
      novncproxy: { ingress: publicIngress, node_port: { enabled: false, port: 30680 } },
      serialproxy: { ingress: publicIngress, node_port: { enabled: false, port: 30683 } },
      spiceproxy: { ingress: publicIngress, node_port: { enabled: false, port: 30682 } },
      ssh: {
        enabled: true,
        port: 8022,
        from_subnet: '0.0.0.0/0',
        key_types: ['rsa', 'ecdsa', 'ed25519'],
        private_key: 'null',
        public_key: 'null',
      },
    },
    dependencies: novaDependencies(),
    console: {
      console_kind: 'novnc',
      serial: consoleSerial,
      spice: consoleSerial,
      novnc: {
        compute: {
          vncserver_proxyclient_interface: null,
          vncserver_proxyclient_network_cidr: '0/0',
        },
        vncproxy: {
          vncserver_proxyclient_interface: null,
          vncserver_proxyclient_network_cidr: '0/0',
        },
      },
      address_search_enabled: false,
    },
    ceph_client: { configmap: 'ceph-etc', user_secret_name: 'pvc-ceph-client-key' },
    rbd_pool: {
      app_name: 'nova-vms',
      replication: 3,
      crush_rule: 'replicated_rule',
      chunk_size: 8,
    },
    conf: novaConf(),
    secrets: novaSecrets(),
    endpoints: novaEndpoints(),
    pod: novaPod(),
    network_policy: { nova: { ingress: [{}], egress: [{}] } },
    helm3_hook: false,
    health_probe: { logging: { level: 'ERROR' } },
    tls: { identity: false, oslo_messaging: false, oslo_db: false },
    storage_conf: {
      storage_backends: [
        { name: 'host-path', enabled: true },
        { name: 'nfs', enabled: true },
        { name: 'pvc', enabled: true },
        { name: 'ceph', enabled: true },
      ],
      volume_storage_class_priority: ['host-path', 'nfs', 'pvc', 'ceph'],
      nfs_shares: { enabled: false, server: '127.0.0.1', path: '/openstack_instances' },
      pvc: {
        name: 'nova-instances',
        enabled: false,
        instances_path: '/var/lib/instances',
        volume: { class_name: 'general', size: '10Gi', access_modes: ['ReadWriteMany'] },
        storage_backends: [{ name: 'netapp-nfs', enabled: true }],
        storage_class_priority: ['netapp-nfs'],
      },
    },
    manifests: novaManifests(),
    hosts_uuids: [],
  };
}

/** `images`: the image each container runs. */
function novaImages(img: ImageRefs): Values {
  return {
    pull_policy: 'IfNotPresent',
    tags: {
      bootstrap: img.heat,
      db_drop: img.heat,
      db_init: img.heat,
      dep_check: img.kubernetesEntrypoint,
      rabbit_init: img.rabbitmqManagement,
      ks_user: img.openstackclients,
      ks_service: img.heat,
      nova_archive_deleted_rows: img.nova,
      ks_endpoints: img.heat,
      nova_api: img.nova,
      nova_cell_setup: img.nova,
      nova_cell_setup_init: img.heat,
      nova_compute: img.nova,
      nova_compute_ironic: img.nova,
      nova_compute_ssh: img.nova,
      nova_conductor: img.nova,
      nova_db_sync: img.nova,
      nova_novncproxy: img.nova,
      nova_novncproxy_assets: img.nova,
      nova_sanitizer: img.openstackclients,
      nova_scheduler: img.nova,
      nova_storage_init: img.cephConfigHelper,
      nova_service_cleaner: img.cephConfigHelper,
      nova_serialproxy: img.nova,
      nova_spiceproxy: img.nova,
      nova_spiceproxy_assets: img.nova,
      test: null,
      image_repo_sync: null,
      nova_wait_for_computes_init: null,
      pre_apply_cleanup: img.vaultManager,
    },
    local_registry: { active: false, exclude: ['dep_check', 'image_repo_sync'] },
  };
}

/** `dependencies`: the jobs and services each component waits for. */
function novaDependencies(): Values {
  return {
    dynamic: {
      common: {
        local_image_registry: localImageRegistryDependency('nova-image-repo-sync'),
      },
      targeted: afterNetworkAgentsOnNode('compute'),
    },
    static: {
      api: staticApi,
      api_metadata: staticApi,
      bootstrap: {
        jobs: ['nova-cell-setup'],
        services: internalEndpoints('identity', 'compute'),
      },
      cell_setup: {
        jobs: ['nova-db-sync', 'nova-rabbit-init'],
        services: cellSetupServices,
        pod: [
          {
            requireSameNode: false,
            labels: { application: 'nova', component: 'compute' },
          },
        ],
      },
      service_cleaner: staticServiceCleaner,
      instances_sanitizer: {
        jobs: ['nova-db-sync', 'nova-rabbit-init'],
        services: cellSetupServices,
        pod: instancesSanitizerPod,
      },
      compute: {
        pod: instancesSanitizerPod,
        jobs: ['nova-db-sync', 'nova-rabbit-init'],
        services: internalEndpoints('oslo_messaging', 'image', 'compute', 'network', 'compute_metadata'),
      },
      compute_ironic: {
        jobs: ['nova-db-sync', 'nova-rabbit-init'],
        services: internalEndpoints('oslo_messaging', 'image', 'compute', 'network', 'baremetal'),
      },
      conductor: staticServiceCleaner,
      db_drop: internalServices('oslo_db'),
      archive_deleted_rows: { jobs: ['nova-db-init', 'nova-db-sync'] },
      db_init: internalServices('oslo_db'),
      db_sync: {
        jobs: ['nova-db-init'],
        services: internalEndpoints('oslo_db'),
      },
      ks_endpoints: {
        jobs: ['nova-ks-service'],
        services: internalEndpoints('identity'),
      },
      ks_service: internalServices('identity'),
      ks_user: internalServices('identity'),
      rabbit_init: internalServices('oslo_messaging'),
      novncproxy: {
        jobs: ['nova-db-sync'],
        services: internalEndpoints('oslo_db'),
      },
      serialproxy: {
        jobs: ['nova-db-sync'],
        services: internalEndpoints('oslo_db'),
      },
      spiceproxy: {
        jobs: ['nova-db-sync'],
        services: internalEndpoints('oslo_db'),
      },
      scheduler: staticServiceCleaner,
      tests: internalServices('image', 'compute', 'network', 'compute_metadata'),
      image_repo_sync: internalServices('local_image_registry'),
    },
  };
}

/** `conf`: the contents of nova's configuration files, and the chart's other settings. */
function novaConf(): Values {
  return {
    security: configText(['ServerTokens Prod', 'ServerSignature Off', 'TraceEnable Off']),
    software: apacheSoftware,
    ceph: {
      enabled: true,
      admin_keyring: null,
      cinder: cephCinderClient,
    },
    rally_tests: novaRallyTests(),
    paste: novaPaste(),
    policy: { 'os_compute_api:limits': '@', 'os_compute_api:os-availability-zone:list': '@' },
    nova_sudoers: configText([
      'Defaults !requiretty',
      'Defaults secure_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin:/var/lib/openstack/bin:/var/lib/kolla/venv/bin"',
      'nova ALL = (root) NOPASSWD: /var/lib/kolla/venv/bin/nova-rootwrap /etc/nova/rootwrap.conf *, /var/lib/openstack/bin/nova-rootwrap /etc/nova/rootwrap.conf *',
    ]),
    api_audit_map: novaApiAuditMap(),
    rootwrap: iniFile({
      DEFAULT: {
        filters_path: '/etc/nova/rootwrap.d,/usr/share/nova/rootwrap',
        exec_dirs: '/sbin,/usr/sbin,/bin,/usr/bin,/usr/local/bin,/usr/local/sbin,/var/lib/openstack/bin,/var/lib/kolla/venv/bin',
        use_syslog: 'False',
        syslog_log_facility: 'syslog',
        syslog_log_level: 'ERROR',
      },
    }),
    rootwrap_filters: novaRootwrapFilters(),
    nova_ironic: {
      DEFAULT: {
        scheduler_host_manager: 'ironic_host_manager',
        compute_driver: 'ironic.IronicDriver',
        ram_allocation_ratio: 1,
        cpu_allocation_ratio: 1,
        reserved_host_memory_mb: 0,
      },
    },
    libvirt: {
      address_search_enabled: false,
      live_migration_interface: null,
      live_migration_network_cidr: '0/0',
    },
    hypervisor: { address_search_enabled: false, host_interface: null, host_network_cidr: '0/0' },
    nova_compute_redactions: ['database', 'api_database', 'cell0_database'],
    nova: novaConfFile(),
    logging: osloLogging(['nova', 'os.brick'], '%Y-%m-%d %H:%M:%S'),
    rabbitmq: {
      policies: [
        {
          vhost: 'nova',
          name: 'ha_ttl_nova',
          definition: { 'ha-mode': 'all', 'ha-sync-mode': 'automatic', 'message-ttl': 70000 },
          priority: 0,
          'apply-to': 'all',
          pattern: '^(?!(amq\\.|reply_)).*',
        },
      ],
    },
    vm_recovery: { enabled: false, max_workers: 4 },
    enable_iscsi: false,
    archive_deleted_rows: {
      purge_deleted_rows: false,
      until_completion: true,
      all_cells: false,
      max_rows: { enabled: false, rows: 1000 },
      before: { enabled: false, date: 'nil' },
    },
    nova_api_uwsgi: uwsgiConf('nova-api', 'nova.wsgi.osapi_compute:application'),
    nova_metadata_uwsgi: uwsgiConf('nova-metadata', 'nova.wsgi.metadata:application'),
    ssh: configText(['Host *', '  StrictHostKeyChecking no', '  UserKnownHostsFile /dev/null', '  Port {{ .Values.network.ssh.port }}']),
  };
}

/** `conf.rally_tests`: the Rally smoke tests of the chart's test pod. */
function novaRallyTests(): Values {
  return {
    run_tempest: false,
    tests: {
      'NovaAggregates.create_and_get_aggregate_details': testsNovaAggregatesCreateAndGetAggregateDetails2,
      'NovaAggregates.create_and_update_aggregate': testsNovaAggregatesCreateAndGetAggregateDetails2,
      'NovaAggregates.list_aggregates': rallyOnce,
      'NovaAvailabilityZones.list_availability_zones': testsNovaAvailabilityZonesListAvailabilityZones2,
      'NovaFlavors.create_and_delete_flavor': testsNovaFlavorsCreateAndDeleteFlavor2,
      'NovaFlavors.create_and_list_flavor_access': testsNovaFlavorsCreateAndDeleteFlavor2,
      'NovaFlavors.create_flavor': testsNovaFlavorsCreateAndDeleteFlavor2,
      'NovaFlavors.create_flavor_and_add_tenant_access': testsNovaFlavorsCreateAndDeleteFlavor2,
      'NovaFlavors.create_flavor_and_set_keys': rallyOnceWith({
        disk: 1,
        extra_specs: { 'quota:disk_read_bytes_sec': 10240 },
        ram: 500,
        vcpus: 1,
      }),
      'NovaFlavors.list_flavors': testsNovaAvailabilityZonesListAvailabilityZones2,
      'NovaHypervisors.list_and_get_hypervisors': testsNovaAvailabilityZonesListAvailabilityZones2,
      'NovaHypervisors.list_and_get_uptime_hypervisors': testsNovaAvailabilityZonesListAvailabilityZones2,
      'NovaHypervisors.list_and_search_hypervisors': testsNovaAvailabilityZonesListAvailabilityZones2,
      'NovaHypervisors.list_hypervisors': testsNovaAvailabilityZonesListAvailabilityZones2,
      'NovaHypervisors.statistics_hypervisors': rallyOnceNoArgs,
      'NovaKeypair.create_and_delete_keypair': rallyOnce,
      'NovaKeypair.create_and_list_keypairs': rallyOnce,
      'NovaServerGroups.create_and_list_server_groups': rallyOnceWith({ all_projects: false, kwargs: { policies: ['affinity'] } }),
      'NovaServices.list_services': rallyOnce,
    },
  };
}

/** `conf.paste`: api-paste.ini of the compute and metadata APIs. */
function novaPaste(): Values {
  return {
    'composite:metadata': { use: 'egg:Paste#urlmap', '/': 'meta' },
    'pipeline:meta': { pipeline: 'cors metaapp' },
    'app:metaapp': {
      'paste.app_factory': 'nova.api.metadata.handler:MetadataRequestHandler.factory',
    },
    'composite:osapi_compute': {
      use: 'call:nova.api.openstack.urlmap:urlmap_factory',
      '/': 'oscomputeversions',
      '/v2': 'openstack_compute_api_v21_legacy_v2_compatible',
      '/v2.1': 'openstack_compute_api_v21',
    },
    'composite:openstack_compute_api_v21': {
      use: 'call:nova.api.auth:pipeline_factory_v21',
      noauth2: 'cors http_proxy_to_wsgi compute_req_id faultwrap sizelimit noauth2 osapi_compute_app_v21',
      keystone: 'cors http_proxy_to_wsgi compute_req_id faultwrap sizelimit authtoken audit keystonecontext osapi_compute_app_v21',
    },
    'composite:openstack_compute_api_v21_legacy_v2_compatible': {
      use: 'call:nova.api.auth:pipeline_factory_v21',
      noauth2: 'cors http_proxy_to_wsgi compute_req_id faultwrap sizelimit noauth2 legacy_v2_compatible osapi_compute_app_v21',
      keystone:
        'cors http_proxy_to_wsgi compute_req_id faultwrap sizelimit authtoken audit keystonecontext legacy_v2_compatible osapi_compute_app_v21',
    },
    'filter:request_id': { 'paste.filter_factory': 'oslo_middleware:RequestId.factory' },
    'filter:compute_req_id': {
      'paste.filter_factory': 'nova.api.compute_req_id:ComputeReqIdMiddleware.factory',
    },
    'filter:faultwrap': { 'paste.filter_factory': 'nova.api.openstack:FaultWrapper.factory' },
    'filter:noauth2': { 'paste.filter_factory': 'nova.api.openstack.auth:NoAuthMiddleware.factory' },
    'filter:sizelimit': { 'paste.filter_factory': 'oslo_middleware:RequestBodySizeLimiter.factory' },
    'filter:http_proxy_to_wsgi': {
      'paste.filter_factory': 'oslo_middleware.http_proxy_to_wsgi:HTTPProxyToWSGI.factory',
    },
    'filter:legacy_v2_compatible': {
      'paste.filter_factory': 'nova.api.openstack:LegacyV2CompatibleWrapper.factory',
    },
    'app:osapi_compute_app_v21': { 'paste.app_factory': 'nova.api.openstack.compute:APIRouterV21.factory' },
    'pipeline:oscomputeversions': { pipeline: 'faultwrap http_proxy_to_wsgi oscomputeversionapp' },
    'app:oscomputeversionapp': { 'paste.app_factory': 'nova.api.openstack.compute.versions:Versions.factory' },
    'filter:cors': {
      'paste.filter_factory': 'oslo_middleware.cors:filter_factory',
      oslo_config_project: 'nova',
    },
    'filter:keystonecontext': { 'paste.filter_factory': 'nova.api.auth:NovaKeystoneContext.factory' },
    'filter:authtoken': { 'paste.filter_factory': 'keystonemiddleware.auth_token:filter_factory' },
    'filter:audit': {
      'paste.filter_factory': 'keystonemiddleware.audit:filter_factory',
      audit_map_file: '/etc/nova/api_audit_map.conf',
    },
  };
}

/** `conf.api_audit_map`: how the audit middleware names API requests. */
function novaApiAuditMap(): Values {
  return {
    DEFAULT: { target_endpoint_type: 'None' },
    custom_actions: {
      enable: 'enable',
      disable: 'disable',
      delete: 'delete',
      startup: 'start/startup',
      shutdown: 'stop/shutdown',
      reboot: 'start/reboot',
      'os-migrations/get': 'read',
      'os-server-password/post': 'update',
    },
    path_keywords: {
      add: 'None',
      action: 'None',
      enable: 'None',
      disable: 'None',
      'configure-project': 'None',
      defaults: 'None',
      delete: 'None',
      detail: 'None',
      diagnostics: 'None',
      entries: 'entry',
      extensions: 'alias',
      flavors: 'flavor',
      images: 'image',
      ips: 'label',
      limits: 'None',
      metadata: 'key',
      'os-agents': 'os-agent',
      'os-aggregates': 'os-aggregate',
      'os-availability-zone': 'None',
      'os-certificates': 'None',
      'os-cloudpipe': 'None',
      'os-fixed-ips': 'ip',
      'os-extra_specs': 'key',
      'os-flavor-access': 'None',
      'os-floating-ip-dns': 'domain',
      'os-floating-ips-bulk': 'host',
      'os-floating-ip-pools': 'None',
      'os-floating-ips': 'floating-ip',
      'os-hosts': 'host',
      'os-hypervisors': 'hypervisor',
      'os-instance-actions': 'instance-action',
      'os-keypairs': 'keypair',
      'os-migrations': 'None',
      'os-networks': 'network',
      'os-quota-sets': 'tenant',
      'os-security-groups': 'security_group',
      'os-security-group-rules': 'rule',
      'os-server-password': 'None',
      'os-services': 'None',
      'os-simple-tenant-usage': 'tenant',
      'os-virtual-interfaces': 'None',
      'os-volume_attachments': 'attachment',
      'os-volumes_boot': 'None',
      'os-volumes': 'volume',
      'os-volume-types': 'volume-type',
      'os-snapshots': 'snapshot',
      reboot: 'None',
      servers: 'server',
      shutdown: 'None',
      startup: 'None',
      statistics: 'None',
    },
    service_endpoints: { compute: 'service/compute' },
  };
}

/** What nova's linux_net (iptables, the DHCP and router advertisement daemons, bridges) runs as root. */
const LINUX_NET_FILTERS = {
  ...commandFilters('iptables-save', 'ip6tables-save', 'iptables-restore', 'ip6tables-restore', 'arping', 'dhcp_release'),
  kill_dnsmasq: ['KillFilter', 'root', '/usr/sbin/dnsmasq', '-9', '-HUP'],
  kill_radvd: ['KillFilter', 'root', '/usr/sbin/radvd'],
  dnsmasq: ['EnvFilter', 'env', 'root', 'CONFIG_FILE=', 'NETWORK_ID=', 'dnsmasq'],
  ...commandFilters('radvd', 'brctl'),
};

/** `conf.rootwrap_filters`: the commands each pod may run as root. */
function novaRootwrapFilters(): Values {
  return {
    api_metadata: {
      pods: ['metadata'],
      content: rootwrapFilters(commandFilters('iptables-save', 'ip6tables-save', 'iptables-restore', 'ip6tables-restore')),
    },
    compute: {
      pods: ['compute'],
      content: rootwrapFilters({
        ...commandFilters('kpartx', 'tune2fs', 'mount', 'umount', 'qemu-nbd', 'losetup', 'blkid'),
        blockdev: ['RegExpFilter', 'blockdev', 'root', 'blockdev', '(--getsize64|--flushbufs)', '/dev/.*'],
        ...commandFilters(
          'tee',
          'mkdir',
          'chown',
          'chmod',
          'ip',
          'tunctl',
          'ovs-vsctl',
          'vrouter-port-control',
          'ebrctl',
          'mm-ctl',
          'ovs-ofctl',
        ),
        ...commandFilters('dd', 'iscsiadm', 'aoe-revalidate', 'aoe-discover', 'parted', 'pygrub', 'fdisk', 'e2fsck', 'resize2fs'),
        ...LINUX_NET_FILTERS,
        ...commandFilters(
          'mkswap',
          'nova-idmapshift',
          'mkfs',
          'qemu-img',
          'readlink',
          'mkfs.ext3',
          'mkfs.ext4',
          'mkfs.ntfs',
          'lvremove',
          'lvcreate',
          'lvs',
          'vgs',
        ),
        read_passwd: ['RegExpFilter', 'cat', 'root', 'cat', '(/var|/usr)?/tmp/openstack-vfs-localfs[^/]+/etc/passwd'],
        read_shadow: ['RegExpFilter', 'cat', 'root', 'cat', '(/var|/usr)?/tmp/openstack-vfs-localfs[^/]+/etc/shadow'],
        read_initiator: ['ReadFileFilter', '/etc/iscsi/initiatorname.iscsi'],
        ...commandFilters('multipath', 'multipathd', 'systool', 'vgc-cluster'),
        drv_cfg: ['CommandFilter', '/opt/emc/scaleio/sdc/bin/drv_cfg', 'root', '/opt/emc/scaleio/sdc/bin/drv_cfg', '--query_guid'],
        scsi_id: ['CommandFilter', '/lib/udev/scsi_id', 'root'],
        'privsep-rootwrap': OS_BRICK_PRIVSEP_FILTER,
        sg_scan: ['CommandFilter', 'sg_scan', 'root'],
        ln: ['RegExpFilter', 'ln', 'root', 'ln', '--symbolic', '--force', '/dev/mapper/crypt-.+', '.+'],
        ...commandFilters('cryptsetup', 'xenstore-read', 'rbd', 'shred', 'cp', 'sync'),
        ploop: ['RegExpFilter', 'ploop', 'root', 'ploop', 'restore-descriptor', '.*'],
        prl_disk_tool: [
          'RegExpFilter',
          'prl_disk_tool',
          'root',
          'prl_disk_tool',
          'resize',
          '--size',
          '.*M$',
          '--resize_partition',
          '--hdd',
          '.*',
        ],
        ...commandFilters('xend', 'touch', 'pstorage-mount'),
      }),
    },
    network: {
      pods: ['compute'],
      content: rootwrapFilters({
        ...commandFilters('ip', 'ovs-vsctl', 'ovs-ofctl', 'ivs-ctl'),
        ifc_ctl: ['CommandFilter', '/opt/pg/bin/ifc_ctl', 'root'],
        ebtables: ['CommandFilter', 'ebtables', 'root'],
        ebtables_usr: ['CommandFilter', 'ebtables', 'root'],
        ...LINUX_NET_FILTERS,
        ...commandFilters('sysctl', 'conntrack', 'fp-vdev'),
      }),
    },
  };
}

/** `conf.nova`: nova.conf. */
function novaConfFile(): Values {
  return {
    DEFAULT: novaConfDefault(),
    vnc: {
      auth_schemes: 'none',
      novncproxy_host: '::',
      server_listen: '::',
      server_proxyclient_address: '::',
    },
    spice: { html5proxy_host: '::', server_listen: '::' },
    serial_console: { serialproxy_host: '::' },
    conductor: { workers: 1 },
    oslo_policy: { policy_file: '/etc/nova/policy.yaml' },
    oslo_concurrency: { lock_path: '/var/lib/oslo-lock' },
    oslo_middleware: { enable_proxy_headers_parsing: true },
    glance: { num_retries: 3, api_servers: 'http://glance.openstack.svc.cluster.local:80/' },
    ironic: {
      api_endpoint: 'http://ironic.openstack.svc.cluster.local:80/',
      auth_url: keystoneInternalUrl,
    },
    neutron: {
      service_metadata_proxy: true,
      auth_type: 'password',
      auth_version: 'v3',
      default_floating_pool: 'public',
      url: 'http://neutron.openstack.svc.cluster.local:80/',
      auth_url: keystoneInternalUrl,
    },
    cinder: { auth_type: 'password', catalog_info: 'volumev3::internalURL', auth_url: null },
    database: {
      max_retries: -1,
      idle_timeout: 60,
      max_overflow: 64,
      max_pool_size: 1,
      connection: '',
    },
    api_database: {
      max_retries: -1,
      idle_timeout: 60,
      max_overflow: 64,
      max_pool_size: 1,
      connection: '',
    },
    cell0_database: {
      max_retries: -1,
      idle_timeout: 60,
      max_overflow: 64,
      max_pool_size: 1,
      connection: '',
    },
    keystone_authtoken: {
      service_token_roles: 'service',
      service_token_roles_required: true,
      auth_type: 'password',
      auth_version: 'v3',
      memcache_security_strategy: 'ENCRYPT',
      service_type: 'compute',
      ...internalKeystoneAuthtokenInterface,
    },
    notifications: {
      notify_on_state_change: 'vm_and_task_state',
      notification_format: 'unversioned',
    },
    service_user: {
      auth_type: 'password',
      send_service_user_token: true,
      auth_url: keystoneInternalUrl,
    },
    libvirt: {
      connection_uri: 'qemu+unix:///system?socket=/run/libvirt/libvirt-sock',
      images_type: 'qcow2',
      images_rbd_pool: 'vms',
      images_rbd_ceph_conf: '/etc/ceph/ceph.conf',
      rbd_user: 'cinder',
      rbd_secret_uuid: '457eb676-33da-42ec-9a8c-9293d545c337',
      disk_cachemodes: 'network=writeback',
      hw_disk_discard: 'unmap',
      cpu_mode: 'host-model',
      live_migration_completion_timeout: 180,
      live_migration_permit_auto_converge: true,
      mem_stats_period_seconds: 10,
      remove_unused_resized_minimum_age_seconds: 86400,
      live_migration_inbound_addr: '::',
    },
    upgrade_levels: { compute: 'auto' },
    cache: { enabled: true, backend: 'dogpile.cache.memcached' },
    wsgi: { api_paste_config: '/etc/nova/api-paste.ini' },
    oslo_messaging_notifications: { driver: 'messagingv2' },
    oslo_messaging_rabbit: { rabbit_ha_queues: true },
    placement: keystonePasswordAuth,
    compute: { max_concurrent_disk_ops: 2 },
    filter_scheduler: {
      build_failure_weight_multiplier: 0,
      cpu_weight_multiplier: 0,
      disk_weight_multiplier: 0,
      enabled_filters: [
        'ComputeFilter',
        'AggregateInstanceExtraSpecsFilter',
        'ComputeCapabilitiesFilter',
        'ImagePropertiesFilter',
        'NUMATopologyFilter',
        'ServerGroupAffinityFilter',
        'ServerGroupAntiAffinityFilter',
        'PciPassthroughFilter',
      ],
      pci_weight_multiplier: 0,
      ram_weight_multiplier: 0,
      shuffle_best_same_weighed_hosts: true,
      soft_affinity_weight_multiplier: 20,
      soft_anti_affinity_weight_multiplier: 20,
    },
    scheduler: { workers: 1, discover_hosts_in_cells_interval: 30, periodic_task_interval: -1 },
    metrics: { required: false },
    workarounds: { enable_numa_live_migration: true },
  };
}

/** `[DEFAULT]` of nova.conf. */
function novaConfDefault(): Values {
  return {
    control_exchange: 'nova',
    log_config_append: '/etc/nova/logging.conf',
    default_ephemeral_format: 'ext4',
    ram_allocation_ratio: 1,
    disk_allocation_ratio: 1,
    cpu_allocation_ratio: 16,
    max_concurrent_live_migrations: 1,
    sync_power_state_pool_size: 1000,
    max_concurrent_builds: 10,
    max_concurrent_snapshots: 5,
    state_path: '/var/lib/nova',
    instances_path: '/var/lib/nova/instances',
    osapi_compute_listen: '::',
    osapi_compute_listen_port: null,
    osapi_compute_workers: 1,
    metadata_workers: 1,
    compute_driver: 'libvirt.LibvirtDriver',
    my_ip: '::',
    instance_usage_audit: true,
    instance_usage_audit_period: 'hour',
    resume_guests_state_on_host_boot: true,
    allow_resize_to_same_host: true,
    default_mempages_size: 2048,
    reserved_host_memory_mb: 0,
    compute_monitors: 'cpu.virt_driver',
    running_deleted_instance_poll_interval: 60,
    mkisofs_cmd: '/usr/bin/genisoimage',
    network_allocate_retries: 2,
    block_device_allocate_retries_interval: 3,
    block_device_allocate_retries: 2400,
    remove_unused_original_minimum_age_seconds: 3600,
    enable_new_services: false,
    map_new_hosts: false,
    service_down_time: 90,
    long_rpc_timeout: 400,
    metadata_listen: '::',
    metadata_host: '::',
  };
}

/** `secrets`: names of the Secrets the chart writes. */
function novaSecrets(): Values {
  return {
    identity: {
      admin: 'nova-keystone-admin',
      nova: 'nova-keystone-user',
      neutron: 'nova-keystone-neutron',
      placement: 'nova-keystone-placement',
      cinder: 'nova-keystone-cinder',
      ironic: 'nova-keystone-ironic',
      service: 'nova-keystone-service',
      test: 'nova-keystone-test',
      stx_admin: 'nova-keystone-stx-admin',
    },
    oslo_db: { admin: 'nova-db-admin', nova: 'nova-db-user' },
    oslo_db_api: { admin: 'nova-db-api-admin', nova: 'nova-db-api-user' },
    oslo_db_cell0: { admin: 'nova-db-cell0-admin', nova: 'nova-db-cell0-user' },
    oslo_messaging: { admin: 'nova-rabbitmq-admin', nova: 'nova-rabbitmq-user' },
    tls: {
      compute: { osapi: { public: 'nova-tls-public', internal: 'nova-tls-api' } },
      compute_novnc_proxy: {
        novncproxy: { public: 'nova-novncproxy-tls-public', internal: 'nova-novncproxy-tls-proxy' },
        vencrypt: { internal: 'nova-novncproxy-vencrypt' },
      },
      compute_metadata: {
        metadata: { public: 'metadata-tls-public', internal: 'metadata-tls-metadata' },
      },
      compute_spice_proxy: {
        spiceproxy: { public: 'nova-spiceproxy-tls-public', internal: 'nova-spiceproxy-tls-proxy' },
      },
      compute_serial_proxy: {
        serialproxy: {
          public: 'nova-serialproxy-tls-public',
          internal: 'nova-serialproxy-tls-proxy',
        },
      },
    },
    oci_image_registry: { nova: 'nova-oci-image-registry' },
  };
}

/** `endpoints`: the services nova reaches and its own. */
function novaEndpoints(): Values {
  return {
    cluster_domain_suffix: 'cluster.local',
    local_image_registry: localImageRegistryEndpoint,
    oci_image_registry: ociImageRegistryEndpoint('nova'),
    oslo_db: osloDbEndpoint('nova'),
    oslo_db_api: osloDbEndpoint('nova', { adminTls: false, path: '/nova_api' }),
    oslo_db_cell0: osloDbEndpoint('nova', { adminTls: false, path: '/nova_cell0' }),
    oslo_messaging: osloMessagingEndpoint('nova'),
    oslo_cache: osloCacheEndpoint,
    identity: identityEndpoint({
      admin: keystoneAdminUser,
      nova: novaServiceUser,
      service: keystoneUser('nova_service_user', { role: 'admin,service' }),
      neutron: neutronServiceUser,
      ironic: {
        role: 'admin,service',
        auth_type: 'password',
        auth_version: 'v3',
        region_name: 'RegionOne',
        project_name: 'service',
        user_domain_name: 'service',
        project_domain_name: 'service',
        username: 'ironic',
        password: 'password',
      },
      placement: placementServiceUser,
      cinder: cinderServiceUser,
      test: keystoneUser('nova-test', { role: 'admin', project_name: 'test' }),
    }),
    image: glanceEndpoint,
    volumev3: cinderV3Endpoint,
    compute: {
      name: 'nova',
      hosts: { default: 'nova-api', public: 'nova-api-internal' },
      host_fqdn_override: { default: null },
      path: { default: '/v2.1/' },
      scheme: { default: 'http', service: 'http' },
      port: {
        api: { default: 8774, public: 80, service: 8774 },
        novncproxy: { default: 6080 },
      },
    },
    compute_metadata: {
      name: 'nova',
      ip: { ingress: null },
      hosts: { default: 'nova-metadata', public: 'metadata' },
      host_fqdn_override: { default: null },
      path: { default: '/' },
      scheme: { default: 'http' },
      port: { metadata: { default: 8775, public: 80 } },
    },
    compute_novnc_proxy: httpEndpoint({
      name: 'nova',
      host: 'nova-novncproxy',
      publicHost: 'novncproxy',
      path: { default: '/vnc_auto.html' },
      portName: 'novnc_proxy',
      port: 6080,
    }),
    compute_novnc_vencrypt: {
      hosts: { default: 'nova-novncproxy' },
      host_fqdn_override: { default: { commonName: 'nova-novncproxy', usages: ['client auth'] } },
    },
    compute_serial_proxy: {
      name: 'nova',
      hosts: { default: 'nova-serialproxy', public: 'serialproxy' },
      host_fqdn_override: { default: null },
      scheme: { default: 'ws' },
      path: { default: '/serial_auto.html' },
      port: { serial_proxy: { default: 6083, public: 80 } },
    },
    compute_spice_proxy: httpEndpoint({
      name: 'nova',
      host: 'nova-spiceproxy',
      publicHost: 'spiceproxy',
      path: { default: '/spice_auto.html' },
      portName: 'spice_proxy',
      port: 6082,
    }),
    placement: placementEndpoint,
    network: httpEndpoint({ name: 'neutron', host: 'neutron-server', port: 9696 }),
    baremetal: ironicEndpoint,
    fluentd: fluentdEndpoint,
    kube_dns: kubeDnsEndpoint,
    ingress: ingressEndpoint,
  };
}

/** `pod`: scheduling, probes, security, mounts and resources of the pods. */
function novaPod(): Values {
  return {
    labels: { include_app_kubernetes_io: false },
    probes: novaPodProbes(),
    security_context: novaSecurityContext(),
    use_fqdn: { compute: false },
    affinity: requiredAntiAffinity,
    tolerations: { nova: controlPlaneTolerations },
    etcSources: {
      nova_compute: [],
      nova_compute_ironic: [],
      nova_api_metadata: [],
      nova_api_osapi: [],
      nova_conductor: [],
      nova_scheduler: [],
      nova_bootstrap: [],
      nova_tests: [],
      nova_novncproxy: [],
      nova_serialproxy: [],
      nova_spiceproxy: [],
      nova_db_sync: [],
      nova_archive_deleted_rows: [],
      nova_service_cleaner: [],
      nova_cell_setup: [],
    },
    mounts: {
      ...noExtraMounts(
        'nova_compute',
        'nova_compute_ironic',
        'nova_api_metadata',
        'nova_api_osapi',
        'nova_conductor',
        'nova_scheduler',
        'nova_bootstrap',
        'nova_tests',
      ),
      nova_novncproxy: { init_novncproxy: null, nova_novncproxy: noVolumes },
      nova_serialproxy: { init_serialproxy: null, nova_serialproxy: noVolumes },
      nova_spiceproxy: { init_spiceproxy: null, nova_spiceproxy: noVolumes },
      nova_db_sync: { nova_db_sync: noVolumes },
    },
    useHostNetwork: { novncproxy: false },
    replicas: {
      api_metadata: 1,
      compute_ironic: 1,
      osapi: 1,
      conductor: 1,
      scheduler: 1,
      novncproxy: 1,
      serialproxy: 1,
      spiceproxy: 1,
    },
    lifecycle: {
      upgrades: rollingUpdateUpgradesWithDaemonsets,
      disruption_budget: { metadata: { min_available: 0 }, osapi: { min_available: 0 } },
      termination_grace_period: {
        metadata: { timeout: 180 },
        osapi: { timeout: 180 },
        compute: { timeout: 180 },
        conductor: { timeout: 180 },
        scheduler: { timeout: 180 },
      },
    },
    resources: novaPodResources(),
  };
}

/** `pod.probes`: the liveness, readiness and startup probes of each component. */
function novaPodProbes(): Values {
  return {
    rpc_timeout: 60,
    rpc_retries: 2,
    compute: {
      default: {
        liveness: probe({ periodSeconds: 90, timeoutSeconds: 70 }),
        readiness: probe({ periodSeconds: 90, timeoutSeconds: 70 }),
        startup: probe({
          failureThreshold: 120,
          periodSeconds: 10,
          successThreshold: 1,
          timeoutSeconds: 70,
        }),
      },
    },
    'api-metadata': {
      default: {
        liveness: probe({ initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 5 }),
        readiness: probe({ initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 5 }),
      },
    },
    'api-osapi': { default: { liveness: defaultLiveness, readiness: defaultLiveness } },
    conductor: probesConductor,
    novncproxy: probesNovncproxy,
    scheduler: probesConductor,
    serialproxy: probesNovncproxy,
    'compute-spice-proxy': probesNovncproxy,
  };
}

/** `pod.security_context`: who each container runs as. */
function novaSecurityContext(): Values {
  return {
    nova: securityContext(0, {
      nova_compute_init: { readOnlyRootFilesystem: true, runAsUser: 0 },
      ceph_perms: { readOnlyRootFilesystem: true, runAsUser: 0 },
      nova_compute_vnc_init: readOnlyContainer,
      nova_compute_serial_init: readOnlyContainer,
      nova_compute_spice_init: readOnlyContainer,
      nova_compute: privilegedContainer,
      nova_compute_ssh: { privileged: true, runAsUser: 0 },
      nova_compute_ssh_init: { runAsUser: 0 },
      nova_api_metadata_init: readOnlyContainer,
      nova_api: readOnlyContainer,
      nova_osapi: readOnlyContainer,
      nova_conductor: readOnlyContainer,
      nova_novncproxy_init: readOnlyContainer,
      nova_novncproxy_init_assests: readOnlyContainer,
      nova_novncproxy: readOnlyContainer,
      nova_sanitizer: {
        runAsUser: 0,
        runAsGroup: 0,
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
      },
      nova_scheduler: readOnlyContainer,
      nova_serialproxy_init: readOnlyContainer,
      nova_serialproxy: readOnlyContainer,
      nova_spiceproxy_init: readOnlyContainer,
      nova_spiceproxy_init_assets: readOnlyContainer,
      nova_spiceproxy: readOnlyContainer,
    }),
    bootstrap: securityContext(42424, {
      nova_wait_for_computes_init: readOnlyContainer,
      bootstrap: readOnlyContainer,
    }),
    nova_cell_setup: securityContext(42424, {
      nova_wait_for_computes_init: readOnlyContainer,
      nova_cell_setup_init: readOnlyContainer,
      nova_cell_setup: readOnlyContainer,
    }),
    archive_deleted_rows: securityContext(42424, {
      nova_archive_deleted_rows_init: readOnlyContainer,
      nova_archive_deleted_rows: readOnlyContainer,
    }),
    cell_setup: securityContext(42424, { nova_cell_setup: readOnlyContainer }),
    instances_sanitizer: securityContext(0, { nova_sanitizer: readOnlyContainer }),
    service_cleaner: securityContext(42424, { nova_service_cleaner: readOnlyContainer }),
  };
}

/** `pod.resources`: requests and limits of each component and job. */
function novaPodResources(): Values {
  return {
    enabled: true,
    ...defaultResourcesFor('compute', 'compute_ironic', 'api_metadata', 'api'),
    conductor: {
      requests: { memory: '128Mi', cpu: '100m', 'ephemeral-storage': '100Ki' },
      limits: { memory: '1024Mi', cpu: '2000m' },
    },
    ...defaultResourcesFor('sanitizer', 'scheduler', 'ssh', 'novncproxy', 'serialproxy', 'spiceproxy'),
    jobs: defaultResourcesFor(
      'bootstrap',
      'storage_init',
      'db_init',
      'rabbit_init',
      'db_sync',
      'archive_deleted_rows',
      'db_drop',
      'ks_endpoints',
      'ks_service',
      'ks_user',
      'tests',
      'cell_setup',
      'service_cleaner',
      'image_repo_sync',
    ),
  };
}

/** `manifests`: which of the chart's objects are rendered. */
function novaManifests(): Values {
  return {
    certificates: false,
    compute_uuid_self_provisioning: false,
    configmap_bin: true,
    configmap_etc: true,
    cron_job_cell_setup: false,
    cron_job_service_cleaner: true,
    cron_job_archive_deleted_rows: false,
    init_container_instances_sanitizer: true,
    cron_job_instances_sanitizer: false,
    daemonset_compute: true,
    deployment_api_metadata: true,
    deployment_api_osapi: true,
    deployment_conductor: true,
    deployment_novncproxy: true,
    deployment_serialproxy: true,
    deployment_spiceproxy: true,
    deployment_scheduler: true,
    statefulset_conductor: false,
    statefulset_scheduler: false,
    ingress_metadata: true,
    ingress_novncproxy: true,
    ingress_serialproxy: true,
    ingress_spiceproxy: true,
    ingress_osapi: true,
    job_pre_apply_cleanup: true,
    job_bootstrap: true,
    job_storage_init: true,
    job_db_init: true,
    job_db_sync: true,
    job_db_drop: false,
    job_image_repo_sync: true,
    job_rabbit_init: true,
    job_ks_endpoints: false,
    job_ks_service: true,
    job_ks_user: true,
    job_cell_setup: true,
    pdb_metadata: true,
    pdb_osapi: true,
    pod_rally_test: true,
    network_policy: false,
    secret_db_api: true,
    secret_db_cell0: true,
    secret_db: true,
    secret_ingress_tls: true,
    secret_keystone: true,
    secret_ks_etc: true,
    secret_rabbitmq: true,
    secret_registry: true,
    secret_ssh: true,
    service_ingress_metadata: true,
    service_ingress_novncproxy: true,
    service_ingress_serialproxy: true,
    service_ingress_spiceproxy: true,
    service_ingress_osapi: true,
    service_metadata: true,
    service_novncproxy: true,
    service_serialproxy: true,
    service_spiceproxy: true,
    service_osapi: true,
    statefulset_compute_ironic: false,
    deployment_placement: false,
    ingress_placement: false,
    job_db_init_placement: false,
    job_ks_placement_endpoints: false,
    job_ks_placement_service: false,
    job_ks_placement_user: false,
    pdb_placement: false,
    secret_keystone_placement: false,
    service_ingress_placement: false,
    service_placement: false,
  };
}

// -- Program texts: ours, from the chart's values contract; test/program-texts.test.ts runs them --

/**
 * `bootstrap.wait_for_computes.scripts.init_script` (not templated by the chart): the bootstrap
 * job's init container lists the hosts labelled as compute nodes into /tmp/compute_nodes.txt,
 * the list that the bootstrap and cell-setup jobs wait for.
 */
export const novaComputeListScript = configText([
  'set -eu',
  'selector="${COMPUTE_NODE_SELECTOR:-openstack-compute-node=enabled}"',
  'kubectl get nodes --selector "${selector}" --output name | sed \'s|^node/||\' > /tmp/compute_nodes.txt',
  'echo "compute hosts expected: $(wc -w < /tmp/compute_nodes.txt)"',
]);

/**
 * `bootstrap.wait_for_computes.scripts.wait_script` (inlined into nova's bootstrap script): waits
 * until WAIT_PERCENTAGE percent of the listed compute hosts run an `up` nova-compute service, then
 * at most REMAINING_WAIT more seconds for the others, so that the flavors and cell mapping that
 * follow see the compute hosts. Without a list it does not wait.
 */
export const novaWaitForComputesScript = configText([
  'wfc_expected=$(cat /tmp/compute_nodes.txt 2>/dev/null | wc -w)',
  'wfc_interval="${WAIT_INTERVAL:-10}"',
  'wfc_up() { openstack compute service list --service nova-compute -f value -c State | grep -c "^up$" || true; }',
  'if [ "${wfc_expected}" -gt 0 ]; then',
  '  wfc_needed=$(( (wfc_expected * ${WAIT_PERCENTAGE:-70} + 99) / 100 ))',
  '  until [ "$(wfc_up)" -ge "${wfc_needed}" ]; do',
  '    echo "waiting for ${wfc_needed} of ${wfc_expected} compute hosts"',
  '    sleep "${wfc_interval}"',
  '  done',
  '  wfc_deadline=$(( SECONDS + ${REMAINING_WAIT:-300} ))',
  '  while [ "${SECONDS}" -lt "${wfc_deadline}" ] && [ "$(wfc_up)" -lt "${wfc_expected}" ]; do',
  '    sleep "${wfc_interval}"',
  '  done',
  '  echo "compute hosts up: $(wfc_up) of ${wfc_expected}"',
  'fi',
]);
