/**
 * Reading and rewriting the credential files of a site (`credentials/<site>/`) without losing
 * anything: every form Kubernetes accepts is read (`data:` base64 and `stringData`, merged with
 * `stringData` winning, several documents per file), a rewrite keeps each key in the form it was
 * in, and anything that cannot be read whole is refused before a byte is written.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseYaml12 } from '../engine/yaml';

/** More than any Secret holds (Kubernetes caps one at 1 MiB): larger is refused unread. */
export const MAX_SECRET_FILE_BYTES = 1024 * 1024;

/** The keys a Secret manifest may have at its top level (and `sops` once encrypted). */
const SECRET_FIELDS = ['apiVersion', 'kind', 'metadata', 'type', 'data', 'stringData', 'immutable', 'sops'];

export class SecretFileError extends Error {}

/** One file of the folder: where it is, where writes go (through a symlink), its documents. */
export interface SecretFile {
  /** The path as listed in the folder. */
  readonly file: string;
  /** The regular file behind it: a symlink is written through, never replaced. */
  readonly target: string;
  /** Every document, in order (an empty document is null). */
  readonly docs: Array<Record<string, unknown> | null>;
  /** A document has a `sops:` block. */
  readonly encrypted: boolean;
}

/** A credential file name: YAML or JSON, not the site's kustomization. */
export const isCredentialFileName = (name: string) =>
  /\.(ya?ml|json)$/i.test(name) && name !== 'kustomization.yaml' && !name.startsWith('.');
/** The names SOPS-encrypted copies have: `<secret>.sops.yaml` (or .yml, .json). */
export const isEncryptedFileName = (name: string) => /\.sops\.(ya?ml|json)$/i.test(name);

/**
 * Reads one file: a regular file (or a symlink to one) of at most MAX_SECRET_FILE_BYTES, UTF-8,
 * YAML or JSON. Opened without blocking, so a FIFO or a device behind a symlink is refused instead of
 * hanging the command.
 */
export function readSecretFile(file: string): SecretFile {
  const link = fs.lstatSync(file);
  const target = link.isSymbolicLink() ? fs.realpathSync(file) : file;
  const fd = fs.openSync(target, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (fs.constants.O_NOFOLLOW ?? 0));
  let text: string;
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile())
      throw new SecretFileError(
        `${file}: not a regular file${link.isSymbolicLink() ? ` (a symlink to ${target})` : ''}; credentials are read from regular files only. Nothing was written`,
      );
    if (st.size > MAX_SECRET_FILE_BYTES)
      throw new SecretFileError(
        `${file}: ${st.size} bytes, more than a Secret holds (${MAX_SECRET_FILE_BYTES}); not read. Nothing was written`,
      );
    const buf = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = fs.readSync(fd, buf, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, read));
    } catch {
      throw new SecretFileError(`${file}: not UTF-8 text. Nothing was written`);
    }
  } finally {
    fs.closeSync(fd);
  }
  const docs = parseYaml12(text, file).map((d, i) => {
    if (d === null || d === undefined) return null;
    if (typeof d !== 'object' || Array.isArray(d))
      throw new SecretFileError(
        `${file}: document ${i + 1}: expected a Secret manifest (a mapping), got ${Array.isArray(d) ? 'a list' : typeof d}. Nothing was written`,
      );
    return d as Record<string, unknown>;
  });
  return { file, target, docs, encrypted: docs.some((d) => d !== null && 'sops' in d) };
}

/** A Secret's values, read as Kubernetes does. */
export interface SecretValues {
  readonly name: string;
  readonly namespace?: string;
  /** Every key's text: `data` decoded, then `stringData` over it. */
  readonly values: Map<string, string>;
  /** Keys whose `data` is not UTF-8 text: kept as they are, never regenerated. */
  readonly binary: Set<string>;
}

const closest = (key: string, known: readonly string[]) =>
  known.find((k) => k !== key && (k.startsWith(key.slice(0, 3)) || key.startsWith(k.slice(0, 3))));

/**
 * The Secret name of an encrypted document: its metadata.name, or, where sops encrypted that too
 * (no encrypted_regex), the file's name without `.sops.yaml`. Top-level fields are checked as for
 * a plain Secret.
 */
export function encryptedSecretName(doc: Record<string, unknown>, file: string): string {
  checkFields(doc, file);
  const name = (doc.metadata as { name?: unknown } | undefined)?.name;
  if (typeof name === 'string' && SECRET_NAME.test(name)) return name;
  return path.basename(file).replace(/(\.sops)?\.(ya?ml|json)$/i, '');
}

const SECRET_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

function checkFields(doc: Record<string, unknown>, where: string): void {
  for (const key of Object.keys(doc)) {
    if (!SECRET_FIELDS.includes(key)) {
      const near = closest(key, SECRET_FIELDS);
      throw new SecretFileError(
        `${where}: ${key}: not a field of a Secret${near ? ` (did you mean ${near}?)` : ''}; expected only ${SECRET_FIELDS.filter((f) => f !== 'sops').join(', ')}. Nothing was written`,
      );
    }
  }
}

/** Checks one document as a Secret and reads its values; `where` names file and document. */
export function secretValues(doc: Record<string, unknown>, where: string): SecretValues {
  const fail = (field: string, what: string): never => {
    throw new SecretFileError(`${where}: ${field}: ${what}. Nothing was written`);
  };
  checkFields(doc, where);
  if (doc.apiVersion !== 'v1') fail('apiVersion', `expected v1, got ${JSON.stringify(doc.apiVersion)}`);
  if (doc.kind !== 'Secret') fail('kind', `expected Secret, got ${JSON.stringify(doc.kind)}`);
  const metadata = doc.metadata;
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata))
    fail('metadata', 'expected a mapping with the name of the Secret');
  const { name, namespace } = metadata as { name?: unknown; namespace?: unknown };
  if (typeof name !== 'string' || !SECRET_NAME.test(name))
    fail('metadata.name', `expected a Secret name (lower-case letters, digits, - and .), got ${JSON.stringify(name)}`);
  if (namespace !== undefined && typeof namespace !== 'string') fail('metadata.namespace', 'expected a string');
  const values = new Map<string, string>();
  const binary = new Set<string>();
  const section = (field: 'data' | 'stringData') => {
    const m = doc[field];
    if (m === undefined || m === null) return {};
    if (typeof m !== 'object' || Array.isArray(m)) return fail(field, 'expected a mapping of keys to strings');
    return m as Record<string, unknown>;
  };
  for (const [key, raw] of Object.entries(section('data'))) {
    if (typeof raw !== 'string') fail(`data.${key}`, `expected a base64 string, got ${raw === null ? 'nothing' : typeof raw}`);
    const compact = (raw as string).replace(/\s+/g, '');
    const bytes = Buffer.from(compact, 'base64');
    if (bytes.toString('base64') !== compact) fail(`data.${key}`, 'not valid base64 (Kubernetes would refuse the Secret)');
    if (bytes.length === 0) fail(`data.${key}`, 'empty: a credential needs a value');
    try {
      values.set(key, new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      binary.add(key);
    }
  }
  for (const [key, raw] of Object.entries(section('stringData'))) {
    if (typeof raw !== 'string')
      fail(`stringData.${key}`, `expected a string, got ${raw === null ? 'nothing' : `a ${typeof raw} (${String(raw)}); quote it`}`);
    if (raw === '') fail(`stringData.${key}`, 'empty: a credential needs a value');
    values.set(key, raw as string);
    binary.delete(key);
  }
  return { name: name as string, namespace: namespace as string | undefined, values, binary };
}

/**
 * The document with `changes` applied where each key lives: a key in `stringData` stays there, a
 * key only in `data` is re-encoded there, a new key goes where the document keeps its values
 * (`stringData` unless it has only `data`). Nothing else changes, so applying it changes only
 * those keys.
 */
export function withValues(doc: Record<string, unknown>, changes: ReadonlyMap<string, string>): Record<string, unknown> {
  const out = structuredClone(doc);
  const stringData = out.stringData as Record<string, string> | undefined | null;
  const data = out.data as Record<string, string> | undefined | null;
  const added: string[] = [];
  for (const [key, value] of changes) {
    if (stringData && key in stringData) stringData[key] = value;
    else if (data && key in data) data[key] = Buffer.from(value, 'utf8').toString('base64');
    else added.push(key);
  }
  if (added.length > 0) {
    const intoData = !stringData && !!data;
    const target = (intoData ? data : stringData) ?? {};
    for (const key of added.sort()) target[key] = intoData ? Buffer.from(changes.get(key)!, 'utf8').toString('base64') : changes.get(key)!;
    if (intoData) out.data = target;
    else out.stringData = target;
  }
  return out;
}

/** Writes through a temporary sibling of the real file and a rename: a crash never leaves half a file, a symlink stays a symlink. */
export function writeAtomically(target: string, text: string, mode: number): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}`);
  try {
    fs.writeFileSync(tmp, text, { mode, flag: 'wx' });
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * A lock on a site's folder for one run (read, decide, write), so two runs never interleave and a
 * rotation is never overwritten by a re-run that read the old values. A lock left by a process
 * that is gone is taken over.
 */
export function lockFolder(dir: string): () => void {
  const lock = path.join(dir, '.credentials.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => fs.rmSync(lock, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(lock, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new SecretFileError(
          `${dir} is in use by another credentials run (pid ${pid}, lock ${lock}); run again when it has finished. Nothing was written`,
        );
      }
      fs.rmSync(lock, { force: true });
    }
  }
  throw new SecretFileError(`could not take the lock ${lock}. Nothing was written`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
