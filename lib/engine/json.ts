/**
 * The one helpers module for reading YAML trees as data: the JSON types, the mapping test, own
 * property writes, Helm's `--set` paths (a paired format/parse), and which keys name a credential.
 * In the engine layer so that every layer above (validate, deployment, commands) shares it.
 */

/** Plain JSON-like data, as values files and manifests hold it. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonMap = { [key: string]: Json };

/** A mapping read from YAML, its values not yet checked. */
export type Mapping = Record<string, unknown>;

/** True for a mapping (an object that is not a list), as YAML and JSON read it. */
export function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** {@link isMapping}, typed for JSON data read from a tree. */
export const isMap: (value: unknown) => value is JsonMap = isMapping as (value: unknown) => value is JsonMap;

/**
 * Sets an own property, whatever the key: `map[key] = v` with the key `__proto__` would replace
 * the prototype instead, and the key would vanish from every later walk (a values file may hold it).
 */
export function setOwn(map: JsonMap, key: string, value: Json): void {
  Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
}

// ---------------------------------------------------------------------------------------------
// Helm --set paths

/** One step of a `--set` path: a mapping key or a list index. */
export type PathSegment = { readonly key: string } | { readonly index: number };

/** Helm refuses list indexes above this (strvals MaxIndex). */
const MAX_INDEX = 65536;

/**
 * Parses a Helm `--set` path: `.` separates keys, `[n]` indexes a list, a backslash makes the
 * next character part of the key (`a\.b` is the one key `a.b`; also `\,` `\=` `\[` `\\`).
 */
export function parseSetPath(setPath: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let key = '';
  let hasKey = false;
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`targetPath "${setPath}": ${why}`);
  };
  while (i < setPath.length) {
    const c = setPath[i];
    if (c === '\\') {
      if (i + 1 >= setPath.length) fail('ends with a backslash');
      key += setPath[i + 1];
      hasKey = true;
      i += 2;
    } else if (c === '.') {
      if (!hasKey) fail(`empty key at character ${i + 1}`);
      segments.push({ key });
      key = '';
      hasKey = false;
      i++;
    } else if (c === '[') {
      if (hasKey) segments.push({ key });
      else if (segments.length === 0 || !('index' in segments[segments.length - 1])) fail(`index without a key at character ${i + 1}`);
      key = '';
      hasKey = false;
      const close = setPath.indexOf(']', i);
      if (close < 0) fail('unclosed [');
      const digits = setPath.slice(i + 1, close);
      if (!/^[0-9]+$/.test(digits)) fail(`list index "${digits}" is not a non-negative integer`);
      const index = Number(digits);
      if (index > MAX_INDEX) fail(`list index ${index} is above Helm's limit ${MAX_INDEX}`);
      segments.push({ index });
      i = close + 1;
      if (i < setPath.length && setPath[i] === '.') {
        i++;
        if (i >= setPath.length) fail('ends with a dot');
      } else if (i < setPath.length && setPath[i] !== '[') fail(`expected . or [ after ] at character ${i + 1}`);
    } else {
      key += c;
      hasKey = true;
      i++;
    }
  }
  if (hasKey) segments.push({ key });
  else if (segments.length === 0 || !('index' in segments[segments.length - 1])) fail('empty key at the end');
  return segments;
}

/** Escapes a key for a `--set` path (`.`, `,`, `=`, `[`, `]` and `\` are special). */
export function escapeSetKey(key: string): string {
  // Most keys have nothing to escape: test before replacing.
  return SET_KEY_SPECIAL.test(key) ? key.replace(SET_KEY_SPECIALS, (c) => `\\${c}`) : key;
}
const SET_KEY_SPECIAL = /[\\.,=[\]]/;
const SET_KEY_SPECIALS = new RegExp(SET_KEY_SPECIAL.source, 'g');

/** The `--set` path of a list of segments (the inverse of parseSetPath). */
export function formatSetPath(segments: readonly PathSegment[]): string {
  return segments.map((s, i) => ('index' in s ? `[${s.index}]` : i === 0 ? escapeSetKey(s.key) : `.${escapeSetKey(s.key)}`)).join('');
}

// ---------------------------------------------------------------------------------------------
// Credential keys

/**
 * The last word of a key that names a credential (`db_password`, `secret_key`, `fernet_keys`,
 * `apiKey` once snake-cased). The credential scan, the values diff's masking and the render's
 * masking agree on it.
 */
const CREDENTIAL_KEY =
  /(^|[_.-])(password|passwd|pass|passphrase|secret_key|secret|secret_access_key|access_secret|token|keyring|private_key|privatekey|api_key|apikey|encryption_key|signing_key|hmac_keys?|fernet_keys?|auth_key|credential|credentials|cookie)$/i;

/** The key in snake case: `dbPassword` -> `db_Password`, `APIToken` -> `API_Token`. */
const snake = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2');

/** True when the key names a credential (see CREDENTIAL_KEY). */
export function isCredentialKey(key: string): boolean {
  let verdict = CREDENTIAL_KEYS.get(key);
  if (verdict === undefined) {
    // A scan asks about the same few thousand keys again and again; the memory is bounded.
    if (CREDENTIAL_KEYS.size >= 100_000) CREDENTIAL_KEYS.clear();
    CREDENTIAL_KEYS.set(key, (verdict = CREDENTIAL_KEY.test(snake(key))));
  }
  return verdict;
}
const CREDENTIAL_KEYS = new Map<string, boolean>();
