/**
 * memcached (docs/system-values.md §3.3): the assertions about this release's values and objects.
 */
import { memcached } from '../../releases/memcached';
import { aioSimplex, releaseValues, standard } from '../support/fixtures';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const memcachedValues = releaseValues(memcached);

expectReferenceFacts(memcached, {
  releaseName: 'osh-openstack-memcached',
  chartGroup: 'openstack-memcached',
  chart: 'memcached',
  dependsOn: ['mariadb'],
  install: true,
  disableWait: false,
  enabledByDefault: true,
});

describe('garbd, memcached, nginx-ports-control, openvswitch', () => {
  it('given Standard and AIO-SX, when computing memcached, then pod.replicas.server is C', () => {
    expect(memcachedValues(standard())).toEqual({ pod: { replicas: { server: 2 } } });
    expect(memcachedValues(aioSimplex())).toEqual({ pod: { replicas: { server: 1 } } });
  });
});
