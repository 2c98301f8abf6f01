/**
 * Finds credentials written in plain text. A leaf whose key names a credential (password, secret
 * key, token, keyring, private key) must hold nothing but a chart placeholder; a URL must not
 * carry a password; no file may hold PEM private key or certificate material.
 */
import { credentialValuesKey } from '../engine/credentials';
import { EXTERNAL_SECRETS_ANNOTATION } from '../engine/release';
import { yaml11Of } from './parsed';

/** Keys whose string value is a credential. */
const CREDENTIAL_KEY = /(^|[_.-])(password|passwd|pass|secret_key|secret|token|keyring|private_key|privatekey|api_key|apikey|credential|credentials|cookie)$/i;

/** Values that charts use as placeholders, replaced by system or credential values at deploy time. */
export const PLACEHOLDERS: ReadonlySet<string> = new Set(['', 'password', 'null', 'none', 'None', 'changeme', 'openstack-cookie']);

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

export interface CredentialFinding {
  readonly file: string;
  readonly path: string;
  readonly problem: string;
}

/** Helm template placeholders such as `{{ .Values.x }}` are not values. */
const isTemplate = (value: string) => /^\{\{.*\}\}$/.test(value.trim()) || /\$\(|\$\{/.test(value);

function scanValue(file: string, path: string, key: string, value: unknown, out: CredentialFinding[]): void {
  if (typeof value === 'string') {
    if (PEM.test(value)) out.push({ file, path, problem: 'holds PEM key or certificate material' });
    if (value.includes('://') && urlPasswords(value).some((p) => !PLACEHOLDERS.has(p) && !isTemplate(p))) out.push({ file, path, problem: 'URL carries a password' });
    // Policy rules are named after API actions (`identity:change_password`), not credentials.
    const isPolicyRule = key.includes(':') || /(^|\.)policy(\.|$)/.test(path);
    if (CREDENTIAL_KEY.test(key) && !isPolicyRule && !PLACEHOLDERS.has(value) && !isTemplate(value)) {
      out.push({ file, path, problem: `plaintext credential (a ${value.length}-character value; only chart placeholders may be written)` });
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

/** Scans every YAML file of a stack. */
export function scanCredentials(files: ReadonlyMap<string, string>): CredentialFinding[] {
  const out: CredentialFinding[] = [];
  for (const [file, text] of files) {
    if (!/\.ya?ml$/.test(file)) continue;
    if (PEM.test(text)) out.push({ file, path: '(file)', problem: 'holds PEM key or certificate material' });
    let docs: unknown[];
    try {
      docs = yaml11Of(files, file);
    } catch {
      continue; // reported by the YAML check
    }
    docs.forEach((doc) => {
      if (isSecretManifest(doc)) out.push({ file, path: 'data', problem: 'a Secret manifest in the tree (credentials belong outside git)' });
      scanValue(file, '', '', doc, out);
    });
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
    const generated = new Set([...files.keys()].filter((f) => f.startsWith(`${dir}/`) && f.endsWith('-overrides.yaml')).map((f) => f.slice(dir.length + 1, -5)));
    const external = (doc.metadata?.annotations?.[EXTERNAL_SECRETS_ANNOTATION] ?? '').split(',').filter(Boolean);
    (doc.spec?.valuesFrom ?? []).forEach((ref, i) => {
      const name = String(ref.name);
      if (generated.has(name)) {
        if (ref.targetPath !== undefined) out.push({ file, path: `spec.valuesFrom[${i}]`, problem: `targetPath reads ${name}, a Secret generated from a file in the tree` });
        return;
      }
      if (!external.includes(name)) out.push({ file, path: `spec.valuesFrom[${i}]`, problem: `Secret ${name} is neither generated by the tree nor declared external` });
      // The release's own credentials values document is merged whole; anything else is read at a path.
      // (Whether `literal` is honoured depends on the target: validate --target checks that.)
      const document = credentialValuesKey(String(doc.metadata?.name));
      if (typeof ref.targetPath !== 'string' && ref.valuesKey !== document) {
        out.push({ file, path: `spec.valuesFrom[${i}]`, problem: `external Secret ${name} is read without targetPath, by a key other than the release's values document ${document}` });
      }
    });
  }
  return out;
}
