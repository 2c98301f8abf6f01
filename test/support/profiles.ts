/**
 * The profile fixtures (test/support/fixtures.ts) with what needs the whole release registry or the
 * deployment model: a release's values by name, and the problems validation finds.
 */
import { validateProfile } from '../../lib/deployment/app';
import { ProfileError } from '../../lib/profile/loader';
import { DeploymentProfileInput } from '../../lib/profile/profile';
import { Values } from '../../lib/engine/values';
import { RELEASES } from '../../releases';
import { ReleaseName } from '../../releases/names';
import { valuesOf } from './fixtures';

export { aioDuplex, aioSimplex, contextOf, controller, dataInterface, parseProfile, standard, worker } from './fixtures';

/** Given a profile, the system values of one release (credential leaves still as CredentialRef). */
export function systemValuesOf(release: ReleaseName, input: DeploymentProfileInput, enabled?: readonly ReleaseName[]): Values {
  return valuesOf(RELEASES[release], input, enabled);
}

/** The problems validation finds in profile input (file `file`), or [] when it is valid. */
export function problemsOf(input: unknown, file = 'deployments/test.yaml'): string[] {
  try {
    validateProfile(input, file);
    return [];
  } catch (error) {
    if (error instanceof ProfileError) return [...error.problems];
    throw error;
  }
}
