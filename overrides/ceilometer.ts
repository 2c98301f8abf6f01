import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import {
  controlPlaneNode,
  defaultResourcesFor,
  internalEndpoints,
  keystoneUser,
  localImageRegistryDependency,
  noExtraMounts,
  noVolumes,
  openstackIngressClasses,
} from './blocks';
import {
  controlPlaneTolerations,
  aodhEndpoint,
  localImageRegistryEndpoint,
  keystoneAdminUser,
  internalKeystoneAuthtoken,
  osloCacheEndpoint,
  requiredAntiAffinity,
  rollingUpdateUpgradesWithDaemonsets,
} from './common';
import { identityEndpoint, keystoneInternalUrl, ociImageRegistryEndpoint, osloMessagingEndpoint } from './endpoints';

/** Traits read from the payload field of the same name, as `type` when given (`name: {fields: payload.<name>}`). */
function payloadTraits(names: readonly string[], type?: 'int' | 'datetime'): Values {
  return Object.fromEntries(
    names.map((name): [string, Values] => [name, type ? { type, fields: `payload.${name}` } : { fields: `payload.${name}` }]),
  );
}

const instanceTraits: Values = {
  ...payloadTraits(['tenant_id', 'user_id', 'instance_id']),
  resource_id: { fields: 'payload.instance_id' },
  host: { fields: 'publisher_id.`split(., 1, 1)`' },
  service: { fields: 'publisher_id.`split(., 0, -1)`' },
  ...payloadTraits(['memory_mb', 'disk_gb', 'root_gb', 'ephemeral_gb', 'vcpus', 'instance_type_id'], 'int'),
  instance_type: { fields: 'payload.instance_type' },
  state: { fields: 'payload.state' },
  os_architecture: { fields: "payload.image_meta.'org.openstack__1__architecture'" },
  os_version: { fields: "payload.image_meta.'org.openstack__1__os_version'" },
  os_distro: { fields: "payload.image_meta.'org.openstack__1__os_distro'" },
  launched_at: { type: 'datetime', fields: 'payload.launched_at' },
  deleted_at: { type: 'datetime', fields: 'payload.deleted_at' },
};

const saharaCrud: Values = {
  project_id: { fields: 'payload.project_id' },
  user_id: { fields: '_context_user_id' },
  resource_id: { fields: 'payload.cluster_id' },
};

const networkTraits: Values = { user_id: { fields: '_context_user_id' }, project_id: { fields: '_context_tenant_id' } };

const httpAudit: Values = {
  project_id: { fields: 'payload.initiator.project_id' },
  user_id: { fields: 'payload.initiator.id' },
  ...payloadTraits(['typeURI', 'eventType', 'action', 'outcome', 'id', 'eventTime', 'requestPath']),
  observer_id: { fields: 'payload.observer.id' },
  target_id: { fields: 'payload.target.id' },
  target_typeURI: { fields: 'payload.target.typeURI' },
  target_name: { fields: 'payload.target.name' },
  initiator_typeURI: { fields: 'payload.initiator.typeURI' },
  initiator_id: { fields: 'payload.initiator.id' },
  initiator_name: { fields: 'payload.initiator.name' },
  initiator_host_address: { fields: 'payload.initiator.host.address' },
};

const dnsDomainTraits: Values = {
  ...payloadTraits(['status', 'retry', 'description', 'expire', 'email', 'ttl', 'action', 'name']),
  resource_id: { fields: 'payload.id' },
  ...payloadTraits(['created_at', 'updated_at', 'version']),
  parent_domain_id: { fields: 'parent_domain_id' },
  serial: { fields: 'payload.serial' },
};

const cinderTraits: Values = {
  user_id: { fields: 'payload.user_id' },
  project_id: { fields: 'payload.tenant_id' },
  ...payloadTraits(['availability_zone', 'display_name', 'replication_status', 'status', 'created_at']),
};

const troveBaseTraits: Values = {
  instance_type: { fields: 'payload.instance_type' },
  user_id: { fields: 'payload.user_id' },
  resource_id: { fields: 'payload.instance_id' },
  instance_type_id: { fields: 'payload.instance_type_id' },
  launched_at: { type: 'datetime', fields: 'payload.launched_at' },
  ...payloadTraits(['instance_name', 'state', 'nova_instance_id', 'service_id']),
  created_at: { type: 'datetime', fields: 'payload.created_at' },
  region: { fields: 'payload.region' },
};

const troveCommonTraits: Values = {
  name: { fields: 'payload.name' },
  availability_zone: { fields: 'payload.availability_zone' },
  instance_size: { type: 'int', fields: 'payload.instance_size' },
  volume_size: { type: 'int', fields: 'payload.volume_size' },
  nova_volume_id: { fields: 'payload.nova_volume_id' },
};

/** The audit period of an `.exists` event. */
const auditPeriodTraits: Values = {
  audit_period_beginning: { type: 'datetime', fields: 'payload.audit_period_beginning' },
  audit_period_ending: { type: 'datetime', fields: 'payload.audit_period_ending' },
};

/** The CADF audit record of an event: what was done, when, with what outcome, and by whom. */
const cadfTraits: Values = {
  ...payloadTraits(['typeURI', 'id', 'action', 'eventType', 'eventTime', 'outcome']),
  initiator_typeURI: { fields: 'payload.initiator.typeURI' },
  initiator_id: { fields: 'payload.initiator.id' },
};

const VOLUME_EVENTS = [
  'volume.exists',
  'volume.create.*',
  'volume.delete.*',
  'volume.resize.*',
  'volume.attach.*',
  'volume.detach.*',
  'volume.update.*',
];
const SNAPSHOT_EVENTS = ['snapshot.exists', 'snapshot.create.*', 'snapshot.delete.*', 'snapshot.update.*'];

/** Neutron's resources whose notifications become events, in the original's order. */
const NEUTRON_RESOURCES = [
  'network',
  'subnet',
  'port',
  'router',
  'floatingip',
  'pool',
  'vip',
  'member',
  'health_monitor',
  'healthmonitor',
  'listener',
  'loadbalancer',
  'firewall',
  'firewall_policy',
  'firewall_rule',
  'vpnservice',
  'ipsecpolicy',
  'ikepolicy',
  'ipsec_site_connection',
];

/** The event of one neutron resource: who did it, and the resource's id (`payload.<resource>.id`, else `payload.id`). */
function neutronResourceEvent(resource: string): Values {
  return { event_type: `${resource}.*`, traits: { ...networkTraits, resource_id: { fields: [`payload.${resource}.id`, 'payload.id'] } } };
}

/** The trove instance actions whose events carry the instance's size and volume. */
const TROVE_INSTANCE_ACTIONS = ['create', 'modify_volume', 'modify_flavor', 'delete'];

/** The event of one trove instance action: the instance's size and volume, its base traits, then the action's own. */
function troveInstanceEvent(action: string, traits: Values = {}): Values {
  return { event_type: `trove.instance.${action}`, traits: { ...troveCommonTraits, ...troveBaseTraits, ...traits } };
}

const staticCentral: Values = {
  jobs: ['ceilometer-rabbit-init', 'ceilometer-ks-user'],
  services: internalEndpoints('identity'),
};

/** Static values of ceilometer: the StarlingX settings applied over the chart defaults. */
export function ceilometerStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-ceilometer',
    labels: {
      isApplication: false,
      compute: { node_selector_key: 'openstack-compute-node', node_selector_value: 'enabled' },
      central: controlPlaneNode,
      ipmi: { node_selector_key: 'openstack-node', node_selector_value: 'enabled' },
      notification: controlPlaneNode,
      job: controlPlaneNode,
      test: controlPlaneNode,
    },
    images: {
      tags: {
        rabbit_init: img.rabbitmqManagement,
        ks_user: img.openstackclients,
        ks_service: img.heat,
        ks_endpoints: img.heat,
        ceilometer_api: img.ceilometer,
        ceilometer_central: img.ceilometer,
        ceilometer_collector: img.ceilometer,
        ceilometer_compute: img.ceilometer,
        ceilometer_db_sync: img.ceilometer,
        ceilometer_ipmi: img.ceilometer,
        ceilometer_notification: img.ceilometer,
        db_init: img.ceilometer,
        db_init_mongodb: img.ceilometer,
        dep_check: img.kubernetesEntrypoint,
        image_repo_sync: null,
        pre_apply_cleanup: img.vaultManager,
        test: null,
      },
      pull_policy: 'IfNotPresent',
      local_registry: { active: false, exclude: ['dep_check', 'image_repo_sync'] },
    },
    ipmi_device: '/dev/ipmi0',
    conf: {
      ceilometer: {
        DEFAULT: { transport_url: null },
        keystone_authtoken: internalKeystoneAuthtoken,
        service_credentials: {
          auth_type: 'password',
          interface: 'internal',
          auth_url: keystoneInternalUrl,
        },
        notification: {
          messaging_urls: {
            type: 'multistring',
            values: [
              'rabbit://rabbitmq:password@rabbitmq.openstack.svc.cluster.local:5672/ceilometer',
              'rabbit://rabbitmq:password@rabbitmq.openstack.svc.cluster.local:5672/cinder',
              'rabbit://rabbitmq:password@rabbitmq.openstack.svc.cluster.local:5672/glance',
              'rabbit://rabbitmq:password@rabbitmq.openstack.svc.cluster.local:5672/nova',
              'rabbit://rabbitmq:password@rabbitmq.openstack.svc.cluster.local:5672/keystone',
              'rabbit://rabbitmq:password@rabbitmq.openstack.svc.cluster.local:5672/neutron',
              'rabbit://rabbitmq:password@rabbitmq.openstack.svc.cluster.local:5672/heat',
            ],
          },
        },
        oslo_messaging_notifications: { driver: 'messagingv2', topics: ['notifications'] },
        oslo_concurrency: { lock_path: '/var/lib/oslo-lock' },
        cache: { enabled: true, backend: 'dogpile.cache.memcached', expiration_time: 86400 },
        polling: { enable_prometheus_exporter: true, prometheus_listen_addresses: '[::]:9101' },
        compute: {
          resource_update_interval: 60,
          instance_discovery_method: 'workload_partitioning',
        },
      },
      event_definitions: [
        { event_type: 'compute.instance.*', traits: instanceTraits },
        {
          event_type: 'compute.instance.update',
          traits: { ...instanceTraits, old_state: { fields: 'payload.old_state' } },
        },
        {
          event_type: 'compute.instance.exists',
          traits: {
            ...instanceTraits,
            ...auditPeriodTraits,
          },
        },
        {
          event_type: [...VOLUME_EVENTS, ...SNAPSHOT_EVENTS],
          traits: cinderTraits,
        },
        {
          event_type: VOLUME_EVENTS,
          traits: {
            ...cinderTraits,
            replication_status: { fields: 'payload.replication_status' },
            resource_id: { fields: 'payload.volume_id' },
            host: { fields: 'payload.host' },
            size: { fields: 'payload.size' },
            type: { fields: 'payload.volume_type' },
          },
        },
        {
          event_type: SNAPSHOT_EVENTS,
          traits: {
            ...cinderTraits,
            resource_id: { fields: 'payload.snapshot_id' },
            volume_id: { fields: 'payload.volume_id' },
          },
        },
        {
          event_type: ['image_volume_cache.*'],
          traits: { image_id: { fields: 'payload.image_id' }, host: { fields: 'payload.host' } },
        },
        {
          event_type: ['image.create', 'image.update', 'image.upload', 'image.delete'],
          traits: {
            project_id: { fields: 'payload.owner' },
            resource_id: { fields: 'payload.id' },
            ...payloadTraits(['name', 'status', 'created_at']),
            user_id: { fields: 'payload.owner' },
            deleted_at: { fields: 'payload.deleted_at' },
            size: { fields: 'payload.size' },
          },
        },
        {
          event_type: 'image.send',
          traits: {
            receiver_project: { fields: 'payload.receiver_tenant_id' },
            receiver_user: { fields: 'payload.receiver_user_id' },
            user_id: { fields: 'payload.owner_id' },
            image_id: { fields: 'payload.image_id' },
            destination_ip: { fields: 'payload.destination_ip' },
            bytes_sent: { type: 'int', fields: 'payload.bytes_sent' },
          },
        },
        {
          event_type: 'orchestration.stack.*',
          traits: {
            project_id: { fields: 'payload.tenant_id' },
            user_id: { fields: ['_context_trustor_user_id', '_context_user_id'] },
            resource_id: { fields: 'payload.stack_identity' },
          },
        },
        { event_type: 'sahara.cluster.*', traits: saharaCrud },
        {
          event_type: 'sahara.cluster.health',
          traits: {
            ...saharaCrud,
            ...payloadTraits(['verification_id', 'health_check_status', 'health_check_name', 'health_check_description']),
            created_at: { type: 'datetime', fields: 'payload.created_at' },
            updated_at: { type: 'datetime', fields: 'payload.updated_at' },
          },
        },
        {
          event_type: [
            'identity.user.*',
            'identity.project.*',
            'identity.group.*',
            'identity.role.*',
            'identity.OS-TRUST:trust.*',
            'identity.region.*',
            'identity.service.*',
            'identity.endpoint.*',
            'identity.policy.*',
          ],
          traits: {
            resource_id: { fields: 'payload.resource_info' },
            initiator_id: { fields: 'payload.initiator.id' },
            project_id: { fields: 'payload.initiator.project_id' },
            domain_id: { fields: 'payload.initiator.domain_id' },
          },
        },
        {
          event_type: 'identity.role_assignment.*',
          traits: payloadTraits(['role', 'group', 'domain', 'user', 'project']),
        },
        {
          event_type: 'identity.authenticate',
          traits: {
            ...cadfTraits,
            initiator_name: { fields: 'payload.initiator.name' },
            initiator_host_agent: { fields: 'payload.initiator.host.agent' },
            initiator_host_addr: { fields: 'payload.initiator.host.address' },
            target_typeURI: { fields: 'payload.target.typeURI' },
            target_id: { fields: 'payload.target.id' },
            observer_typeURI: { fields: 'payload.observer.typeURI' },
            observer_id: { fields: 'payload.observer.id' },
          },
        },
        {
          event_type: 'objectstore.http.request',
          traits: {
            ...cadfTraits,
            initiator_project_id: { fields: 'payload.initiator.project_id' },
            target_typeURI: { fields: 'payload.target.typeURI' },
            target_id: { fields: 'payload.target.id' },
            target_action: { fields: 'payload.target.action' },
            target_metadata_path: { fields: 'payload.target.metadata.path' },
            target_metadata_version: { fields: 'payload.target.metadata.version' },
            target_metadata_container: { fields: 'payload.target.metadata.container' },
            target_metadata_object: { fields: 'payload.target.metadata.object' },
            observer_id: { fields: 'payload.observer.id' },
          },
        },
        { event_type: NEUTRON_RESOURCES.map((resource) => `${resource}.*`), traits: networkTraits },
        ...NEUTRON_RESOURCES.map(neutronResourceEvent),
        { event_type: '*http.*', traits: httpAudit },
        {
          event_type: '*http.response',
          traits: { ...httpAudit, reason_code: { fields: 'payload.reason.reasonCode' } },
        },
        {
          event_type: ['dns.domain.create', 'dns.domain.update', 'dns.domain.delete'],
          traits: dnsDomainTraits,
        },
        {
          event_type: 'dns.domain.exists',
          traits: {
            ...dnsDomainTraits,
            ...auditPeriodTraits,
          },
        },
        { event_type: 'trove.*', traits: troveBaseTraits },
        { event_type: TROVE_INSTANCE_ACTIONS.map((action) => `trove.instance.${action}`), traits: troveCommonTraits },
        troveInstanceEvent('create'),
        troveInstanceEvent('modify_volume', {
          old_volume_size: { type: 'int', fields: 'payload.old_volume_size' },
          modify_at: { type: 'datetime', fields: 'payload.modify_at' },
        }),
        troveInstanceEvent('modify_flavor', {
          old_instance_size: { type: 'int', fields: 'payload.old_instance_size' },
          modify_at: { type: 'datetime', fields: 'payload.modify_at' },
        }),
        troveInstanceEvent('delete', { deleted_at: { type: 'datetime', fields: 'payload.deleted_at' } }),
        {
          event_type: 'trove.instance.exists',
          traits: {
            ...troveBaseTraits,
            display_name: { fields: 'payload.display_name' },
            ...auditPeriodTraits,
          },
        },
        {
          event_type: 'profiler.*',
          traits: {
            ...payloadTraits(['project', 'service', 'name', 'base_id', 'trace_id', 'parent_id', 'timestamp']),
            host: { fields: 'payload.info.host' },
            path: { fields: 'payload.info.request.path' },
            query: { fields: 'payload.info.request.query' },
            method: { fields: 'payload.info.request.method' },
            scheme: { fields: 'payload.info.request.scheme' },
            'db.statement': { fields: 'payload.info.db.statement' },
            'db.params': { fields: 'payload.info.db.params' },
          },
        },
        {
          event_type: 'magnum.bay.*',
          traits: {
            ...payloadTraits(['id', 'typeURI', 'eventType', 'eventTime', 'action', 'outcome']),
            initiator_id: { fields: 'payload.initiator.id' },
            initiator_typeURI: { fields: 'payload.initiator.typeURI' },
            initiator_name: { fields: 'payload.initiator.name' },
            initiator_host_agent: { fields: 'payload.initiator.host.agent' },
            initiator_host_address: { fields: 'payload.initiator.host.address' },
            target_id: { fields: 'payload.target.id' },
            target_typeURI: { fields: 'payload.target.typeURI' },
            observer_id: { fields: 'payload.observer.id' },
            observer_typeURI: { fields: 'payload.observer.typeURI' },
          },
        },
      ],
      event_pipeline: {
        sinks: [{ name: 'event_sink', publishers: ['notifier://?topic=alarm.all'] }],
        sources: [{ events: ['*'], name: 'event_source', sinks: ['event_sink'] }],
      },
      polling: {
        sources: [
          {
            name: 'openstack_compute',
            interval: 600,
            meters: [
              'memory',
              'memory.usage',
              'memory.resident',
              'cpu',
              'vcpus',
              'disk.device.read.requests',
              'disk.device.write.requests',
              'disk.device.read.bytes',
              'disk.device.write.bytes',
              'disk.root.size',
              'disk.ephemeral.size',
              'disk.device.capacity',
              'disk.device.allocation',
              'disk.device.usage',
              'network.incoming.bytes',
              'network.outgoing.bytes',
              'network.incoming.bytes.rate',
              'network.outgoing.bytes.rate',
              'network.incoming.bytes.delta',
              'network.outgoing.bytes.delta',
              'network.incoming.packets',
              'network.outgoing.packets',
              'perf.cpu.cycles',
              'perf.instructions',
              'perf.cache.references',
              'perf.cache.misses',
              'network.incoming.packets.drop',
              'network.outgoing.packets.drop',
              'network.incoming.packets.error',
              'network.outgoing.packets.error',
              'memory.swap.in',
              'memory.swap.out',
              'disk.device.read.latency',
              'disk.device.write.latency',
              'power.state',
              'memory.available',
            ],
          },
          { name: 'openstack_image_service', interval: 600, meters: ['image.size'] },
          {
            name: 'openstack_block_storage',
            interval: 600,
            meters: [
              'volume.size',
              'volume.snapshot.size',
              'volume.backup.size',
              'volume.provider.pool.capacity.total',
              'volume.provider.pool.capacity.free',
              'volume.provider.pool.capacity.allocated',
              'volume.provider.pool.capacity.provisioned',
              'volume.provider.pool.capacity.virtual_free',
            ],
          },
          { name: 'openstack_networking', interval: 600, meters: ['ip.floating'] },
        ],
      },
      pipeline: { sinks: [], sources: [] },
    },
    dependencies: {
      dynamic: {
        common: {
          local_image_registry: localImageRegistryDependency('ceilometer-image-repo-sync'),
        },
      },
      static: {
        central: staticCentral,
        compute: staticCentral,
        ipmi: { jobs: ['ceilometer-rabbit-init'], services: null },
        notification: staticCentral,
        db_sync: {
          jobs: ['ceilometer-ks-user'],
          services: internalEndpoints('identity', 'metric'),
        },
      },
    },
    secrets: {
      identity: {
        admin: 'ceilometer-keystone-admin',
        ceilometer: 'ceilometer-keystone-user',
        test: 'ceilometer-keystone-test',
      },
      oslo_messaging: { admin: 'ceilometer-rabbitmq-admin', ceilometer: 'ceilometer-rabbitmq-user' },
      oci_image_registry: { ceilometer: 'ceilometer-oci-image-registry' },
    },
    bootstrap: { enabled: false, ks_user: 'ceilometer', script: 'openstack token issue\n' },
    endpoints: {
      cluster_domain_suffix: 'cluster.local',
      local_image_registry: localImageRegistryEndpoint,
      oci_image_registry: ociImageRegistryEndpoint('ceilometer'),
      identity: identityEndpoint({
        admin: keystoneAdminUser,
        ceilometer: keystoneUser('ceilometer', { role: 'admin' }),
        test: keystoneUser('ceilometer-test', { role: 'admin', project_name: 'test' }),
      }),
      alarming: aodhEndpoint,
      oslo_cache: osloCacheEndpoint,
      oslo_messaging: osloMessagingEndpoint('ceilometer', { adminTls: false }),
    },
    pod: {
      labels: { include_app_kubernetes_io: false },
      affinity: requiredAntiAffinity,
      tolerations: { ceilometer: controlPlaneTolerations },
      mounts: {
        ...noExtraMounts('ceilometer_tests', 'ceilometer_compute', 'ceilometer_central', 'ceilometer_ipmi', 'ceilometer_notification'),
        ceilometer_db_sync: { ceilometer_db_sync: noVolumes },
      },
      etcSources: {
        ceilometer_compute: [],
        ceilometer_central: [],
        ceilometer_ipmi: [],
        ceilometer_notification: [],
        ceilometer_db_sync: [],
      },
      replicas: { central: 1, notification: 1 },
      lifecycle: { upgrades: rollingUpdateUpgradesWithDaemonsets },
      resources: {
        enabled: true,
        ...defaultResourcesFor('compute', 'notification', 'central'),
        ipmi: {
          requests: { memory: '124Mi', cpu: '100m' },
          limits: { memory: '1024Mi', cpu: '2000m' },
        },
        jobs: defaultResourcesFor('db_sync', 'rabbit_init', 'ks_user', 'tests', 'image_repo_sync'),
      },
    },
    network: { api: { ingress: { classes: openstackIngressClasses } } },
    servicemonitor: {
      central: { scrape_interval: '30s', scrape_timeout: '10s' },
      compute: { scrape_interval: '30s', scrape_timeout: '10s' },
    },
    manifests: {
      configmap_bin: true,
      configmap_etc: true,
      deployment_api: false,
      deployment_central: true,
      deployment_collector: false,
      daemonset_compute: true,
      daemonset_ipmi: false,
      deployment_notification: true,
      ingress_api: false,
      job_bootstrap: true,
      job_db_init: false,
      job_db_init_mongodb: false,
      job_db_sync: false,
      job_image_repo_sync: true,
      job_ks_endpoints: false,
      job_ks_user: true,
      job_rabbit_init: true,
      pdb_api: false,
      secret_db: false,
      secret_keystone: true,
      secret_mongodb: false,
      secret_rabbitmq: true,
      secret_registry: true,
      service_api: false,
      service_central_metrics: true,
      service_compute_metrics: true,
      service_ingress_api: false,
      servicemonitor_central: true,
      servicemonitor_compute: true,
    },
    extraObjects: [],
  };
}
