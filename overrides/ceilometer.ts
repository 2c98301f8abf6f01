import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import { controlPlaneNode, defaultJobResources, internalEndpoints, keystoneUser, noExtraMounts, noVolumes, openstackIngressClasses } from './blocks';
import { controlPlaneTolerations, endpointsAlarming, endpointsLocalImageRegistry, identityAuthAdmin, internalKeystoneAuthtoken, osloCacheEndpoint, requiredAntiAffinity, rollingUpdateUpgradesWithDaemonsets } from './common';
import { identityEndpoint, keystoneInternalUrl, osloMessagingEndpoint } from './endpoints';

/** Repeated within the ceilometer values. */
const instanceTraits: Values = {
  tenant_id: { fields: 'payload.tenant_id' },
  user_id: { fields: 'payload.user_id' },
  instance_id: { fields: 'payload.instance_id' },
  resource_id: { fields: 'payload.instance_id' },
  host: { fields: 'publisher_id.`split(., 1, 1)`' },
  service: { fields: 'publisher_id.`split(., 0, -1)`' },
  memory_mb: { type: 'int', fields: 'payload.memory_mb' },
  disk_gb: { type: 'int', fields: 'payload.disk_gb' },
  root_gb: { type: 'int', fields: 'payload.root_gb' },
  ephemeral_gb: { type: 'int', fields: 'payload.ephemeral_gb' },
  vcpus: { type: 'int', fields: 'payload.vcpus' },
  instance_type_id: { type: 'int', fields: 'payload.instance_type_id' },
  instance_type: { fields: 'payload.instance_type' },
  state: { fields: 'payload.state' },
  os_architecture: { fields: 'payload.image_meta.\'org.openstack__1__architecture\'' },
  os_version: { fields: 'payload.image_meta.\'org.openstack__1__os_version\'' },
  os_distro: { fields: 'payload.image_meta.\'org.openstack__1__os_distro\'' },
  launched_at: { type: 'datetime', fields: 'payload.launched_at' },
  deleted_at: { type: 'datetime', fields: 'payload.deleted_at' },
};

/** Repeated within the ceilometer values. */
const saharaCrud: Values = {
  project_id: { fields: 'payload.project_id' },
  user_id: { fields: '_context_user_id' },
  resource_id: { fields: 'payload.cluster_id' },
};

/** Repeated within the ceilometer values. */
const networkTraits: Values = { user_id: { fields: '_context_user_id' }, project_id: { fields: '_context_tenant_id' } };

/** Repeated within the ceilometer values. */
const httpAudit: Values = {
  project_id: { fields: 'payload.initiator.project_id' },
  user_id: { fields: 'payload.initiator.id' },
  typeURI: { fields: 'payload.typeURI' },
  eventType: { fields: 'payload.eventType' },
  action: { fields: 'payload.action' },
  outcome: { fields: 'payload.outcome' },
  id: { fields: 'payload.id' },
  eventTime: { fields: 'payload.eventTime' },
  requestPath: { fields: 'payload.requestPath' },
  observer_id: { fields: 'payload.observer.id' },
  target_id: { fields: 'payload.target.id' },
  target_typeURI: { fields: 'payload.target.typeURI' },
  target_name: { fields: 'payload.target.name' },
  initiator_typeURI: { fields: 'payload.initiator.typeURI' },
  initiator_id: { fields: 'payload.initiator.id' },
  initiator_name: { fields: 'payload.initiator.name' },
  initiator_host_address: { fields: 'payload.initiator.host.address' },
};

/** Repeated within the ceilometer values. */
const dnsDomainTraits: Values = {
  status: { fields: 'payload.status' },
  retry: { fields: 'payload.retry' },
  description: { fields: 'payload.description' },
  expire: { fields: 'payload.expire' },
  email: { fields: 'payload.email' },
  ttl: { fields: 'payload.ttl' },
  action: { fields: 'payload.action' },
  name: { fields: 'payload.name' },
  resource_id: { fields: 'payload.id' },
  created_at: { fields: 'payload.created_at' },
  updated_at: { fields: 'payload.updated_at' },
  version: { fields: 'payload.version' },
  parent_domain_id: { fields: 'parent_domain_id' },
  serial: { fields: 'payload.serial' },
};

/** Repeated within the ceilometer values. */
const cinderTraits: Values = {
  user_id: { fields: 'payload.user_id' },
  project_id: { fields: 'payload.tenant_id' },
  availability_zone: { fields: 'payload.availability_zone' },
  display_name: { fields: 'payload.display_name' },
  replication_status: { fields: 'payload.replication_status' },
  status: { fields: 'payload.status' },
  created_at: { fields: 'payload.created_at' },
};

/** Repeated within the ceilometer values. */
const troveBaseTraits: Values = {
  instance_type: { fields: 'payload.instance_type' },
  user_id: { fields: 'payload.user_id' },
  resource_id: { fields: 'payload.instance_id' },
  instance_type_id: { fields: 'payload.instance_type_id' },
  launched_at: { type: 'datetime', fields: 'payload.launched_at' },
  instance_name: { fields: 'payload.instance_name' },
  state: { fields: 'payload.state' },
  nova_instance_id: { fields: 'payload.nova_instance_id' },
  service_id: { fields: 'payload.service_id' },
  created_at: { type: 'datetime', fields: 'payload.created_at' },
  region: { fields: 'payload.region' },
};

/** Repeated within the ceilometer values. */
const troveCommonTraits: Values = {
  name: { fields: 'payload.name' },
  availability_zone: { fields: 'payload.availability_zone' },
  instance_size: { type: 'int', fields: 'payload.instance_size' },
  volume_size: { type: 'int', fields: 'payload.volume_size' },
  nova_volume_id: { fields: 'payload.nova_volume_id' },
};

/** Repeated within the ceilometer values. */
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
            audit_period_beginning: { type: 'datetime', fields: 'payload.audit_period_beginning' },
            audit_period_ending: { type: 'datetime', fields: 'payload.audit_period_ending' },
          },
        },
        {
          event_type: [
            'volume.exists',
            'volume.create.*',
            'volume.delete.*',
            'volume.resize.*',
            'volume.attach.*',
            'volume.detach.*',
            'volume.update.*',
            'snapshot.exists',
            'snapshot.create.*',
            'snapshot.delete.*',
            'snapshot.update.*',
          ],
          traits: cinderTraits,
        },
        {
          event_type: [
            'volume.exists',
            'volume.create.*',
            'volume.delete.*',
            'volume.resize.*',
            'volume.attach.*',
            'volume.detach.*',
            'volume.update.*',
          ],
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
          event_type: ['snapshot.exists', 'snapshot.create.*', 'snapshot.delete.*', 'snapshot.update.*'],
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
            name: { fields: 'payload.name' },
            status: { fields: 'payload.status' },
            created_at: { fields: 'payload.created_at' },
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
            verification_id: { fields: 'payload.verification_id' },
            health_check_status: { fields: 'payload.health_check_status' },
            health_check_name: { fields: 'payload.health_check_name' },
            health_check_description: { fields: 'payload.health_check_description' },
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
          traits: {
            role: { fields: 'payload.role' },
            group: { fields: 'payload.group' },
            domain: { fields: 'payload.domain' },
            user: { fields: 'payload.user' },
            project: { fields: 'payload.project' },
          },
        },
        {
          event_type: 'identity.authenticate',
          traits: {
            typeURI: { fields: 'payload.typeURI' },
            id: { fields: 'payload.id' },
            action: { fields: 'payload.action' },
            eventType: { fields: 'payload.eventType' },
            eventTime: { fields: 'payload.eventTime' },
            outcome: { fields: 'payload.outcome' },
            initiator_typeURI: { fields: 'payload.initiator.typeURI' },
            initiator_id: { fields: 'payload.initiator.id' },
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
            typeURI: { fields: 'payload.typeURI' },
            id: { fields: 'payload.id' },
            action: { fields: 'payload.action' },
            eventType: { fields: 'payload.eventType' },
            eventTime: { fields: 'payload.eventTime' },
            outcome: { fields: 'payload.outcome' },
            initiator_typeURI: { fields: 'payload.initiator.typeURI' },
            initiator_id: { fields: 'payload.initiator.id' },
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
        {
          event_type: [
            'network.*',
            'subnet.*',
            'port.*',
            'router.*',
            'floatingip.*',
            'pool.*',
            'vip.*',
            'member.*',
            'health_monitor.*',
            'healthmonitor.*',
            'listener.*',
            'loadbalancer.*',
            'firewall.*',
            'firewall_policy.*',
            'firewall_rule.*',
            'vpnservice.*',
            'ipsecpolicy.*',
            'ikepolicy.*',
            'ipsec_site_connection.*',
          ],
          traits: networkTraits,
        },
        {
          event_type: 'network.*',
          traits: { ...networkTraits, resource_id: { fields: ['payload.network.id', 'payload.id'] } },
        },
        {
          event_type: 'subnet.*',
          traits: { ...networkTraits, resource_id: { fields: ['payload.subnet.id', 'payload.id'] } },
        },
        {
          event_type: 'port.*',
          traits: { ...networkTraits, resource_id: { fields: ['payload.port.id', 'payload.id'] } },
        },
        {
          event_type: 'router.*',
          traits: { ...networkTraits, resource_id: { fields: ['payload.router.id', 'payload.id'] } },
        },
        {
          event_type: 'floatingip.*',
          traits: { ...networkTraits, resource_id: { fields: ['payload.floatingip.id', 'payload.id'] } },
        },
        {
          event_type: 'pool.*',
          traits: { ...networkTraits, resource_id: { fields: ['payload.pool.id', 'payload.id'] } },
        },
        {
          event_type: 'vip.*',
          traits: { ...networkTraits, resource_id: { fields: ['payload.vip.id', 'payload.id'] } },
        },
        {
          event_type: 'member.*',
          traits: { ...networkTraits, resource_id: { fields: ['payload.member.id', 'payload.id'] } },
        },
        {
          event_type: 'health_monitor.*',
          traits: {
            ...networkTraits,
            resource_id: { fields: ['payload.health_monitor.id', 'payload.id'] },
          },
        },
        {
          event_type: 'healthmonitor.*',
          traits: { ...networkTraits, resource_id: { fields: ['payload.healthmonitor.id', 'payload.id'] } },
        },
        {
          event_type: 'listener.*',
          traits: { ...networkTraits, resource_id: { fields: ['payload.listener.id', 'payload.id'] } },
        },
        {
          event_type: 'loadbalancer.*',
          traits: { ...networkTraits, resource_id: { fields: ['payload.loadbalancer.id', 'payload.id'] } },
        },
        {
          event_type: 'firewall.*',
          traits: { ...networkTraits, resource_id: { fields: ['payload.firewall.id', 'payload.id'] } },
        },
        {
          event_type: 'firewall_policy.*',
          traits: {
            ...networkTraits,
            resource_id: { fields: ['payload.firewall_policy.id', 'payload.id'] },
          },
        },
        {
          event_type: 'firewall_rule.*',
          traits: { ...networkTraits, resource_id: { fields: ['payload.firewall_rule.id', 'payload.id'] } },
        },
        {
          event_type: 'vpnservice.*',
          traits: { ...networkTraits, resource_id: { fields: ['payload.vpnservice.id', 'payload.id'] } },
        },
        {
          event_type: 'ipsecpolicy.*',
          traits: { ...networkTraits, resource_id: { fields: ['payload.ipsecpolicy.id', 'payload.id'] } },
        },
        {
          event_type: 'ikepolicy.*',
          traits: { ...networkTraits, resource_id: { fields: ['payload.ikepolicy.id', 'payload.id'] } },
        },
        {
          event_type: 'ipsec_site_connection.*',
          traits: {
            ...networkTraits,
            resource_id: { fields: ['payload.ipsec_site_connection.id', 'payload.id'] },
          },
        },
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
            audit_period_beginning: { type: 'datetime', fields: 'payload.audit_period_beginning' },
            audit_period_ending: { type: 'datetime', fields: 'payload.audit_period_ending' },
          },
        },
        { event_type: 'trove.*', traits: troveBaseTraits },
        {
          event_type: [
            'trove.instance.create',
            'trove.instance.modify_volume',
            'trove.instance.modify_flavor',
            'trove.instance.delete',
          ],
          traits: troveCommonTraits,
        },
        {
          event_type: 'trove.instance.create',
          traits: { ...troveCommonTraits, ...troveBaseTraits },
        },
        {
          event_type: 'trove.instance.modify_volume',
          traits: {
            ...troveCommonTraits,
            ...troveBaseTraits,
            old_volume_size: { type: 'int', fields: 'payload.old_volume_size' },
            modify_at: { type: 'datetime', fields: 'payload.modify_at' },
          },
        },
        {
          event_type: 'trove.instance.modify_flavor',
          traits: {
            ...troveCommonTraits,
            ...troveBaseTraits,
            old_instance_size: { type: 'int', fields: 'payload.old_instance_size' },
            modify_at: { type: 'datetime', fields: 'payload.modify_at' },
          },
        },
        {
          event_type: 'trove.instance.delete',
          traits: {
            ...troveCommonTraits,
            ...troveBaseTraits,
            deleted_at: { type: 'datetime', fields: 'payload.deleted_at' },
          },
        },
        {
          event_type: 'trove.instance.exists',
          traits: {
            ...troveBaseTraits,
            display_name: { fields: 'payload.display_name' },
            audit_period_beginning: { type: 'datetime', fields: 'payload.audit_period_beginning' },
            audit_period_ending: { type: 'datetime', fields: 'payload.audit_period_ending' },
          },
        },
        {
          event_type: 'profiler.*',
          traits: {
            project: { fields: 'payload.project' },
            service: { fields: 'payload.service' },
            name: { fields: 'payload.name' },
            base_id: { fields: 'payload.base_id' },
            trace_id: { fields: 'payload.trace_id' },
            parent_id: { fields: 'payload.parent_id' },
            timestamp: { fields: 'payload.timestamp' },
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
            id: { fields: 'payload.id' },
            typeURI: { fields: 'payload.typeURI' },
            eventType: { fields: 'payload.eventType' },
            eventTime: { fields: 'payload.eventTime' },
            action: { fields: 'payload.action' },
            outcome: { fields: 'payload.outcome' },
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
          local_image_registry: {
            jobs: ['ceilometer-image-repo-sync'],
            services: [{ endpoint: 'node', service: 'local_image_registry' }],
          },
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
      local_image_registry: endpointsLocalImageRegistry,
      oci_image_registry: {
        name: 'oci-image-registry',
        namespace: 'oci-image-registry',
        auth: { enabled: false, ceilometer: { username: 'ceilometer', password: 'password' } },
        hosts: { default: 'localhost' },
        host_fqdn_override: { default: null },
        port: { registry: { default: null } },
      },
      identity: identityEndpoint({
        admin: identityAuthAdmin,
        ceilometer: keystoneUser('ceilometer', { role: 'admin' }),
        test: keystoneUser('ceilometer-test', { role: 'admin', project_name: 'test' }),
      }),
      alarming: endpointsAlarming,
      oslo_cache: osloCacheEndpoint,
      oslo_messaging: osloMessagingEndpoint('ceilometer', { adminTls: false }),
    },
    pod: {
      labels: { include_app_kubernetes_io: false },
      affinity: requiredAntiAffinity,
      tolerations: { ceilometer: controlPlaneTolerations },
      mounts: {
        ...noExtraMounts(
          'ceilometer_tests',
          'ceilometer_compute',
          'ceilometer_central',
          'ceilometer_ipmi',
          'ceilometer_notification',
        ),
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
        compute: defaultJobResources,
        notification: defaultJobResources,
        central: defaultJobResources,
        ipmi: {
          requests: { memory: '124Mi', cpu: '100m' },
          limits: { memory: '1024Mi', cpu: '2000m' },
        },
        jobs: {
          db_sync: defaultJobResources,
          rabbit_init: defaultJobResources,
          ks_user: defaultJobResources,
          tests: defaultJobResources,
          image_repo_sync: defaultJobResources,
        },
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
