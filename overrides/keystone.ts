import { Value, Values } from '../lib/values';
import { ImageRefs } from './images';
import { internalServices, keystoneUser, osloLogging } from './blocks';
import { apacheSoftware, apiPodLifecycle, controlPlaneTolerations, endpointsFluentd, endpointsLocalImageRegistry, ingressEndpoint, kubeDnsEndpoint, osloCacheEndpointNamespaced, publicIngress, rabbitmqAdminAuth, rallyOnce, rallyOnceNoArgs, requiredAntiAffinity } from './common';
import { configText, textLines } from './config-files';
import { keystoneBootstrapScript } from './scripts';

/** Repeated within the keystone values. */
const testsKeystoneBasicCreateAndDeleteService: Values = {
  args: { description: 'test_description', service_type: 'Rally_test_type' },
  runner: { concurrency: 1, times: 1, type: 'constant' },
  sla: { failure_rate: { max: 0 } },
};

/** Repeated within the keystone values. */
const testsKeystoneBasicCreateAndDeleteService2: Value[] = [testsKeystoneBasicCreateAndDeleteService];

/** Static values of keystone: the StarlingX settings applied over the chart defaults. */
export function keystoneStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-keystone',
    labels: {
      isApplication: false,
      api: { node_selector_key: 'openstack-control-plane', node_selector_value: 'enabled' },
      job: { node_selector_key: 'openstack-control-plane', node_selector_value: 'enabled' },
      test: { node_selector_key: 'openstack-control-plane', node_selector_value: 'enabled' },
    },
    helm3_hook: false,
    images: {
      tags: {
        bootstrap: img.heat,
        test: null,
        db_init: img.heat,
        keystone_db_sync: img.keystone,
        db_drop: img.heat,
        ks_user: img.openstackclients,
        rabbit_init: img.rabbitmqManagement,
        keystone_fernet_setup: img.keystone,
        keystone_fernet_rotate: img.keystone,
        keystone_credential_setup: img.keystone,
        keystone_credential_rotate: img.keystone,
        keystone_credential_cleanup: null,
        keystone_api: img.keystone,
        keystone_domain_manage: img.keystone,
        dep_check: img.kubernetesEntrypoint,
        image_repo_sync: null,
        pre_apply_cleanup: img.vaultManager,
      },
      pull_policy: 'IfNotPresent',
      local_registry: { active: false, exclude: ['dep_check', 'image_repo_sync'] },
    },
    bootstrap: { enabled: true, ks_user: 'admin', script: keystoneBootstrapScript },
    network: {
      api: {
        ingress: publicIngress,
        external_policy_local: false,
        node_port: { enabled: false, port: 30500 },
      },
      admin: { node_port: { enabled: false, port: 30357 } },
    },
    dependencies: {
      dynamic: {
        common: {
          local_image_registry: {
            jobs: ['keystone-image-repo-sync'],
            services: [{ endpoint: 'node', service: 'local_image_registry' }],
          },
        },
        rabbit_init: internalServices('oslo_messaging'),
      },
      static: {
        api: {
          jobs: ['keystone-db-sync', 'keystone-credential-setup', 'keystone-fernet-setup'],
          services: [
            { endpoint: 'internal', service: 'oslo_cache' },
            { endpoint: 'internal', service: 'oslo_db' },
          ],
        },
        bootstrap: {
          jobs: ['keystone-domain-manage'],
          services: [{ endpoint: 'internal', service: 'identity' }],
        },
        credential_rotate: { jobs: ['keystone-credential-setup'] },
        credential_setup: null,
        credential_cleanup: internalServices('oslo_db'),
        db_drop: internalServices('oslo_db'),
        db_init: internalServices('oslo_db'),
        db_sync: {
          jobs: ['keystone-db-init', 'keystone-credential-setup', 'keystone-fernet-setup'],
          services: [{ endpoint: 'internal', service: 'oslo_db' }],
        },
        ks_user: internalServices('identity'),
        domain_manage: internalServices('identity'),
        fernet_rotate: { jobs: ['keystone-fernet-setup'] },
        fernet_setup: null,
        tests: internalServices('identity'),
        image_repo_sync: internalServices('local_image_registry'),
      },
    },
    pod: {
      labels: { include_app_kubernetes_io: false },
      security_context: {
        keystone: {
          pod: { runAsUser: 0 },
          container: {
            keystone_api: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
          },
        },
        credential_setup: {
          pod: { runAsUser: 42424 },
          container: {
            keystone_credential_setup: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
          },
        },
        fernet_setup: {
          pod: { runAsUser: 42424 },
          container: {
            keystone_fernet_setup: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
          },
        },
        fernet_rotate: {
          pod: { runAsUser: 42424 },
          container: {
            keystone_fernet_rotate: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
          },
        },
        domain_manage: {
          pod: { runAsUser: 42424 },
          container: {
            keystone_domain_manage_init: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
            keystone_domain_manage: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
          },
        },
        test: {
          pod: { runAsUser: 42424 },
          container: {
            keystone_test_ks_user: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
            keystone_test: {
              runAsUser: 65500,
              readOnlyRootFilesystem: true,
              allowPrivilegeEscalation: false,
            },
          },
        },
      },
      affinity: requiredAntiAffinity,
      tolerations: { keystone: controlPlaneTolerations },
      etcSources: {
        keystone_db_sync: [],
        keystone_api: [],
        keystone_fernet_setup: [],
        keystone_fernet_rotate: [],
        keystone_credential_setup: [],
        keystone_credential_rotate: [],
        keystone_domain_manage: [],
      },
      mounts: {
        keystone_db_init: { init_container: null, keystone_db_init: { volumeMounts: null, volumes: null } },
        keystone_db_sync: { init_container: null, keystone_db_sync: { volumeMounts: null, volumes: null } },
        keystone_api: { init_container: null, keystone_api: { volumeMounts: null, volumes: null } },
        keystone_tests: { init_container: null, keystone_tests: { volumeMounts: null, volumes: null } },
        keystone_bootstrap: {
          init_container: null,
          keystone_bootstrap: { volumeMounts: null, volumes: null },
        },
        keystone_fernet_setup: {
          init_container: null,
          keystone_fernet_setup: { volumeMounts: null, volumes: null },
        },
        keystone_fernet_rotate: {
          init_container: null,
          keystone_fernet_rotate: { volumeMounts: null, volumes: null },
        },
        keystone_credential_setup: {
          init_container: null,
          keystone_credential_setup: { volumeMounts: null, volumes: null },
        },
        keystone_credential_rotate: {
          init_container: null,
          keystone_credential_rotate: { volumeMounts: null, volumes: null },
        },
        keystone_credential_cleanup: {
          init_container: null,
          keystone_credential_cleanup: { volumeMounts: null, volumes: null },
        },
        keystone_domain_manage: {
          init_container: null,
          keystone_domain_manage: { volumeMounts: null, volumes: null },
        },
      },
      replicas: { api: 2 },
      lifecycle: apiPodLifecycle,
      resources: {
        enabled: false,
        api: {
          requests: { memory: '128Mi', cpu: '100m' },
          limits: { memory: '1024Mi', cpu: '2000m' },
        },
        jobs: {
          bootstrap: {
            requests: { memory: '128Mi', cpu: '100m' },
            limits: { memory: '1024Mi', cpu: '2000m' },
          },
          domain_manage: {
            requests: { memory: '128Mi', cpu: '100m' },
            limits: { memory: '1024Mi', cpu: '2000m' },
          },
          db_init: {
            requests: { memory: '128Mi', cpu: '100m' },
            limits: { memory: '1024Mi', cpu: '2000m' },
          },
          db_sync: {
            requests: { memory: '128Mi', cpu: '100m' },
            limits: { memory: '1024Mi', cpu: '2000m' },
          },
          db_drop: {
            requests: { memory: '128Mi', cpu: '100m' },
            limits: { memory: '1024Mi', cpu: '2000m' },
          },
          rabbit_init: {
            requests: { memory: '128Mi', cpu: '100m' },
            limits: { memory: '1024Mi', cpu: '2000m' },
          },
          tests: {
            requests: { memory: '128Mi', cpu: '100m' },
            limits: { memory: '1024Mi', cpu: '2000m' },
          },
          fernet_setup: {
            requests: { memory: '128Mi', cpu: '100m' },
            limits: { memory: '1024Mi', cpu: '2000m' },
          },
          fernet_rotate: {
            requests: { memory: '128Mi', cpu: '100m' },
            limits: { memory: '1024Mi', cpu: '2000m' },
          },
          credential_setup: {
            requests: { memory: '128Mi', cpu: '100m' },
            limits: { memory: '1024Mi', cpu: '2000m' },
          },
          credential_rotate: {
            requests: { memory: '128Mi', cpu: '100m' },
            limits: { memory: '1024Mi', cpu: '2000m' },
          },
          credential_cleanup: {
            requests: { memory: '128Mi', cpu: '100m' },
            limits: { memory: '1024Mi', cpu: '2000m' },
          },
          image_repo_sync: {
            requests: { memory: '128Mi', cpu: '100m' },
            limits: { memory: '1024Mi', cpu: '2000m' },
          },
        },
      },
      probes: {
        api: {
          api: {
            readiness: {
              enabled: true,
              params: { initialDelaySeconds: 15, periodSeconds: 60, timeoutSeconds: 15 },
            },
            liveness: {
              enabled: true,
              params: { initialDelaySeconds: 50, periodSeconds: 60, timeoutSeconds: 15 },
            },
          },
        },
      },
    },
    jobs: {
      fernet_setup: { user: 'keystone', group: 'keystone' },
      fernet_rotate: {
        cron: '0 */12 * * *',
        user: 'keystone',
        group: 'keystone',
        history: { success: 3, failed: 1 },
      },
      credential_setup: { user: 'keystone', group: 'keystone' },
      credential_rotate: {
        cron: '0 0 1 * *',
        migrate_wait: 120,
        user: 'keystone',
        group: 'keystone',
        history: { success: 3, failed: 1 },
      },
    },
    network_policy: { keystone: { ingress: [{}], egress: [{}] } },
    conf: {
      security: configText([
        'ServerTokens Prod',
        'ServerSignature Off',
        'TraceEnable Off',
      ]),
      software: apacheSoftware,
      keystone: {
        DEFAULT: {
          control_exchange: 'keystone',
          log_config_append: '/etc/keystone/logging.conf',
          max_token_size: 255,
        },
        token: { provider: 'fernet', expiration: 43200 },
        identity: {
          domain_specific_drivers_enabled: true,
          domain_config_dir: '/etc/keystone/domains',
        },
        fernet_tokens: { key_repository: '/etc/keystone/fernet-keys/', max_active_keys: 7 },
        credential: { key_repository: '/etc/keystone/credential-keys/' },
        database: { max_retries: -1, connection: '' },
        cache: { enabled: true, backend: 'dogpile.cache.memcached' },
        oslo_messaging_notifications: { driver: 'messagingv2' },
        oslo_messaging_rabbit: { rabbit_ha_queues: true },
        oslo_middleware: { enable_proxy_headers_parsing: true },
        oslo_concurrency: { lock_path: '/var/lib/oslo-lock' },
        oslo_policy: { policy_file: '/etc/keystone/policy.yaml' },
        security_compliance: { lockout_failure_attempts: 5, lockout_duration: 1800 },
      },
      federation: {
        wsgi: {
          OIDCClaimPrefix: 'OIDC-',
          OIDCRemoteUserClaim: 'email',
          OIDCScope: 'openid profile email',
          OIDCClientID: 'stx-oidc-client-app',
          OIDCResponseType: 'code',
          OIDCSSLValidateServer: 'Off',
          OIDCPassClaimsAs: 'both',
          OIDCOAuthSSLValidateServer: 'Off',
          OIDCEnableMemcached: true,
          OIDCClaimDelimiter: ';',
        },
        dex_conf: { verify: false, retries: 1, timeout: 5, probe_endpoint: '/healthz' },
        dex_idp: {
          enabled: false,
          provider_name: 'dex',
          provider_remote_id: 'https://0.0.0.0:30556/dex',
          protocol_name: 'openid',
          group_name: 'federated_users',
          project_name: 'federation',
          mapping_name: 'dex_mapping',
          websso_label: 'Login with DEX SSO',
          websso_initial_choice: 'credentials',
          claim_groups: false,
          groups: [],
          default_mapping: textLines([
            '[{',
            '  "local": [{',
            '    "user": {"name": "{0}"},',
            '    "group": {"name": "{{ .Values.conf.federation.dex_idp.group_name }}", "domain": {"name": "Default"}}',
            '  }],',
            '  "remote": [{"type": "OIDC-email"}]',
            '}]',
          ]),
          groups_mapping: textLines([
            '[{',
            '  "local": [',
            '    {"user": {"name": "{0}"}},',
            '    {"groups": "{1}", "domain": {"name": "Default"}}',
            '  ],',
            '  "remote": [',
            '    {"type": "OIDC-email"},',
            '    {"type": "OIDC-groups"}',
            '  ]',
            '}]',
          ]),
          bootstrap: { enabled: true },
        },
      },
      policy: {},
      access_rules: {},
      rabbitmq: {
        policies: [
          {
            vhost: 'keystone',
            name: 'ha_ttl_keystone',
            definition: { 'ha-mode': 'all', 'ha-sync-mode': 'automatic', 'message-ttl': 70000 },
            priority: 0,
            'apply-to': 'all',
            pattern: '^(?!(amq\\.|reply_)).*',
          },
        ],
      },
      rally_tests: {
        run_tempest: false,
        tests: {
          'KeystoneBasic.add_and_remove_user_role': rallyOnce,
          'KeystoneBasic.authenticate_user_and_validate_token': rallyOnceNoArgs,
          'KeystoneBasic.create_add_and_list_user_roles': rallyOnce,
          'KeystoneBasic.create_and_delete_ec2credential': rallyOnce,
          'KeystoneBasic.create_and_list_ec2credentials': rallyOnce,
          'KeystoneBasic.create_and_delete_role': rallyOnce,
          'KeystoneBasic.create_and_delete_service': testsKeystoneBasicCreateAndDeleteService2,
          'KeystoneBasic.create_and_get_role': rallyOnceNoArgs,
          'KeystoneBasic.create_and_list_services': testsKeystoneBasicCreateAndDeleteService2,
          'KeystoneBasic.create_and_list_tenants': rallyOnceNoArgs,
          'KeystoneBasic.create_and_list_users': rallyOnceNoArgs,
          'KeystoneBasic.create_delete_user': rallyOnceNoArgs,
          'KeystoneBasic.create_tenant': rallyOnceNoArgs,
          'KeystoneBasic.create_tenant_with_users': [
            {
              args: { users_per_tenant: 1 },
              runner: { concurrency: 1, times: 1, type: 'constant' },
              sla: { failure_rate: { max: 0 } },
            },
          ],
          'KeystoneBasic.create_update_and_delete_tenant': rallyOnceNoArgs,
          'KeystoneBasic.create_user': rallyOnceNoArgs,
          'KeystoneBasic.create_user_set_enabled_and_delete': [
            {
              args: { enabled: true },
              runner: { concurrency: 1, times: 1, type: 'constant' },
              sla: { failure_rate: { max: 0 } },
            },
            {
              args: { enabled: false },
              runner: { concurrency: 1, times: 1, type: 'constant' },
              sla: { failure_rate: { max: 0 } },
            },
          ],
          'KeystoneBasic.create_user_update_password': rallyOnceNoArgs,
          'KeystoneBasic.get_entities': rallyOnce,
        },
      },
      mpm_event: textLines([
        '<IfModule mpm_event_module>',
        '  ServerLimit         1024',
        '  StartServers        32',
        '  MinSpareThreads     32',
        '  MaxSpareThreads     256',
        '  ThreadsPerChild     25',
        '  MaxRequestsPerChild 128',
        '  ThreadLimit         720',
        '</IfModule>',
      ]),
      logging: osloLogging(['keystone'], '%Y-%m-%d %H:%M:%S'),
    },
    secrets: {
      identity: {
        admin: 'keystone-keystone-admin',
        test: 'keystone-keystone-test',
        stx_admin: 'keystone-keystone-stxadmin',
      },
      oslo_db: { admin: 'keystone-db-admin', keystone: 'keystone-db-user' },
      oslo_messaging: { admin: 'keystone-rabbitmq-admin', keystone: 'keystone-rabbitmq-user' },
      ldap: { tls: 'keystone-ldap-tls' },
      tls: {
        identity: { api: { public: 'keystone-tls-public', internal: 'keystone-tls-api' } },
      },
      oci_image_registry: { keystone: 'keystone-oci-image-registry' },
    },
    endpoints: {
      cluster_domain_suffix: 'cluster.local',
      local_image_registry: endpointsLocalImageRegistry,
      oci_image_registry: {
        name: 'oci-image-registry',
        namespace: 'oci-image-registry',
        auth: { enabled: false, keystone: { username: 'keystone', password: 'password' } },
        hosts: { default: 'localhost' },
        host_fqdn_override: { default: null },
        port: { registry: { default: null } },
      },
      identity: {
        namespace: 'openstack',
        name: 'keystone',
        auth: {
          admin: keystoneUser('admin', {
            project_name: 'admin',
            user_domain_name: 'default',
            project_domain_name: 'default',
            default_domain_id: 'default',
          }),
          stx_admin: keystoneUser('stx_admin', {
            role: ['admin', 'member'],
            project_name: 'admin',
            user_domain_name: 'default',
            project_domain_name: 'default',
            default_domain_id: 'default',
          }),
          test: keystoneUser('keystone-test', {
            role: 'admin',
            project_name: 'test',
            user_domain_name: 'default',
            project_domain_name: 'default',
            default_domain_id: 'default',
          }),
        },
        hosts: { default: 'keystone', internal: 'keystone-api' },
        host_fqdn_override: { default: null },
        path: { default: '/v3', healthcheck: '/healthcheck' },
        scheme: { default: 'http', service: 'http' },
        port: { api: { default: 80, internal: 5000, service: 5000 } },
      },
      oslo_db: {
        namespace: null,
        auth: {
          admin: {
            username: 'root',
            password: 'password',
            secret: { tls: { internal: 'mariadb-tls-direct' } },
          },
          keystone: { username: 'keystone', password: 'password' },
        },
        hosts: { default: 'mariadb' },
        host_fqdn_override: { default: null },
        path: '/keystone',
        scheme: 'mysql+pymysql',
        port: { mysql: { default: 3306 } },
      },
      oslo_messaging: {
        namespace: null,
        auth: {
          admin: rabbitmqAdminAuth,
          keystone: { username: 'keystone', password: 'password' },
        },
        statefulset: { replicas: 2, name: 'osh-openstack-rabbitmq-rabbitmq' },
        hosts: { default: 'rabbitmq' },
        host_fqdn_override: { default: null },
        path: '/keystone',
        scheme: 'rabbit',
        port: { amqp: { default: 5672 }, http: { default: 15672 } },
      },
      oslo_cache: osloCacheEndpointNamespaced,
      ldap: { auth: { client: { tls: { ca: null } } } },
      fluentd: endpointsFluentd,
      kube_dns: kubeDnsEndpoint,
      ingress: ingressEndpoint,
    },
    tls: { identity: false, oslo_messaging: false, oslo_db: false },
    manifests: {
      certificates: false,
      configmap_bin: true,
      configmap_etc: true,
      cron_credential_rotate: true,
      cron_fernet_rotate: true,
      deployment_api: true,
      ingress_api: true,
      job_pre_apply_cleanup: true,
      job_bootstrap: true,
      job_credential_cleanup: false,
      job_credential_setup: true,
      job_db_init: true,
      job_db_sync: true,
      job_db_drop: false,
      job_domain_manage: true,
      job_fernet_setup: true,
      job_image_repo_sync: true,
      job_ks_user: true,
      job_rabbit_init: true,
      pdb_api: true,
      pod_rally_test: true,
      network_policy: false,
      secret_credential_keys: true,
      secret_db: true,
      secret_fernet_keys: true,
      secret_ingress_tls: true,
      secret_keystone: true,
      secret_rabbitmq: true,
      secret_registry: true,
      service_ingress_api: true,
      service_api: true,
    },
  };
}
