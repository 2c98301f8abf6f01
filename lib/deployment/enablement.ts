/**
 * Which releases a deployment emits (spec §4.1): the app's defaults, the profile's own
 * enable/disable, then the platform's rules. A disabled release disappears from the stack.
 */
import { RELEASES } from '../../releases';
import { RELEASE_NAMES, ReleaseName } from '../../releases/names';
import { Derived } from '../profile/derived';
import { DeploymentProfile } from '../profile/profile';

export interface Enablement {
  readonly enabled: ReadonlySet<ReleaseName>;
  /** Why a release asked for by the profile is not emitted, for the synth summary. */
  readonly notes: readonly string[];
}

export function enablement(profile: DeploymentProfile, derived: Derived): Enablement {
  const enabled = new Set<ReleaseName>();
  const notes: string[] = [];
  const systemController = profile.system.distributedCloudRole === 'systemcontroller';
  for (const name of RELEASE_NAMES) {
    const asked = profile.charts.enabled[name];
    const flag = asked ?? RELEASES[name].enabledByDefault ?? true;
    let on = flag;
    let why: string | undefined;
    switch (name) {
      case 'ironic':
        if (flag && derived.controlPlaneHosts < 2) [on, why] = [false, 'needs at least 2 hosts labelled openstack-control-plane'];
        break;
      case 'dcdbsync':
      case 'keystone-api-proxy':
        if (flag && !systemController) [on, why] = [false, 'runs only on a distributed-cloud system controller'];
        break;
      case 'garbd':
        if (systemController) on = true;
        else if (flag && derived.controlPlaneHosts < 2) [on, why] = [false, 'needs at least 2 hosts labelled openstack-control-plane'];
        else if (flag && derived.aio && profile.system.mode !== 'simplex') [on, why] = [false, 'is not used on AIO duplex (spec §6-8)'];
        else if (flag && derived.aio) [on, why] = [false, 'needs at least 2 control-plane hosts'];
        break;
      case 'openvswitch':
        if (systemController) on = true;
        else if (flag && derived.vswitch !== 'ovs') [on, why] = [false, `runs only with the ovs vswitch (this deployment: ${derived.vswitch})`];
        break;
    }
    if (on) enabled.add(name);
    else if (asked === true && why) notes.push(`${name}: enabled in the profile but not deployed: it ${why}`);
  }
  return { enabled, notes };
}
