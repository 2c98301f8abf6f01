/**
 * A set of Helm charts to check pins against and to render with, from what an operator has:
 *
 * - a folder of chart packages (`<chart>-<version>.tgz`, each read for its Chart.yaml), or a folder
 *   with only a Helm repository `index.yaml`;
 * - an application tarball as StarlingX builds it (a tgz holding `charts/<chart>-<version>.tgz`);
 * - a Helm repository index: an `index.yaml` file, or an http(s) URL of one (a URL not ending in
 *   `.yaml` is a repository and gets `/index.yaml`, as `helm repo add` reads it).
 *
 * Nothing is installed: chart packages are read in memory, and those inside a tarball or behind a
 * URL are written to a cache folder only when a render asks for the archive.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readTarFiles } from '../engine/tar';
import { parseYaml11 } from '../engine/yaml';
import { yaml12Of } from './parsed';
import { helmReleaseOf } from './manifests';
import { isHelmRelease } from './tree-check';

/** One version of one chart in a set. */
export interface ChartVersion {
  readonly name: string;
  readonly version: string;
  /** The chart package: a local .tgz path or an http(s) URL. */
  readonly archive: string;
  /** sha256 of the package, when known (read from the package or from the index). */
  readonly digest?: string;
}

export type ChartSetKind = 'folder' | 'app tarball' | 'repository index';

export interface ChartSet {
  /** What was given (a path or URL), for messages. */
  readonly origin: string;
  readonly kind: ChartSetKind;
  /** Every version of every chart, versions in the order found. */
  readonly charts: ReadonlyMap<string, readonly ChartVersion[]>;
}

export interface ChartSetOptions {
  /** Where packages from a tarball or a URL are kept. @default <os tmpdir>/stx-openstack-gitops-charts */
  readonly cacheDir?: string;
}

const DEFAULT_CACHE = path.join(os.tmpdir(), 'stx-openstack-gitops-charts');

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/** The body of an http(s) URL, fetched synchronously by a child node (the commands are synchronous). */
export function fetchUrl(url: string): Buffer {
  const script =
    'fetch(process.argv[1]).then(async (r) => { if (!r.ok) { process.stderr.write(`HTTP ${r.status} ${r.statusText}`); process.exit(3); } ' +
    'process.stdout.write(Buffer.from(await r.arrayBuffer())); }).catch((e) => { process.stderr.write(String(e.cause?.message ?? e.message)); process.exit(3); });';
  const run = spawnSync(process.execPath, ['-e', script, url], { maxBuffer: 1024 * 1024 * 1024 });
  if (run.status !== 0)
    throw new Error(`${url}: could not be fetched (${run.stderr?.toString().trim() || run.error?.message || `exit ${run.status}`})`);
  return run.stdout;
}

/** Chart.yaml of a chart package: its name and version. */
export function chartOfPackage(archive: Buffer, where: string): { name: string; version: string } {
  const files = readTarFiles(archive, where, (f) => /^[^/]+\/Chart\.yaml$/.test(f));
  const [file, content] = [...files][0] ?? [];
  if (!file || !content) throw new Error(`${where}: not a Helm chart package (no <chart>/Chart.yaml inside)`);
  const doc = parseYaml11(content.toString('utf8'), `${where}:${file}`)[0] as { name?: unknown; version?: unknown } | null;
  if (!doc || typeof doc.name !== 'string' || (typeof doc.version !== 'string' && typeof doc.version !== 'number')) {
    throw new Error(`${where}:${file}: expected a name and a version`);
  }
  return { name: doc.name, version: String(doc.version) };
}

/** The text of `<chart>/<member>` (e.g. `values.yaml`) in a local chart package, or undefined. */
export function chartMember(archive: string, member: string): string | undefined {
  const files = readTarFiles(
    fs.readFileSync(archive),
    archive,
    (f) => f.slice(f.indexOf('/') + 1) === member && !f.slice(0, f.indexOf('/')).includes('/'),
  );
  const [content] = [...files.values()];
  return content?.toString('utf8');
}

function add(charts: Map<string, ChartVersion[]>, entry: ChartVersion): void {
  const list = charts.get(entry.name) ?? [];
  list.push(entry);
  charts.set(entry.name, list);
}

/** A Helm repository index: its entries, package URLs resolved against `base` (a folder or a URL). */
export function parseRepositoryIndex(text: string, where: string, base: string): Map<string, ChartVersion[]> {
  const doc = parseYaml11(text, where)[0] as { entries?: unknown } | null;
  if (!doc || typeof doc !== 'object' || !doc.entries || typeof doc.entries !== 'object')
    throw new Error(`${where}: not a Helm repository index (no entries)`);
  const charts = new Map<string, ChartVersion[]>();
  for (const [name, versions] of Object.entries(doc.entries as Record<string, unknown>)) {
    if (!Array.isArray(versions)) throw new Error(`${where}: entries.${name}: expected a list of chart versions`);
    versions.forEach((v: { version?: unknown; urls?: unknown; digest?: unknown }, i) => {
      const url = Array.isArray(v?.urls) && typeof v.urls[0] === 'string' ? v.urls[0] : undefined;
      if (v?.version === undefined || !url) throw new Error(`${where}: entries.${name}[${i}]: expected a version and urls`);
      const archive = isUrl(url)
        ? url
        : isUrl(base)
          ? new URL(url, base.endsWith('/') ? base : `${base}/`).toString()
          : path.resolve(base, url);
      add(charts, { name, version: String(v.version), archive, ...(typeof v.digest === 'string' ? { digest: v.digest } : {}) });
    });
  }
  return charts;
}

function openFolder(dir: string): Map<string, ChartVersion[]> {
  const packages = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.tgz'))
    .sort();
  if (packages.length === 0) {
    const index = path.join(dir, 'index.yaml');
    if (!fs.existsSync(index)) throw new Error(`${dir}: no chart here (expected <chart>-<version>.tgz files or an index.yaml)`);
    return parseRepositoryIndex(fs.readFileSync(index, 'utf8'), index, dir);
  }
  const charts = new Map<string, ChartVersion[]>();
  for (const file of packages) {
    const full = path.join(dir, file);
    const bytes = fs.readFileSync(full);
    add(charts, { ...chartOfPackage(bytes, full), archive: full, digest: sha256(bytes) });
  }
  return charts;
}

/** The chart packages of an app tarball (`charts/*.tgz` at any depth), kept in the cache. */
function openAppTarball(file: string, cacheDir: string): Map<string, ChartVersion[]> {
  const bytes = fs.readFileSync(file);
  const inner = readTarFiles(bytes, file, (f) => /(^|\/)charts\/[^/]+\.tgz$/.test(f));
  if (inner.size === 0) {
    const isChart = readTarFiles(bytes, file, (f) => /^[^/]+\/Chart\.yaml$/.test(f)).size > 0;
    throw new Error(
      `${file}: ${isChart ? 'a single chart package, not an app tarball (give the folder that holds it)' : 'not an app tarball (no charts/*.tgz inside)'}`,
    );
  }
  const dir = path.join(cacheDir, `app-${sha256(bytes).slice(0, 16)}`);
  fs.mkdirSync(dir, { recursive: true });
  const charts = new Map<string, ChartVersion[]>();
  for (const [member, content] of [...inner].sort(([a], [b]) => a.localeCompare(b))) {
    const chart = chartOfPackage(content, `${file}:${member}`);
    const target = path.join(dir, `${chart.name}-${chart.version}.tgz`);
    if (!fs.existsSync(target)) {
      const tmp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, content);
      fs.renameSync(tmp, target);
    }
    add(charts, { ...chart, archive: target, digest: sha256(content) });
  }
  return charts;
}

/** Opens a chart set: a folder, an app tarball, an index.yaml file, or a repository URL. */
export function openChartSet(location: string, options: ChartSetOptions = {}): ChartSet {
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE;
  if (isUrl(location)) {
    const indexUrl = /\.ya?ml$/i.test(new URL(location).pathname) ? location : `${location.replace(/\/+$/, '')}/index.yaml`;
    const base = indexUrl.slice(0, indexUrl.lastIndexOf('/') + 1);
    return {
      origin: location,
      kind: 'repository index',
      charts: parseRepositoryIndex(fetchUrl(indexUrl).toString('utf8'), indexUrl, base),
    };
  }
  if (!fs.existsSync(location))
    throw new Error(
      `${location}: no such file or folder (expected a chart folder, an app tarball, an index.yaml or an http(s) repository URL)`,
    );
  if (fs.statSync(location).isDirectory()) return { origin: location, kind: 'folder', charts: openFolder(location) };
  if (/\.ya?ml$/i.test(location))
    return {
      origin: location,
      kind: 'repository index',
      charts: parseRepositoryIndex(fs.readFileSync(location, 'utf8'), location, path.dirname(path.resolve(location))),
    };
  return { origin: location, kind: 'app tarball', charts: openAppTarball(location, cacheDir) };
}

/** Why `chart` at `version` is not in the set, or undefined when it is. */
export function missingChart(set: ChartSet, chart: string, version: string): string | undefined {
  const versions = set.charts.get(chart);
  if (!versions) return `chart "${chart}" is not in ${set.origin} (charts there: ${[...set.charts.keys()].sort().join(', ') || 'none'})`;
  if (versions.some((v) => v.version === version)) return undefined;
  const range = /^[<>=~^*]|\s|\|\|/.test(version) ? '; a range, not a pin: name one exact version' : '';
  return `chart "${chart}" version "${version}" is not in ${set.origin} (available: ${versions.map((v) => v.version).join(', ')}${range})`;
}

/** The entry of `chart` at `version`; throws the reason when the set does not hold it. */
export function findChart(set: ChartSet, chart: string, version: string): ChartVersion {
  const problem = missingChart(set, chart, version);
  if (problem) throw new Error(problem);
  return set.charts.get(chart)!.find((v) => v.version === version)!;
}

/** A local path of the chart package: downloaded into the cache when it is a URL (checked against the digest). */
export function chartArchivePath(entry: ChartVersion, options: ChartSetOptions = {}): string {
  if (!isUrl(entry.archive)) {
    if (!fs.existsSync(entry.archive))
      throw new Error(`${entry.archive}: the package of chart "${entry.name}" ${entry.version} is missing`);
    return entry.archive;
  }
  const dir = path.join(options.cacheDir ?? DEFAULT_CACHE, 'downloads');
  const target = path.join(dir, `${entry.digest ?? sha256(Buffer.from(entry.archive))}-${entry.name}-${entry.version}.tgz`);
  if (fs.existsSync(target)) return target;
  const bytes = fetchUrl(entry.archive);
  if (entry.digest && sha256(bytes) !== entry.digest)
    throw new Error(`${entry.archive}: sha256 ${sha256(bytes)} is not the index's digest ${entry.digest}`);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, target);
  return target;
}

/**
 * Every HelmRelease pin of a stack's files that the set does not hold: one problem line each,
 * `file: spec.chart.spec.version: release "r": chart "c" version "v" is not in ... (available: ...)`.
 */
export function checkChartPins(files: ReadonlyMap<string, string>, set: ChartSet): string[] {
  const problems: string[] = [];
  for (const file of [...files.keys()].filter((f) => /\.ya?ml$/.test(f)).sort()) {
    let docs: unknown[];
    try {
      docs = yaml12Of(files, file);
    } catch {
      continue; // the YAML check reports it
    }
    for (const doc of docs) {
      if (!isHelmRelease(doc)) continue;
      const { chart, version, name: release } = helmReleaseOf(doc, file);
      if (chart === '') continue;
      if (version === '') {
        problems.push(
          `${file}: spec.chart.spec.version: release "${release}": chart "${chart}" has no pinned version (expected one of ${
            set.charts
              .get(chart)
              ?.map((v) => v.version)
              .join(', ') ?? 'none'
          })`,
        );
        continue;
      }
      const problem = missingChart(set, chart, version);
      if (problem) problems.push(`${file}: spec.chart.spec.version: release "${release}": ${problem}`);
    }
  }
  return problems;
}
