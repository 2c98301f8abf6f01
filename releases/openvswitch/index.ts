import { defineRelease, isSystemController, NO_WAIT } from '../define';
import { openvswitchStaticValues } from '../../overrides/openvswitch';
import { DeploymentContext } from '../../lib/profile/context';

export const openvswitch = defineRelease({
  name: 'openvswitch',
  dependsOn: ['placement'],
  ...NO_WAIT,
  enabled: (facts, requested) => {
    if (isSystemController(facts)) return { on: true };
    if (requested && facts.derived.vswitch !== 'ovs')
      return { on: false, reason: `runs only with the ovs vswitch (this deployment: ${facts.derived.vswitch})` };
    return { on: requested };
  },
  staticValues: openvswitchStaticValues,
  // Always false in practice: the release is only enabled for plain OVS (spec §3.13, §4.1).
  systemValues: (ctx: DeploymentContext) => ({ conf: { ovs_dpdk: { enabled: ctx.derived.vswitch === 'ovs-dpdk' } } }),
});
