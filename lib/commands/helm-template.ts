/**
 * `helm template` of one HelmRelease as helm-controller would install it: the chart package, the
 * release name and namespace, the effective values on stdin. Helm v3 from `HELM`, else `helm` on
 * PATH. Several releases render in parallel child processes (Helm is one process per render).
 * A successful render is cached on disk by the chart package's digest, the Helm binary, the
 * release name, namespace and values (`STX_RENDER_CACHE`, default
 * node_modules/.cache/stx-openstack-gitops/helm-template): the same inputs render the same objects
 * (but for the values a chart generates at random, which the comparisons mask).
 */
import { spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { JsonMap } from './values';

/** The Kubernetes version the charts' Capabilities see: StarlingX's supported minimum for the app. */
export const KUBE_VERSION = '1.32.0';

let located: string | undefined;

/** The Helm v3 binary: `HELM`, else `helm` on PATH; an error saying how to get one otherwise. */
export function helmBinary(): string {
  if (located) return located;
  const candidates = [process.env.HELM, 'helm'].filter((c): c is string => !!c);
  for (const candidate of candidates) {
    const run = spawnSync(candidate, ['version', '--short'], { encoding: 'utf8' });
    if (run.status === 0) {
      if (!/^v3\./.test(run.stdout.trim())) throw new Error(`${candidate}: Helm ${run.stdout.trim()} is not Helm v3 (helm-controller embeds Helm v3; set HELM to a v3 binary)`);
      located = candidate;
      return candidate;
    }
  }
  throw new Error('no Helm v3 binary: set HELM to one, or put helm on PATH');
}

/** One render: the chart package and what helm-controller passes to Helm. */
export interface TemplateRequest {
  /** A local chart package (.tgz). */
  readonly chart: string;
  readonly releaseName: string;
  readonly namespace: string;
  readonly values: JsonMap;
}

export interface TemplateResult {
  /** The rendered manifest (multi-document YAML), empty on failure. */
  readonly manifest: string;
  /** Helm's error, when the render failed. */
  readonly error?: string;
  /** Wall time of the helm process, ms. */
  readonly ms: number;
}

/**
 * API groups a StarlingX cluster serves beyond Kubernetes' own, which charts test with
 * `.Capabilities.APIVersions.Has` (nginx-ports-control writes its Calico GlobalNetworkPolicy only
 * when Calico's API is there; StarlingX runs Calico and cert-manager).
 */
export const PLATFORM_API_VERSIONS = ['crd.projectcalico.org/v1', 'cert-manager.io/v1'] as const;

function args(request: TemplateRequest): string[] {
  const apiVersions = PLATFORM_API_VERSIONS.flatMap((v) => ['--api-versions', v]);
  return ['template', request.releaseName, request.chart, '--namespace', request.namespace, '--kube-version', KUBE_VERSION, ...apiVersions, '--values', '-'];
}

function errorText(stderr: string, code: number | null): string {
  const text = stderr.trim().replace(/^Error: /, '');
  return text || `helm exited ${code}`;
}

const DEFAULT_CACHE = path.resolve(__dirname, '..', '..', 'node_modules', '.cache', 'stx-openstack-gitops', 'helm-template');

/** The render cache folder (STX_RENDER_CACHE, else under node_modules/.cache). */
export function renderCacheDir(): string {
  return process.env.STX_RENDER_CACHE ?? DEFAULT_CACHE;
}

const digests = new Map<string, string>();
/** sha256 of a chart package, remembered by path, size and mtime. */
function fileDigest(file: string): string {
  const stat = fs.statSync(file);
  const key = `${file}\0${stat.size}\0${stat.mtimeMs}`;
  let digest = digests.get(key);
  if (!digest) {
    digest = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    digests.set(key, digest);
  }
  return digest;
}

function cacheKey(helm: string, request: TemplateRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([helm, KUBE_VERSION, PLATFORM_API_VERSIONS, fileDigest(request.chart), request.releaseName, request.namespace, request.values]))
    .digest('hex');
}

export interface TemplateOptions {
  /** At most this many helm processes at once. @default os.availableParallelism() */
  readonly concurrency?: number;
  /** Read and write the render cache. @default true */
  readonly cache?: boolean;
}

/** Renders every request, at most `concurrency` helm processes at once; results in request order. */
export async function helmTemplateAll(requests: readonly TemplateRequest[], options: TemplateOptions = {}): Promise<TemplateResult[]> {
  const helm = helmBinary();
  const concurrency = options.concurrency ?? Math.max(1, os.availableParallelism());
  const cacheDir = options.cache === false ? undefined : renderCacheDir();
  const results: TemplateResult[] = new Array(requests.length);
  const keys = requests.map((r) => (cacheDir ? cacheKey(helm, r) : ''));
  const pending: number[] = [];
  requests.forEach((_, i) => {
    const file = cacheDir ? path.join(cacheDir, `${keys[i]}.yaml`) : undefined;
    if (file && fs.existsSync(file)) results[i] = { manifest: fs.readFileSync(file, 'utf8'), ms: 0 };
    else pending.push(i);
  });
  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      const i = pending[next++];
      results[i] = await new Promise<TemplateResult>((resolve) => {
        const start = process.hrtime.bigint();
        const child = spawn(helm, args(requests[i]), { stdio: ['pipe', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (d: Buffer) => out.push(d));
        child.stderr.on('data', (d: Buffer) => err.push(d));
        child.on('error', (error) => resolve({ manifest: '', error: error.message, ms: 0 }));
        child.on('close', (code) => {
          const ms = Number(process.hrtime.bigint() - start) / 1e6;
          if (code === 0) resolve({ manifest: Buffer.concat(out).toString('utf8'), ms });
          else resolve({ manifest: '', error: errorText(Buffer.concat(err).toString('utf8'), code), ms });
        });
        child.stdin.end(JSON.stringify(requests[i].values));
      });
      if (cacheDir && !results[i].error) {
        fs.mkdirSync(cacheDir, { recursive: true });
        const tmp = path.join(cacheDir, `${keys[i]}.${process.pid}.tmp`);
        fs.writeFileSync(tmp, results[i].manifest);
        fs.renameSync(tmp, path.join(cacheDir, `${keys[i]}.yaml`));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));
  return results;
}
