/**
 * Credentials in values. A value function never sees a password: where one goes it puts a
 * {@link CredentialRef}, and the release construct turns it into a `valuesFrom` entry reading a
 * Secret that is created out of band, never a file in the tree. Two ways:
 * - a values document: the Secret holds, per release, a YAML document of that release's
 *   credentials at their paths (key {@link credentialValuesKey}), merged as a map like any values
 *   file. Helm's `--set` parser (strvals) never sees the values, so a password reaches Helm
 *   unchanged whatever it holds, on every helm-controller;
 * - `targetPath`: for Secrets the operator provides in their own shape (TLS, storage arrays). With
 *   `literal: true` where the controller honours it (helm-controller >= 1.6.0); before that the
 *   value is read by strvals (`,` ends it, `true` and numbers change type).
 */
import { escapeSetKey } from './json';

/** A credential leaf in a values tree: the logical id of the credential that goes there. */
export class CredentialRef<Kind extends string = string> {
  constructor(
    /** Logical id, also the default Secret data key: `admin-password`, `db-password.nova`, ... */
    public readonly id: string,
    /** What the credential is (decides how a credentials tool makes one). */
    public readonly kind: Kind,
    /** For derived credentials: what they are built from (the rabbit URL's vhost). */
    public readonly detail?: string,
  ) {
    if (!/^[-._a-zA-Z0-9]+$/.test(id)) throw new Error(`credential id "${id}" is not a valid Secret data key`);
  }
}

/** A credential leaf found in a values tree, with the Helm `--set` path that reaches it. */
export interface CredentialLeaf {
  readonly targetPath: string;
  /** The same path as keys and list indexes. */
  readonly segments: readonly (string | number)[];
  readonly ref: CredentialRef;
}

/** The Secret data key of a release's credentials values document. */
export function credentialValuesKey(release: string): string {
  return `helm-values.${release}.yaml`;
}

/**
 * The values document of the credentials of `values` that `include` selects: each at its path,
 * nothing else but the lists that hold one. A document is merged as a map, and a map merge
 * replaces a list whole, so such a list is written whole: its plain items as they are, its
 * credentials by value (null where `valueOf` knows none yet, or where another source sets it).
 * A credential `valueOf` knows no value for yet is left out.
 */
export function credentialValuesDocument(
  values: unknown,
  include: (ref: CredentialRef) => boolean,
  valueOf: (ref: CredentialRef) => string | undefined,
): Record<string, unknown> {
  const holds = (value: unknown): boolean =>
    value instanceof CredentialRef
      ? include(value)
      : Array.isArray(value)
        ? value.some(holds)
        : typeof value === 'object' && value !== null && Object.values(value).some(holds);
  const whole = (value: unknown): unknown =>
    value instanceof CredentialRef
      ? ((include(value) ? valueOf(value) : undefined) ?? null)
      : Array.isArray(value)
        ? value.map(whole)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, whole(v)]))
          : value;
  const walk = (value: unknown): unknown => {
    if (value instanceof CredentialRef) return include(value) ? valueOf(value) : undefined;
    if (Array.isArray(value)) return holds(value) ? whole(value) : undefined;
    if (typeof value !== 'object' || value === null) return undefined;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = walk(v);
      if (r !== undefined) out[k] = r;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  };
  return (walk(values) as Record<string, unknown> | undefined) ?? {};
}

/**
 * Splits a values tree into the plain values (safe for git) and the credential leaves, each with
 * its `targetPath`. Mappings left empty by the split are dropped, except where they were empty
 * to begin with.
 */
export function splitCredentials(values: unknown): { plain: unknown; leaves: CredentialLeaf[] } {
  const split = typeof values === 'object' && values !== null ? SPLITS.get(values) : undefined;
  if (split) return { plain: split.plain, leaves: [...split.leaves] };
  const result = splitOnce(values);
  if (typeof values === 'object' && values !== null) SPLITS.set(values, result);
  return { plain: result.plain, leaves: [...result.leaves] };
}

/**
 * The split of each values tree (values are not changed once given: a deployment's are split when
 * resolved, and again by its release constructs).
 */
const SPLITS = new WeakMap<object, { readonly plain: unknown; readonly leaves: readonly CredentialLeaf[] }>();

/** What the split's walk gives for a credential leaf, or for a subtree it leaves empty. */
const REMOVED = Symbol('removed');

/**
 * One walk that allocates only where something changes: a subtree without credentials is
 * returned as it is (most values hold none, and each subcloud of a fleet computes its own).
 */
function splitOnce(values: unknown): { plain: unknown; leaves: CredentialLeaf[] } {
  const leaves: CredentialLeaf[] = [];
  // The way down, turned into a path only where a credential is found.
  const at: (string | number)[] = [];
  const found = (ref: CredentialRef) => {
    const segments = [...at];
    const targetPath = segments.reduce<string>(
      (p, k) => (typeof k === 'number' ? `${p}[${k}]` : p ? `${p}.${escapeSetKey(k)}` : escapeSetKey(k)),
      '',
    );
    leaves.push({ targetPath, segments, ref });
  };
  const walk = (value: unknown): unknown => {
    if (value instanceof CredentialRef) {
      found(value);
      return REMOVED;
    }
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) {
      // A list with a credential item is set item by item through targetPath (null in its place).
      let items: unknown[] | undefined;
      let removed = 0;
      for (let i = 0; i < value.length; i++) {
        at.push(i);
        const item: unknown = walk(value[i]);
        at.pop();
        if (item !== value[i]) items ??= value.slice(0, i);
        if (item === REMOVED) removed++;
        items?.push(item);
      }
      if (!items) return value;
      if (removed === 0) return items;
      return removed === items.length ? REMOVED : items.map((item) => (item === REMOVED ? null : item));
    }
    // Only plain data is kept as it is; anything else is copied into a plain mapping, as it always was.
    const proto = Object.getPrototypeOf(value) as unknown;
    const plain = proto === Object.prototype || proto === null;
    const keys = Object.keys(value);
    if (keys.length === 0) return plain ? value : {};
    let out: Record<string, unknown> | undefined = plain ? undefined : {};
    for (let i = 0; i < keys.length; i++) {
      const v = (value as Record<string, unknown>)[keys[i]];
      at.push(keys[i]);
      const r = walk(v);
      at.pop();
      if (r !== v && !out) {
        out = {};
        for (let j = 0; j < i; j++) out[keys[j]] = (value as Record<string, unknown>)[keys[j]];
      }
      if (out && r !== REMOVED) out[keys[i]] = r;
    }
    if (!out) return value;
    return Object.keys(out).length === 0 ? REMOVED : out;
  };
  const result = walk(values);
  return { plain: result === REMOVED ? {} : result, leaves };
}
