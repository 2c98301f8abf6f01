import { Value, Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import { chartImages, controlPlaneNode, defaultJobResources, defaultResourcesFor, internalEndpoints, internalServices, keystoneUser, localImageRegistryDependency, noExtraMounts, noVolumes, osloLogging, probe, rallyOnceWith, readOnlyContainer, securityContext, uwsgiConf } from './blocks';
import { apiPodLifecycle, controlPlaneTolerations, fluentdEndpoint, localImageRegistryEndpoint, keystoneAdminUser, ingressEndpoint, internalKeystoneAuthtoken, kubeDnsEndpoint, osloCacheEndpoint, publicIngressUnlimitedBody, requiredAntiAffinity } from './common';
import { commandFilters, configText, iniFile, rootwrapFilters } from './config-files';
import { identityEndpoint, ociImageRegistryEndpoint, osloDbEndpoint, osloMessagingEndpoint } from './endpoints';

const pasteCompositeglanceApi: Values = {
  'paste.composite_factory': 'glance.api:root_app_factory',
  '/': 'api',
  '/healthcheck': 'healthcheck',
};

const GlanceImagesCreateAndDeleteImageArgs: Values = {
  container_format: 'bare',
  disk_format: 'qcow2',
  image_location: 'http://download.cirros-cloud.net/0.6.2/cirros-0.6.2-x86_64-disk.img',
};

const testsGlanceImagesCreateAndDeleteImage2: Value[] = rallyOnceWith(GlanceImagesCreateAndDeleteImageArgs);

/** Static values of glance: the StarlingX settings applied over the chart defaults. */
export function glanceStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-glance',
    storage: 'swift',
    labels: {
      isApplication: false,
      api: controlPlaneNode,
      job: controlPlaneNode,
      test: controlPlaneNode,
      registry: controlPlaneNode,
    },
    images: chartImages(img, {
      test: null,
      glance_storage_init: img.cephConfigHelper,
      glance_metadefs_load: img.glance,
      db_init: img.heat,
      glance_db_sync: img.glance,
      db_drop: img.heat,
      ks_user: img.openstackclients,
      ks_service: img.heat,
      ks_endpoints: img.heat,
      rabbit_init: img.rabbitmqManagement,
      glance_api: img.glance,
      bootstrap: img.heat,
      }),
    bootstrap: {
      enabled: true,
      ks_user: 'admin',
      script: null,
      structured: {
        images: {
          cirros: {
            id: null,
            name: 'Cirros 0.6.2 64-bit',
            source_url: 'http://download.cirros-cloud.net/0.6.2/',
            image_file: 'cirros-0.6.2-x86_64-disk.img',
            min_disk: 1,
            image_type: 'qcow2',
            container_format: 'bare',
            private: true,
            properties: { os_distro: 'cirros' },
          },
        },
      },
    },
    ceph_client: { configmap: 'ceph-etc', user_secret_name: 'pvc-ceph-client-key' },
    network_policy: { glance: { ingress: [{}], egress: [{}] } },
    conf: {
      software: { rbd: { rbd_store_pool_app_name: 'glance-image' } },
      rally_tests: {
        run_tempest: false,
        tests: {
          'GlanceImages.create_and_delete_image': testsGlanceImagesCreateAndDeleteImage2,
          'GlanceImages.create_and_list_image': testsGlanceImagesCreateAndDeleteImage2,
        },
      },
      ceph: { monitors: [], admin_keyring: null, override: null, append: null },
      ceph_client: { override: null, append: null },
      paste: {
        'composite:glance-api': pasteCompositeglanceApi,
        'composite:glance-api-caching': pasteCompositeglanceApi,
        'composite:glance-api-cachemanagement': pasteCompositeglanceApi,
        'composite:glance-api-keystone': pasteCompositeglanceApi,
        'composite:glance-api-keystone+caching': pasteCompositeglanceApi,
        'composite:glance-api-keystone+cachemanagement': pasteCompositeglanceApi,
        'composite:api': {
          'paste.composite_factory': 'glance.api:pipeline_factory',
          default: 'cors http_proxy_to_wsgi versionnegotiation osprofiler unauthenticated-context rootapp',
          caching: 'cors http_proxy_to_wsgi versionnegotiation osprofiler unauthenticated-context cache rootapp',
          cachemanagement: 'cors http_proxy_to_wsgi versionnegotiation osprofiler unauthenticated-context cache cachemanage rootapp',
          keystone: 'cors http_proxy_to_wsgi versionnegotiation osprofiler authtoken context rootapp',
          'keystone+caching': 'cors http_proxy_to_wsgi versionnegotiation osprofiler authtoken context cache rootapp',
          'keystone+cachemanagement': 'cors http_proxy_to_wsgi versionnegotiation osprofiler authtoken context cache cachemanage rootapp',
        },
        'composite:rootapp': {
          'paste.composite_factory': 'glance.api:root_app_factory',
          '/': 'apiversions',
          '/v2': 'apiv2app',
        },
        'app:apiversions': { 'paste.app_factory': 'glance.api.versions:create_resource' },
        'app:apiv2app': { 'paste.app_factory': 'glance.api.v2.router:API.factory' },
        'app:healthcheck': {
          'paste.app_factory': 'oslo_middleware:Healthcheck.app_factory',
          backends: 'disable_by_file',
          disable_by_file_path: '/etc/glance/healthcheck_disable',
        },
        'filter:versionnegotiation': {
          'paste.filter_factory': 'glance.api.middleware.version_negotiation:VersionNegotiationFilter.factory',
        },
        'filter:cache': { 'paste.filter_factory': 'glance.api.middleware.cache:CacheFilter.factory' },
        'filter:cachemanage': {
          'paste.filter_factory': 'glance.api.middleware.cache_manage:CacheManageFilter.factory',
        },
        'filter:context': {
          'paste.filter_factory': 'glance.api.middleware.context:ContextMiddleware.factory',
        },
        'filter:unauthenticated-context': {
          'paste.filter_factory': 'glance.api.middleware.context:UnauthenticatedContextMiddleware.factory',
        },
        'filter:authtoken': {
          'paste.filter_factory': 'keystonemiddleware.auth_token:filter_factory',
          delay_auth_decision: true,
        },
        'filter:gzip': { 'paste.filter_factory': 'glance.api.middleware.gzip:GzipMiddleware.factory' },
        'filter:osprofiler': { 'paste.filter_factory': 'osprofiler.web:WsgiMiddleware.factory' },
        'filter:cors': {
          'paste.filter_factory': 'oslo_middleware.cors:filter_factory',
          oslo_config_project: 'glance',
          oslo_config_program: 'glance-api',
        },
        'filter:http_proxy_to_wsgi': { 'paste.filter_factory': 'oslo_middleware:HTTPProxyToWSGI.factory' },
      },
      extra_metadata: {
        pci_irq_affinity: {
          description: 'This provides the possibility to set custom PCI IRQ Affinity configuration for instances with dedicated vCPUs.',
          display_name: 'PCI IRQ Affinity',
          namespace: 'OS::Compute::PCIIRQAffinity',
          properties: {
            pci_irq_affinity_mask: {
              description: 'Determines which vCPUs assigned to the instance must handle the interrupts from the PCI devices. The expected mask is a comma-separated list of values that can be expressed as: a single vCPU index (int), a closed interval of vCPU indexes (int1-int2), and a negation expressing that the vCPU index will not be assigned (^int). Note: int must be an integer between 0 and flavor.vcpus - 1. Example: 0-3,^2,6 means that vCPUs with indexes 0,1,3 and 6 will be assigned.',
              title: 'PCI IRQ Affinity Mask',
              type: 'string',
            },
          },
          protected: true,
          resource_type_associations: [
            { name: 'OS::Nova::Flavor', prefix: 'hw:' },
            { name: 'OS::Glance::Image', prefix: 'hw_' },
            { name: 'OS::Cinder::Volume', prefix: 'hw_', properties_target: 'image' },
          ],
          visibility: 'public',
        },
      },
      policy: {},
      glance_sudoers: configText([
        'Defaults !requiretty',
        'Defaults secure_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin:/var/lib/openstack/bin:/var/lib/kolla/venv/bin"',
        'glance ALL = (root) NOPASSWD: /var/lib/kolla/venv/bin/glance-rootwrap /etc/glance/rootwrap.conf *, /var/lib/openstack/bin/glance-rootwrap /etc/glance/rootwrap.conf *',
        'keystone ALL = (root) NOPASSWD: /var/lib/kolla/venv/bin/glance-rootwrap /etc/glance/rootwrap.conf *, /var/lib/openstack/bin/glance-rootwrap /etc/glance/rootwrap.conf *',
      ]),
      rootwrap: iniFile({
        DEFAULT: {
          filters_path: '/etc/glance/rootwrap.d,/usr/share/glance/rootwrap',
          exec_dirs: '/sbin,/usr/sbin,/bin,/usr/bin,/usr/local/bin,/usr/local/sbin,/var/lib/openstack/bin,/var/lib/kolla/venv/bin',
          use_syslog: 'False',
          syslog_log_facility: 'syslog',
          syslog_log_level: 'ERROR',
        },
      }),
      rootwrap_filters: {
        glance_cinder_store: {
          pods: ['api'],
          content: rootwrapFilters({
            disk_chown: ['RegExpFilter', 'chown', 'root', 'chown', '\\d+', '/dev/(?!.*/\\.\\.).*'],
            'privsep-rootwrap': ['RegExpFilter', 'privsep-helper', 'root', 'privsep-helper', '--config-file', '/etc/(?!\\.\\.).*', '--privsep_context', 'os_brick.privileged.default', '--privsep_sock_path', '/tmp/.*'],
            ...commandFilters('chown', 'mount', 'umount'),
          }),
        },
      },
      glance: {
        DEFAULT: {
          log_config_append: '/etc/glance/logging.conf',
          bind_port: null,
          control_exchange: 'glance',
          workers: 2,
          bind_host: '::',
          registry_host: 'glance-reg.openstack.svc.cluster.local',
          registry_port: 80,
        },
        oslo_middleware: { enable_proxy_headers_parsing: true },
        keystone_authtoken: {
          service_token_roles: 'service',
          service_token_roles_required: true,
          auth_type: 'password',
          auth_version: 'v3',
          memcache_security_strategy: 'ENCRYPT',
          service_type: 'image',
          ...internalKeystoneAuthtoken,
        },
        glance_store: {
          filesystem_store_datadir: '/var/lib/glance/images',
          cinder_catalog_info: 'volumev3::internalURL',
          chunk_size: 8,
          rbd_store_replication: 3,
          rbd_store_crush_rule: 'replicated_rule',
          rbd_store_pool: 'glance.images',
          rbd_store_user: 'glance',
          rbd_store_ceph_conf: '/etc/ceph/ceph.conf',
          default_swift_reference: 'ref1',
          swift_store_container: 'glance',
          swift_store_create_container_on_put: true,
          swift_store_config_file: '/etc/glance/swift-store.conf',
          swift_store_endpoint_type: 'internalURL',
        },
        file: { filesystem_store_datadir: '/var/lib/glance/images' },
        os_glance_tasks_store: { filesystem_store_datadir: '/var/lib/glance/tmp/os_glance_tasks_store' },
        os_glance_staging_store: { filesystem_store_datadir: '/var/lib/glance/tmp/os_glance_staging_store' },
        rbd: {
          rbd_store_chunk_size: 8,
          rbd_store_replication: 3,
          rbd_store_crush_rule: 'replicated_rule',
          rbd_store_pool: 'glance.images',
          rbd_store_user: 'glance',
          rbd_store_ceph_conf: '/etc/ceph/ceph.conf',
        },
        swift: {
          default_swift_reference: 'ref1',
          swift_store_container: 'glance',
          swift_store_create_container_on_put: true,
          swift_store_config_file: '/etc/glance/swift-store.conf',
          swift_store_endpoint_type: 'internalURL',
        },
        paste_deploy: { flavor: 'keystone' },
        database: { max_retries: -1, connection: '' },
        oslo_concurrency: { lock_path: '/var/lib/oslo-lock' },
        oslo_messaging_notifications: { driver: 'messagingv2' },
        oslo_messaging_rabbit: { rabbit_ha_queues: true },
        oslo_policy: { policy_file: '/etc/glance/policy.yaml' },
        cors: {},
      },
      logging: osloLogging(['glance'], '%Y-%m-%d %H:%M:%S'),
      api_audit_map: {
        DEFAULT: { target_endpoint_type: 'None' },
        path_keywords: { detail: 'None', file: 'None', images: 'image', members: 'member', tags: 'tag' },
        service_endpoints: { image: 'service/storage/image' },
      },
      rabbitmq: {
        policies: [
          {
            vhost: 'glance',
            name: 'ha_ttl_glance',
            definition: { 'ha-mode': 'all', 'ha-sync-mode': 'automatic', 'message-ttl': 70000 },
            priority: 0,
            'apply-to': 'all',
            pattern: '^(?!(amq\\.|reply_)).*',
          },
        ],
      },
      glance_api_uwsgi: uwsgiConf('glance-api', 'glance.wsgi.api:application', { chunkedInput: true }),
      glance_registry: { keystone_authtoken: internalKeystoneAuthtoken },
    },
    network: {
      api: {
        ingress: publicIngressUnlimitedBody,
        external_policy_local: false,
        node_port: { enabled: false, port: 30092 },
      },
    },
    volume: { class_name: 'general', size: '2Gi', accessModes: ['ReadWriteOnce'] },
    dependencies: {
      dynamic: {
        common: {
          local_image_registry: localImageRegistryDependency('glance-image-repo-sync'),
        },
      },
      static: {
        api: {
          jobs: [
            'glance-storage-init',
            'glance-db-sync',
            'glance-rabbit-init',
            'glance-ks-user',
            'glance-ks-endpoints',
          ],
          services: internalEndpoints('oslo_db', 'identity', 'oslo_messaging'),
        },
        bootstrap: {
          jobs: null,
          services: internalEndpoints('identity', 'image'),
        },
        clean: { jobs: null },
        db_drop: internalServices('oslo_db'),
        db_init: internalServices('oslo_db'),
        db_sync: {
          jobs: ['glance-db-init'],
          services: internalEndpoints('oslo_db'),
        },
        ks_endpoints: {
          jobs: ['glance-ks-service'],
          services: internalEndpoints('identity'),
        },
        ks_service: internalServices('identity'),
        ks_user: internalServices('identity'),
        rabbit_init: internalServices('oslo_messaging'),
        storage_init: { jobs: ['glance-ks-user'], services: null },
        metadefs_load: { jobs: ['glance-db-sync'], services: null },
        tests: internalServices('oslo_db', 'identity', 'image'),
        image_repo_sync: internalServices('local_image_registry'),
      },
    },
    secrets: {
      identity: {
        admin: 'glance-keystone-admin',
        glance: 'glance-keystone-user',
        test: 'glance-keystone-test',
      },
      oslo_db: { admin: 'glance-db-admin', glance: 'glance-db-user' },
      rbd: 'images-rbd-keyring',
      oslo_messaging: { admin: 'glance-rabbitmq-admin', glance: 'glance-rabbitmq-user' },
      tls: { image: { api: { public: 'glance-tls-public', internal: 'glance-tls-api' } } },
      oci_image_registry: { glance: 'glance-oci-image-registry' },
    },
    endpoints: {
      cluster_domain_suffix: 'cluster.local',
      local_image_registry: localImageRegistryEndpoint,
      oci_image_registry: ociImageRegistryEndpoint('glance'),
      identity: identityEndpoint({
        admin: keystoneAdminUser,
        glance: keystoneUser('glance', { role: 'admin' }),
        test: keystoneUser('glance-test', { role: 'admin', project_name: 'test' }),
      }),
      image: {
        name: 'glance',
        hosts: { default: 'glance-api', public: 'glance' },
        host_fqdn_override: { default: null },
        path: { default: null, healthcheck: '/healthcheck' },
        scheme: { default: 'http', service: 'http' },
        port: { api: { default: 9292, public: 80 } },
      },
      oslo_db: osloDbEndpoint('glance'),
      oslo_cache: osloCacheEndpoint,
      oslo_messaging: osloMessagingEndpoint('glance'),
      object_store: {
        name: 'swift',
        namespace: 'ceph',
        auth: { glance: { tmpurlkey: 'supersecret' } },
        hosts: { default: 'ceph-rgw', public: 'radosgw' },
        host_fqdn_override: { default: null },
        path: { default: '/swift/v1/KEY_$(tenant_id)s' },
        scheme: { default: 'http' },
        port: { api: { default: 8088, public: 80 } },
      },
      ceph_object_store: {
        name: 'radosgw',
        namespace: 'ceph',
        auth: {
          glance: { username: 'glance', password: 'password', tmpurlkey: 'supersecret' },
        },
        hosts: { default: 'ceph-rgw', public: 'radosgw' },
        host_fqdn_override: { default: null },
        path: { default: '/auth/v1.0' },
        scheme: { default: 'http' },
        port: { api: { default: 8088, public: 80 } },
      },
      fluentd: fluentdEndpoint,
      dashboard: {
        name: 'horizon',
        hosts: { default: 'horizon-int', public: 'horizon' },
        host_fqdn_override: { default: null },
        path: { default: null },
        scheme: { default: 'http', public: 'https' },
        port: { web: { default: 80, public: 443 } },
      },
      kube_dns: kubeDnsEndpoint,
      ingress: ingressEndpoint,
    },
    pod: {
      labels: { include_app_kubernetes_io: false },
      security_context: {
        glance: securityContext(42424, {
          glance_perms: { readOnlyRootFilesystem: true, runAsUser: 0 },
          ceph_keyring_placement: { readOnlyRootFilesystem: true, runAsUser: 0 },
          glance_api: readOnlyContainer,
          nginx: { readOnlyRootFilesystem: false, runAsUser: 0 },
        }),
        clean: securityContext(42424, { glance_secret_clean: readOnlyContainer }),
        metadefs_load: securityContext(42424, { glance_metadefs_load: readOnlyContainer }),
        storage_init: securityContext(42424, {
          ceph_keyring_placement: readOnlyContainer,
          glance_storage_init: readOnlyContainer,
        }),
        test: securityContext(42424, {
          glance_test_ks_user: readOnlyContainer,
          glance_test: {
            runAsUser: 65500,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
          },
        }),
      },
      affinity: requiredAntiAffinity,
      tolerations: { glance: controlPlaneTolerations },
      useHostNetwork: { api: false },
      etcSources: { glance_api: [], glance_db_sync: [], glance_metadefs_load: [] },
      mounts: {
        ...noExtraMounts('glance_api', 'glance_tests'),
        glance_db_sync: { glance_db_sync: noVolumes },
      },
      replicas: { api: 2, registry: 2 },
      lifecycle: apiPodLifecycle,
      probes: {
        api: {
          'glance-api': {
            readiness: probe({ periodSeconds: 10, timeoutSeconds: 5 }),
            liveness: probe({ initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 5 }),
          },
        },
      },
      resources: {
        enabled: false,
        api: defaultJobResources,
        jobs: defaultResourcesFor('storage_init', 'metadefs_load', 'db_sync', 'db_init', 'db_drop', 'ks_user', 'ks_service', 'ks_endpoints', 'rabbit_init', 'bootstrap', 'tests', 'image_repo_sync'),
      },
    },
    helm3_hook: false,
    tls: { identity: false, oslo_messaging: false, oslo_db: false },
    storage_conf: {
      volume_storage_class_priority: ['ceph', 'pvc', 'cinder'],
      pvc: {
        storage_class_priority: ['netapp-nfs', 'netapp-iscsi', 'netapp-fc'],
        volume: { class_name: 'general', size: '2Gi', access_modes: ['ReadWriteOnce'] },
      },
    },
    manifests: {
      certificates: false,
      configmap_bin: true,
      configmap_etc: true,
      deployment_api: true,
      ingress_api: true,
      job_pre_apply_cleanup: true,
      job_bootstrap: true,
      job_clean: true,
      job_db_init: true,
      job_db_sync: true,
      job_db_drop: false,
      job_image_repo_sync: true,
      job_ks_endpoints: true,
      job_ks_service: true,
      job_ks_user: true,
      job_storage_init: true,
      job_metadefs_load: true,
      job_rabbit_init: true,
      pdb_api: true,
      pod_rally_test: true,
      pvc_images: true,
      network_policy: false,
      secret_db: true,
      secret_ingress_tls: true,
      secret_keystone: true,
      secret_rabbitmq: true,
      secret_registry: true,
      service_ingress_api: true,
      service_api: true,
    },
    keep_pvc: true,
  };
}
