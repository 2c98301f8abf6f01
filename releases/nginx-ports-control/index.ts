import { ReleaseDefinition } from '../../lib/engine/release';
import { nginxPortsControlStaticValues } from '../../overrides/nginx-ports-control';

export const nginxPortsControl: ReleaseDefinition = {
  name: 'nginx-ports-control',
  chart: 'nginx-ports-control',
  releaseName: 'osh-openstack-nginx-ports-control',
  chartGroup: 'openstack-nginx-ports-control',
  dependsOn: [],
  upgrade: {},
  staticValues: nginxPortsControlStaticValues,
  systemValues: () => ({ manifests: { global_network_policy: true } }),
};
