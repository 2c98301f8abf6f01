/**
 * What Helm renders for the HelmReleases of a written stack: the effective values computed as
 * helm-controller computes them (lib/commands/values.ts), the chart found by name in a chart folder
 * (its `index.yaml`, else each `*.tgz`'s Chart.yaml), then `helm template <releaseName> <chart>
 * -n <namespace> -f values.json` with Helm v3 (lib/commands/helm.ts), two processes at a time,
 * cached by chart digest and values.
 *
 * Credentials that live outside the tree come from a lookup: `testCredentials` makes them the way
 * the credentials command makes them, plus realistic stand-ins for what the operator provides
 * (Ceph keyrings, TLS material).
 */
import { generateKeyPairSync, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { generateValues, valuesDocuments } from './credentials';
import { fileDigest, helmTemplate, inParallel } from './helm';
import { effectiveValues, ExternalLookup, isMap, JsonMap, StackTree, TreeRelease } from './values';
import { ResolvedDeployment } from '../deployment/resolve';
import { parseYaml12 } from '../engine/yaml';

/** One chart of a chart folder. */
export interface ChartFile {
  readonly name: string;
  readonly version: string;
  readonly file: string;
  /** sha256 of the .tgz. */
  readonly digest: string;
}

/** The charts of a folder, by chart name (several versions possible, newest listed first by the index). */
export interface ChartSet {
  readonly dir: string;
  readonly charts: ReadonlyMap<string, readonly ChartFile[]>;
}

/** The text of `<chart>/<member>` inside a chart .tgz (a gzipped tar: 512-byte headers, data padded to 512), or undefined. */
export function chartMember(tgz: string, member: string): string | undefined {
  const tar = gunzipSync(fs.readFileSync(tgz));
  let at = 0;
  while (at + 512 <= tar.length) {
    const name = tar.toString('utf8', at, at + 100).replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(tar.toString('utf8', at + 124, at + 136).replace(/\0.*$/s, '').trim() || '0', 8);
    if (name.slice(name.indexOf('/') + 1) === member && !name.slice(0, name.indexOf('/')).includes('/')) return tar.toString('utf8', at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

/** Reads Chart.yaml out of a chart .tgz. */
export function chartYamlOf(tgz: string): { name: string; version: string } {
  const text = chartMember(tgz, 'Chart.yaml');
  if (text === undefined) throw new Error(`${tgz}: no <chart>/Chart.yaml in the archive`);
  const doc = parseYaml12(text, `${tgz}:Chart.yaml`)[0];
  if (!isMap(doc) || typeof doc.name !== 'string' || doc.version === undefined) throw new Error(`${tgz}: Chart.yaml has no name or version`);
  return { name: doc.name, version: String(doc.version) };
}

/** The charts of a folder: from its `index.yaml` when there is one, else every `*.tgz`. */
export function loadCharts(dir: string): ChartSet {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new Error(`charts: ${dir} is not a folder`);
  const charts = new Map<string, ChartFile[]>();
  const add = (chart: ChartFile) => charts.set(chart.name, [...(charts.get(chart.name) ?? []), chart]);
  const index = path.join(dir, 'index.yaml');
  if (fs.existsSync(index)) {
    const doc = parseYaml12(fs.readFileSync(index, 'utf8'), index)[0];
    const entries = isMap(doc) && isMap(doc.entries) ? doc.entries : {};
    for (const [name, versions] of Object.entries(entries)) {
      for (const entry of Array.isArray(versions) ? versions : []) {
        if (!isMap(entry) || !Array.isArray(entry.urls) || typeof entry.urls[0] !== 'string') continue;
        const file = path.join(dir, entry.urls[0]);
        if (!fs.existsSync(file)) continue;
        add({ name, version: String(entry.version), file, digest: typeof entry.digest === 'string' ? entry.digest : fileDigest(file) });
      }
    }
  } else {
    for (const base of fs.readdirSync(dir).filter((f) => f.endsWith('.tgz')).sort()) {
      const file = path.join(dir, base);
      const { name, version } = chartYamlOf(file);
      add({ name, version, file, digest: fileDigest(file) });
    }
  }
  return { dir, charts };
}

// ---------------------------------------------------------------------------------------------
// Test credentials

/** A PEM block of `bytes` random bytes: the shape of real material, for renders only. */
function pemBlock(label: string, bytes: number): string {
  const body = randomBytes(bytes).toString('base64').replace(/(.{64})/g, '$1\n').trim();
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** A Ceph key as `ceph auth get-key` prints it (a base64 of 28 bytes: type, created, length, 16-byte secret). */
function cephKey(): string {
  const buf = Buffer.alloc(28);
  buf.writeUInt16LE(1, 0);
  buf.writeUInt32LE(Math.floor(Date.now() / 1000), 2);
  buf.writeUInt16LE(16, 10);
  randomBytes(16).copy(buf, 12);
  return buf.toString('base64');
}

let testKey: string | undefined;

/** Realistic stand-in for a value the operator provides, by its key name. */
export function providedTestValue(key: string): string {
  if (/keyring|ceph.*key/i.test(key)) return cephKey();
  if (/(^|[._-])(tls|ssl)?[._-]?key$|private/i.test(key)) {
    testKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    return testKey;
  }
  if (/crt|cert|(^|[._-])ca($|[._-])/i.test(key)) return pemBlock('CERTIFICATE', 900);
  return randomBytes(18).toString('base64url');
}

/**
 * The lookup a test render uses: the credentials `npm run credentials` makes for the deployment
 * (when given), and realistic stand-ins for what the operator provides. Like the credentials
 * command, it keeps what exists: with `keepIn`, a JSON file (under node_modules/.cache for tests)
 * holds the values between runs, so renders stay cached. Test values only, never a site's.
 */
export function testCredentials(deployment?: ResolvedDeployment, keepIn?: string): ExternalLookup {
  let kept: Record<string, Record<string, string>> = {};
  if (keepIn && fs.existsSync(keepIn)) kept = JSON.parse(fs.readFileSync(keepIn, 'utf8')) as Record<string, Record<string, string>>;
  const existing = new Map(Object.entries(kept));
  const secrets = deployment ? generateValues(deployment, existing, false).secrets : new Map<string, Record<string, string>>();
  const all: Record<string, Record<string, string>> = { ...kept };
  for (const [name, data] of secrets) all[name] = { ...(all[name] ?? {}), ...data };
  // The releases read their credentials as one values document each (helm-values.<release>.yaml),
  // which the credentials command builds from the values; what the operator provides is filled in.
  if (deployment) {
    for (const name of secrets.keys()) {
      const values = all[name];
      const filled = new Proxy(values, { get: (target, key: string) => target[key] ?? (target[key] = providedTestValue(key)) });
      Object.assign(values, valuesDocuments(deployment, name, filled).data);
    }
  }
  const save = () => {
    if (!keepIn) return;
    fs.mkdirSync(path.dirname(keepIn), { recursive: true });
    const tmp = `${keepIn}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    fs.renameSync(tmp, keepIn);
  };
  save();
  return (kind, name, key) => {
    const store = (all[`${kind}/${name}`] ??= {});
    const made = kind === 'Secret' ? all[name]?.[key] : undefined;
    if (made !== undefined) return made;
    if (store[key] === undefined) {
      store[key] = providedTestValue(key);
      save();
    }
    return store[key];
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering

export interface RenderedRelease {
  /** metadata.name of the HelmRelease. */
  readonly release: string;
  readonly releaseName: string;
  readonly namespace: string;
  readonly chart: string;
  /** The chart file used, or undefined when the folder has none of that name. */
  readonly chartFile?: ChartFile;
  /** Rendered objects (empty on failure). */
  readonly objects: JsonMap[];
  /** Why it did not render: Helm's error, or the missing chart. */
  readonly error?: string;
  readonly millis: number;
  readonly cached: boolean;
  readonly values: JsonMap;
}

function namespaceOf(stack: StackTree, release: TreeRelease): string {
  if (typeof release.spec.targetNamespace === 'string') return release.spec.targetNamespace;
  for (let dir = path.posix.dirname(release.file); ; dir = path.posix.dirname(dir)) {
    const file = dir === '.' ? 'kustomization.yaml' : `${dir}/kustomization.yaml`;
    const text = stack.files.get(file);
    if (text !== undefined) {
      const doc = parseYaml12(text, file).find(isMap);
      if (isMap(doc) && typeof doc.namespace === 'string') return doc.namespace;
    }
    if (dir === '.') return 'default';
  }
}

/** The chart a HelmRelease asks for, by name (versions are not matched: the pins are checked elsewhere). */
export function chartFor(charts: ChartSet, name: string): ChartFile | undefined {
  return charts.charts.get(name)?.[0];
}

/** Renders every HelmRelease of a stack (or the named ones), `parallel` Helm processes at a time. */
export async function renderStack(
  stack: StackTree,
  charts: ChartSet,
  options: { readonly external?: ExternalLookup; readonly releases?: readonly string[]; readonly parallel?: number; readonly cache?: boolean } = {},
): Promise<RenderedRelease[]> {
  const wanted = options.releases ? stack.releases.filter((r) => options.releases!.includes(r.name)) : stack.releases;
  const tasks = wanted.map((release) => async (): Promise<RenderedRelease> => {
    const chartSpec = isMap(release.spec.chart) && isMap(release.spec.chart.spec) ? release.spec.chart.spec : {};
    const chart = String(chartSpec.chart ?? release.name);
    const releaseName = typeof release.spec.releaseName === 'string' ? release.spec.releaseName : release.name;
    const namespace = namespaceOf(stack, release);
    const { values } = effectiveValues(stack.files, release, options.external);
    const chartFile = chartFor(charts, chart);
    const base = { release: release.name, releaseName, namespace, chart, chartFile, values };
    if (!chartFile) return { ...base, objects: [], error: `no chart "${chart}" in ${charts.dir}`, millis: 0, cached: false };
    const result = await helmTemplate({ chartFile: chartFile.file, chartDigest: chartFile.digest, releaseName, namespace, values }, { cache: options.cache });
    if (result.manifest === undefined) return { ...base, objects: [], error: result.error, millis: result.millis, cached: result.cached };
    const objects = parseYaml12(result.manifest, `${release.name} (helm template)`).filter(isMap) as JsonMap[];
    return { ...base, objects, millis: result.millis, cached: result.cached };
  });
  return inParallel(tasks, options.parallel ?? 2);
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
  { option: /^\s*metadata_proxy_shared_secret\s*=\s*password\s*$/, why: 'metadata_proxy_shared_secret is the published chart default "password"' },
];

const SCAN_RULES: ReadonlyArray<{ readonly pattern: RegExp; readonly what: string }> = [
  { pattern: /<nil>/, what: 'a nil value printed as <nil>' },
  { pattern: /<no value>/, what: 'a missing value printed as <no value>' },
  { pattern: /%!/, what: 'a Go format error (%!)' },
  // file: and <x>+unix: URLs name no host by design.
  { pattern: /(?<![+\w])(?!file:)[a-z][a-z0-9.-]*(?:\+(?!unix:)[a-z0-9.-]+)?:\/\/(?:[^/@\s]*@)?(?=[:/,]|\s|$)/, what: 'an empty host in a URL' },
  { pattern: /@[A-Z][A-Z0-9_]+@/, what: 'a build token (@TOKEN@) never replaced' },
];

/** The text files an object carries to a pod: ConfigMap data, Secret data (decoded) and stringData. */
export function configFilesOf(object: JsonMap): Array<{ key: string; text: string }> {
  const out: Array<{ key: string; text: string }> = [];
  if (object.kind === 'ConfigMap' && isMap(object.data)) {
    for (const [key, value] of Object.entries(object.data)) if (typeof value === 'string') out.push({ key, text: value });
  }
  if (object.kind === 'Secret') {
    if (isMap(object.data)) {
      for (const [key, value] of Object.entries(object.data)) {
        if (typeof value !== 'string') continue;
        const text = Buffer.from(value, 'base64').toString('utf8');
        // Binary data (keytabs, images) is not a config file.
        // eslint-disable-next-line no-control-regex -- control characters are exactly what marks binary data
        if (!/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text)) out.push({ key, text });
      }
    }
    if (isMap(object.stringData)) {
      for (const [key, value] of Object.entries(object.stringData)) if (typeof value === 'string') out.push({ key, text: value });
    }
  }
  return out;
}

/** Every finding of the scan in the config files of `objects` (see SCAN_RULES and PUBLISHED_SECRETS). */
export function scanConfigFiles(objects: readonly JsonMap[]): ScanFinding[] {
  const findings: ScanFinding[] = [];
  for (const object of objects) {
    const name = isMap(object.metadata) ? String(object.metadata.name) : '?';
    for (const { key, text } of configFilesOf(object)) {
      const where = `${String(object.kind)}/${name} ${key}`;
      for (const line of text.split('\n')) {
        for (const rule of SCAN_RULES) if (rule.pattern.test(line)) findings.push({ where, what: rule.what, line: line.trim().slice(0, 200) });
        for (const rule of PUBLISHED_SECRETS) if (rule.option.test(line)) findings.push({ where, what: rule.why, line: line.trim().slice(0, 200) });
      }
    }
  }
  return findings;
}

