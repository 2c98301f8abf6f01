/**
 * prometheus-openstack-exporter (docs/system-values.md §3.21): the assertions about this release's values and objects.
 */
import { prometheusOpenstackExporter } from '../../releases/prometheus-openstack-exporter';
import { aioDuplex, aioSimplex, CA, HTTPS, releaseValues } from '../support/fixtures';
import { at, credentialAt } from '../support/values-path';
import { Values } from '../../lib/engine/values';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const prometheusOpenstackExporterValues = releaseValues(prometheusOpenstackExporter);

expectReferenceFacts(prometheusOpenstackExporter, {
  releaseName: 'osh-prometheus-openstack-exporter',
  chartGroup: 'prometheus-openstack-exporter',
  chart: 'prometheus-openstack-exporter',
  dependsOn: ['nova', 'neutron', 'heat'],
  install: true,
  disableWait: false,
  enabledByDefault: true,
});

describe('prometheus-openstack-exporter (§3.21)', () => {
  test('given http, when computed, then replicas = C and a chart-private `user` password', () => {
    const v = prometheusOpenstackExporterValues(aioDuplex());
    expect(at(v, 'pod.replicas.prometheus_openstack_exporter')).toBe(2);
    expect(Object.keys(at(v, 'endpoints.identity.auth') as Values)).toEqual(['admin', 'test', 'stx_admin', 'user']);
    expect(credentialAt(v, 'endpoints.identity.auth.user.password')).toBe('chart-user-password.prometheus-openstack-exporter.user');
    expect(v.manifests).toBeUndefined();
    expect(v.secrets).toBeUndefined();
  });

  test('given https, when computed, then certificates and the keystone TLS secret are set', () => {
    const v = prometheusOpenstackExporterValues(aioSimplex({ https: HTTPS }));
    expect(at(v, 'manifests.certificates')).toBe(true);
    expect(at(v, 'secrets.tls.identity.api.internal')).toBe('keystone-tls-public');
    expect(at(v, 'endpoints.identity.auth.user.cacert')).toBe(CA);
  });
});
