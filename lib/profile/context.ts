/**
 * What a release's values are computed from: the validated profile, the facts derived from it, the
 * releases this deployment emits and the image references of its build.
 */
import type { ImageRefs } from '../../overrides/images';
import type { ReleaseName } from '../../releases/names';
import { Derived } from './derived';
import { DeploymentProfile } from './profile';

/** What the enablement rules read: the profile and its derived facts. */
export interface ProfileFacts {
  readonly profile: DeploymentProfile;
  readonly derived: Derived;
}

/** Everything a release's system values may depend on. */
export interface DeploymentContext extends ProfileFacts {
  /** Releases emitted in this stack (after the enablement rules). */
  readonly enabled: ReadonlySet<ReleaseName>;
  readonly images: ImageRefs;
}

/** `controller.internal` when the platform resolves it, else the management floating address. */
export function controllerAddress(ctx: DeploymentContext): string {
  if (ctx.profile.system.fqdnReady) return 'controller.internal';
  const mgmt = ctx.profile.network.mgmt?.floatingAddress;
  if (!mgmt) throw new Error('network.mgmt.floatingAddress is required when system.fqdnReady is false');
  return mgmt;
}
