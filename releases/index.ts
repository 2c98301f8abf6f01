/** Every release definition, keyed by release name. */
import { ReleaseDefinition } from './define';
import { RELEASE_NAMES, ReleaseName } from './names';
import { aodh } from './aodh';
import { barbican } from './barbican';
import { ceilometer } from './ceilometer';
import { cephRgw } from './ceph-rgw';
import { cinder } from './cinder';
import { clients } from './clients';
import { dcdbsync } from './dcdbsync';
import { fmRestApi } from './fm-rest-api';
import { garbd } from './garbd';
import { glance } from './glance';
import { gnocchi } from './gnocchi';
import { heat } from './heat';
import { horizon } from './horizon';
import { ingressNginxOpenstack } from './ingress-nginx-openstack';
import { ironic } from './ironic';
import { keystone } from './keystone';
import { keystoneApiProxy } from './keystone-api-proxy';
import { libvirt } from './libvirt';
import { mariadb } from './mariadb';
import { memcached } from './memcached';
import { neutron } from './neutron';
import { nginxPortsControl } from './nginx-ports-control';
import { nova } from './nova';
import { novaApiProxy } from './nova-api-proxy';
import { openvswitch } from './openvswitch';
import { pciIrqAffinityAgent } from './pci-irq-affinity-agent';
import { placement } from './placement';
import { prometheusOpenstackExporter } from './prometheus-openstack-exporter';
import { rabbitmq } from './rabbitmq';

export const RELEASES: Readonly<Record<ReleaseName, ReleaseDefinition>> = {
  'ingress-nginx-openstack': ingressNginxOpenstack,
  'nginx-ports-control': nginxPortsControl,
  'mariadb': mariadb,
  'garbd': garbd,
  'memcached': memcached,
  'rabbitmq': rabbitmq,
  'barbican': barbican,
  'keystone': keystone,
  'keystone-api-proxy': keystoneApiProxy,
  'glance': glance,
  'cinder': cinder,
  'ceph-rgw': cephRgw,
  'placement': placement,
  'nova': nova,
  'nova-api-proxy': novaApiProxy,
  'neutron': neutron,
  'libvirt': libvirt,
  'openvswitch': openvswitch,
  'pci-irq-affinity-agent': pciIrqAffinityAgent,
  'heat': heat,
  'fm-rest-api': fmRestApi,
  'horizon': horizon,
  'dcdbsync': dcdbsync,
  'ironic': ironic,
  'aodh': aodh,
  'ceilometer': ceilometer,
  'gnocchi': gnocchi,
  'clients': clients,
  'prometheus-openstack-exporter': prometheusOpenstackExporter,
};

/** Every release definition, in kustomization order. */
export const ALL_RELEASES: readonly ReleaseDefinition[] = RELEASE_NAMES.map((name) => RELEASES[name]);
