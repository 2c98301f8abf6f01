/**
 * `npm run validate [-- DIR]`: checks generated (or hand-edited) stacks the way Flux, kustomize and
 * Helm will read them. One problem per line, `stack/path: field: what is wrong`.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ChartSet, checkChartPins } from './chart-source';
import { checkCredentialRouting, scanCredentials } from './credential-scan';
import { checkEntrypoints, isEntrypointFolder } from './entrypoints';
import { fluxValidator } from './flux-schema';
import { checkStack, helmReleaseName } from './tree-check';
import { decodeUtf8, invalidUtf8Offset } from '../engine/utf8';
import { FluxVersions, unsupportedFields } from '../engine/flux-features';
import { yaml11Of, yaml12Of } from './parsed';
import { withYamlCache } from '../engine/yaml';
import { FLEET_BASE_DIR, fleetSites, materializeSite } from '../engine/fleet';
import { checkCredentialFolder, credentialFolderOf, credentialNeeds, readCredentialFolder } from './credential-needs';

export interface ValidateOptions {
  /** Run `kubectl kustomize` on each stack where kubectl exists. @default true */
  readonly kustomize?: boolean;
  /** Every HelmRelease's chart and version must be in this chart set. @default - pins are not checked */
  readonly charts?: ChartSet;
  /**
   * The controllers the tree is meant for: every field or label they would prune or ignore is a
   * problem, named with the version that adds it. @default - no check
   */
  readonly flux?: { readonly name: string; readonly versions: FluxVersions };
}

/** The fields of the tree's YAML files that the target's controllers would prune or ignore. */
export function checkTargetFields(files: ReadonlyMap<string, string>, flux: NonNullable<ValidateOptions['flux']>): string[] {
  const out: string[] = [];
  for (const file of [...files.keys()].filter((f) => /\.ya?ml$/.test(f)).sort()) {
    let docs: unknown[];
    try {
      docs = yaml12Of(files, file);
    } catch {
      continue; // reported by the YAML check
    }
    for (const doc of docs)
      for (const problem of unsupportedFields(doc, flux.versions))
        out.push(`${file}: ${problem.replace('(this target runs', `(target ${flux.name} runs`)}`);
  }
  return out;
}

export interface StackReport {
  readonly stack: string;
  readonly files: number;
  readonly problems: string[];
}

const DNS_1123_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const HELM_RELEASE_NAME_MAX = 53;

/** A folder's files as text, and what stopped a file from being read as the tree Flux would see. */
export interface ReadTree {
  readonly files: Map<string, string>;
  /** One line each: `path: (file): what is wrong`. */
  readonly problems: string[];
}

/**
 * Every regular file of a folder, relative path to text, with a problem line for what Flux would
 * not read as we do: a file that is not UTF-8 (kept, decoded with U+FFFD, so the other checks
 * still see it), a symlink that leaves the tree or loops, anything that is not a file or folder
 * (a FIFO would block the read). Symlinks inside the tree are followed, as git and kustomize do.
 */
export function readTreeChecked(dir: string): ReadTree {
  const files = new Map<string, string>();
  const problems: string[] = [];
  const root = fs.realpathSync(dir);
  const inside = (real: string) => real === root || real.startsWith(root + path.sep);
  const walk = (rel: string, realDir: string, ancestors: ReadonlySet<string>) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      const full = path.join(dir, child);
      let real = path.join(realDir, entry.name);
      if (entry.isSymbolicLink()) {
        const link = fs.readlinkSync(full);
        try {
          real = fs.realpathSync(full);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          problems.push(`${child}: (file): ${code === 'ELOOP' ? 'symlink loop' : 'dangling symlink'} (-> ${link})`);
          continue;
        }
        if (!inside(real)) {
          problems.push(`${child}: (file): symlink leaves the tree (-> ${link})`);
          continue;
        }
      }
      const stat = fs.statSync(real);
      if (stat.isDirectory()) {
        if (ancestors.has(real)) {
          problems.push(`${child}: (file): symlink loop (-> ${fs.readlinkSync(full)}, a folder that holds it)`);
          continue;
        }
        walk(child, real, new Set([...ancestors, real]));
      } else if (stat.isFile()) {
        if (stat.size > MAX_FILE_BYTES) {
          // Not read: Flux could not apply it, and parsing tens of megabytes takes minutes.
          problems.push(
            `${child}: (file): ${stat.size} bytes (a Kubernetes object or generated Secret holds at most ${MAX_FILE_BYTES}; not read)`,
          );
          files.set(child, '');
          continue;
        }
        const bytes = fs.readFileSync(real);
        const text = decodeUtf8(bytes);
        if (text === undefined) problems.push(`${child}: (file): not valid UTF-8 (byte ${invalidUtf8Offset(bytes)})`);
        files.set(child, text ?? bytes.toString('utf8'));
      } else {
        problems.push(`${child}: (file): not a regular file or folder`);
      }
    }
  };
  walk('', root, new Set([root]));
  return { files, problems };
}

/** Every file of a folder, relative path to text (see readTreeChecked for the problems). */
export function readTree(dir: string): Map<string, string> {
  return readTreeChecked(dir).files;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Files that YAML 1.1 (Helm) and YAML 1.2 (kustomize, Flux) read differently. */
export function checkYamlReadings(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const file of files.keys()) {
    if (!/\.ya?ml$/.test(file)) continue;
    let v11: unknown[];
    let v12: unknown[];
    try {
      v11 = yaml11Of(files, file);
      v12 = yaml12Of(files, file);
    } catch (error) {
      problems.push(`${file}: (file): ${(error as Error).message.replace(`${file}: `, '')}`);
      continue;
    }
    if (!sameJson(v11, v12)) {
      // Single-document files name the field without the document index.
      const where = v11.length === 1 && v12.length === 1 ? firstDifference(v11[0], v12[0], '') : firstDifference(v11, v12, '');
      problems.push(`${file}: ${where}: YAML 1.1 (Helm) and YAML 1.2 (kustomize) read this differently; quote the value`);
    }
  }
  return problems;
}

function firstDifference(a: unknown, b: unknown, at: string): string {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) if (!sameJson(a[i], b[i])) return firstDifference(a[i], b[i], `${at}[${i}]`);
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const x = (a as Record<string, unknown>)[k];
      const y = (b as Record<string, unknown>)[k];
      if (!sameJson(x, y)) return firstDifference(x, y, at ? `${at}.${k}` : k);
    }
    if (!sameJson(Object.keys(a), Object.keys(b))) return `${at || '(document)'} keys`;
  }
  return at || '(document)';
}

/** The documents of every YAML file that parses (the YAML check reports the others). */
function* yamlDocuments(files: ReadonlyMap<string, string>): Generator<{ file: string; docs: unknown[] }> {
  for (const file of files.keys()) {
    if (!/\.ya?ml$/.test(file)) continue;
    try {
      yield { file, docs: yaml12Of(files, file) };
    } catch {
      continue;
    }
  }
}

/** Kubernetes object names (DNS-1123) and Helm release names (at most 53 characters). */
export function checkNames(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const { file, docs } of yamlDocuments(files)) {
    for (const doc of docs) {
      const d = doc as {
        apiVersion?: unknown;
        kind?: unknown;
        metadata?: { name?: unknown };
        spec?: { releaseName?: unknown };
        secretGenerator?: Array<{ name?: unknown }>;
      } | null;
      if (!d || typeof d !== 'object') continue;
      if (typeof d.apiVersion === 'string' && typeof d.kind === 'string' && d.kind !== 'Kustomization') {
        const name = d.metadata?.name;
        if (typeof name !== 'string' || !DNS_1123_SUBDOMAIN.test(name)) {
          problems.push(`${file}: metadata.name: ${JSON.stringify(name)} is not a valid Kubernetes name (lower-case DNS-1123 subdomain)`);
        }
        if (d.kind === 'HelmRelease' && typeof name === 'string') {
          const spec = (d.spec ?? {}) as { releaseName?: unknown; targetNamespace?: unknown };
          const releaseName = helmReleaseName(name, spec);
          if (releaseName.length > HELM_RELEASE_NAME_MAX) {
            const derived = typeof spec.releaseName !== 'string' && typeof spec.targetNamespace === 'string' && spec.targetNamespace !== '';
            problems.push(
              derived
                ? `${file}: spec.targetNamespace: the Helm release name ${JSON.stringify(releaseName)} (targetNamespace-name, as Flux derives it) is ${releaseName.length} characters (Helm allows at most ${HELM_RELEASE_NAME_MAX}; Flux would shorten it with a hash; set spec.releaseName)`
                : `${file}: spec.releaseName: ${JSON.stringify(releaseName)} is ${releaseName.length} characters (Helm allows at most ${HELM_RELEASE_NAME_MAX})`,
            );
          }
        }
      }
      if (file.endsWith('kustomization.yaml') && Array.isArray(d.secretGenerator)) {
        d.secretGenerator.forEach((g, i) => {
          if (typeof g?.name !== 'string' || !DNS_1123_SUBDOMAIN.test(g.name)) {
            problems.push(`${file}: secretGenerator[${i}].name: ${JSON.stringify(g?.name)} is not a valid Kubernetes name`);
          }
        });
      }
    }
  }
  return problems;
}

/** Every Flux object against its CRD schema. */
export function checkSchemas(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const validator = fluxValidator();
  for (const { file, docs } of yamlDocuments(files)) {
    docs.forEach((doc) => {
      for (const error of validator.validate(doc)) {
        const [where, ...rest] = error.split(': ');
        const field = where === '/' ? '(object)' : where.slice(1).replace(/\//g, '.');
        problems.push(`${file}: ${field}: ${rest.join(': ')} (Flux CRD schema)`);
      }
    });
  }
  return problems;
}

let kubectlChecked: boolean | undefined;
/** True when `kubectl` runs here. */
export function kubectlAvailable(): boolean {
  kubectlChecked ??= spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
  return kubectlChecked;
}

/** `kubectl kustomize` of a stack folder; a problem line when it fails. */
export function checkKubectlKustomize(dir: string): string[] {
  const run = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status === 0) return [];
  // kubectl logs multi-line errors as `err=<` ... `>`: keep the lines that say what is wrong.
  const lines = (run.stderr || run.error?.message || 'failed')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && l !== '>' && !/^W\d{4} /.test(l) && !l.includes('is deprecated'));
  const reason = lines
    .map((l) =>
      l
        .replace(/^[EWI]\d{4} [\d:.]+\s+\d+ \S+\] /, '')
        .replace(/^"command failed" /, '')
        .replace(/^error: |^Error: |err=<$/, '')
        .trim(),
    )
    .filter(Boolean)
    .join(' ');
  return [`kustomization.yaml: (build): kubectl kustomize fails: ${reason || 'no reason given'}`];
}

/**
 * The largest file validate reads: every file of a stack becomes a Kubernetes object or the data
 * of a generated Secret or ConfigMap, which hold at most 1 MiB.
 */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Validates one stack folder. */
export function validateStack(dir: string, options: ValidateOptions = {}): StackReport {
  return withYamlCache(() => validateStackFiles(dir, options));
}

/** The checks of each file on its own: YAML readings, names, Flux schemas, plaintext credentials. */
function fileChecks(files: ReadonlyMap<string, string>): string[] {
  return [
    ...checkYamlReadings(files),
    ...checkNames(files),
    ...checkSchemas(files),
    ...scanCredentials(files).map((f) => `${f.file}: ${f.path || '(document)'}: ${f.problem}`),
  ];
}

/** True for a fleet folder (lib/engine/fleet.ts): shared bases under `base/`, site overlays, no top-level kustomization. */
export function isFleetFolder(dir: string): boolean {
  return (
    !fs.existsSync(path.join(dir, 'kustomization.yaml')) &&
    fs.existsSync(path.join(dir, FLEET_BASE_DIR)) &&
    fs.statSync(path.join(dir, FLEET_BASE_DIR)).isDirectory()
  );
}

/**
 * A fleet folder: every file as in a stack (YAML readings, names, schemas, credentials); each site
 * rebuilt as its standalone stack and checked as one; its entry points (clusters/<site>); and
 * `kubectl kustomize <site>` where kubectl exists.
 */
function validateFleetFiles(dir: string, options: ValidateOptions): StackReport {
  const { files, problems: read } = readTreeChecked(dir);
  const sites = fleetSites(files);
  const problems = [...read, ...fileChecks(files)];
  const credentials: string[] = [];
  if (sites.length === 0) problems.push('(folder): a fleet folder without any site overlay');
  for (const site of sites) {
    let stack: Map<string, string>;
    try {
      stack = materializeSite(files, site);
    } catch (error) {
      problems.push(`${site}/kustomization.yaml: (build): ${(error as Error).message}`);
      continue;
    }
    problems.push(
      ...checkStack(stack).map((p) => `${site}/${p}`),
      ...checkCredentialRouting(stack).map((f) => `${site}/${f.file}: ${f.path}: ${f.problem}`),
    );
    if (options.charts) problems.push(...checkChartPins(stack, options.charts).map((p) => `${site}/${p}`));
    credentials.push(
      ...siteCredentialProblems(
        path.resolve(dir, '..', '..', '..'),
        site,
        stack,
        new Map([...files].filter(([f]) => f.startsWith(`clusters/${site}/`))),
      ),
    );
    if ((options.kustomize ?? true) && kubectlAvailable())
      problems.push(...checkKubectlKustomize(path.join(dir, site)).map((p) => `${site}/${p}`));
  }
  const clusters = new Map([...files].filter(([f]) => f.startsWith('clusters/')));
  if (clusters.size > 0) problems.push(...checkEntrypoints(clusters, path.resolve(dir, '..', '..', '..'), path.resolve(dir, '..', '..')));
  const stack = path.relative(path.resolve(dir, '..', '..'), path.resolve(dir));
  return { stack, files: files.size, problems: [...new Set(problems)].map((p) => `${stack}/${p}`) };
}

/**
 * The checks of a site's credentials folder (credential-needs.ts), once the repository has a
 * `credentials/` folder at all (before the first `npm run credentials` there is nothing to check).
 * Lines name the folder relative to the repository root.
 */
export function siteCredentialProblems(
  repoRoot: string,
  site: string,
  stack: ReadonlyMap<string, string>,
  entrypoints: ReadonlyMap<string, string>,
): string[] {
  if (!fs.existsSync(path.join(repoRoot, 'credentials'))) return [];
  const rel = credentialFolderOf(site, entrypoints);
  return checkCredentialFolder(site, readCredentialFolder(path.join(repoRoot, rel)), credentialNeeds(stack), `${rel}/`);
}

/** The entry points of a site under `<dist>/clusters/<site>/`, as files relative to that folder. */
function siteEntrypoints(distRoot: string, site: string): Map<string, string> {
  const dir = path.join(distRoot, 'clusters', site);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return new Map();
  return new Map(
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')] as const),
  );
}

/**
 * One site of a fleet folder, checked as its own stack: the site rebuilt standalone (the files
 * kustomize reads for it, shared ones included) checked file by file and as a stack, `kubectl
 * kustomize <fleet>/<site>` where kubectl exists, and its entry points (clusters/<site>/). What
 * the fleet folder holds for other sites is left out. The report is named `<fleet>/<site>`.
 */
export function validateSubcloud(dir: string, site: string, options: ValidateOptions = {}): StackReport {
  return withYamlCache(() => {
    const { files, problems: read } = readTreeChecked(dir);
    const others = fleetSites(files).filter((s) => s !== site);
    const problems = read.filter((p) => !others.some((o) => p.startsWith(`${o}/`) || p.startsWith(`clusters/${o}/`)));
    let count = 0;
    if (!fleetSites(files).includes(site)) problems.push(`${site}/kustomization.yaml: (file): no such site in the fleet folder`);
    else {
      try {
        const stack = materializeSite(files, site);
        count = stack.size;
        problems.push(
          ...[
            ...fileChecks(stack),
            ...checkStack(stack),
            ...checkCredentialRouting(stack).map((f) => `${f.file}: ${f.path}: ${f.problem}`),
          ].map((p) => `${site}/${p}`),
        );
      } catch (error) {
        problems.push(`${site}/kustomization.yaml: (build): ${(error as Error).message}`);
      }
      if ((options.kustomize ?? true) && kubectlAvailable())
        problems.push(...checkKubectlKustomize(path.join(dir, site)).map((p) => `${site}/${p}`));
    }
    const clusters = new Map([...files].filter(([f]) => f.startsWith(`clusters/${site}/`)));
    if (clusters.size > 0) problems.push(...checkEntrypoints(clusters, path.resolve(dir, '..', '..', '..'), path.resolve(dir, '..', '..')));
    const fleet = path.relative(path.resolve(dir, '..', '..'), path.resolve(dir));
    const credentials =
      count > 0 ? siteCredentialProblems(path.resolve(dir, '..', '..', '..'), site, materializeSite(files, site), clusters) : [];
    return {
      stack: `${fleet}/${site}`,
      files: count + clusters.size,
      problems: [...[...new Set(problems)].map((p) => `${fleet}/${p}`), ...credentials],
    };
  });
}

function validateStackFiles(dir: string, options: ValidateOptions): StackReport {
  if (isFleetFolder(dir)) return validateFleetFiles(dir, options);
  const { files, problems: read } = readTreeChecked(dir);
  const entrypoints = isEntrypointFolder(files);
  const problems = [
    ...read,
    ...fileChecks(files),
    // Flux entry points (dist/clusters/) are read by kustomize-controller file by file, paths from the repository root.
    ...(entrypoints
      ? checkEntrypoints(files, path.dirname(path.dirname(path.resolve(dir))), path.dirname(path.resolve(dir)))
      : checkStack(files)),
    ...checkCredentialRouting(files).map((f) => `${f.file}: ${f.path}: ${f.problem}`),
    ...(options.charts ? checkChartPins(files, options.charts) : []),
    ...(options.flux ? checkTargetFields(files, options.flux) : []),
  ];
  if ((options.kustomize ?? true) && files.has('kustomization.yaml') && kubectlAvailable()) problems.push(...checkKubectlKustomize(dir));
  const stack = path.basename(dir);
  const credentials =
    entrypoints || !files.has('kustomization.yaml')
      ? []
      : siteCredentialProblems(path.resolve(dir, '..', '..'), stack, files, siteEntrypoints(path.resolve(dir, '..'), stack));
  // One line per fault: two checks that see the same field (schema and names, tree and
  // credentials) keep the first line.
  const seen = new Set<string>();
  const unique = problems.filter((line) => {
    const [file, field] = line.split(': ');
    const key = field === '(file)' ? line : `${file}: ${field}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { stack, files: files.size, problems: [...unique.map((p) => `${stack}/${p}`), ...credentials] };
}

/** The stack folders of DIR: DIR itself when it holds a kustomization.yaml, else its subfolders. */
export function stackFolders(dir: string): string[] {
  if (!fs.existsSync(dir)) throw new Error(`${dir}: no such folder`);
  if (fs.existsSync(path.join(dir, 'kustomization.yaml')) || isFleetFolder(dir)) return [dir];
  return (
    fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => path.join(dir, e.name))
      // dist/fleet/ holds one fleet folder per inventory.
      .flatMap((sub) =>
        path.basename(sub) === 'fleet' && !fs.existsSync(path.join(sub, 'kustomization.yaml'))
          ? fs
              .readdirSync(sub)
              .map((f) => path.join(sub, f))
              .filter(isFleetFolder)
          : [sub],
      )
      .sort()
  );
}
