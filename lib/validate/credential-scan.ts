/**
 * Finds credentials written in plain text. A leaf whose key names a credential (password, secret
 * key, token, keyring, private key) must hold nothing but a chart placeholder; a URL must not
 * carry a password; no file may hold PEM private key or certificate material.
 */
import { credentialValuesKey } from '../engine/credentials';
import { EXTERNAL_SECRETS_ANNOTATION } from '../engine/release';
import { yaml11Of } from './parsed';
import { writtenDocumentsOf } from '../engine/yaml';
import { isCredentialKey } from '../engine/json';

/** Values that charts use as placeholders, replaced by system or credential values at deploy time. */
export const PLACEHOLDERS: ReadonlySet<string> = new Set(['', 'password', 'null', 'none', 'None', 'changeme', 'openstack-cookie']);

/**
 * A value that is one reference and nothing else: an environment variable (`$VAR`, `${VAR}`) or a
 * Helm values lookup (`{{ .Values.x.y }}`). Any other text around or inside it is scanned.
 */
const isReference = (value: string) =>
  /^(\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\}|\{\{-?\s*\.(Values\.)?[A-Za-z_][\w.]*\s*-?\}\})$/.test(
    value.trim().replace(/^(["'])(.*)\1$/, '$2'),
  );

const isSchemeChar = (c: string) => /^[a-z0-9+.-]$/i.test(c);
const isBlank = (c: string) => /^\s$/.test(c);

/**
 * The passwords of the URLs in a text, `scheme://user:password@host`: the user holds no `:`, `/`,
 * `@` or blank, the password no `@` or blank. One pass over the text (a regular expression for
 * this backtracks quadratically over a long line without `@`).
 */
export function urlPasswords(text: string): string[] {
  const out: string[] = [];
  let stop = -1; // the first blank or `@` at or after the last password start
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 1)) {
    // A scheme before `://`: scheme characters back to a letter.
    let s = at;
    while (s > 0 && isSchemeChar(text[s - 1])) s--;
    while (s < at && !/^[a-z]$/i.test(text[s])) s++;
    if (s === at) continue;
    let u = at + 3;
    while (u < text.length && !/^[\s:/@]$/.test(text[u])) u++;
    if (u === at + 3 || text[u] !== ':') continue;
    const start = u + 1;
    if (stop < start) {
      stop = start;
      while (stop < text.length && text[stop] !== '@' && !isBlank(text[stop])) stop++;
    }
    if (stop > start && text[stop] === '@') out.push(text.slice(start, stop));
  }
  return out;
}
const PEM = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY|CERTIFICATE)-----/;

/** PEM material hidden in base64 (a `kubectl get secret -o yaml` export, a `tls.key: LS0t...`). */
export function hasBase64Pem(text: string): boolean {
  // `-----BEGIN` in base64 at each of the three byte alignments: only then is anything decoded.
  if (!/LS0tLS1CRUdJT|LS0tQkVHSU4|tLS0tLUJFR0lO/.test(text)) return false;
  for (const run of text.match(/[A-Za-z0-9+/]{40,}={0,2}/g) ?? []) {
    // The run may start mid-group; one of four alignments decodes it.
    for (let offset = 0; offset < 4; offset++) {
      if (PEM.test(Buffer.from(run.slice(offset), 'base64').toString('latin1'))) return true;
    }
  }
  return false;
}

/**
 * Passwords of `user:password@host` written without a scheme (a DSN, `git clone user:pw@host:x`).
 * Not an image reference `repo:tag@sha256:...`.
 */
export function barePasswords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(
    /(?:^|[\s,;=("'<[])([A-Za-z0-9._%+~-]{1,128}):([^\s@:/]{1,256})@(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*)/g,
  )) {
    if (/^sha(256|384|512)$/i.test(m[3])) continue;
    out.push(m[2]);
  }
  return out;
}

/** `key: value` and `key = value` lines of a text (a README, an INI or shell text inside a value). */
function credentialLines(text: string): Array<{ key: string; value: string; line: number }> {
  const out: Array<{ key: string; value: string; line: number }> = [];
  text.split('\n').forEach((line, i) => {
    const m = /^\s*(?:[-*>|]\s*)*[`"']?([A-Za-z_][\w.-]*)[`"']?\s*(?::\s|=)\s*(.*?)\s*$/.exec(line);
    if (!m || !isCredentialKey(m[1])) return;
    // A literal: one quoted string, or one token that is no expression (code such as
    // `SECRET_KEY = conf["x"]` or a rootwrap filter line `read_passwd: RegExpFilter, cat, ...` is not a value).
    const quoted = /^(["'`])([^"'`]*)\1[,;]?$/.exec(m[2]);
    if (quoted) out.push({ key: m[1], value: quoted[2], line: i + 1 });
    else if (/^[^\s()[\]{},"'`]+$/.test(m[2])) out.push({ key: m[1], value: m[2], line: i + 1 });
  });
  return out;
}

export interface CredentialFinding {
  readonly file: string;
  readonly path: string;
  readonly problem: string;
}

/** Literal text: not a chart placeholder, not one reference (a shell command substitution `$(...)` counts as one in a text). */
const isLiteral = (value: string, inText: boolean) =>
  !PLACEHOLDERS.has(value) && !isReference(value) && !(inText && /^\$\(.*\)$/.test(value));

/** Problems of a text wherever it appears: PEM (plain or base64), URLs and bare `user:pw@host` with a password. */
function textProblems(text: string): string[] {
  const out: string[] = [];
  if (PEM.test(text) || hasBase64Pem(text)) out.push('holds PEM key or certificate material');
  if (text.includes('://') && urlPasswords(text).some((p) => isLiteral(p, false))) out.push('URL carries a password');
  if (text.includes('@') && text.includes(':') && barePasswords(text).some((p) => isLiteral(p, false)))
    out.push('user:password@host carries a password');
  return out;
}

function scanValue(file: string, path: string, key: string, value: unknown, out: CredentialFinding[]): void {
  if (typeof value === 'string') {
    for (const problem of textProblems(value)) out.push({ file, path, problem });
    // Policy rules are named after API actions (`identity:change_password`), not credentials.
    const isPolicyRule = key.includes(':') || /(^|\.)policy(\.|$)/.test(path);
    if (isCredentialKey(key) && !isPolicyRule && isLiteral(value, false)) {
      out.push({ file, path, problem: `plaintext credential (a ${value.length}-character value; only chart placeholders may be written)` });
    }
    // A text inside a value (an INI override, a script) is scanned by key too.
    if (value.includes('\n')) {
      for (const found of credentialLines(value)) {
        if (isLiteral(found.value, true))
          out.push({ file, path, problem: `line ${found.line}: ${found.key} holds a plaintext credential` });
      }
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => scanValue(file, `${path}[${i}]`, key, item, out));
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) scanValue(file, path ? `${path}.${k}` : k, k, v, out);
  }
}

/** Scans a file that is not YAML (README.md, ...): by value, and by key on `key: value` lines. */
function scanText(file: string, text: string, out: CredentialFinding[]): void {
  for (const problem of textProblems(text)) out.push({ file, path: '(file)', problem });
  for (const found of credentialLines(text)) {
    if (isLiteral(found.value, true)) out.push({ file, path: `line ${found.line}`, problem: `${found.key} holds a plaintext credential` });
  }
}

/**
 * True when `value` is data that reads back from its YAML as itself (plain objects, arrays,
 * strings, numbers, booleans, null): then its scan finds what the scan of the written text finds.
 * A Map, a Date, a class instance or an object with toJSON is written as something else.
 */
function readsBackAsItself(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return true;
    case 'object': {
      if (READS_BACK.has(value)) return true;
      let plain: boolean;
      if (Array.isArray(value)) {
        plain = value.every(readsBackAsItself);
      } else {
        const proto = Object.getPrototypeOf(value) as unknown;
        plain =
          proto !== Object.prototype && proto !== null
            ? false
            : typeof (value as { toJSON?: unknown }).toJSON !== 'function' && Object.values(value).every(readsBackAsItself);
      }
      if (plain) READS_BACK.add(value);
      return plain;
    }
    default:
      return false;
  }
}

/**
 * Documents (and subtrees) found to be plain data: a document written into several stacks is walked
 * once (written documents never change).
 */
const READS_BACK = new WeakSet<object>();

/** The findings of one document, without the file (documents shared between files are scanned once). */
const findingsOfDocument = new WeakMap<object, ReadonlyArray<Omit<CredentialFinding, 'file'>>>();

function scanDocument(file: string, doc: unknown, out: CredentialFinding[]): void {
  if (isSecretManifest(doc)) out.push({ file, path: 'data', problem: 'a Secret manifest in the tree (credentials belong outside git)' });
  if (typeof doc !== 'object' || doc === null) {
    scanValue(file, '', '', doc, out);
    return;
  }
  let found = findingsOfDocument.get(doc);
  if (!found) {
    const own: CredentialFinding[] = [];
    scanValue('', '', '', doc, own);
    found = own.map(({ path, problem }) => ({ path, problem }));
    findingsOfDocument.set(doc, found);
  }
  for (const f of found) out.push({ file, ...f });
}

/**
 * Scans every file of a stack: YAML by key and value, any other text (README.md) by line and value.
 * A text the synth wrote (lib/engine/yaml.ts `withWrittenDocuments`) is scanned in the documents it
 * was written from, when they are data that reads back as itself; any other is parsed.
 */
export function scanCredentials(files: ReadonlyMap<string, string>): CredentialFinding[] {
  const out: CredentialFinding[] = [];
  for (const [file, text] of files) {
    if (!/\.ya?ml$/.test(file)) {
      scanText(file, text, out);
      continue;
    }
    if (PEM.test(text)) out.push({ file, path: '(file)', problem: 'holds PEM key or certificate material' });
    let docs = writtenDocumentsOf(text);
    if (!docs?.every(readsBackAsItself)) {
      try {
        docs = yaml11Of(files, file);
      } catch {
        scanText(file, text, out); // not YAML: reported by the YAML check, still scanned as text
        continue;
      }
    }
    for (const doc of docs) scanDocument(file, doc, out);
  }
  return out;
}

function isSecretManifest(doc: unknown): boolean {
  const d = doc as { apiVersion?: unknown; kind?: unknown; data?: unknown; stringData?: unknown } | null;
  return !!d && d.apiVersion === 'v1' && d.kind === 'Secret' && (d.data !== undefined || d.stringData !== undefined);
}

/**
 * In a stack with system values, every valuesFrom entry that reads an out-of-band Secret must set
 * one value (targetPath) as a literal, and name a Secret the HelmRelease declares external.
 */
export function checkCredentialRouting(files: ReadonlyMap<string, string>): CredentialFinding[] {
  const out: CredentialFinding[] = [];
  for (const file of files.keys()) {
    if (!file.endsWith('helmrelease.yaml')) continue;
    let docs: unknown[];
    try {
      docs = yaml11Of(files, file);
    } catch {
      continue; // reported by the YAML check
    }
    const doc = docs[0] as {
      metadata?: { name?: string; annotations?: Record<string, string> };
      spec?: { valuesFrom?: Array<Record<string, unknown>> };
    };
    const dir = file.slice(0, file.lastIndexOf('/'));
    const generated = new Set(
      [...files.keys()].filter((f) => f.startsWith(`${dir}/`) && f.endsWith('-overrides.yaml')).map((f) => f.slice(dir.length + 1, -5)),
    );
    const external = (doc.metadata?.annotations?.[EXTERNAL_SECRETS_ANNOTATION] ?? '').split(',').filter(Boolean);
    (doc.spec?.valuesFrom ?? []).forEach((ref, i) => {
      const name = String(ref.name);
      if (generated.has(name)) {
        if (ref.targetPath !== undefined)
          out.push({
            file,
            path: `spec.valuesFrom[${i}]`,
            problem: `targetPath reads ${name}, a Secret generated from a file in the tree`,
          });
        return;
      }
      if (!external.includes(name))
        out.push({ file, path: `spec.valuesFrom[${i}]`, problem: `Secret ${name} is neither generated by the tree nor declared external` });
      // The release's own credentials values document is merged whole; anything else is read at a path.
      // (Whether `literal` is honoured depends on the target: validate --target checks that.)
      const document = credentialValuesKey(String(doc.metadata?.name));
      if (typeof ref.targetPath !== 'string' && ref.valuesKey !== document) {
        out.push({
          file,
          path: `spec.valuesFrom[${i}]`,
          problem: `external Secret ${name} is read without targetPath, by a key other than the release's values document ${document}`,
        });
      }
    });
  }
  return out;
}
