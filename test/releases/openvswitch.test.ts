/**
 * openvswitch (docs/system-values.md §3.13): the assertions about this release's values and objects.
 */
import { openvswitch } from '../../releases/openvswitch';
import { aioSimplex, enablementOf, releaseValues, standard, systemController } from '../support/fixtures';
import { expectReferenceFacts } from '../support/helmrelease-facts';

const openvswitchValues = releaseValues(openvswitch);

expectReferenceFacts(openvswitch, {
  releaseName: 'osh-openstack-openvswitch',
  chartGroup: 'openstack-openvswitch',
  chart: 'openvswitch',
  dependsOn: ['placement'],
  install: true,
  disableWait: true,
  enabledByDefault: true,
});

describe('garbd, memcached, nginx-ports-control, openvswitch', () => {
  it('given vswitch ovs or ovs-dpdk, when computing openvswitch, then conf.ovs_dpdk.enabled says whether it is DPDK', () => {
    expect(openvswitchValues(aioSimplex())).toEqual({ conf: { ovs_dpdk: { enabled: false } } });
    expect(openvswitchValues(aioSimplex({ vswitch: 'ovs-dpdk' }))).toEqual({ conf: { ovs_dpdk: { enabled: true } } });
  });
});

describe('openvswitch enablement (spec §4.1)', () => {
  test('given the ovs vswitch, then openvswitch runs; given ovs-dpdk or none, it is off, naming the vswitch', () => {
    expect(enablementOf(openvswitch, standard())).toEqual({ on: true });
    expect(enablementOf(openvswitch, standard(2, { vswitch: 'ovs-dpdk' }))).toEqual({
      on: false,
      reason: expect.stringContaining('ovs-dpdk'),
    });
    expect(enablementOf(openvswitch, standard(2, { vswitch: 'none' }))).toEqual({ on: false, reason: expect.stringContaining('none') });
  });

  test('given a system controller, then openvswitch runs whatever the vswitch', () => {
    expect(enablementOf(openvswitch, systemController({ vswitch: 'none' }), false)).toEqual({ on: true });
  });
});
