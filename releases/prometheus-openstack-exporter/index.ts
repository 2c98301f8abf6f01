import { defineRelease } from '../define';
import { Values } from '../../lib/engine/values';
import { prometheusOpenstackExporterStaticValues } from '../../overrides/prometheus-openstack-exporter';
import { certificates, identityAuth } from '../../overrides/system';
import { DeploymentContext } from '../../lib/profile/context';

/** System values of prometheus-openstack-exporter (spec §3.21). */
function prometheusOpenstackExporterSystemValues(ctx: DeploymentContext): Values {
  const values: Values = {
    pod: { replicas: { prometheus_openstack_exporter: ctx.derived.controllers } },
    // The exporter's Keystone account `user` has a password private to this chart.
    endpoints: { identity: { auth: identityAuth(ctx, 'prometheus-openstack-exporter', ['user'], [], { privateUsers: ['user'] }) } },
  };
  if (ctx.derived.https) {
    values.manifests = certificates(ctx);
    values.secrets = { tls: { identity: { api: { internal: 'keystone-tls-public' } } } };
  }
  return values;
}

export const prometheusOpenstackExporter = defineRelease({
  name: 'prometheus-openstack-exporter',
  releaseName: 'osh-prometheus-openstack-exporter',
  chartGroup: 'prometheus-openstack-exporter',
  dependsOn: ['nova', 'neutron', 'heat'],
  commonLabels: { chart_group: 'prometheus-openstack-exporter' },
  staticValues: prometheusOpenstackExporterStaticValues,
  systemValues: prometheusOpenstackExporterSystemValues,
});
