import { Values } from '../lib/engine/values';
import { ImageRefs } from './images';
import { openstackIngressClasses } from './blocks';
import { controlPlaneTolerations, internalKeystoneAuthtoken } from './common';
import { keystoneInternalUrl } from './endpoints';

/** Static values of ironic: the StarlingX settings applied over the chart defaults. */
export function ironicStaticValues(img: ImageRefs): Values {
  return {
    release_group: 'osh-openstack-ironic',
    pod: {
      labels: { include_app_kubernetes_io: false },
      replicas: { api: 2, conductor: 2 },
      user: { ironic: { uid: 0 } },
      affinity: { anti: { type: { default: 'requiredDuringSchedulingIgnoredDuringExecution' } } },
      tolerations: { ironic: controlPlaneTolerations },
    },
    network: { api: { ingress: { classes: openstackIngressClasses } } },
    labels: {
      isApplication: false,
      api: { node_selector_key: 'openstack-ironic', node_selector_value: 'enabled' },
      conductor: { node_selector_key: 'openstack-ironic', node_selector_value: 'enabled' },
      job: { node_selector_key: 'openstack-ironic', node_selector_value: 'enabled' },
    },
    images: {
      tags: {
        bootstrap: img.heat,
        db_drop: img.heat,
        db_init: img.heat,
        dep_check: img.kubernetesEntrypoint,
        image_repo_sync: null,
        ironic_api: img.ironic,
        ironic_conductor: img.ironic,
        ironic_db_sync: img.ironic,
        ironic_manage_cleaning_network: img.heat,
        ironic_pxe: img.ironic,
        ironic_pxe_http: img.nginx,
        ironic_pxe_init: img.ironic,
        ironic_retrive_cleaning_network: img.heat,
        ironic_retrive_swift_config: img.heat,
        ks_endpoints: img.heat,
        ks_service: img.heat,
        ks_user: img.openstackclients,
        pre_apply_cleanup: img.vaultManager,
        rabbit_init: img.rabbitmqManagement,
      },
    },
    conf: {
      ironic: {
        DEFAULT: {
          enabled_drivers: '',
          enabled_hardware_types: 'ipmi',
          enabled_bios_interfaces: 'no-bios',
          enabled_boot_interfaces: 'pxe,ipxe',
          enabled_console_interfaces: 'ipmitool-socat',
          enabled_deploy_interfaces: 'iscsi,direct',
          enabled_inspect_interfaces: 'no-inspect',
          enabled_management_interfaces: 'ipmitool',
          enabled_network_interfaces: 'flat,noop',
          enabled_power_interfaces: 'ipmitool',
          enabled_raid_interfaces: 'no-raid',
          enabled_storage_interfaces: 'cinder,noop',
          enabled_vendor_interfaces: 'ipmitool,no-vendor',
        },
        keystone_authtoken: internalKeystoneAuthtoken,
        glance: {
          glance_host: 'glance.openstack.svc.cluster.local',
          glance_port: 80,
          auth_url: keystoneInternalUrl,
        },
        inspector: { auth_url: keystoneInternalUrl },
        neutron: {
          url: 'http://neutron.openstack.svc.cluster.local:80/',
          auth_url: keystoneInternalUrl,
        },
        api: { port: 6385 },
        pxe: { pxe_append_params: 'nofb nomodeset vga=normal console=ttyS0,115200n8' },
        dhcp: { dhcp_provider: 'neutron' },
      },
    },
    bootstrap: { image: { enabled: false } },
    endpoints: {
      oslo_messaging: { statefulset: { name: 'osh-openstack-rabbitmq-rabbitmq' } },
      baremetal: { port: { pxe_http: { default: 28080 } } },
    },
  };
}
