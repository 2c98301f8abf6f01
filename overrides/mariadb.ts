import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import {
  controlPlaneNode,
  defaultJobResources,
  defaultResourcesFor,
  internalEndpoints,
  internalServices,
  localImageRegistryDependency,
  probe,
  readOnlyContainer,
  rootContainer,
  securityContext,
} from './blocks';
import {
  controlPlaneTolerations,
  localImageRegistryEndpoint,
  prometheusEndpoint,
  kubeDnsEndpointWithTcp,
  requiredAntiAffinity,
  rollingUpdateUpgrades,
} from './common';
import { configText, iniFile } from './config-files';
import { chartPortLookup } from './apache';
import { keystoneApiLocation, ociImageRegistryEndpoint } from './endpoints';

/** Static values of mariadb: the StarlingX settings applied over the chart defaults. */
export function mariadbStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-mariadb',
    images: {
      tags: {
        mariadb: img.mariadb,
        prometheus_create_mysql_user: null,
        prometheus_mysql_exporter: null,
        prometheus_mysql_exporter_helm_tests: null,
        dep_check: img.kubernetesEntrypoint,
        image_repo_sync: null,
        mariadb_backup: null,
        ks_user: img.openstackclients,
        scripted_test: null,
        pre_apply_cleanup: img.vaultManager,
        mariadb_controller: img.mariadb,
      },
      pull_policy: 'IfNotPresent',
      local_registry: { active: false, exclude: ['dep_check', 'image_repo_sync'] },
    },
    labels: {
      isApplication: false,
      server: controlPlaneNode,
      prometheus_mysql_exporter: controlPlaneNode,
      job: controlPlaneNode,
      test: controlPlaneNode,
      controller: controlPlaneNode,
    },
    pod: {
      labels: { include_app_kubernetes_io: false },
      env: {
        mariadb_controller: {
          MARIADB_CONTROLLER_DEBUG: 0,
          MARIADB_CONTROLLER_CHECK_PODS_DELAY: 10,
          MARIADB_CONTROLLER_PYKUBE_REQUEST_TIMEOUT: 60,
        },
      },
      probes: {
        server: {
          mariadb: {
            readiness: {
              enabled: true,
              disk_usage_percent: 99,
              params: {
                initialDelaySeconds: 30,
                periodSeconds: 30,
                timeoutSeconds: 15,
                failureThreshold: 3,
              },
            },
            liveness: probe({
              initialDelaySeconds: 120,
              periodSeconds: 30,
              timeoutSeconds: 15,
              failureThreshold: 5,
            }),
            startup: probe({ initialDelaySeconds: 60, periodSeconds: 60, failureThreshold: 10 }),
          },
          mariadb_exporter: {
            readiness: probe({ initialDelaySeconds: 5, periodSeconds: 60, timeoutSeconds: 10 }),
            liveness: probe({ initialDelaySeconds: 15, periodSeconds: 60, timeoutSeconds: 10 }),
          },
        },
      },
      security_context: {
        server: securityContext(999, {
          perms: rootContainer,
          mariadb: {
            runAsUser: 999,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
          },
        }),
        prometheus_mysql_exporter: securityContext(99, {
          exporter: {
            runAsUser: 99,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
          },
        }),
        prometheus_create_mysql_user: securityContext(0, { main: readOnlyContainer }),
        mariadb_backup: securityContext(65534, {
          backup_perms: rootContainer,
          verify_perms: rootContainer,
          mariadb_backup: {
            runAsUser: 65534,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
          },
        }),
        tests: securityContext(999, { test: { runAsUser: 999, readOnlyRootFilesystem: true } }),
        controller: securityContext(65534, { controller: readOnlyContainer }),
        cluster_wait: {
          pod: { runAsUser: 65534, runAsNonRoot: true },
          container: {
            mariadb_cluster_wait: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
          },
        },
      },
      affinity: requiredAntiAffinity,
      tolerations: { mariadb: controlPlaneTolerations },
      replicas: { server: 3, controller: 1 },
      lifecycle: {
        upgrades: rollingUpdateUpgrades,
        termination_grace_period: { server: { timeout: 600 } },
        disruption_budget: { mariadb: { min_available: 0 } },
      },
      resources: {
        enabled: false,
        server: defaultJobResources,
        jobs: defaultResourcesFor('tests', 'prometheus_create_mysql_user', 'image_repo_sync', 'mariadb_backup', 'ks_user'),
      },
    },
    dependencies: {
      dynamic: {
        common: {
          local_image_registry: localImageRegistryDependency('mariadb-image-repo-sync'),
        },
      },
      static: {
        mariadb_backup: {
          jobs: ['mariadb-ks-user'],
          services: internalEndpoints('oslo_db'),
        },
        prometheus_create_mysql_user: internalServices('oslo_db'),
        image_repo_sync: internalServices('local_image_registry'),
        tests: internalServices('oslo_db'),
        controller: { services: null },
        cluster_wait: internalServices('oslo_db'),
      },
    },
    volume: {
      use_local_path_for_single_pod_cluster: { enabled: false, host_path: '/tmp/mysql-data' },
      chown_on_start: true,
      enabled: true,
      class_name: 'general',
      size: '5Gi',
      backup: { enabled: true, class_name: 'general', size: '5Gi' },
    },
    jobs: {
      cluster_wait: {
        clusterCheckWait: 30,
        clusterCheckRetries: 30,
        clusterStabilityCount: 30,
        clusterStabilityWait: 4,
      },
      exporter_create_sql_user: { backoffLimit: 87600, activeDeadlineSeconds: 3600 },
      mariadb_backup: {
        activeDeadlineSeconds: 0,
        backoffLimit: 6,
        cron: '0 0 * * *',
        history: { success: 3, failed: 1 },
      },
      ks_user: { activeDeadlineSeconds: 0, backoffLimit: 6 },
    },
    conf: {
      tests: {
        endpoint: 'internal',
        params: ['--auto-generate-sql', '--concurrency=100', '--number-of-queries=1000', '--number-char-cols=1', '--number-int-cols=1'],
      },
      mariadb_server: { setup_wait: { iteration: 30, duration: 5 } },
      backup: {
        enabled: false,
        base_path: '/var/backup',
        validateData: { ageOffset: 120 },
        mysqldump_options: '--single-transaction --quick --add-drop-database --add-drop-table --add-locks --databases\n',
        days_to_keep: 3,
        remote_backup: {
          enabled: false,
          container_name: 'mariadb',
          days_to_keep: 14,
          storage_policy: 'default-placement',
          number_of_retries: 5,
          delay_range: { min: 30, max: 60 },
          throttle_backups: {
            enabled: false,
            sessions_limit: 480,
            lock_expire_after: 7200,
            retry_after: 3600,
            container_name: 'throttle-backups-manager',
          },
          primary_user_class: 'mariadb',
          failover_user_class: 'mariadb_failover',
        },
      },
      galera: { cluster_leader_ttl: 60 },
      database: {
        mysql_histfile: '/dev/null',
        my: iniFile({
          mysqld: {
            datadir: '/var/lib/mysql',
            basedir: '/usr',
            'ignore-db-dirs': 'lost+found',
          },
          'client-server': {
            '!includedir /etc/mysql/conf.d/': null,
          },
        }),
        '00_base': configText([
          '[mysqld]',
          'character_set_server=utf8',
          'collation_server=utf8_general_ci',
          'skip-character-set-client-handshake',
          'slow_query_log=off',
          'slow_query_log_file=/var/log/mysql/mariadb-slow.log',
          'log_warnings=2',
          'general_log=off',
          'general_log_file=/var/log/mysql/mariadb-error.log',
          'long_query_time=3',
          'log_queries_not_using_indexes=on',
          'bind_address=0.0.0.0',
          'port={{ tuple "oslo_db" "direct" "mysql" . | include "helm-toolkit.endpoints.endpoint_port_lookup" }}',
          'skip_name_resolve',
          'user=mysql',
          'max_allowed_packet=256M',
          'open_files_limit=10240',
          'max_connections=8192',
          'max-connect-errors=1000000',
          'secure_file_priv=/home',
          'local_infile=0',
          'symbolic_links=0',
          'sql_mode="STRICT_ALL_TABLES,STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION"',
          'query_cache_size=0',
          'query_cache_type=0',
          'sync_binlog=0',
          'thread_cache_size=16',
          'table_open_cache=2048',
          'table_definition_cache=1024',
          'innodb_buffer_pool_size=1024M',
          'innodb_doublewrite=0',
          'innodb_file_format=Barracuda',
          'innodb_file_per_table=1',
          'innodb_flush_method=O_DIRECT',
          'innodb_io_capacity=500',
          'innodb_locks_unsafe_for_binlog=1',
          'innodb_log_file_size=128M',
          'innodb_old_blocks_time=1000',
          'innodb_read_io_threads=8',
          'innodb_write_io_threads=8',
          'binlog_format=ROW',
          'default-storage-engine=InnoDB',
          'innodb_autoinc_lock_mode=2',
          'innodb_flush_log_at_trx_commit=2',
          'wsrep_cluster_name={{ tuple "oslo_db" "direct" . | include "helm-toolkit.endpoints.hostname_namespaced_endpoint_lookup" | replace "." "_" }}',
          'wsrep_on=1',
          'wsrep_provider=/usr/lib/galera/libgalera_smm.so',
          'wsrep_slave_threads=12',
          'wsrep_sst_auth={{ .Values.endpoints.oslo_db.auth.sst.username }}:{{ .Values.endpoints.oslo_db.auth.sst.password }}',
          'wsrep_sst_method=mariabackup',
          '{{ if .Values.manifests.certificates }}',
          'wsrep_provider_options="socket.ssl_ca=/etc/mysql/certs/ca.crt; socket.ssl_cert=/etc/mysql/certs/tls.crt; socket.ssl_key=/etc/mysql/certs/tls.key; evs.suspect_timeout=PT30S; gmcast.peer_timeout=PT15S; gmcast.listen_addr=tcp://0.0.0.0:{{ tuple "oslo_db" "direct" "wsrep" . | include "helm-toolkit.endpoints.endpoint_port_lookup" }}"',
          'ssl_ca=/etc/mysql/certs/ca.crt',
          'ssl_key=/etc/mysql/certs/tls.key',
          'ssl_cert=/etc/mysql/certs/tls.crt',
          '[sst]',
          'encrypt = 3',
          'tca=/etc/mysql/certs/ca.crt',
          'tkey=/etc/mysql/certs/tls.key',
          'tcert=/etc/mysql/certs/tls.crt',
          '{{ else }}',
          'wsrep_provider_options="evs.suspect_timeout=PT30S; gmcast.peer_timeout=PT15S; gmcast.listen_addr=tcp://0.0.0.0:{{ tuple "oslo_db" "direct" "wsrep" . | include "helm-toolkit.endpoints.endpoint_port_lookup" }}"',
          '{{ end }}',
          '[mysqldump]',
          'max-allowed-packet=16M',
          '[client]',
          'default_character_set=utf8',
          'protocol=tcp',
          'port={{ tuple "oslo_db" "direct" "mysql" . | include "helm-toolkit.endpoints.endpoint_port_lookup" }}',
          '{{ if .Values.manifests.certificates }}',
          'ssl_ca=/etc/mysql/certs/ca.crt',
          'ssl_key=/etc/mysql/certs/tls.key',
          'ssl_cert=/etc/mysql/certs/tls.crt',
          'ssl-verify-server-cert',
          '{{ end }}',
        ]),
        config_ipv6: mariadbIpv6Config(),
        config_override: iniFile({
          mysqld: {
            wait_timeout: '3600',
            wsrep_provider_options:
              '"gmcast.listen_addr=tcp://0.0.0.0:{{ tuple "oslo_db" "direct" "wsrep" . | include "helm-toolkit.endpoints.endpoint_port_lookup" }}"',
          },
        }),
        '99_force': iniFile({
          mysqld: {
            datadir: '/var/lib/mysql',
            tmpdir: '/tmp',
          },
        }),
      },
    },
    monitoring: { prometheus: { enabled: false, mysqld_exporter: { scrape: true } } },
    storage_conf: {
      volume_storage_class_priority: ['ceph', 'netapp-nfs', 'netapp-iscsi', 'netapp-fc'],
    },
    secrets: {
      identity: { admin: 'keystone-admin-user', mariadb: 'mariadb-backup-user' },
      mariadb: { backup_restore: 'mariadb-backup-restore' },
      oci_image_registry: { mariadb: 'mariadb-oci-image-registry-key' },
      tls: {
        oslo_db: { server: { public: 'mariadb-tls-server', internal: 'mariadb-tls-direct' } },
      },
    },
    endpoints: {
      cluster_domain_suffix: 'cluster.local',
      local_image_registry: localImageRegistryEndpoint,
      oci_image_registry: ociImageRegistryEndpoint('mariadb'),
      monitoring: prometheusEndpoint,
      prometheus_mysql_exporter: {
        namespace: null,
        hosts: { default: 'mysql-exporter' },
        host_fqdn_override: { default: null },
        path: { default: '/metrics' },
        scheme: { default: 'http' },
        port: { metrics: { default: 9104 } },
      },
      oslo_db: {
        namespace: null,
        auth: {
          admin: { username: 'root', password: 'password' },
          sst: { username: 'sst', password: 'password' },
          audit: { username: 'audit', password: 'password' },
          exporter: { username: 'exporter', password: 'password' },
        },
        hosts: { default: 'mariadb', direct: 'mariadb-server', discovery: 'mariadb-discovery' },
        host_fqdn_override: { default: null },
        path: null,
        scheme: 'mysql+pymysql',
        port: {
          mysql: { default: 3306 },
          wsrep: { default: 4567 },
          ist: { default: 4568 },
          sst: { default: 4444 },
        },
      },
      kube_dns: kubeDnsEndpointWithTcp,
      identity: {
        name: 'backup-storage-auth',
        namespace: 'openstack',
        auth: {
          admin: {
            auth_url: null,
            region_name: 'RegionOne',
            username: 'admin',
            password: 'password',
            project_name: 'admin',
            user_domain_name: 'default',
            project_domain_name: 'default',
          },
          mariadb: {
            auth_url: null,
            role: 'admin',
            region_name: 'RegionOne',
            username: 'mariadb-backup-user',
            password: 'password',
            project_name: 'service',
            user_domain_name: 'service',
            project_domain_name: 'service',
          },
        },
        ...keystoneApiLocation,
      },
    },
    network: {
      mariadb: {},
      mariadb_discovery: {},
      mariadb_master: {},
      ip_family_policy: 'PreferDualStack',
    },
    network_policy: {
      mariadb: { ingress: [{}], egress: [{}] },
      'prometheus-mysql-exporter': { ingress: [{}], egress: [{}] },
    },
    helm3_hook: false,
    manifests: {
      certificates: false,
      configmap_bin: true,
      configmap_etc: true,
      configmap_services_tcp: true,
      job_pre_apply_cleanup: true,
      job_image_repo_sync: true,
      cron_job_mariadb_backup: false,
      job_ks_user: false,
      pvc_backup: false,
      monitoring: { prometheus: { configmap_bin: true, job_user_create: true, secret_etc: true } },
      pdb_server: true,
      network_policy: false,
      pod_test: false,
      secret_dbadmin_password: true,
      secret_sst_password: true,
      secret_dbaudit_password: true,
      secret_backup_restore: false,
      secret_etc: true,
      secret_registry: true,
      service_discovery: true,
      service_error: false,
      service: true,
      statefulset: true,
      deployment_controller: true,
      service_master: true,
      job_cluster_wait: false,
      config_ipv6: false,
    },
  };
}

// -- Program texts: ours, from the chart's values contract; test/program-texts.test.ts runs them --

/**
 * `conf.database.config_ipv6`: the my.cnf fragment the chart adds (as conf.d/30-override.cnf,
 * read after the others) when `manifests.config_ipv6`: the server and Galera's group
 * communication listen on the IPv6 wildcard (`::`, which also accepts IPv4), with the provider
 * options of the base config otherwise unchanged; state transfers use rsync, which handles IPv6
 * peers without extra socket options.
 */
export function mariadbIpv6Config(): string {
  const wsrepPort = chartPortLookup(['oslo_db', 'direct', 'wsrep']);
  const tuning = 'evs.suspect_timeout=PT30S; gmcast.peer_timeout=PT15S';
  const tls = 'socket.ssl_ca=/etc/mysql/certs/ca.crt; socket.ssl_cert=/etc/mysql/certs/tls.crt; socket.ssl_key=/etc/mysql/certs/tls.key';
  const listen = `gmcast.listen_addr=tcp://[::]:${wsrepPort}`;
  return configText([
    '[mysqld]',
    'bind-address=::',
    'wsrep_sst_method=rsync',
    '{{- if .Values.manifests.certificates }}',
    `wsrep_provider_options="${tls}; ${tuning}; ${listen}"`,
    '{{- else }}',
    `wsrep_provider_options="${tuning}; ${listen}"`,
    '{{- end }}',
  ]);
}
