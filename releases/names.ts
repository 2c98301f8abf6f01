/**
 * The releases of stx-openstack, declared once, in the order of the app's top-level
 * kustomization (install order as StarlingX lists it). Everything else derives from this list.
 */
export const RELEASE_NAMES = [
  'ingress-nginx-openstack',
  'nginx-ports-control',
  'mariadb',
  'garbd',
  'memcached',
  'rabbitmq',
  'barbican',
  'keystone',
  'keystone-api-proxy',
  'glance',
  'cinder',
  'ceph-rgw',
  'placement',
  'nova',
  'nova-api-proxy',
  'neutron',
  'libvirt',
  'openvswitch',
  'pci-irq-affinity-agent',
  'heat',
  'fm-rest-api',
  'horizon',
  'dcdbsync',
  'ironic',
  'aodh',
  'ceilometer',
  'gnocchi',
  'clients',
  'prometheus-openstack-exporter',
] as const;

/** The name of one release (its HelmRelease name and its folder). */
export type ReleaseName = (typeof RELEASE_NAMES)[number];

export function isReleaseName(name: string): name is ReleaseName {
  return (RELEASE_NAMES as readonly string[]).includes(name);
}
