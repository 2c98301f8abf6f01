import { imageRefs } from '../overrides/images';
import type { ReleaseName } from '../releases/names';
import { derive } from './derived';
import { DeploymentProfile } from './profile';
import { DeploymentContext } from './system';

/** The context of a validated profile, for the given set of emitted releases. */
export function buildContext(profile: DeploymentProfile, enabled: ReadonlySet<ReleaseName>): DeploymentContext {
  return { profile, derived: derive(profile), enabled, images: imageRefs(profile.images) };
}
