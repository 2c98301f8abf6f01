/**
 * The one typed reader of a written tree (as flux-local's manifest reader): a stack's files read
 * once into typed documents, the kustomizations (with their generated Secrets and ConfigMaps and
 * the source of each key), and the HelmReleases and HelmRepositories that the kustomizations list
 * as resources (a cluster's entry points, listed by no kustomization, are
 * lib/validate/entrypoints.ts'). Validate, values, diff, render and fleet review read trees through
 * it instead of walking `Record<string, unknown>` each on its own.
 */
import * as path from 'path';
import { isMap, JsonMap } from '../engine/json';
import { parseYaml12 } from '../engine/yaml';
import { isHelmRelease, ReadKustomization, readKustomization } from './tree-check';

/** A `spec.valuesFrom` entry of a HelmRelease. */
export interface ValuesReference {
  /** `Secret` or `ConfigMap` (Flux's default: Secret). */
  readonly kind: string;
  readonly name: string;
  /** @default 'values.yaml' (Flux's default) */
  readonly valuesKey: string;
  /** Set at this `--set` path instead of merging at the root. */
  readonly targetPath?: string;
  readonly optional: boolean;
  /** Set as a literal string (`helm --set-literal`). */
  readonly literal: boolean;
}

/** A HelmRelease of the tree (helm.toolkit.fluxcd.io). */
export interface HelmReleaseDoc {
  /** metadata.name */
  readonly name: string;
  /** The file that holds it, relative to the stack. */
  readonly file: string;
  readonly annotations: Readonly<Record<string, string>>;
  /** spec.chart.spec.chart ('' when absent). */
  readonly chart: string;
  /** spec.chart.spec.version ('' when absent: no pin). */
  readonly version: string;
  /** spec.releaseName, when set and not empty. */
  readonly releaseName?: string;
  /** spec.targetNamespace, when set and not empty. */
  readonly targetNamespace?: string;
  /** spec.dependsOn names. */
  readonly dependsOn: readonly string[];
  /** The whole spec, for what is not modelled above (values, valuesFrom as written, upgrade...). */
  readonly spec: JsonMap;
}

/** A HelmRepository of the tree (source.toolkit.fluxcd.io). */
export interface HelmRepositoryDoc {
  readonly name: string;
  readonly file: string;
  readonly url: string;
  readonly type?: string;
}

/** A tree read once. */
export interface TreeManifests {
  /** Every kustomization.yaml, by file. */
  readonly kustomizations: ReadonlyMap<string, ReadKustomization>;
  /** The namespace of the top-level kustomization, when it sets one. */
  readonly namespace?: string;
  readonly helmReleases: readonly HelmReleaseDoc[];
  readonly helmRepositories: readonly HelmRepositoryDoc[];
  /** Resource files that do not parse (a HelmRelease there would be missed otherwise). */
  readonly problems: readonly string[];
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** True when `doc` is an object of that Flux API group and kind. */
function isKind(doc: unknown, group: string, kind: string): doc is JsonMap {
  return isMap(doc) && doc.kind === kind && typeof doc.apiVersion === 'string' && doc.apiVersion.startsWith(`${group}/`);
}

function dependsOnNames(spec: JsonMap): string[] {
  return Array.isArray(spec.dependsOn) ? spec.dependsOn.map((d) => (isMap(d) ? String(d.name) : String(d))) : [];
}

/** A HelmRelease document as typed fields; `file` is where it was read. */
export function helmReleaseOf(doc: JsonMap, file: string): HelmReleaseDoc {
  const metadata = isMap(doc.metadata) ? doc.metadata : {};
  const spec = isMap(doc.spec) ? doc.spec : {};
  const chartSpec = isMap(spec.chart) && isMap(spec.chart.spec) ? spec.chart.spec : {};
  const annotations = isMap(metadata.annotations) ? (metadata.annotations as Record<string, string>) : {};
  const releaseName = text(spec.releaseName);
  const targetNamespace = text(spec.targetNamespace);
  return {
    name: String(metadata.name),
    file,
    annotations,
    chart: String(chartSpec.chart ?? ''),
    version: String(chartSpec.version ?? ''),
    ...(releaseName ? { releaseName } : {}),
    ...(targetNamespace ? { targetNamespace } : {}),
    dependsOn: dependsOnNames(spec),
    spec,
  };
}

/** The `spec.valuesFrom` entries of a release; throws naming the file and index of one that is not a mapping. */
export function valuesReferences(release: HelmReleaseDoc): ValuesReference[] {
  const refs = Array.isArray(release.spec.valuesFrom) ? release.spec.valuesFrom : [];
  return refs.map((ref, i) => {
    if (!isMap(ref)) throw new Error(`${release.file}: spec.valuesFrom[${i}]: not a mapping`);
    const targetPath = text(ref.targetPath);
    return {
      kind: String(ref.kind ?? 'Secret'),
      name: String(ref.name),
      valuesKey: typeof ref.valuesKey === 'string' ? ref.valuesKey : 'values.yaml',
      ...(targetPath ? { targetPath } : {}),
      optional: ref.optional === true,
      literal: ref.literal === true,
    };
  });
}

/** Reads the tree: every kustomization, then the Flux objects of every resource file they list, in file order. */
export function readManifests(files: ReadonlyMap<string, string>): TreeManifests {
  const kustomizationFiles = [...files.keys()].filter((f) => path.posix.basename(f) === 'kustomization.yaml').sort();
  const kustomizations = new Map(kustomizationFiles.map((k) => [k, readKustomization(files, k)]));
  const resourceFiles = [...new Set([...kustomizations.values()].flatMap((k) => k.resourceFiles))].sort();
  const helmReleases: HelmReleaseDoc[] = [];
  const helmRepositories: HelmRepositoryDoc[] = [];
  const problems: string[] = [];
  for (const file of resourceFiles) {
    let docs: unknown[];
    try {
      docs = parseYaml12(files.get(file) ?? '', file);
    } catch (error) {
      problems.push(`${file}: does not parse: ${(error as Error).message.replace(`${file}: `, '')}`);
      continue;
    }
    for (const doc of docs) {
      if (isHelmRelease(doc)) helmReleases.push(helmReleaseOf(doc, file));
      else if (isKind(doc, 'source.toolkit.fluxcd.io', 'HelmRepository')) {
        const spec = isMap(doc.spec) ? doc.spec : {};
        const type = text(spec.type);
        helmRepositories.push({
          name: String(isMap(doc.metadata) ? doc.metadata.name : ''),
          file,
          url: String(spec.url ?? ''),
          ...(type ? { type } : {}),
        });
      }
    }
  }
  const namespace = kustomizations.get('kustomization.yaml')?.namespace;
  return { kustomizations, ...(namespace ? { namespace } : {}), helmReleases, helmRepositories, problems };
}
