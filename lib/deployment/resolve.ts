import { imageRefs } from '../../overrides/images';
import { RELEASES } from '../../releases';
import { RELEASE_NAMES, ReleaseName } from '../../releases/names';
import { CredentialRef, splitCredentials } from '../engine/credentials';
import { derive } from '../profile/derived';
import { DeploymentProfile } from '../profile/profile';
import { DeploymentContext } from '../profile/context';

/** The context of a validated profile, for the given set of emitted releases. */
export function buildContext(profile: DeploymentProfile, enabled: ReadonlySet<ReleaseName>): DeploymentContext {
  return { profile, derived: derive(profile), enabled, images: imageRefs(profile.images) };
}

/** Every credential the emitted releases' system values read, in release order (with repeats). */
export function credentialRefsOf(ctx: DeploymentContext): CredentialRef[] {
  return RELEASE_NAMES.filter((name) => ctx.enabled.has(name)).flatMap((name) => {
    const compute = RELEASES[name].systemValues;
    return compute ? splitCredentials(compute(ctx)).leaves.map((leaf) => leaf.ref) : [];
  });
}
