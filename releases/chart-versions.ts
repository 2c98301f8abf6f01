import type { ReleaseDefinition } from './define';
import { ReleaseName } from './names';

/**
 * Chart version of each release, one table for every stack (a stack may override any entry).
 *
 * Pinned versions are the ones a StarlingX build of the app packaged. Where we have not seen a
 * build's version, the entry is a semver range: the platform's Helm repository holds exactly one
 * version of each chart, so the range picks the packaged one; pin it in your stack for full
 * reproducibility once you know it.
 */
export const CHART_VERSIONS: Readonly<Record<ReleaseName, string>> = {
  'ingress-nginx-openstack': '4.12.1+STX.1',
  'nginx-ports-control': '>=0.1.0',
  mariadb: '>=0.1.0',
  garbd: '>=0.1.0',
  memcached: '>=0.1.0',
  rabbitmq: '>=0.1.0',
  barbican: '>=0.1.0',
  keystone: '0.3.13',
  'keystone-api-proxy': '0.2.0',
  glance: '>=0.1.0',
  cinder: '>=0.1.0',
  'ceph-rgw': '>=0.1.0',
  placement: '>=0.1.0',
  nova: '>=0.1.0',
  'nova-api-proxy': '>=0.1.0',
  neutron: '>=0.1.0',
  libvirt: '>=0.1.0',
  openvswitch: '0.1.25',
  'pci-irq-affinity-agent': '>=0.1.0',
  heat: '0.3.14',
  'fm-rest-api': '>=0.1.0',
  horizon: '0.3.22',
  dcdbsync: '>=0.1.0',
  ironic: '0.2.15',
  aodh: '>=0.1.0',
  ceilometer: '0.2.11',
  gnocchi: '>=0.1.0',
  clients: '>=0.1.0',
  'prometheus-openstack-exporter': '>=0.1.0',
};

/**
 * The chart version of a release: the definition's own `chartVersion`, else its entry in the table.
 * A release with neither is an error (a HelmRelease without a version would install whatever the
 * repository serves, silently).
 */
export function chartVersionOf(definition: Pick<ReleaseDefinition, 'name' | 'chartVersion'>): string {
  const version = definition.chartVersion ?? (CHART_VERSIONS as Readonly<Record<string, string | undefined>>)[definition.name];
  if (version === undefined) throw new Error(`release "${definition.name}" has no chart version (add it to releases/chart-versions.ts)`);
  return version;
}
