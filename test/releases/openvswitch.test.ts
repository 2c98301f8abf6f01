/**
 * openvswitch (docs/system-values.md §3.13): the assertions about this release's values and objects.
 */
import { openvswitch } from '../../releases/openvswitch';
import { aioSimplex, releaseValues } from '../support/fixtures';

const openvswitchValues = releaseValues(openvswitch);

describe('garbd, memcached, nginx-ports-control, openvswitch', () => {
  it('given vswitch ovs or ovs-dpdk, when computing openvswitch, then conf.ovs_dpdk.enabled says whether it is DPDK', () => {
    expect(openvswitchValues(aioSimplex())).toEqual({ conf: { ovs_dpdk: { enabled: false } } });
    expect(openvswitchValues(aioSimplex({ vswitch: 'ovs-dpdk' }))).toEqual({ conf: { ovs_dpdk: { enabled: true } } });
  });
});
