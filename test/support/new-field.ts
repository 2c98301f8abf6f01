/** A top-level profile field name the profile schema does not have yet, for tests that add one. */
import { deploymentProfileSchema } from '../../lib/profile/profile';

/**
 * `logging` (the field of issue 22), or `logging2`, `logging3`... once the project has a real
 * `logging`, so the tests that add a field never need an edit when the profile grows.
 */
export function newFieldName(base = 'logging'): string {
  const taken = (name: string) => name in deploymentProfileSchema.shape;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}${n}`)) return `${base}${n}`;
}
