import { ReleaseDefinition } from '../lib/release';
import { prometheusOpenstackExporterStaticValues } from '../overrides/prometheus-openstack-exporter';

export const prometheusOpenstackExporter: ReleaseDefinition = {
  name: 'prometheus-openstack-exporter',
  chart: 'prometheus-openstack-exporter',
  releaseName: 'osh-prometheus-openstack-exporter',
  chartGroup: 'prometheus-openstack-exporter',
  dependsOn: ['nova', 'neutron', 'heat'],
  install: {},
  upgrade: {},
  commonLabels: { chart_group: 'prometheus-openstack-exporter' },
  staticValues: prometheusOpenstackExporterStaticValues,
};
