/**
 * The values paths each chart passes through Helm's `tpl` (helm-toolkit's
 * values_template_renderer, `tpl .Values.x`, `tpl` inside `range`/`with` over a values path), read
 * from the 29 charts of ../shared/charts. A template in a user value at one of these paths (or
 * below it) would run inside the chart, where helm-controller holds cluster-admin: `lookup` reads
 * any Secret of the cluster. test/user-value-safety.test.ts re-derives this table from the charts.
 */
export const TPL_VALUES: Readonly<Record<string, readonly string[]>> = {
  'aodh': ['conf.wsgi_aodh', 'extraObjects'],
  'barbican': ['extraObjects'],
  'ceilometer': ['conf.security', 'conf.wsgi_ceilometer', 'extraObjects'],
  'ceph-rgw': ['extraObjects'],
  'cinder': ['extraObjects'],
  'glance': ['conf.nginx', 'conf.swift_store', 'extraObjects'],
  'gnocchi': ['conf.apache', 'extraObjects'],
  'heat': ['conf.mpm_event', 'conf.wsgi_cfn', 'conf.wsgi_heat', 'extraObjects'],
  'horizon': ['conf.horizon.apache', 'conf.horizon.local_settings.template', 'conf.horizon.security', 'extraObjects'],
  'ingress-nginx-openstack': ['controller.affinity', 'controller.config', 'controller.extraInitContainers', 'controller.hostAliases', 'controller.service.annotations', 'controller.service.internal.annotations', 'controller.topologySpreadConstraints', 'defaultBackend.affinity', 'defaultBackend.extraVolumes', 'defaultBackend.topologySpreadConstraints', 'tcp', 'udp'],
  'ironic': ['conductor.extraContainers', 'conductor.http.init_script', 'conductor.http.script', 'conductor.initContainers', 'conductor.pxe.init_script', 'conductor.pxe.script', 'conf.nginx', 'conf.tftp_map_file', 'extraObjects'],
  'keystone': ['conf.federation.dex_idp.bootstrap.script', 'conf.federation.dex_idp.default_mapping', 'conf.federation.dex_idp.groups_mapping', 'conf.mpm_event', 'conf.security', 'conf.sso_callback_template', 'conf.wsgi_keystone', 'conf.wsgi_script', 'extraObjects'],
  'libvirt': ['conf.dynamic_options.script', 'conf.hooks.scripts', 'conf.init_modules.script', 'conf.vencrypt.cert_init_sh', 'extraObjects', 'libvirt.extraContainers'],
  'mariadb': ['conf.database.00_base', 'conf.database.99_force', 'conf.database.config_ipv6', 'conf.database.config_override', 'conf.database.my', 'extraObjects'],
  'memcached': ['extraObjects', 'memcached.extraContainers', 'memcached.extraServicePorts'],
  'neutron': ['conf.nginx', 'extraObjects'],
  'nova': ['conf.security', 'extraObjects', 'network.ssh.public_key'],
  'openvswitch': ['extraObjects', 'openvswitch.extraContainers'],
  'pci-irq-affinity-agent': ['conf.template'],
  'placement': ['conf.wsgi_placement', 'extraObjects'],
  'prometheus-openstack-exporter': ['extraObjects'],
  'rabbitmq': ['extraObjects'],
};
