import { Values } from '../lib/values';
import { ImageRefs } from './images';
import { keystoneUser, osloLogging } from './blocks';
import { apiPodLifecycle, controlPlaneTolerations, endpointsFluentd, endpointsImage, endpointsLocalImageRegistry, endpointsVolumev3, identityAuthAdmin, identityAuthCinder, ingressEndpoint, kubeDnsEndpoint, osloCacheEndpoint, publicIngress, rabbitmqAdminAuth, requiredAntiAffinity } from './common';
import { configText, iniFile } from './config-files';

/** Static values of cinder: the StarlingX settings applied over the chart defaults. */
export function cinderStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-cinder',
    storage: 'rbd',
    labels: {
      isApplication: false,
      api: {
        node_selector_key: 'openstack-control-plane',
        node_selector_value: 'enabled',
      },
      backup: {
        node_selector_key: 'openstack-control-plane',
        node_selector_value: 'enabled',
      },
      job: {
        node_selector_key: 'openstack-control-plane',
        node_selector_value: 'enabled',
      },
      scheduler: {
        node_selector_key: 'openstack-control-plane',
        node_selector_value: 'enabled',
      },
      test: {
        node_selector_key: 'openstack-control-plane',
        node_selector_value: 'enabled',
      },
      volume: {
        node_selector_key: 'openstack-control-plane',
        node_selector_value: 'enabled',
      },
    },
    images: {
      tags: {
        test: null,
        db_init: img.heat,
        cinder_db_sync: img.cinder,
        db_drop: img.heat,
        rabbit_init: img.rabbitmqManagement,
        ks_user: img.openstackclients,
        ks_service: img.heat,
        ks_endpoints: img.heat,
        cinder_api: img.cinder,
        bootstrap: img.heat,
        cinder_scheduler: img.cinder,
        cinder_volume: img.cinder,
        cinder_volume_usage_audit: img.cinder,
        cinder_db_purge: img.cinder,
        cinder_storage_init: img.cephConfigHelper,
        cinder_backup: img.cinder,
        cinder_backup_storage_init: img.cephConfigHelper,
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
    jobs: {
      volume_usage_audit: {
        cron: '5 * * * *',
        starting_deadline: 600,
        history: {
          success: 3,
          failed: 1,
        },
      },
      db_purge: {
        cron: '0 0 * * *',
        starting_deadline: 600,
        history: {
          success: 3,
          failed: 1,
        },
      },
    },
    pod: {
      probes: {
        api: {
          'cinder-api': {
            liveness: {
              enabled: true,
              params: {
                initialDelaySeconds: 5,
                periodSeconds: 10,
                timeoutSeconds: 5,
                failureThreshold: 5,
                successThreshold: 1,
              },
            },
            readiness: {
              enabled: true,
              params: {
                initialDelaySeconds: 30,
              },
            },
          },
        },
      },
      labels: {
        include_app_kubernetes_io: false,
      },
      security_context: {
        db_purge: {
          pod: {
            runAsUser: 42424,
          },
          container: {
            cinder_db_purge: {
              readOnlyRootFilesystem: true,
              allowPrivilegeEscalation: false,
            },
          },
        },
        volume_usage_audit: {
          pod: {
            runAsUser: 42425,
          },
          container: {
            cinder_volume_usage_audit: {
              readOnlyRootFilesystem: true,
              allowPrivilegeEscalation: false,
            },
          },
        },
        cinder_api: {
          pod: {
            runAsUser: 42425,
          },
          container: {
            ceph_coordination_volume_perms: {
              runAsUser: 0,
              readOnlyRootFilesystem: true,
            },
            cinder_api: {
              readOnlyRootFilesystem: true,
              allowPrivilegeEscalation: false,
            },
          },
        },
        cinder_backup: {
          pod: {
            runAsUser: 42425,
          },
          container: {
            ceph_backup_keyring_placement: {
              runAsUser: 0,
              readOnlyRootFilesystem: true,
            },
            ceph_keyring_placement: {
              runAsUser: 0,
              readOnlyRootFilesystem: true,
            },
            ceph_backup_volume_perms: {
              runAsUser: 0,
              readOnlyRootFilesystem: true,
            },
            ceph_coordination_volume_perms: {
              runAsUser: 0,
              readOnlyRootFilesystem: true,
            },
            cinder_backup: {
              capabilities: {
                add: ['SYS_ADMIN', 'DAC_READ_SEARCH'],
              },
              readOnlyRootFilesystem: true,
              runAsUser: 0,
            },
          },
        },
        cinder_scheduler: {
          pod: {
            runAsUser: 42425,
          },
          container: {
            ceph_coordination_volume_perms: {
              runAsUser: 0,
              readOnlyRootFilesystem: true,
            },
            cinder_scheduler: {
              readOnlyRootFilesystem: true,
              allowPrivilegeEscalation: false,
            },
          },
        },
        cinder_volume: {
          pod: {
            runAsUser: 42425,
          },
          container: {
            ceph_keyring_placement: {
              runAsUser: 0,
              readOnlyRootFilesystem: true,
            },
            ceph_coordination_volume_perms: {
              runAsUser: 0,
              readOnlyRootFilesystem: true,
            },
            init_cinder_conf: {
              runAsUser: 0,
              readOnlyRootFilesystem: true,
            },
            cinder_volume: {
              privileged: true,
              readOnlyRootFilesystem: true,
            },
          },
        },
        storage_init: {
          pod: {
            runAsUser: 42425,
          },
          container: {
            ceph_keyring_placement: {
              runAsUser: 0,
              readOnlyRootFilesystem: true,
            },
            cinder_backup_storage_init: {
              readOnlyRootFilesystem: true,
              allowPrivilegeEscalation: false,
            },
          },
        },
        clean: {
          pod: {
            runAsUser: 42425,
          },
          container: {
            cinder_volume_rbd_secret_clean: {
              readOnlyRootFilesystem: true,
              allowPrivilegeEscalation: false,
            },
          },
        },
        create_internal_tenant: {
          pod: {
            runAsUser: 42425,
          },
          container: {
            create_internal_tenant: {
              readOnlyRootFilesystem: true,
              allowPrivilegeEscalation: false,
            },
          },
        },
      },
      affinity: requiredAntiAffinity,
      tolerations: {
        cinder: controlPlaneTolerations,
      },
      useHostNetwork: {
        volume: false,
        backup: false,
      },
      etcSources: {
        cinder_api: [],
        cinder_scheduler: [],
        cinder_volume: [],
        cinder_volume_usage_audit: [],
        cinder_db_purge: [],
        cinder_backup: [],
        cinder_db_sync: [],
      },
      mounts: {
        cinder_api: {
          init_container: null,
          cinder_api: {
            volumeMounts: null,
            volumes: null,
          },
        },
        cinder_scheduler: {
          init_container: null,
          cinder_scheduler: {
            volumeMounts: null,
            volumes: null,
          },
        },
        cinder_volume: {
          init_container: null,
          cinder_volume: {
            volumeMounts: null,
            volumes: null,
          },
        },
        cinder_volume_usage_audit: {
          init_container: null,
          cinder_volume_usage_audit: {
            volumeMounts: null,
            volumes: null,
          },
        },
        cinder_db_purge: {
          init_container: null,
          cinder_db_purge: {
            volumeMounts: null,
            volumes: null,
          },
        },
        cinder_backup: {
          init_container: null,
          cinder_backup: {
            volumeMounts: null,
            volumes: null,
          },
        },
        cinder_tests: {
          init_container: null,
          cinder_tests: {
            volumeMounts: null,
            volumes: null,
          },
        },
        cinder_db_sync: {
          cinder_db_sync: {
            volumeMounts: null,
            volumes: null,
          },
        },
      },
      replicas: {
        api: 2,
        volume: 1,
        scheduler: 1,
        backup: 1,
      },
      lifecycle: apiPodLifecycle,
      resources: {
        enabled: false,
        api: {
          requests: {
            memory: '128Mi',
            cpu: '100m',
          },
          limits: {
            memory: '1024Mi',
            cpu: '2000m',
          },
        },
        scheduler: {
          requests: {
            memory: '128Mi',
            cpu: '100m',
          },
          limits: {
            memory: '1024Mi',
            cpu: '2000m',
          },
        },
        volume: {
          requests: {
            memory: '128Mi',
            cpu: '100m',
          },
          limits: {
            memory: '1024Mi',
            cpu: '2000m',
          },
        },
        jobs: {
          volume_usage_audit: {
            requests: {
              memory: '128Mi',
              cpu: '100m',
            },
            limits: {
              memory: '1024Mi',
              cpu: '2000m',
            },
          },
          bootstrap: {
            requests: {
              memory: '128Mi',
              cpu: '100m',
            },
            limits: {
              memory: '1024Mi',
              cpu: '2000m',
            },
          },
          rabbit_init: {
            requests: {
              memory: '128Mi',
              cpu: '100m',
            },
            limits: {
              memory: '1024Mi',
              cpu: '2000m',
            },
          },
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
          clean: {
            requests: {
              memory: '128Mi',
              cpu: '100m',
            },
            limits: {
              memory: '1024Mi',
              cpu: '2000m',
            },
          },
          backup_storage_init: {
            requests: {
              memory: '128Mi',
              cpu: '100m',
            },
            limits: {
              memory: '1024Mi',
              cpu: '2000m',
            },
          },
          storage_init: {
            requests: {
              memory: '128Mi',
              cpu: '100m',
            },
            limits: {
              memory: '1024Mi',
              cpu: '2000m',
            },
          },
          ks_endpoints: {
            requests: {
              memory: '128Mi',
              cpu: '100m',
            },
            limits: {
              memory: '1024Mi',
              cpu: '2000m',
            },
          },
          ks_service: {
            requests: {
              memory: '128Mi',
              cpu: '100m',
            },
            limits: {
              memory: '1024Mi',
              cpu: '2000m',
            },
          },
          ks_user: {
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
        },
      },
    },
    bootstrap: {
      enabled: true,
      ks_user: 'admin',
      bootstrap_conf_backends: true,
      volume_types: {
        name: {
          group: null,
          volume_backend_name: null,
        },
      },
    },
    network: {
      api: {
        ingress: publicIngress,
        external_policy_local: false,
        node_port: {
          enabled: false,
          port: 30877,
        },
      },
    },
    ceph_client: {
      enable_external_ceph_backend: false,
      internal_ceph_backend: 'rbd1',
      configmap: 'ceph-etc',
      user_secret_name: 'pvc-ceph-client-key',
      external_ceph: {
        rbd_user: null,
        rbd_user_keyring: null,
        configmap: null,
        conf: {
          global: null,
          osd: null,
        },
      },
    },
    conf: {
      paste: {
        'composite:osapi_volume': {
          use: 'call:cinder.api:root_app_factory',
          '/': 'apiversions',
          '/healthcheck': 'healthcheck',
          '/v3': 'openstack_volume_api_v3',
        },
        'composite:openstack_volume_api_v3': {
          use: 'call:cinder.api.middleware.auth:pipeline_factory',
          noauth: 'cors http_proxy_to_wsgi request_id faultwrap sizelimit osprofiler noauth apiv3',
          keystone: 'cors http_proxy_to_wsgi request_id faultwrap sizelimit osprofiler authtoken audit keystonecontext apiv3',
          keystone_nolimit: 'cors http_proxy_to_wsgi request_id faultwrap sizelimit osprofiler authtoken audit keystonecontext apiv3',
        },
        'filter:request_id': {
          'paste.filter_factory': 'oslo_middleware.request_id:RequestId.factory',
        },
        'filter:http_proxy_to_wsgi': {
          'paste.filter_factory': 'oslo_middleware.http_proxy_to_wsgi:HTTPProxyToWSGI.factory',
        },
        'filter:cors': {
          'paste.filter_factory': 'oslo_middleware.cors:filter_factory',
          oslo_config_project: 'cinder',
        },
        'filter:faultwrap': {
          'paste.filter_factory': 'cinder.api.middleware.fault:FaultWrapper.factory',
        },
        'filter:osprofiler': {
          'paste.filter_factory': 'osprofiler.web:WsgiMiddleware.factory',
        },
        'filter:noauth': {
          'paste.filter_factory': 'cinder.api.middleware.auth:NoAuthMiddleware.factory',
        },
        'filter:sizelimit': {
          'paste.filter_factory': 'oslo_middleware.sizelimit:RequestBodySizeLimiter.factory',
        },
        'app:apiv3': {
          'paste.app_factory': 'cinder.api.v3.router:APIRouter.factory',
        },
        'app:healthcheck': {
          'paste.app_factory': 'oslo_middleware:Healthcheck.app_factory',
          backends: 'disable_by_file',
          disable_by_file_path: '/etc/cinder/healthcheck_disable',
        },
        'pipeline:apiversions': {
          pipeline: 'cors http_proxy_to_wsgi faultwrap osvolumeversionapp',
        },
        'app:osvolumeversionapp': {
          'paste.app_factory': 'cinder.api.versions:Versions.factory',
        },
        'filter:keystonecontext': {
          'paste.filter_factory': 'cinder.api.middleware.auth:CinderKeystoneContext.factory',
        },
        'filter:authtoken': {
          'paste.filter_factory': 'keystonemiddleware.auth_token:filter_factory',
        },
        'filter:audit': {
          'paste.filter_factory': 'keystonemiddleware.audit:filter_factory',
          audit_map_file: '/etc/cinder/api_audit_map.conf',
        },
      },
      policy: {},
      api_audit_map: {
        DEFAULT: {
          target_endpoint_type: 'None',
        },
        custom_actions: {
          associate: 'update/associate',
          disassociate: 'update/disassociate_all',
          disassociate_all: 'update/disassociate_all',
          associations: 'read/list/associations',
        },
        path_keywords: {
          defaults: 'None',
          detail: 'None',
          limits: 'None',
          'os-quota-specs': 'project',
          'qos-specs': 'qos-spec',
          snapshots: 'snapshot',
          types: 'type',
          volumes: 'volume',
        },
        service_endpoints: {
          volumev3: 'service/storage/block',
        },
      },
      cinder_sudoers: configText([
        'Defaults !requiretty',
        'Defaults secure_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin:/var/lib/openstack/bin:/var/lib/kolla/venv/bin"',
        'cinder ALL = (root) NOPASSWD: /var/lib/kolla/venv/bin/cinder-rootwrap /etc/cinder/rootwrap.conf *, /var/lib/openstack/bin/cinder-rootwrap /etc/cinder/rootwrap.conf *',
      ]),
      rootwrap: iniFile({
        DEFAULT: {
          filters_path: '/etc/cinder/rootwrap.d',
          exec_dirs: '/sbin,/usr/sbin,/bin,/usr/bin,/usr/local/bin,/usr/local/sbin,/var/lib/openstack/bin,/var/lib/kolla/venv/bin',
          use_syslog: 'False',
          syslog_log_facility: 'syslog',
          syslog_log_level: 'ERROR',
        },
      }),
      rootwrap_filters: {
        volume: {
          pods: ['volume'],
          content: configText([
            '[Filters]',
            'ietadm: CommandFilter, ietadm, root',
            'tgtadm: CommandFilter, tgtadm, root',
            'iscsictl: CommandFilter, iscsictl, root',
            'tgt-admin: CommandFilter, tgt-admin, root',
            'cinder-rtstool: CommandFilter, cinder-rtstool, root',
            'scstadmin: CommandFilter, scstadmin, root',
            'pvs: EnvFilter, env, root, LC_ALL=C, pvs',
            'vgs: EnvFilter, env, root, LC_ALL=C, vgs',
            'lvs: EnvFilter, env, root, LC_ALL=C, lvs',
            'lvdisplay: EnvFilter, env, root, LC_ALL=C, lvdisplay',
            'pvs_fdwarn: EnvFilter, env, root, LC_ALL=C, LVM_SUPPRESS_FD_WARNINGS=, pvs',
            'vgs_fdwarn: EnvFilter, env, root, LC_ALL=C, LVM_SUPPRESS_FD_WARNINGS=, vgs',
            'lvs_fdwarn: EnvFilter, env, root, LC_ALL=C, LVM_SUPPRESS_FD_WARNINGS=, lvs',
            'lvdisplay_fdwarn: EnvFilter, env, root, LC_ALL=C, LVM_SUPPRESS_FD_WARNINGS=, lvdisplay',
            'pvs_lvmconf: EnvFilter, env, root, LVM_SYSTEM_DIR=, LC_ALL=C, pvs',
            'vgs_lvmconf: EnvFilter, env, root, LVM_SYSTEM_DIR=, LC_ALL=C, vgs',
            'lvs_lvmconf: EnvFilter, env, root, LVM_SYSTEM_DIR=, LC_ALL=C, lvs',
            'lvdisplay_lvmconf: EnvFilter, env, root, LVM_SYSTEM_DIR=, LC_ALL=C, lvdisplay',
            'pvs_lvmconf: EnvFilter, env, root, LVM_SYSTEM_DIR=, LC_ALL=C, LVM_SUPPRESS_FD_WARNINGS=, pvs',
            'vgs_lvmconf: EnvFilter, env, root, LVM_SYSTEM_DIR=, LC_ALL=C, LVM_SUPPRESS_FD_WARNINGS=, vgs',
            'lvs_lvmconf: EnvFilter, env, root, LVM_SYSTEM_DIR=, LC_ALL=C, LVM_SUPPRESS_FD_WARNINGS=, lvs',
            'lvdisplay_lvmconf: EnvFilter, env, root, LVM_SYSTEM_DIR=, LC_ALL=C, LVM_SUPPRESS_FD_WARNINGS=, lvdisplay',
            'privsep-rootwrap: RegExpFilter, privsep-helper, root, privsep-helper, --config-file, /etc/(?!\\.\\.).*, --privsep_context, os_brick.privileged.default, --privsep_sock_path, /tmp/.*',
            'scsi_id: CommandFilter, /lib/udev/scsi_id, root',
            'drbdadm: CommandFilter, drbdadm, root',
            'vgcreate: CommandFilter, vgcreate, root',
            'lvcreate: EnvFilter, env, root, LC_ALL=C, lvcreate',
            'lvcreate_lvmconf: EnvFilter, env, root, LVM_SYSTEM_DIR=, LC_ALL=C, lvcreate',
            'lvcreate_fdwarn: EnvFilter, env, root, LC_ALL=C, LVM_SUPPRESS_FD_WARNINGS=, lvcreate',
            'lvcreate_lvmconf_fdwarn: EnvFilter, env, root, LVM_SYSTEM_DIR=, LVM_SUPPRESS_FD_WARNINGS=, LC_ALL=C, lvcreate',
            'dd: CommandFilter, dd, root',
            'lvremove: CommandFilter, lvremove, root',
            'lvrename: CommandFilter, lvrename, root',
            'lvextend: EnvFilter, env, root, LC_ALL=C, lvextend',
            'lvextend_lvmconf: EnvFilter, env, root, LVM_SYSTEM_DIR=, LC_ALL=C, lvextend',
            'lvextend_fdwarn: EnvFilter, env, root, LC_ALL=C, LVM_SUPPRESS_FD_WARNINGS=, lvextend',
            'lvextend_lvmconf_fdwarn: EnvFilter, env, root, LVM_SYSTEM_DIR=, LC_ALL=C, LVM_SUPPRESS_FD_WARNINGS=, lvextend',
            'lvchange: CommandFilter, lvchange, root',
            'lvconvert: CommandFilter, lvconvert, root',
            'iscsiadm: CommandFilter, iscsiadm, root',
            'chown: CommandFilter, chown, root',
            'ionice_1: ChainingRegExpFilter, ionice, root, ionice, -c[0-3], -n[0-7]',
            'ionice_2: ChainingRegExpFilter, ionice, root, ionice, -c[0-3]',
            'cgcreate: CommandFilter, cgcreate, root',
            'cgset: CommandFilter, cgset, root',
            'cgexec: ChainingRegExpFilter, cgexec, root, cgexec, -g, blkio:\\S+',
            'dmsetup: CommandFilter, dmsetup, root',
            'ln: CommandFilter, ln, root',
            'qemu-img: EnvFilter, env, root, LC_ALL=C, qemu-img',
            'qemu-img_convert: CommandFilter, qemu-img, root',
            'udevadm: CommandFilter, udevadm, root',
            'cat: CommandFilter, cat, root',
            'stat: CommandFilter, stat, root',
            'mount: CommandFilter, mount, root',
            'df: CommandFilter, df, root',
            'du: CommandFilter, du, root',
            'truncate: CommandFilter, truncate, root',
            'chmod: CommandFilter, chmod, root',
            'rm: CommandFilter, rm, root',
            'mkdir: CommandFilter, mkdir, root',
            'netapp_nfs_find: RegExpFilter, find, root, find, ^[/]*([^/\\0]+(/+)?)*$, -maxdepth, \\d+, -name, img-cache.*, -amin, \\+\\d+',
            'chgrp: CommandFilter, chgrp, root',
            'umount: CommandFilter, umount, root',
            'fallocate: CommandFilter, fallocate, root',
            'hus-cmd: CommandFilter, hus-cmd, root',
            'hus-cmd_local: CommandFilter, /usr/local/bin/hus-cmd, root',
            'ssc: CommandFilter, ssc, root',
            'ls: CommandFilter, ls, root',
            'tee: CommandFilter, tee, root',
            'multipath: CommandFilter, multipath, root',
            'multipathd: CommandFilter, multipathd, root',
            'systool: CommandFilter, systool, root',
            'blockdev: CommandFilter, blockdev, root',
            'mv: CommandFilter, mv, root',
            'cp: CommandFilter, cp, root',
            'mmgetstate: CommandFilter, /usr/lpp/mmfs/bin/mmgetstate, root',
            'mmclone: CommandFilter, /usr/lpp/mmfs/bin/mmclone, root',
            'mmlsattr: CommandFilter, /usr/lpp/mmfs/bin/mmlsattr, root',
            'mmchattr: CommandFilter, /usr/lpp/mmfs/bin/mmchattr, root',
            'mmlsconfig: CommandFilter, /usr/lpp/mmfs/bin/mmlsconfig, root',
            'mmlsfs: CommandFilter, /usr/lpp/mmfs/bin/mmlsfs, root',
            'mmlspool: CommandFilter, /usr/lpp/mmfs/bin/mmlspool, root',
            'mkfs: CommandFilter, mkfs, root',
            'mmcrfileset: CommandFilter, /usr/lpp/mmfs/bin/mmcrfileset, root',
            'mmlinkfileset: CommandFilter, /usr/lpp/mmfs/bin/mmlinkfileset, root',
            'mmunlinkfileset: CommandFilter, /usr/lpp/mmfs/bin/mmunlinkfileset, root',
            'mmdelfileset: CommandFilter, /usr/lpp/mmfs/bin/mmdelfileset, root',
            'mmcrsnapshot: CommandFilter, /usr/lpp/mmfs/bin/mmcrsnapshot, root',
            'mmdelsnapshot: CommandFilter, /usr/lpp/mmfs/bin/mmdelsnapshot, root',
            'find_maxdepth_inum: RegExpFilter, find, root, find, ^[/]*([^/\\0]+(/+)?)*$, -maxdepth, \\d+, -ignore_readdir_race, -inum, \\d+, -print0, -quit',
            'aoe-revalidate: CommandFilter, aoe-revalidate, root',
            'aoe-discover: CommandFilter, aoe-discover, root',
            'aoe-flush: CommandFilter, aoe-flush, root',
            'sg_scan: CommandFilter, sg_scan, root',
            'dsmc:CommandFilter,/usr/bin/dsmc,root',
            'raidqry: CommandFilter, raidqry, root',
            'raidcom: CommandFilter, raidcom, root',
            'pairsplit: CommandFilter, pairsplit, root',
            'paircreate: CommandFilter, paircreate, root',
            'pairdisplay: CommandFilter, pairdisplay, root',
            'pairevtwait: CommandFilter, pairevtwait, root',
            'horcmstart.sh: CommandFilter, horcmstart.sh, root',
            'horcmshutdown.sh: CommandFilter, horcmshutdown.sh, root',
            'horcmgr: EnvFilter, env, root, HORCMINST=, /etc/horcmgr',
            'auman: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/auman',
            'auluref: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/auluref',
            'auhgdef: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/auhgdef',
            'aufibre1: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/aufibre1',
            'auhgwwn: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/auhgwwn',
            'auhgmap: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/auhgmap',
            'autargetmap: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/autargetmap',
            'aureplicationvvol: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/aureplicationvvol',
            'auluadd: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/auluadd',
            'auludel: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/auludel',
            'auluchgsize: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/auluchgsize',
            'auchapuser: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/auchapuser',
            'autargetdef: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/autargetdef',
            'autargetopt: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/autargetopt',
            'autargetini: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/autargetini',
            'auiscsi: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/auiscsi',
            'audppool: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/audppool',
            'aureplicationlocal: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/aureplicationlocal',
            'aureplicationmon: EnvFilter, env, root, LANG=, STONAVM_HOME=, LD_LIBRARY_PATH=, STONAVM_RSP_PASS=, STONAVM_ACT=, /usr/stonavm/aureplicationmon',
            'vgc-cluster: CommandFilter, vgc-cluster, root',
            'pstorage-mount: CommandFilter, pstorage-mount, root',
            'pstorage: CommandFilter, pstorage, root',
            'ploop: CommandFilter, ploop, root',
            'drv_cfg: CommandFilter, /opt/emc/scaleio/sdc/bin/drv_cfg, root, /opt/emc/scaleio/sdc/bin/drv_cfg, --query_guid',
          ]),
        },
      },
      ceph: {
        override: null,
        append: null,
        monitors: [],
        admin_keyring: null,
        pools: {
          backup: {
            replication: 3,
            crush_rule: 'replicated_rule',
            chunk_size: 8,
            app_name: 'cinder-backup',
          },
          'cinder.volumes': {
            replication: 3,
            crush_rule: 'replicated_rule',
            chunk_size: 8,
            app_name: 'cinder-volume',
          },
        },
      },
      cinder: {
        DEFAULT: {
          control_exchange: 'cinder',
          state_path: '/var/lib/cinder',
          volume_usage_audit_period: 'hour',
          resource_query_filters_file: '/etc/cinder/resource_filters.json',
          log_config_append: '/etc/cinder/logging.conf',
          use_syslog: false,
          use_stderr: true,
          volume_name_template: '%s',
          osapi_volume_workers: 1,
          glance_api_version: 2,
          os_region_name: 'RegionOne',
          host: 'cinder-volume-worker',
          osapi_volume_listen_port: null,
          enabled_backends: 'rbd1',
          default_volume_type: 'rbd1',
          backup_driver: 'cinder.backup.drivers.ceph.CephBackupDriver',
          backup_ceph_conf: '/etc/ceph/ceph.conf',
          backup_ceph_user: 'cinderbackup',
          backup_ceph_pool: 'cinder.backups',
          backup_posix_path: '/var/lib/cinder/backup',
          auth_strategy: 'keystone',
          internal_project_name: 'internal_cinder',
          internal_user_name: 'internal_cinder',
          osapi_volume_listen: '::',
          glance_api_servers: 'http://glance.openstack.svc.cluster.local:80/',
        },
        database: {
          max_retries: -1,
          connection: '',
        },
        keystone_authtoken: {
          service_token_roles: 'service',
          service_token_roles_required: true,
          auth_version: 'v3',
          auth_type: 'password',
          memcache_security_strategy: 'ENCRYPT',
          service_type: 'volumev3',
          interface: 'internal',
          auth_uri: 'http://keystone.openstack.svc.cluster.local:80/v3',
          auth_url: 'http://keystone.openstack.svc.cluster.local:80/v3',
        },
        nova: {
          auth_type: 'password',
          auth_version: 'v3',
          interface: 'internal',
        },
        oslo_policy: {
          policy_file: '/etc/cinder/policy.yaml',
        },
        oslo_concurrency: {
          lock_path: '/var/lib/oslo-lock',
        },
        oslo_messaging_notifications: {
          driver: 'messagingv2',
        },
        oslo_middleware: {
          enable_proxy_headers_parsing: true,
        },
        oslo_messaging_rabbit: {
          rabbit_ha_queues: true,
        },
        coordination: {
          backend_url: 'file:///var/lib/cinder/coordination',
        },
        service_user: {
          auth_type: 'password',
          send_service_user_token: true,
        },
      },
      logging: osloLogging(['cinder'], '%Y-%m-%d %H:%M:%S'),
      rabbitmq: {
        policies: [
          {
            vhost: 'cinder',
            name: 'ha_ttl_cinder',
            definition: {
              'ha-mode': 'all',
              'ha-sync-mode': 'automatic',
              'message-ttl': 70000,
            },
            priority: 0,
            'apply-to': 'all',
            pattern: '^(?!(amq\\.|reply_)).*',
          },
        ],
      },
      backends: null,
      rally_tests: {
        run_tempest: false,
        tests: {
          'CinderVolumes.create_and_delete_volume': [
            {
              args: {
                size: 1,
              },
              runner: {
                concurrency: 1,
                times: 1,
                type: 'constant',
              },
              sla: {
                failure_rate: {
                  max: 0,
                },
              },
            },
            {
              args: {
                size: {
                  max: 5,
                  min: 1,
                },
              },
              runner: {
                concurrency: 1,
                times: 1,
                type: 'constant',
              },
              sla: {
                failure_rate: {
                  max: 0,
                },
              },
            },
          ],
        },
      },
      resource_filters: {
        volume: [
          'name',
          'status',
          'metadata',
          'bootable',
          'migration_status',
          'availability_zone',
          'group_id',
        ],
        backup: ['name', 'status', 'volume_id'],
        snapshot: ['name', 'status', 'volume_id', 'metadata', 'availability_zone'],
        group: [],
        group_snapshot: ['status', 'group_id'],
        attachment: ['volume_id', 'status', 'instance_id', 'attach_status'],
        message: ['resource_uuid', 'resource_type', 'event_id', 'request_id', 'message_level'],
        pool: ['name', 'volume_type'],
        volume_type: [],
      },
      enable_conversion_tmpfs: false,
      conversion_tmpfs_size: '10Gi',
      cinder_api_uwsgi: {
        uwsgi: {
          'add-header': 'Connection: close',
          'buffer-size': 65535,
          'die-on-term': true,
          'enable-threads': true,
          'exit-on-reload': false,
          'hook-master-start': 'unix_signal:15 gracefully_kill_them_all',
          'lazy-apps': true,
          'log-x-forwarded-for': true,
          master: true,
          'procname-prefix-spaced': 'cinder-api:',
          'route-user-agent': '^kube-probe.* donotlog:',
          'thunder-lock': true,
          'worker-reload-mercy': 80,
          module: 'cinder.wsgi.api:application',
          stats: '[::]:1717',
          'stats-http': true,
        },
      },
      db_purge: {
        before: 30,
      },
    },
    backup: {
      external_ceph_rbd: {
        enabled: false,
        admin_keyring: null,
        configmap: null,
        conf: {
          global: null,
          osd: null,
        },
      },
      posix: {
        volume: {
          class_name: 'general',
          size: '10Gi',
        },
      },
    },
    dependencies: {
      dynamic: {
        common: {
          local_image_registry: {
            jobs: ['cinder-image-repo-sync'],
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
        api: {
          jobs: [
            'cinder-db-sync',
            'cinder-ks-user',
            'cinder-ks-endpoints',
            'cinder-rabbit-init',
            'cinder-storage-init',
          ],
          services: [
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
        backup: {
          jobs: [
            'cinder-db-sync',
            'cinder-ks-user',
            'cinder-ks-endpoints',
            'cinder-rabbit-init',
            'cinder-storage-init',
            'cinder-backup-storage-init',
          ],
          services: [
            {
              endpoint: 'internal',
              service: 'identity',
            },
            {
              endpoint: 'internal',
              service: 'volumev3',
            },
          ],
        },
        backup_storage_init: {
          jobs: null,
        },
        bootstrap: {
          services: [
            {
              endpoint: 'internal',
              service: 'identity',
            },
            {
              endpoint: 'internal',
              service: 'volumev3',
            },
          ],
          pod: [
            {
              requireSameNode: false,
              labels: {
                application: 'cinder',
                component: 'volume',
              },
            },
          ],
        },
        clean: {
          jobs: null,
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
          jobs: ['cinder-db-init'],
          services: [
            {
              endpoint: 'internal',
              service: 'oslo_db',
            },
          ],
        },
        ks_endpoints: {
          jobs: ['cinder-ks-service'],
          services: [
            {
              endpoint: 'internal',
              service: 'identity',
            },
          ],
        },
        ks_service: {
          services: [
            {
              endpoint: 'internal',
              service: 'identity',
            },
          ],
        },
        ks_user: {
          services: [
            {
              endpoint: 'internal',
              service: 'identity',
            },
          ],
        },
        rabbit_init: {
          services: [
            {
              service: 'oslo_messaging',
              endpoint: 'internal',
            },
          ],
        },
        scheduler: {
          jobs: [
            'cinder-db-sync',
            'cinder-ks-user',
            'cinder-ks-endpoints',
            'cinder-rabbit-init',
            'cinder-storage-init',
          ],
          services: [
            {
              endpoint: 'internal',
              service: 'identity',
            },
            {
              endpoint: 'internal',
              service: 'volumev3',
            },
          ],
        },
        db_purge: {
          jobs: [
            'cinder-db-sync',
            'cinder-db-init',
            'cinder-ks-user',
            'cinder-ks-endpoints',
            'cinder-rabbit-init',
          ],
          services: [
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
        storage_init: {
          jobs: null,
        },
        tests: {
          services: [
            {
              endpoint: 'internal',
              service: 'identity',
            },
            {
              endpoint: 'internal',
              service: 'volumev3',
            },
          ],
        },
        volume: {
          jobs: [
            'cinder-db-sync',
            'cinder-ks-user',
            'cinder-ks-endpoints',
            'cinder-rabbit-init',
            'cinder-storage-init',
          ],
          services: [
            {
              endpoint: 'internal',
              service: 'identity',
            },
            {
              endpoint: 'internal',
              service: 'volumev3',
            },
          ],
        },
        volume_usage_audit: {
          jobs: [
            'cinder-db-sync',
            'cinder-ks-user',
            'cinder-ks-endpoints',
            'cinder-rabbit-init',
            'cinder-storage-init',
          ],
          services: [
            {
              endpoint: 'internal',
              service: 'identity',
            },
            {
              endpoint: 'internal',
              service: 'volumev3',
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
        create_internal_tenant: {
          services: [
            {
              endpoint: 'internal',
              service: 'identity',
            },
          ],
        },
      },
    },
    secrets: {
      identity: {
        admin: 'cinder-keystone-admin',
        cinder: 'cinder-keystone-user',
        glance: 'cinder-keystone-glance',
        nova: 'cinder-keystone-nova',
        swift: 'cinder-keystone-swift',
        service: 'cinder-keystone-service',
        test: 'cinder-keystone-test',
        stx_admin: 'cinder-keystone-stx-admin',
      },
      oslo_db: {
        admin: 'cinder-db-admin',
        cinder: 'cinder-db-user',
      },
      rbd: {
        backup: 'cinder-backup-rbd-keyring',
        volume: 'cinder-volume-rbd-keyring',
        volume_external: 'cinder-volume-external-rbd-keyring',
      },
      oslo_messaging: {
        admin: 'cinder-rabbitmq-admin',
        cinder: 'cinder-rabbitmq-user',
      },
      tls: {
        volumev3: {
          api: {
            public: 'cinder-tls-public',
            internal: 'cinder-tls-api',
          },
        },
      },
      oci_image_registry: {
        cinder: 'cinder-oci-image-registry',
      },
    },
    endpoints: {
      cluster_domain_suffix: 'cluster.local',
      local_image_registry: endpointsLocalImageRegistry,
      oci_image_registry: {
        name: 'oci-image-registry',
        namespace: 'oci-image-registry',
        auth: {
          enabled: false,
          cinder: {
            username: 'cinder',
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
          cinder: identityAuthCinder,
          nova: keystoneUser('cinder_nova', {
            role: 'admin,service',
          }),
          service: keystoneUser('cinder_service_user', {
            role: 'admin,service',
          }),
          test: keystoneUser('cinder-test', {
            role: 'admin',
            project_name: 'test',
          }),
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
      image: endpointsImage,
      volumev3: endpointsVolumev3,
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
          cinder: {
            username: 'cinder',
            password: 'password',
          },
        },
        hosts: {
          default: 'mariadb',
        },
        host_fqdn_override: {
          default: null,
        },
        path: '/cinder',
        scheme: 'mysql+pymysql',
        port: {
          mysql: {
            default: 3306,
          },
        },
      },
      oslo_messaging: {
        auth: {
          admin: rabbitmqAdminAuth,
          cinder: {
            username: 'cinder',
            password: 'password',
          },
        },
        statefulset: {
          replicas: 2,
          name: 'osh-openstack-rabbitmq-rabbitmq',
        },
        hosts: {
          default: 'rabbitmq',
        },
        host_fqdn_override: {
          default: null,
        },
        path: '/cinder',
        scheme: 'rabbit',
        port: {
          amqp: {
            default: 5672,
          },
          http: {
            default: 15672,
          },
        },
      },
      oslo_cache: osloCacheEndpoint,
      fluentd: endpointsFluentd,
      kube_dns: kubeDnsEndpoint,
      ingress: ingressEndpoint,
    },
    network_policy: {
      cinder: {
        ingress: [{}],
        egress: [{}],
      },
    },
    helm3_hook: false,
    tls: {
      identity: false,
      oslo_messaging: false,
      oslo_db: false,
    },
    storage_conf: {
      storage_backends: [
        {
          name: 'ceph',
          enabled: true,
        },
        {
          name: 'netapp-nfs',
          enabled: false,
        },
        {
          name: 'netapp-iscsi',
          enabled: false,
        },
        {
          name: 'netapp-fc',
          enabled: false,
        },
      ],
      volume_storage_class_priority: ['ceph', 'netapp-nfs', 'netapp-iscsi', 'netapp-fc'],
      backup_storage_class_priority: ['ceph', 'netapp-nfs', 'netapp-iscsi', 'netapp-fc'],
      tls: {
        host_cert: '/var/opt/openstack/certs/storage.pem',
        container_cert: ['/usr/lib/ssl/cert.pem'],
      },
      backends_conf: [],
      extra_mounts: {
        cinder_volume: {
          volumeMounts: [],
          volumes: [],
        },
        cinder_backup: {
          volumeMounts: [],
          volumes: [],
        },
        cinder_api: {
          volumeMounts: [],
          volumes: [],
        },
        cinder_scheduler: {
          volumeMounts: [],
          volumes: [],
        },
      },
    },
    manifests: {
      certificates: false,
      configmap_bin: true,
      configmap_etc: true,
      cron_volume_usage_audit: true,
      cron_db_purge: false,
      deployment_api: true,
      deployment_backup: true,
      deployment_scheduler: true,
      deployment_volume: true,
      ingress_api: true,
      job_pre_apply_cleanup: true,
      job_backup_storage_init: true,
      job_bootstrap: true,
      job_clean: true,
      job_create_internal_tenant: true,
      job_db_init: true,
      job_image_repo_sync: true,
      job_rabbit_init: true,
      job_db_sync: true,
      job_db_drop: false,
      job_ks_endpoints: true,
      job_ks_service: true,
      job_ks_user: true,
      job_storage_init: true,
      pdb_api: true,
      pod_rally_test: true,
      pvc_backup: true,
      network_policy: false,
      secret_db: true,
      secret_ingress_tls: true,
      secret_keystone: true,
      secret_ks_etc: true,
      secret_rabbitmq: true,
      secret_registry: true,
      service_api: true,
      service_ingress_api: true,
    },
  };
}
