import { Value, Values } from '../../lib/engine/values';
import { CredentialRef, splitCredentials } from '../../lib/engine/credentials';
import { leaves } from './leaves';

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

/** True when the dot path exists (even with a null value). */
export function has(values: Values, path: string): boolean {
  const keys = path.split('.');
  const parent = keys.length === 1 ? values : at(values, keys.slice(0, -1).join('.'));
  return (
    typeof parent === 'object' &&
    parent !== null &&
    !Array.isArray(parent) &&
    !(parent instanceof CredentialRef) &&
    keys[keys.length - 1] in parent
  );
}

/** The `--set` paths of every credential leaf, sorted. */
export function credentialPaths(values: Values): string[] {
  return splitCredentials(values)
    .leaves.map((l) => l.targetPath)
    .sort();
}

/** Paths of the credential leaves, with their credential ids. */
export function credentialLeaves(values: Values): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, value] of leaves(values)) if (value instanceof CredentialRef) out[path] = value.id;
  return out;
}

/** Paths of string leaves under a key that names a credential (must be none). */
export function plainSecretLeaves(values: Values): string[] {
  return [...leaves(values)]
    .filter(([path, value]) => typeof value === 'string' && /(^|\.)(password|transport_url|memcache_secret_key|crt|key)$/.test(path))
    .map(([path]) => path);
}

/** The `--set` paths of a release's credential leaves, by the block they sit in. */
export const IDENTITY_BASE = ['admin', 'test', 'stx_admin'];
export const TLS_LEAVES = (endpoint: string) => ['crt', 'key', 'ca'].map((k) => `endpoints.${endpoint}.host_fqdn_override.public.tls.${k}`);
export const AUTH_LEAVES = (users: string[]) => users.map((u) => `endpoints.identity.auth.${u}.password`);
export const DB_LEAVES = (block: string, user: string) => [
  `endpoints.${block}.auth.admin.password`,
  `endpoints.${block}.auth.${user}.password`,
];
export const RABBIT_LEAVES = (user: string) => [
  `endpoints.oslo_messaging.auth.admin.password`,
  `endpoints.oslo_messaging.auth.${user}.password`,
];
