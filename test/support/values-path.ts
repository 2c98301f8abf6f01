import { Value, Values } from '../../lib/engine/values';
import { CredentialRef } from '../../lib/engine/credentials';

/**
 * The value at a path: dot-separated segments (`a.b.0.c`), each argument split on dots unless it
 * is bracketed (`'[paste.app_factory]'` is one key). Undefined when the path leaves the tree.
 */
export function at(values: Value | undefined, ...path: string[]): Value | undefined {
  let current: Value | undefined = values;
  for (const segment of path.flatMap((p) => (p.startsWith('[') ? [p.slice(1, -1)] : p.split('.')))) {
    if (current === null || current === undefined || typeof current !== 'object' || current instanceof CredentialRef) return undefined;
    current = (current as Values)[segment];
  }
  return current;
}

/** The credential id at a dot path (fails the test when the leaf is not a CredentialRef). */
export function credentialAt(values: Values, path: string): string {
  const leaf = at(values, path);
  expect(leaf).toBeInstanceOf(CredentialRef);
  return (leaf as CredentialRef).id;
}
