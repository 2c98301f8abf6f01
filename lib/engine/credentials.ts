/**
 * Credentials in values. A value function never sees a password: where one goes it puts a
 * {@link CredentialRef}, and the release construct turns each into a `valuesFrom` entry with
 * `targetPath` and `literal: true`, reading a Secret that is created out of band, never a file in
 * the tree.
 */

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
  readonly ref: CredentialRef;
}

/** Escapes a key for a Helm `--set` path (`.`, `,`, `=`, `[` and `\` are special). */
function setPathKey(key: string): string {
  return key.replace(/[\\.,=[\]]/g, (c) => `\\${c}`);
}

/**
 * Splits a values tree into the plain values (safe for git) and the credential leaves, each with
 * its `targetPath`. Mappings left empty by the split are dropped, except where they were empty
 * to begin with.
 */
export function splitCredentials(values: unknown): { plain: unknown; leaves: CredentialLeaf[] } {
  const leaves: CredentialLeaf[] = [];
  const walk = (value: unknown, path: string): { keep: boolean; value: unknown } => {
    if (value instanceof CredentialRef) {
      leaves.push({ targetPath: path, ref: value });
      return { keep: false, value: undefined };
    }
    if (Array.isArray(value)) {
      const items = value.map((item, i) => walk(item, `${path}[${i}]`));
      if (items.some((i) => !i.keep)) {
        // A list with a credential item is set item by item through targetPath.
        const plainItems = items.filter((i) => i.keep);
        return plainItems.length === 0 ? { keep: false, value: undefined } : { keep: true, value: items.map((i) => (i.keep ? i.value : null)) };
      }
      return { keep: true, value: items.map((i) => i.value) };
    }
    if (typeof value === 'object' && value !== null) {
      const entries = Object.entries(value);
      if (entries.length === 0) return { keep: true, value: {} };
      const out: Record<string, unknown> = {};
      for (const [k, v] of entries) {
        const r = walk(v, path ? `${path}.${setPathKey(k)}` : setPathKey(k));
        if (r.keep) out[k] = r.value;
      }
      return Object.keys(out).length === 0 ? { keep: false, value: undefined } : { keep: true, value: out };
    }
    return { keep: true, value };
  };
  const result = walk(values, '');
  return { plain: result.keep ? result.value : {}, leaves };
}
