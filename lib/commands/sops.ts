/**
 * SOPS files encrypted for age recipients, written and read without the `sops` binary, in the
 * format Flux's kustomize-controller decrypts (sops 3.x, YAML store):
 *
 * - every leaf value whose path has a key matching `encrypted_regex` becomes
 *   `ENC[AES256_GCM,data:<b64>,iv:<b64>,tag:<b64>,type:str]`: AES-256-GCM under one random 32-byte
 *   data key, a 32-byte random IV, the additional data being the path's keys joined by `:` plus a
 *   trailing `:` (list indices are not part of the path);
 * - the MAC is SHA-512 over every leaf value in document order (encrypted or not; comments and
 *   nulls excluded), upper-case hex, itself encrypted the same way with the additional data
 *   `lastmodified` (RFC 3339, UTC, seconds);
 * - the data key is age-encrypted (ASCII armor) once per recipient, in `sops.age[].enc`.
 *
 * The ciphers are Node's AES-GCM and the age reference implementation (age-encryption); this file
 * only arranges their inputs and outputs as SOPS does.
 */
import * as ageLib from 'age-encryption';
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'crypto';

/** The sops version written in the metadata: the format, unchanged since 3.7 for age files. */
const SOPS_FORMAT_VERSION = '3.9.0';
const ENC = /^ENC\[AES256_GCM,data:([A-Za-z0-9+/=]*),iv:([A-Za-z0-9+/=]+),tag:([A-Za-z0-9+/=]+),type:(str|int|float|bool)\]$/;

export class SopsError extends Error {}

/** age-encryption ships ES modules only: Node 20.19+ and tsx load them through require, Jest through test/support/esbuild-transform.js. */
const age = () => ageLib;

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
function bech32Polymod(values: number[]): number {
  const generators = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= generators[i];
  }
  return chk >>> 0;
}

/**
 * Checks an age X25519 recipient (`age1` + 52 data characters + 6 checksum characters, Bech32):
 * the checksum catches a typo or a made-up key before anything is encrypted for it.
 */
export function checkAgeRecipient(recipient: string): string | undefined {
  if (recipient !== recipient.toLowerCase()) return 'an age recipient is lower case';
  const m = /^age1([a-z0-9]+)$/.exec(recipient);
  if (!m) return 'expected an age public key (age1...)';
  const data = [...m[1]].map((c) => BECH32.indexOf(c));
  if (data.includes(-1)) return 'it holds characters that Bech32 does not use (b, i, o or 1)';
  // 32 bytes of key are 52 five-bit groups, plus 6 of checksum.
  if (data.length !== 58) return `it has ${data.length + 4} characters, an age X25519 recipient has 62`;
  const hrp = [...'age'].map((c) => c.charCodeAt(0));
  const expanded = [...hrp.map((c) => c >> 5), 0, ...hrp.map((c) => c & 31)];
  if (bech32Polymod([...expanded, ...data]) !== 1) return 'its Bech32 checksum is wrong (a typo, or not a real key)';
  return undefined;
}

/** The identities (AGE-SECRET-KEY-1...) of an age key file: one a line, `#` comments. */
export function parseAgeIdentities(text: string, file: string): string[] {
  const keys = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const bad = keys.find((k) => !/^AGE-SECRET-KEY-1[0-9A-Z]+$/.test(k));
  if (bad !== undefined || keys.length === 0)
    throw new SopsError(`${file}: expected age identities (lines AGE-SECRET-KEY-1...), as age-keygen writes them`);
  return keys;
}

/** A new age X25519 key pair (the kind every age and sops version reads). */
export async function newAgeKey(): Promise<{ identity: string; recipient: string }> {
  const identity = await age().generateX25519Identity();
  return { identity, recipient: await age().identityToRecipient(identity) };
}

type Leaf = string | number | boolean;
/** The bytes SOPS hashes for a leaf (Go's strconv forms; bools as True/False). */
function leafBytes(value: Leaf): Buffer {
  if (typeof value === 'boolean') return Buffer.from(value ? 'True' : 'False');
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SopsError(`a number SOPS cannot hold: ${value}`);
    return Buffer.from(String(value));
  }
  return Buffer.from(value, 'utf8');
}

/**
 * Walks a document as SOPS does (mapping keys in order, list items under their list's path),
 * calling `leaf` for every scalar and putting back what it returns.
 */
function walk(node: unknown, path: string[], leaf: (value: Leaf, path: string[]) => Leaf): unknown {
  if (node === null || node === undefined) return node;
  if (Array.isArray(node)) return node.map((item) => walk(item, path, leaf));
  if (typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) out[k] = walk(v, [...path, k], leaf);
    return out;
  }
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return leaf(node, path);
  throw new SopsError(`${path.join('.')}: a value SOPS cannot hold (${typeof node})`);
}

const additionalData = (path: readonly string[]) => path.join(':') + ':';

function encryptValue(plain: Buffer, type: 'str' | 'int' | 'float' | 'bool', key: Buffer, aad: string): string {
  const iv = randomBytes(32);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return `ENC[AES256_GCM,data:${data.toString('base64')},iv:${iv.toString('base64')},tag:${cipher.getAuthTag().toString('base64')},type:${type}]`;
}

function decryptValue(value: string, key: Buffer, aad: string, where: string): Leaf {
  const m = ENC.exec(value);
  if (!m) throw new SopsError(`${where}: not a SOPS AES256_GCM value`);
  const [, data, iv, tag, type] = m;
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  let plain: string;
  try {
    plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new SopsError(`${where}: does not decrypt with the file's data key (changed, or moved to another key)`);
  }
  if (type === 'str') return plain;
  if (type === 'bool') return plain === 'True' || plain === 'true';
  return Number(plain);
}

const shouldEncrypt = (path: readonly string[], regex: RegExp) => path.some((k) => regex.test(k));

/** What SOPS keeps beside the values: which recipients, when, the MAC. */
export interface SopsMetadata {
  age: Array<{ recipient: string; enc: string }>;
  lastmodified: string;
  mac: string;
  encrypted_regex: string;
  version: string;
}

/**
 * Encrypts one document (a mapping without `sops:`) for `recipients`, as `sops --encrypt` with
 * `encrypted_regex` does. Returns the document with the `sops:` metadata appended.
 */
export async function sopsEncrypt(
  doc: Record<string, unknown>,
  recipients: readonly string[],
  encryptedRegex: string,
  now = new Date(),
): Promise<Record<string, unknown>> {
  if ('sops' in doc) throw new SopsError('the document already has a sops: block');
  if (recipients.length === 0) throw new SopsError('no age recipient to encrypt for');
  for (const r of recipients) {
    const problem = checkAgeRecipient(r);
    if (problem) throw new SopsError(`age recipient "${r}": ${problem}`);
  }
  const regex = new RegExp(encryptedRegex);
  const key = randomBytes(32);
  const hash = createHash('sha512');
  const encrypted = walk(doc, [], (value, path) => {
    const bytes = leafBytes(value);
    hash.update(bytes);
    if (!shouldEncrypt(path, regex)) return value;
    // sops leaves an empty string as it is; credentials never hold one (they are refused on reading).
    if (value === '') return value;
    const type = typeof value === 'string' ? 'str' : typeof value === 'boolean' ? 'bool' : Number.isInteger(value) ? 'int' : 'float';
    return encryptValue(bytes, type, key, additionalData(path));
  }) as Record<string, unknown>;
  const lastmodified = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const mac = encryptValue(Buffer.from(hash.digest('hex').toUpperCase()), 'str', key, lastmodified);
  const a = age();
  const stanzas = [];
  for (const recipient of recipients) {
    const encrypter = new a.Encrypter();
    encrypter.addRecipient(recipient);
    stanzas.push({ recipient, enc: a.armor.encode(await encrypter.encrypt(key)) });
  }
  const sops: SopsMetadata = { age: stanzas, lastmodified, mac, encrypted_regex: encryptedRegex, version: SOPS_FORMAT_VERSION };
  return { ...encrypted, sops };
}

/**
 * Decrypts one SOPS document with age identities, checking the MAC: a value changed, added,
 * removed or moved fails. Returns the document without its `sops:` block.
 */
export async function sopsDecrypt(
  doc: Record<string, unknown>,
  identities: readonly string[],
  where: string,
): Promise<Record<string, unknown>> {
  const meta = doc.sops as
    | (Partial<SopsMetadata> & {
        mac_only_encrypted?: boolean;
        unencrypted_suffix?: string;
        encrypted_suffix?: string;
        unencrypted_regex?: string;
      })
    | undefined;
  if (!meta || typeof meta !== 'object') throw new SopsError(`${where}: no sops: block`);
  const unsupported = [
    'mac_only_encrypted',
    'encrypted_suffix',
    'unencrypted_regex',
    'encrypted_comment_regex',
    'unencrypted_comment_regex',
    'shamir_threshold',
    'key_groups',
  ].filter(
    (k) =>
      (meta as Record<string, unknown>)[k] !== undefined &&
      (meta as Record<string, unknown>)[k] !== false &&
      (meta as Record<string, unknown>)[k] !== '',
  );
  if (unsupported.length > 0)
    throw new SopsError(`${where}: sops options this command does not read (${unsupported.join(', ')}); use sops itself`);
  const stanzas = Array.isArray(meta.age) ? meta.age : [];
  if (stanzas.length === 0)
    throw new SopsError(`${where}: its data key is not encrypted for any age recipient (other key types need sops itself)`);
  if (typeof meta.lastmodified !== 'string' || typeof meta.mac !== 'string')
    throw new SopsError(`${where}: sops.lastmodified or sops.mac is missing`);
  const a = age();
  let key: Buffer | undefined;
  for (const stanza of stanzas) {
    const decrypter = new a.Decrypter();
    for (const id of identities) decrypter.addIdentity(id);
    try {
      key = Buffer.from(await decrypter.decrypt(a.armor.decode(String(stanza.enc))));
      break;
    } catch {
      // Not for these identities: try the next recipient.
    }
  }
  if (!key)
    throw new SopsError(`${where}: none of the given age identities opens it (recipients: ${stanzas.map((s) => s.recipient).join(', ')})`);
  if (key.length !== 32) throw new SopsError(`${where}: its data key is not 32 bytes`);
  const { sops: _sops, ...body } = doc;
  void _sops;
  // Without encrypted_regex or unencrypted_suffix SOPS encrypts every value; the suffix default is _unencrypted.
  const regex = meta.encrypted_regex !== undefined ? new RegExp(meta.encrypted_regex) : undefined;
  const suffix = meta.unencrypted_suffix ?? (regex ? undefined : '_unencrypted');
  const hash = createHash('sha512');
  const plain = walk(body, [], (value, path) => {
    const encrypted = regex ? shouldEncrypt(path, regex) : !path.some((k) => suffix !== undefined && k.endsWith(suffix));
    const out = encrypted && value !== '' ? decryptValue(String(value), key!, additionalData(path), `${where}: ${path.join('.')}`) : value;
    hash.update(leafBytes(out));
    return out;
  }) as Record<string, unknown>;
  const mac = decryptValue(meta.mac, key, meta.lastmodified, `${where}: sops.mac`);
  const computed = Buffer.from(hash.digest('hex').toUpperCase());
  if (typeof mac !== 'string' || mac.length !== computed.length || !timingSafeEqual(Buffer.from(mac), computed)) {
    throw new SopsError(`${where}: the MAC does not match (a value was changed, added or removed after encryption)`);
  }
  return plain;
}
