import { CredentialRef } from './credentials';

/**
 * A Helm values tree, as plain data. A {@link CredentialRef} leaf marks where a credential goes;
 * the stack moves it to a `valuesFrom` entry before anything is written.
 */
export type Value = string | number | boolean | null | Value[] | Values | CredentialRef;
export interface Values {
  [key: string]: Value;
}

/** True for a plain mapping (not an array, not null). */
export function isValues(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof CredentialRef);
}

/**
 * Deep-merges `overlay` onto `base` the way Helm merges values files: mappings merge key by key,
 * anything else (lists included) is replaced; a `null` in the overlay removes the key.
 */
export function mergeValues(base: Values, overlay: Values): Values {
  // Values are not changed once given: nothing to merge gives the base itself (its split and text are known).
  if (Object.keys(overlay).length === 0) return base;
  const out: Values = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const current = out[key];
    if (value === null) {
      delete out[key];
    } else if (isValues(current) && isValues(value)) {
      out[key] = mergeValues(current, value);
    } else {
      out[key] = value;
    }
  }
  return out;
}
