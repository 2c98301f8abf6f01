import { defineRelease, isSystemController, TWO_CONTROL_PLANE_HOSTS } from '../define';
import { garbdStaticValues } from '../../overrides/garbd';

export const garbd = defineRelease({
  name: 'garbd',
  dependsOn: ['mariadb'],
  // A system controller always runs it; elsewhere only a standard system with two control-plane hosts.
  enabled: (facts, requested) => {
    if (isSystemController(facts)) return { on: true };
    if (!requested) return { on: false };
    if (facts.derived.controlPlaneHosts < 2) return { on: false, reason: TWO_CONTROL_PLANE_HOSTS };
    if (facts.derived.aio && facts.profile.system.mode !== 'simplex') return { on: false, reason: 'is not used on AIO duplex (spec §6-8)' };
    if (facts.derived.aio) return { on: false, reason: 'needs at least 2 control-plane hosts' };
    return { on: true };
  },
  staticValues: garbdStaticValues,
  // Enablement only (spec §3.2, §4.1): the platform computes no values for garbd.
  systemValues: () => ({}),
});
