import { ReleaseDefinition } from '../../lib/engine/release';
import { openvswitchStaticValues } from '../../overrides/openvswitch';
import { DeploymentContext } from '../../lib/profile/context';

export const openvswitch: ReleaseDefinition = {
  name: 'openvswitch',
  chart: 'openvswitch',
  releaseName: 'osh-openstack-openvswitch',
  chartGroup: 'openstack-openvswitch',
  dependsOn: ['placement'],
  install: { disableWait: true },
  upgrade: { disableWait: true },
  staticValues: openvswitchStaticValues,
  // Always false in practice: the release is only enabled for plain OVS (spec §3.13, §4.1).
  systemValues: (ctx: DeploymentContext) => ({ conf: { ovs_dpdk: { enabled: ctx.derived.vswitch === 'ovs-dpdk' } } }),
};
