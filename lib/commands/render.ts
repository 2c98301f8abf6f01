/**
 * What Helm renders for the HelmReleases of a written tree: each release's effective values
 * (lib/commands/values.ts, computed as helm-controller computes them) given to its chart from a
 * chart set (a folder, an app tarball, a repository index) through `helm template`.
 *
 * Credentials live in Secrets outside the tree: they are taken from the credentials file that
 * `npm run credentials` writes (`credentials/<site>/<secret>.yaml`) when given, else a placeholder
 * `masked-<key>` stands in. Output masks every credential value and every line of a config file
 * whose key names a secret (`password`, `secret_key`, `token`, ...), and Secret data is shown
 * decoded with the same masking; `showSecrets` shows them as they are. A test render gives an
 * `external` lookup instead (lib/commands/render-credentials.ts).
 *
 * The one render pipeline: `npm run render`, `diff --rendered` and the render tests all use it,
 * with charts from lib/validate/chart-source.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseYaml11, parseYaml12, toYamlBody } from '../engine/yaml';
import { ChartSet, chartArchivePath, missingChart, findChart } from '../validate/chart-source';
import { helmReleaseName, readKustomization } from '../validate/tree-check';
import { createHash } from 'crypto';
import { fileDigest } from './helm';
import { helmTemplateAll, renderCacheDir, TemplateOptions, TemplateRequest } from './helm-template';
import { effectiveValues, ExternalLookup, leaves, StackTree, TreeRelease } from './values';
import { isMap, Json, JsonMap } from '../engine/json';

/** Secret name/key → value, as the cluster would hold them. */
export type Credentials = ReadonlyMap<string, string>;

/** One rendered Kubernetes object. */
export interface RenderedObject {
  /** `Kind/name` (namespace left out: a release renders into one). */
  readonly id: string;
  readonly doc: JsonMap;
}

export interface RenderedRelease {
  /** The HelmRelease name. */
  readonly release: string;
  readonly chart: string;
  readonly version: string;
  /** The local chart package rendered, when the set holds the chart. */
  readonly archive?: string;
  /** The values given to Helm (credentials filled in). */
  readonly values: JsonMap;
  readonly objects: readonly RenderedObject[];
  /** Why it did not render (a missing chart, Helm's error). */
  readonly error?: string;
  /** The helm process's wall time, ms (0 when it did not run). */
  readonly ms: number;
  /** The valuesFrom entries that neither the tree nor the credentials gave (the chart's defaults stood in). */
  readonly notGiven: readonly string[];
}

export interface RenderOptions {
  readonly charts: ChartSet;
  /** Where the credentials come from. @default - a placeholder for each */
  readonly credentials?: Credentials;
  /** What the tree does not hold, asked of a lookup first (a test render's credentials). @default - none */
  readonly external?: ExternalLookup;
  /** Only these releases (HelmRelease names or folder names). @default - every release */
  readonly only?: readonly string[];
  /** Parallel helm processes. @default os.availableParallelism() */
  readonly concurrency?: number;
  /** Use the render cache (lib/commands/helm-template.ts). @default true */
  readonly cache?: boolean;
  readonly cacheDir?: string;
  /** Told as each helm run starts (lib/commands/helm-template.ts). @default - nothing told */
  readonly progress?: TemplateOptions['progress'];
}

const PLACEHOLDER = /^<(secret|configmap):([^/>]+)\/([^>]+)>$/;

/** The stand-in for a credential that no credentials file provides. */
export function placeholderCredential(name: string, key: string): string {
  return `masked-${name}-${key}`.replace(/[^A-Za-z0-9._-]/g, '-');
}

/** A credentials file's values as the lookup of what the tree does not hold (Secrets only). */
function credentialsLookup(credentials: Credentials): ExternalLookup {
  return (kind, name, key) => (kind === 'Secret' ? credentials.get(`${name}/${key}`) : undefined);
}

/**
 * The values a credential text carries, for masking: the text itself, or, when it is a values
 * document, each of its string leaves (a password inside helm-values.keystone.yaml is masked on its own).
 */
function credentialLeaves(text: string): string[] {
  let doc: unknown;
  try {
    doc = parseYaml12(text, 'credential')[0];
  } catch {
    return [text];
  }
  if (!isMap(doc as Json)) return [text];
  return [...leaves(doc as Json).values()].filter((v): v is string => typeof v === 'string');
}

/** The values with each `<secret:NAME/KEY>` placeholder (what the tree does not hold) filled in. */
function fillCredentials(value: Json, credentials: Credentials | undefined, used: Set<string>): Json {
  if (typeof value === 'string') {
    const m = PLACEHOLDER.exec(value);
    if (!m) return value;
    const id = `${m[2]}/${m[3]}`;
    const real = credentials?.get(id);
    const filled = real ?? placeholderCredential(m[2], m[3]);
    used.add(filled);
    return filled;
  }
  if (Array.isArray(value)) return value.map((v) => fillCredentials(v, credentials, used));
  if (isMap(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillCredentials(v, credentials, used)]));
  return value;
}

/** The credentials of a Secret manifest file (`npm run credentials` output): `name/key` → value. */
export function readCredentialsFile(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const doc of parseYaml12(fs.readFileSync(file, 'utf8'), file)) {
    if (!isMap(doc as Json) || (doc as JsonMap).kind !== 'Secret') continue;
    const d = doc as { metadata?: { name?: string }; stringData?: Record<string, string>; data?: Record<string, string> };
    const name = d.metadata?.name;
    if (!name) continue;
    for (const [k, v] of Object.entries(d.stringData ?? {})) out.set(`${name}/${k}`, String(v));
    for (const [k, v] of Object.entries(d.data ?? {})) out.set(`${name}/${k}`, Buffer.from(String(v), 'base64').toString('utf8'));
  }
  if (out.size === 0) throw new Error(`${file}: no Secret with data (expected the file npm run credentials writes)`);
  return out;
}

/** Every credentials file of a site folder (`credentials/<site>/*.yaml`, the SOPS-encrypted ones left out). */
export function readCredentialsFolder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && !f.includes('.sops.') && f !== 'kustomization.yaml')
    .sort()) {
    for (const [k, v] of readCredentialsFile(path.join(dir, f))) out.set(k, v);
  }
  return out;
}

/** The namespace of a stack's top-level kustomization (where its HelmReleases live). */
function stackNamespace(stack: StackTree): string {
  return stack.files.has('kustomization.yaml') ? (readKustomization(stack.files, 'kustomization.yaml').namespace ?? 'default') : 'default';
}

interface Planned {
  readonly release: TreeRelease;
  readonly chart: string;
  readonly version: string;
  readonly values: JsonMap;
  readonly request?: TemplateRequest;
  readonly error?: string;
  readonly credentialValues: ReadonlySet<string>;
  /** valuesFrom entries neither the tree nor the credentials give: the chart's defaults stand in. */
  readonly missing: readonly string[];
}

function folderOf(release: TreeRelease): string {
  const dir = path.posix.dirname(release.file);
  return dir === '.' ? '' : dir;
}

/** What helm-controller would pass to Helm for each selected release of a stack. */
function plan(stack: StackTree, options: RenderOptions): Planned[] {
  const namespace = stackNamespace(stack);
  const only = options.only;
  const selected = only ? stack.releases.filter((r) => only.includes(r.name) || only.includes(folderOf(r))) : stack.releases;
  if (only) {
    const unknown = only.filter((o) => !stack.releases.some((r) => r.name === o || folderOf(r) === o));
    if (unknown.length > 0)
      throw new Error(
        `no HelmRelease ${unknown.map((u) => `"${u}"`).join(', ')} in ${stack.dir} (releases: ${stack.releases.map((r) => r.name).join(', ')})`,
      );
  }
  return selected.map((release) => {
    const { chart, version, targetNamespace } = release;
    const used = new Set<string>();
    // A values document read whole (helm-values.<release>.yaml, no targetPath) is looked up as a
    // key of its Secret like any other credential: the test lookup first, then the credentials file.
    const lookups = [options.external, options.credentials && credentialsLookup(options.credentials)].filter(
      (l): l is ExternalLookup => l !== undefined,
    );
    const external: ExternalLookup | undefined =
      lookups.length === 0
        ? undefined
        : (kind, name, key) => {
            for (const lookup of lookups) {
              const value = lookup(kind, name, key);
              if (value === undefined) continue;
              for (const v of credentialLeaves(value)) used.add(v);
              return value;
            }
            return undefined;
          };
    const effective = effectiveValues(stack.files, release, external);
    const values = fillCredentials(effective.values, options.credentials, used) as JsonMap;
    const notGiven = effective.notes;
    const missing = missingChart(options.charts, chart, version);
    if (missing)
      return { release, chart, version, values, error: `release "${release.name}": ${missing}`, credentialValues: used, missing: notGiven };
    const releaseName = helmReleaseName(release.name, release.spec);
    const entry = findChart(options.charts, chart, version);
    const archive = chartArchivePath(entry, { cacheDir: options.cacheDir });
    return {
      release,
      chart,
      version,
      values,
      request: {
        chart: archive,
        chartDigest: entry.digest ?? fileDigest(archive),
        releaseName,
        namespace: targetNamespace ?? namespace,
        values,
      },
      credentialValues: used,
      missing: notGiven,
    };
  });
}

/**
 * The documents of a rendered manifest, read as Helm writes them (YAML 1.1). Reading a manifest
 * of a thousand objects takes seconds, so the reading is kept beside the render cache, as JSON,
 * by the manifest's digest. @default cache true
 */
function manifestDocuments(manifest: string, where: string, cache = true): unknown[] {
  if (!cache) return parseYaml11(manifest, where);
  const file = path.join(renderCacheDir(), 'parsed', `${createHash('sha256').update(manifest).digest('hex')}.json`);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown[];
  const docs = parseYaml11(manifest, where);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(docs));
  fs.renameSync(tmp, file);
  return docs;
}

/** The objects of a rendered manifest, `Kind/name` each, in manifest order. */
export function manifestObjects(manifest: string, where: string, cache = true): RenderedObject[] {
  return manifestDocuments(manifest, where, cache)
    .filter((d): d is JsonMap => isMap(d as Json))
    .map((doc) => {
      const metadata = isMap(doc.metadata) ? doc.metadata : {};
      return { id: `${String(doc.kind)}/${String(metadata.name)}`, doc };
    });
}

/** Renders the releases of a stack; a release that does not render carries its error. */
export async function renderStackReleases(
  stack: StackTree,
  options: RenderOptions,
): Promise<{ releases: RenderedRelease[]; credentialValues: Set<string> }> {
  const planned = plan(stack, options);
  const runnable = planned.filter((p) => p.request);
  const results = await helmTemplateAll(
    runnable.map((p) => p.request!),
    {
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      ...(options.cache !== undefined ? { cache: options.cache } : {}),
      ...(options.progress ? { progress: options.progress } : {}),
    },
  );
  const byRelease = new Map(runnable.map((p, i) => [p.release.name, results[i]]));
  const credentialValues = new Set(planned.flatMap((p) => [...p.credentialValues]));
  const releases = planned.map((p): RenderedRelease => {
    const result = byRelease.get(p.release.name);
    const base = {
      release: p.release.name,
      chart: p.chart,
      version: p.version,
      values: p.values,
      notGiven: p.missing,
      ...(p.request ? { archive: p.request.chart } : {}),
    };
    if (!result) return { ...base, objects: [], error: p.error, ms: 0 };
    if (result.error)
      return { ...base, objects: [], error: `release "${p.release.name}": helm template failed: ${result.error}`, ms: result.ms };
    return { ...base, objects: manifestObjects(result.manifest, `${p.release.name} (rendered)`, options.cache ?? true), ms: result.ms };
  });
  return { releases, credentialValues };
}

// ---------------------------------------------------------------------------------------------
// Masking

/** A config-file line that sets a secret: `password = x`, `secret_key: x`, `"token": "x"`. */
const SECRET_LINE = /^(\s*["']?[\w.-]*(?:password|passwd|secret|secret_key|token|private_key|api_key|credentials?)["']?\s*[=:]\s*)(\S.*)$/i;
const PEM = /-----BEGIN ([A-Z ]*PRIVATE KEY)-----[\s\S]*?-----END \1-----/g;

/** A text with every credential value, secret-setting line and private key replaced by `***`. */
export function maskText(text: string, credentialValues: ReadonlySet<string>): string {
  let out = text.replace(PEM, '***');
  // Longest first, so that a value containing another is masked whole.
  for (const value of [...credentialValues].filter((v) => v.length >= 4).sort((a, b) => b.length - a.length))
    out = out.split(value).join('***');
  return out
    .split('\n')
    .map((line) =>
      line.replace(SECRET_LINE, (_, head: string, value: string) =>
        value === '***' || value === '"***"' ? `${head}${value}` : `${head}***`,
      ),
    )
    .join('\n');
}

/** A text that holds control characters is binary data (a keytab, an image), not a config file. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what marks binary data
const BINARY = /[\u0000-\u0008\u000e-\u001f\ufffd]/;

/**
 * The data of a ConfigMap or Secret, key to text: Secret `data` decoded from base64, `stringData`
 * as it is; non-string values are left out, and with `textOnly` binary data too.
 */
function decodeData(doc: JsonMap, textOnly = false): Record<string, string> {
  const out: Record<string, string> = {};
  if (isMap(doc.data)) {
    for (const [k, v] of Object.entries(doc.data)) {
      if (typeof v !== 'string') continue;
      const text = doc.kind === 'Secret' ? Buffer.from(v, 'base64').toString('utf8') : v;
      if (!(textOnly && doc.kind === 'Secret' && BINARY.test(text))) out[k] = text;
    }
  }
  if (isMap(doc.stringData)) for (const [k, v] of Object.entries(doc.stringData)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** The text files an object carries to a pod: ConfigMap data, Secret data (decoded, binary left out) and stringData. */
export function configFilesOf(object: JsonMap): Array<{ key: string; text: string }> {
  if (object.kind !== 'ConfigMap' && object.kind !== 'Secret') return [];
  return Object.entries(decodeData(object, true)).map(([key, text]) => ({ key, text }));
}

/**
 * An object as the operator reads it: a Secret's data decoded into `stringData` (so it can be read
 * and diffed), credentials masked unless `showSecrets`; any other object's strings masked too.
 */
export function presentObject(object: RenderedObject, credentialValues: ReadonlySet<string>, showSecrets = false): JsonMap {
  const mask = (v: Json): Json => {
    if (showSecrets) return v;
    if (typeof v === 'string') return maskText(v, credentialValues);
    if (Array.isArray(v)) return v.map(mask);
    if (isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mask(x)]));
    return v;
  };
  if (object.doc.kind !== 'Secret') return mask(object.doc) as JsonMap;
  const rest = Object.fromEntries(Object.entries(object.doc).filter(([k]) => k !== 'data' && k !== 'stringData')) as JsonMap;
  const decoded = decodeData(object.doc);
  return { ...(mask(rest) as JsonMap), ...(Object.keys(decoded).length > 0 ? { stringData: mask(decoded) as JsonMap } : {}) };
}

/** One config file as the pod sees it: every ConfigMap/Secret key of that name, decoded. */
export interface ConfigFile {
  readonly release: string;
  readonly object: string;
  readonly key: string;
  readonly text: string;
}

/** Every config file of that name in the rendered releases (masked unless `showSecrets`). */
export function findConfigFiles(
  releases: readonly RenderedRelease[],
  name: string,
  credentialValues: ReadonlySet<string>,
  showSecrets = false,
): ConfigFile[] {
  const out: ConfigFile[] = [];
  for (const release of releases) {
    for (const object of release.objects) {
      const file = configFilesOf(object.doc).find((f) => f.key === name);
      if (file)
        out.push({
          release: release.release,
          object: object.id,
          key: name,
          text: showSecrets ? file.text : maskText(file.text, credentialValues),
        });
    }
  }
  return out;
}

/** The rendered objects of a release as one multi-document YAML text. */
export function formatRelease(release: RenderedRelease, credentialValues: ReadonlySet<string>, showSecrets = false): string {
  const head = `# ${release.release}: chart ${release.chart} ${release.version}, ${release.objects.length} objects${showSecrets ? '' : ', credentials masked'}\n`;
  return head + release.objects.map((o) => `---\n${toYamlBody(presentObject(o, credentialValues, showSecrets))}`).join('');
}

// ---------------------------------------------------------------------------------------------
// Scanning rendered config files

/** One suspicious text in a rendered config file. */
export interface ScanFinding {
  /** `Kind/name key`. */
  readonly where: string;
  readonly what: string;
  /** The line it is on. */
  readonly line: string;
}

/** Published defaults of shared secrets that a running cloud must not keep (the chart's own values). */
const PUBLISHED_SECRETS: ReadonlyArray<{ readonly option: RegExp; readonly why: string }> = [
  {
    option: /^\s*metadata_proxy_shared_secret\s*=\s*password\s*$/,
    why: 'metadata_proxy_shared_secret is the published chart default "password"',
  },
  // The charts' endpoints default every account's password to "password": a URL or a password
  // option still holding it means the release's credential never reached the chart.
  { option: /:\/\/[^\s:@/]+:password@/, why: 'a URL carries the published chart default password' },
  { option: /^\s*(?:\w+_)?password\s*=\s*password\s*$/, why: 'a password option is the published chart default "password"' },
];

const SCAN_RULES: ReadonlyArray<{ readonly pattern: RegExp; readonly what: string }> = [
  { pattern: /<nil>/, what: 'a nil value printed as <nil>' },
  { pattern: /<no value>/, what: 'a missing value printed as <no value>' },
  { pattern: /%!/, what: 'a Go format error (%!)' },
  // file: and <x>+unix: URLs name no host by design.
  {
    pattern: /(?<![+\w])(?!file:)[a-z][a-z0-9.-]*(?:\+(?!unix:)[a-z0-9.-]+)?:\/\/(?:[^/@\s]*@)?(?=[:/,]|\s|$)/,
    what: 'an empty host in a URL',
  },
  { pattern: /@[A-Z][A-Z0-9_]+@/, what: 'a build token (@TOKEN@) never replaced' },
];

/** Every finding of the scan in the config files of `objects` (see SCAN_RULES and PUBLISHED_SECRETS). */
export function scanConfigFiles(objects: readonly JsonMap[]): ScanFinding[] {
  const findings: ScanFinding[] = [];
  for (const object of objects) {
    const name = isMap(object.metadata) ? String(object.metadata.name) : '?';
    for (const { key, text } of configFilesOf(object)) {
      const where = `${String(object.kind)}/${name} ${key}`;
      for (const line of text.split('\n')) {
        for (const rule of SCAN_RULES)
          if (rule.pattern.test(line)) findings.push({ where, what: rule.what, line: line.trim().slice(0, 200) });
        for (const rule of PUBLISHED_SECRETS)
          if (rule.option.test(line)) findings.push({ where, what: rule.why, line: line.trim().slice(0, 200) });
      }
    }
  }
  return findings;
}
