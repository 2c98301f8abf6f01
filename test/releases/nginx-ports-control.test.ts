/**
 * nginx-ports-control (docs/system-values.md §3.6): the assertions about this release's values and objects.
 */
import { nginxPortsControl } from '../../releases/nginx-ports-control';
import { aioSimplex, releaseValues } from '../support/fixtures';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const nginxPortsControlValues = releaseValues(nginxPortsControl);

expectReferenceFacts(nginxPortsControl, {
  releaseName: 'osh-openstack-nginx-ports-control',
  chartGroup: 'openstack-nginx-ports-control',
  chart: 'nginx-ports-control',
  dependsOn: [],
  install: false,
  disableWait: false,
  enabledByDefault: true,
});

describe('garbd, memcached, nginx-ports-control, openvswitch', () => {
  it('given any profile, when computing nginx-ports-control, then the global network policy is on', () => {
    expect(nginxPortsControlValues(aioSimplex())).toEqual({ manifests: { global_network_policy: true } });
  });
});
