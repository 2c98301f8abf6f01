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
export function credentialValuesDocument(values: unknown, include: (ref: CredentialRef) => boolean, valueOf: (ref: CredentialRef) => string | undefined): Record<string, unknown> {
  const holds = (value: unknown): boolean =>
    value instanceof CredentialRef ? include(value) : Array.isArray(value) ? value.some(holds) : typeof value === 'object' && value !== null && Object.values(value).some(holds);
  const whole = (value: unknown): unknown =>
    value instanceof CredentialRef
      ? (include(value) ? valueOf(value) : undefined) ?? null
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
 * Subtrees found to hold no credential and to be plain data: a later split returns them as they
 * are without walking them again (values are not changed once given; a fleet splits the values of
 * each release twice per subcloud, and merged values share their unchanged subtrees).
 */
const CREDENTIAL_FREE = new WeakSet<object>();

/**
 * True when `value` is plain data (plain objects, lists, primitives) without a credential; such an
 * object is remembered in {@link CREDENTIAL_FREE}. One pass that allocates nothing: most of a
 * values tree holds no credential, and each subcloud of a fleet computes its trees afresh.
 */
function credentialFree(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || CREDENTIAL_FREE.has(value)) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!credentialFree(item)) return false;
  } else {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    for (const key of Object.keys(value)) if (!credentialFree((value as Record<string, unknown>)[key])) return false;
  }
  CREDENTIAL_FREE.add(value);
  return true;
}

/**
 * Splits a values tree into the plain values (safe for git) and the credential leaves, each with
 * its `targetPath`. Mappings left empty by the split are dropped, except where they were empty
 * to begin with.
 */
export function splitCredentials(values: unknown): { plain: unknown; leaves: CredentialLeaf[] } {
  const leaves: CredentialLeaf[] = [];
  // The way down as a chain, turned into a path only where a credential is found (most values hold none).
  interface Step {
    readonly key: string | number;
    readonly up?: Step;
  }
  const found = (ref: CredentialRef, at: Step | undefined) => {
    const segments: (string | number)[] = [];
    for (let s = at; s; s = s.up) segments.unshift(s.key);
    const targetPath = segments.reduce<string>((p, k) => (typeof k === 'number' ? `${p}[${k}]` : p ? `${p}.${escapeSetKey(k)}` : escapeSetKey(k)), '');
    leaves.push({ targetPath, segments, ref });
  };
  const walk = (value: unknown, at?: Step): { keep: boolean; value: unknown } => {
    if (value instanceof CredentialRef) {
      found(value, at);
      return { keep: false, value: undefined };
    }
    if (credentialFree(value)) return { keep: true, value };
    // A subtree without credentials is kept as it is (values are not changed once given).
    if (Array.isArray(value)) {
      const items = value.map((item, i) => walk(item, { key: i, up: at }));
      if (items.some((i) => !i.keep)) {
        // A list with a credential item is set item by item through targetPath.
        const plainItems = items.filter((i) => i.keep);
        return plainItems.length === 0 ? { keep: false, value: undefined } : { keep: true, value: items.map((i) => (i.keep ? i.value : null)) };
      }
      if (items.every((i, n) => i.value === value[n])) {
        CREDENTIAL_FREE.add(value);
        return { keep: true, value };
      }
      return { keep: true, value: items.map((i) => i.value) };
    }
    if (typeof value === 'object' && value !== null) {
      // Only plain data is kept as it is; anything else is copied into a plain mapping, as it always was.
      const proto = Object.getPrototypeOf(value) as unknown;
      const plain = proto === Object.prototype || proto === null;
      const entries = Object.entries(value);
      if (entries.length === 0) return { keep: true, value: plain ? value : {} };
      const out: Record<string, unknown> = {};
      let changed = false;
      for (const [k, v] of entries) {
        const r = walk(v, { key: k, up: at });
        if (r.keep) out[k] = r.value;
        if (!r.keep || r.value !== v) changed = true;
      }
      if (!changed && plain) {
        CREDENTIAL_FREE.add(value);
        return { keep: true, value };
      }
      return Object.keys(out).length === 0 ? { keep: false, value: undefined } : { keep: true, value: out };
    }
    return { keep: true, value };
  };
  const result = walk(values);
  return { plain: result.keep ? result.value : {}, leaves };
}
