import { Values } from '../lib/values';
import { ImageRefs } from './images';
import { wsgiSite } from './apache';
import { controlPlaneTolerations, endpointsLocalImageRegistry, identityAuthAdmin, ingressEndpoint, kubeDnsEndpoint, preferredAntiAffinity, publicIngressUnlimitedBody, rollingUpdateUpgrades } from './common';
import { configText } from './config-files';

/** Static values of horizon: the StarlingX settings applied over the chart defaults. */
export function horizonStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-horizon',
    images: {
      tags: {
        db_init: img.heat,
        horizon_db_sync: img.horizon,
        db_drop: img.heat,
        horizon: img.horizon,
        test: null,
        dep_check: img.kubernetesEntrypoint,
        image_repo_sync: null,
        pre_apply_cleanup: img.vaultManager,
      },
      pull_policy: 'IfNotPresent',
      local_registry: {
        active: false,
        exclude: ['dep_check', 'image_repo_sync'],
      },
    },
    selenium_v4: true,
    labels: {
      isApplication: false,
      dashboard: {
        node_selector_key: 'openstack-control-plane',
        node_selector_value: 'enabled',
      },
      job: {
        node_selector_key: 'openstack-control-plane',
        node_selector_value: 'enabled',
      },
      test: {
        node_selector_key: 'openstack-control-plane',
        node_selector_value: 'enabled',
      },
    },
    network: {
      dashboard: {
        ingress: publicIngressUnlimitedBody,
      },
      external_policy_local: false,
      node_port: {
        enabled: 'true',
        port: 31000,
      },
    },
    conf: {
      software: {
        apache2: {
          binary: 'apache2',
          start_parameters: '-DFOREGROUND',
          site_dir: '/etc/apache2/sites-enabled',
          conf_dir: '/etc/apache2/conf-available',
          mods_dir: '/etc/apache2/mods-available',
          a2enmod: ['headers', 'rewrite'],
          a2dismod: [
            'status || sed -i \'s/LoadModule status_module/#LoadModule status_module/\' /etc/httpd/conf.modules.d/00-base.conf',
          ],
        },
      },
      horizon: {
        branding: {
          logo: null,
          logo_splash: null,
          favicon: null,
        },
        apache: wsgiSite({
          port: ['dashboard', 'internal', 'web'],
          processGroup: 'horizon-http',
          user: 'horizon',
          processes: 5,
          script: '/var/www/cgi-bin/horizon/django.wsgi',
          passAuthorization: true,
          vhostDirectives: [
            'WSGIScriptReloading On',
            // Only the methods the dashboard uses.
            'RewriteEngine on',
            'RewriteCond %{REQUEST_METHOD} !^(POST|PUT|GET|DELETE|PATCH)',
            'RewriteRule .* - [F]',
            '<Location "/">',
            '    Require all granted',
            '</Location>',
            'Alias /static /var/www/html/horizon',
            '<Location "/static">',
            '    SetHandler static',
            '</Location>',
            'TransferLog /dev/stdout',
          ],
        }),
        security: configText([
          'ServerTokens Prod',
          'ServerSignature Off',
          'TraceEnable Off',
          'Header set X-Content-Type-Options: "nosniff"',
          'Header set X-Permitted-Cross-Domain-Policies: "none"',
        ]),
        custom_panels: {},
        local_settings_d: {},
        local_settings: {
          config: {
            debug: 'False',
            use_ssl: 'False',
            endpoint_type: 'internalURL',
            keystone_multidomain_support: 'False',
            keystone_multidomain_dropdown: 'False',
            keystone_domains: {
              Default: 'Default',
            },
            keystone_default_domain: 'Default',
            disable_password_reveal: 'True',
            show_openrc_file: 'True',
            csrf_cookie_secure: 'True',
            csrf_cookie_httponly: 'False',
            csrf_trusted_origins: [],
            enforce_password_check: 'True',
            enable_pwd_validator: false,
            pwd_validator_regex: '(?=.*[a-zA-Z])(?=.*\\d).{8,}|(?=.*\\d)(?=.*\\W).{8,}|(?=.*\\W)(?=.*[a-zA-Z]).{8,}',
            pwd_validator_help_text: '_("Your password must be at least eight (8) characters in length and must include characters from at least two (2) of these groupings: alpha, numeric, and special characters.")',
            session_cookie_secure: 'True',
            session_cookie_httponly: 'False',
            session_engine: 'django.contrib.sessions.backends.cache',
            cache_backend: 'django.core.cache.backends.memcached.PyMemcacheCache',
            secure_proxy_ssl_header: false,
            password_autocomplete: 'False',
            disallow_iframe_embed: 'False',
            ssl_no_verify: 'True',
            allowed_hosts: ['*'],
            horizon_images_upload_mode: 'legacy',
            openstack_cinder_features: {
              enable_backup: 'True',
            },
            openstack_neutron_network: {
              enable_router: 'True',
              enable_quotas: 'True',
              enable_ipv6: 'True',
              enable_distributed_router: 'False',
              enable_ha_router: 'False',
              enable_lb: 'True',
              enable_firewall: 'True',
              enable_vpn: 'True',
              enable_fip_topology_check: 'True',
            },
            openstack_enable_password_retrieve: 'False',
            auth: {
              sso: {
                enabled: false,
                initial_choice: 'credentials',
              },
              idp_mapping: [
                {
                  name: 'acme_oidc',
                  label: 'Acme Corporation - OpenID Connect',
                  idp: 'myidp1',
                  protocol: 'oidc',
                },
                {
                  name: 'acme_saml2',
                  label: 'Acme Corporation - SAML2',
                  idp: 'myidp2',
                  protocol: 'saml2',
                },
              ],
            },
            log_level: 'DEBUG',
            raw: {},
            openstack_api_versions: {
              container_infra: '1.10',
            },
            ss_enabled: 'False',
            dc_mode: 'False',
            https_enabled: 'False',
            lockout_period_sec: '300',
            lockout_retries_num: '3',
            help_url: 'http://docs.openstack.org/2026.1/',
          },
        },
        policy: {
          ceilometer: {
            context_is_admin: 'role:admin',
            context_is_owner: 'user_id:%(target.user_id)s',
            context_is_project: 'project_id:%(target.project_id)s',
            segregation: 'rule:context_is_admin',
          },
          heat: {
            'actions:action': 'rule:deny_stack_user',
            'build_info:build_info': 'rule:deny_stack_user',
            'cloudformation:CancelUpdateStack': 'rule:deny_stack_user',
            'cloudformation:CreateStack': 'rule:deny_stack_user',
            'cloudformation:DeleteStack': 'rule:deny_stack_user',
            'cloudformation:DescribeStackEvents': 'rule:deny_stack_user',
            'cloudformation:DescribeStackResource': '',
            'cloudformation:DescribeStackResources': 'rule:deny_stack_user',
            'cloudformation:DescribeStacks': 'rule:deny_stack_user',
            'cloudformation:EstimateTemplateCost': 'rule:deny_stack_user',
            'cloudformation:GetTemplate': 'rule:deny_stack_user',
            'cloudformation:ListStackResources': 'rule:deny_stack_user',
            'cloudformation:ListStacks': 'rule:deny_stack_user',
            'cloudformation:UpdateStack': 'rule:deny_stack_user',
            'cloudformation:ValidateTemplate': 'rule:deny_stack_user',
            context_is_admin: 'role:admin',
            deny_everybody: '!',
            deny_stack_user: 'not role:heat_stack_user',
            'events:index': 'rule:deny_stack_user',
            'events:show': 'rule:deny_stack_user',
            'resource:index': 'rule:deny_stack_user',
            'resource:mark_unhealthy': 'rule:deny_stack_user',
            'resource:metadata': '',
            'resource:show': 'rule:deny_stack_user',
            'resource:signal': '',
            'resource_types:OS::Cinder::EncryptedVolumeType': 'rule:context_is_admin',
            'resource_types:OS::Cinder::VolumeType': 'rule:context_is_admin',
            'resource_types:OS::Manila::ShareType': 'rule:context_is_admin',
            'resource_types:OS::Neutron::QoSBandwidthLimitRule': 'rule:context_is_admin',
            'resource_types:OS::Neutron::QoSPolicy': 'rule:context_is_admin',
            'resource_types:OS::Nova::Flavor': 'rule:context_is_admin',
            'resource_types:OS::Nova::HostAggregate': 'rule:context_is_admin',
            'service:index': 'rule:context_is_admin',
            'software_configs:create': 'rule:deny_stack_user',
            'software_configs:delete': 'rule:deny_stack_user',
            'software_configs:global_index': 'rule:deny_everybody',
            'software_configs:index': 'rule:deny_stack_user',
            'software_configs:show': 'rule:deny_stack_user',
            'software_deployments:create': 'rule:deny_stack_user',
            'software_deployments:delete': 'rule:deny_stack_user',
            'software_deployments:index': 'rule:deny_stack_user',
            'software_deployments:metadata': '',
            'software_deployments:show': 'rule:deny_stack_user',
            'software_deployments:update': 'rule:deny_stack_user',
            'stacks:abandon': 'rule:deny_stack_user',
            'stacks:create': 'rule:deny_stack_user',
            'stacks:delete': 'rule:deny_stack_user',
            'stacks:delete_snapshot': 'rule:deny_stack_user',
            'stacks:detail': 'rule:deny_stack_user',
            'stacks:environment': 'rule:deny_stack_user',
            'stacks:export': 'rule:deny_stack_user',
            'stacks:generate_template': 'rule:deny_stack_user',
            'stacks:global_index': 'rule:deny_everybody',
            'stacks:index': 'rule:deny_stack_user',
            'stacks:list_outputs': 'rule:deny_stack_user',
            'stacks:list_resource_types': 'rule:deny_stack_user',
            'stacks:list_snapshots': 'rule:deny_stack_user',
            'stacks:list_template_functions': 'rule:deny_stack_user',
            'stacks:list_template_versions': 'rule:deny_stack_user',
            'stacks:lookup': '',
            'stacks:preview': 'rule:deny_stack_user',
            'stacks:preview_update': 'rule:deny_stack_user',
            'stacks:preview_update_patch': 'rule:deny_stack_user',
            'stacks:resource_schema': 'rule:deny_stack_user',
            'stacks:restore_snapshot': 'rule:deny_stack_user',
            'stacks:show': 'rule:deny_stack_user',
            'stacks:show_output': 'rule:deny_stack_user',
            'stacks:show_snapshot': 'rule:deny_stack_user',
            'stacks:snapshot': 'rule:deny_stack_user',
            'stacks:template': 'rule:deny_stack_user',
            'stacks:update': 'rule:deny_stack_user',
            'stacks:update_patch': 'rule:deny_stack_user',
            'stacks:validate_template': 'rule:deny_stack_user',
          },
        },
        extra_panels: ['heat_dashboard', 'neutron_taas_dashboard'],
      },
    },
    dependencies: {
      dynamic: {
        common: {
          local_image_registry: {
            jobs: ['horizon-image-repo-sync'],
            services: [
              {
                endpoint: 'node',
                service: 'local_image_registry',
              },
            ],
          },
        },
      },
      static: {
        dashboard: {
          jobs: ['horizon-db-sync'],
          services: [
            {
              endpoint: 'internal',
              service: 'oslo_cache',
            },
            {
              endpoint: 'internal',
              service: 'oslo_db',
            },
            {
              endpoint: 'internal',
              service: 'identity',
            },
          ],
        },
        db_drop: {
          services: [
            {
              endpoint: 'internal',
              service: 'oslo_db',
            },
          ],
        },
        db_init: {
          services: [
            {
              endpoint: 'internal',
              service: 'oslo_db',
            },
          ],
        },
        db_sync: {
          jobs: ['horizon-db-init'],
          services: [
            {
              endpoint: 'internal',
              service: 'oslo_db',
            },
          ],
        },
        image_repo_sync: {
          services: [
            {
              endpoint: 'internal',
              service: 'local_image_registry',
            },
          ],
        },
        tests: {
          services: [
            {
              endpoint: 'internal',
              service: 'dashboard',
            },
          ],
        },
      },
    },
    pod: {
      labels: {
        include_app_kubernetes_io: false,
      },
      security_context: {
        horizon: {
          pod: {
            runAsUser: 42424,
          },
          container: {
            horizon: {
              readOnlyRootFilesystem: false,
              allowPrivilegeEscalation: false,
              runAsUser: 0,
            },
          },
        },
        db_sync: {
          pod: {
            runAsUser: 42424,
          },
          container: {
            horizon_db_sync: {
              readOnlyRootFilesystem: false,
              allowPrivilegeEscalation: false,
              runAsUser: 0,
            },
          },
        },
        test: {
          pod: {
            runAsUser: 42424,
          },
          container: {
            horizon_test: {
              readOnlyRootFilesystem: true,
              allowPrivilegeEscalation: false,
            },
          },
        },
      },
      affinity: preferredAntiAffinity,
      tolerations: {
        horizon: controlPlaneTolerations,
      },
      mounts: {
        horizon_db_init: {
          init_container: null,
          horizon_db_init: {
            volumeMounts: null,
            volumes: null,
          },
        },
        horizon_db_sync: {
          init_container: null,
          horizon_db_sync: {
            volumeMounts: null,
            volumes: null,
          },
        },
        horizon: {
          init_container: null,
          horizon: {
            volumeMounts: [
              {
                mountPath: '/opt/branding',
                name: 'horizon-branding',
              },
            ],
            volumes: [
              {
                hostPath: {
                  path: '/opt/branding',
                  type: 'Directory',
                },
                name: 'horizon-branding',
              },
            ],
          },
        },
        horizon_tests: {
          init_container: null,
          horizon_tests: {
            volumeMounts: null,
            volumes: null,
          },
        },
      },
      replicas: {
        server: 1,
      },
      lifecycle: {
        upgrades: rollingUpdateUpgrades,
        disruption_budget: {
          horizon: {
            min_available: 0,
          },
        },
        termination_grace_period: {
          horizon: {
            timeout: 30,
          },
        },
      },
      resources: {
        enabled: true,
        server: {
          requests: {
            memory: '128Mi',
            cpu: '100m',
            'ephemeral-storage': '25000Ki',
          },
          limits: {
            memory: '1024Mi',
            cpu: '2000m',
          },
        },
        jobs: {
          db_init: {
            requests: {
              memory: '128Mi',
              cpu: '100m',
            },
            limits: {
              memory: '1024Mi',
              cpu: '2000m',
            },
          },
          db_sync: {
            requests: {
              memory: '128Mi',
              cpu: '100m',
            },
            limits: {
              memory: '1024Mi',
              cpu: '2000m',
            },
          },
          db_drop: {
            requests: {
              memory: '128Mi',
              cpu: '100m',
            },
            limits: {
              memory: '1024Mi',
              cpu: '2000m',
            },
          },
          image_repo_sync: {
            requests: {
              memory: '128Mi',
              cpu: '100m',
            },
            limits: {
              memory: '1024Mi',
              cpu: '2000m',
            },
          },
          tests: {
            requests: {
              memory: '128Mi',
              cpu: '100m',
            },
            limits: {
              memory: '1024Mi',
              cpu: '2000m',
            },
          },
        },
      },
    },
    secrets: {
      identity: {
        admin: 'horizon-keystone-admin',
      },
      oslo_db: {
        admin: 'horizon-db-admin',
        horizon: 'horizon-db-user',
      },
      tls: {
        dashboard: {
          dashboard: {
            public: 'horizon-tls-public',
            internal: 'horizon-tls-web',
          },
        },
      },
      oci_image_registry: {
        horizon: 'horizon-oci-image-registry',
      },
    },
    tls: {
      identity: false,
    },
    endpoints: {
      cluster_domain_suffix: 'cluster.local',
      local_image_registry: endpointsLocalImageRegistry,
      oci_image_registry: {
        name: 'oci-image-registry',
        namespace: 'oci-image-registry',
        auth: {
          enabled: false,
          horizon: {
            username: 'horizon',
            password: 'password',
          },
        },
        hosts: {
          default: 'localhost',
        },
        host_fqdn_override: {
          default: null,
        },
        port: {
          registry: {
            default: null,
          },
        },
      },
      identity: {
        name: 'keystone',
        auth: {
          admin: identityAuthAdmin,
        },
        hosts: {
          default: 'keystone',
          internal: 'keystone-api',
        },
        host_fqdn_override: {
          default: null,
        },
        path: {
          default: '/v3',
        },
        scheme: {
          default: 'http',
        },
        port: {
          api: {
            default: 80,
            internal: 5000,
          },
        },
      },
      oslo_cache: {
        hosts: {
          default: 'memcached',
        },
        host_fqdn_override: {
          default: null,
        },
        port: {
          memcache: {
            default: 11211,
          },
        },
      },
      dashboard: {
        name: 'horizon',
        hosts: {
          default: 'horizon-int',
          public: 'horizon',
        },
        host_fqdn_override: {
          default: null,
        },
        path: {
          default: null,
        },
        scheme: {
          default: 'http',
        },
        port: {
          web: {
            default: 80,
          },
        },
      },
      oslo_db: {
        auth: {
          admin: {
            username: 'root',
            password: 'password',
            secret: {
              tls: {
                internal: 'mariadb-tls-direct',
              },
            },
          },
          horizon: {
            username: 'horizon',
            password: 'password',
          },
        },
        hosts: {
          default: 'mariadb',
        },
        host_fqdn_override: {
          default: null,
        },
        path: '/horizon',
        scheme: 'mysql+pymysql',
        port: {
          mysql: {
            default: 3306,
          },
        },
      },
      kube_dns: kubeDnsEndpoint,
      ingress: ingressEndpoint,
    },
    network_policy: {
      horizon: {
        ingress: [{}],
        egress: [{}],
      },
    },
    helm3_hook: false,
    manifests: {
      certificates: false,
      configmap_bin: true,
      configmap_etc: true,
      configmap_logo: false,
      deployment: true,
      ingress_api: true,
      job_pre_apply_cleanup: true,
      job_db_init: true,
      job_db_sync: true,
      job_db_drop: false,
      job_image_repo_sync: true,
      pdb: true,
      pod_helm_test: false,
      network_policy: false,
      secret_db: true,
      secret_ingress_tls: true,
      secret_keystone: false,
      secret_registry: true,
      service_ingress: true,
      service: true,
    },
  };
}
