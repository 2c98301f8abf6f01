/**
 * Our own check of the kustomize structure of a rendered stack, without kustomize: what a
 * `kubectl kustomize` of the stack would refuse (a missing resource or generator file, a
 * misspelt field) or silently get wrong (a file nobody references, a HelmRelease reading a Secret
 * that its folder does not generate, or a key the Secret does not hold).
 *
 * Every function takes the files of one stack (relative path to text) and returns problems,
 * one string each: `<path>: <what is wrong>`.
 */
import * as path from 'path';
import { EXTERNAL_SECRETS_ANNOTATION } from '../engine/release';
import { credentialValuesKey } from '../engine/credentials';
import { yaml12Of } from './parsed';
import { isMap, isMapping, JsonMap, Mapping } from '../engine/json';

/** Files a stack may hold that no kustomization references. */
export const ALLOWED_UNREFERENCED: readonly string[] = [
  // StarlingX app metadata, read by the platform, not by kustomize.
  'metadata.yaml',
  // The stack's description for people (what it is, its releases, the dependsOn graph).
  'README.md',
  // Written for every stack; the platform creates the namespace of `starlingx-app`, so its base
  // kustomization does not list it.
  'base/namespace.yaml',
  // A deployment stack's namespace: its own Flux Kustomization applies it (dist/clusters/<site>/),
  // apart from the stack so that pruning the stack never deletes the namespace.
  'namespace/kustomization.yaml',
  'namespace/namespace.yaml',
];

/** Top-level fields of a kustomize v5 Kustomization (kustomize refuses any other). */
const KUSTOMIZATION_FIELDS = new Set([
  'apiVersion',
  'kind',
  'metadata',
  'openapi',
  'namePrefix',
  'nameSuffix',
  'namespace',
  'commonLabels',
  'labels',
  'commonAnnotations',
  'patchesStrategicMerge',
  'patchesJson6902',
  'patches',
  'images',
  'replacements',
  'replicas',
  'vars',
  'sortOptions',
  'resources',
  'components',
  'crds',
  'bases',
  'configMapGenerator',
  'secretGenerator',
  'helmGlobals',
  'helmCharts',
  'helmChartInflationGenerator',
  'generatorOptions',
  'configurations',
  'generators',
  'transformers',
  'validators',
  'buildMetadata',
]);

/** Fields kustomize v5 still reads but warns about. */
const DEPRECATED_FIELDS: Readonly<Record<string, string>> = {
  commonLabels: "use 'labels'",
  bases: "use 'resources'",
  patchesStrategicMerge: "use 'patches'",
  patchesJson6902: "use 'patches'",
  vars: "use 'replacements'",
  imageTags: "use 'images'",
};

const KUSTOMIZATION = 'kustomization.yaml';

function dirOf(file: string): string {
  const dir = path.posix.dirname(file);
  return dir === '.' ? '' : dir;
}

function join(dir: string, rel: string): string {
  return path.posix.normalize(dir ? `${dir}/${rel}` : rel).replace(/\/$/, '');
}

function kustomizationOf(dir: string): string {
  return dir ? `${dir}/${KUSTOMIZATION}` : KUSTOMIZATION;
}

/** Where one key of a generated Secret or ConfigMap comes from: a file of the stack, or a literal. */
export type GeneratedSource = { readonly file: string } | { readonly literal: string };

/** One generated Secret or ConfigMap: its name and the keys of its data. */
export interface Generated {
  readonly kind: 'Secret' | 'ConfigMap';
  readonly name: string;
  readonly keys: readonly string[];
  /** Each key's source (files and literals; `envs` files are not split into keys). */
  readonly data: ReadonlyMap<string, GeneratedSource>;
  /** False when kustomize appends a content hash to the name. */
  readonly fixedName: boolean;
}

/** What one kustomization.yaml says, once read. */
export interface ReadKustomization {
  readonly file: string;
  readonly dir: string;
  /** The namespace the kustomization sets on its resources, when it sets one. */
  readonly namespace?: string;
  /** Resources entries resolved against the stack: a file, or a folder with a kustomization. */
  readonly resourceFiles: readonly string[];
  readonly resourceFolders: readonly string[];
  readonly generatorFiles: readonly string[];
  readonly generated: readonly Generated[];
  readonly problems: readonly string[];
}

function stringList(value: unknown, file: string, field: string, problems: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    problems.push(`${file}: ${field}: not a list of strings`);
    return [];
  }
  return value as string[];
}

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/** Reads one kustomization.yaml of `files` and checks what it references exists. */
export function readKustomization(files: ReadonlyMap<string, string>, file: string): ReadKustomization {
  const dir = dirOf(file);
  const problems: string[] = [];
  const resourceFiles: string[] = [];
  const resourceFolders: string[] = [];
  const generatorFiles: string[] = [];
  const generated: Generated[] = [];
  const result: Omit<ReadKustomization, 'namespace'> & { namespace?: string } = {
    file,
    dir,
    resourceFiles,
    resourceFolders,
    generatorFiles,
    generated,
    problems,
  };

  let docs: unknown[];
  try {
    docs = yaml12Of(files, file).filter((d) => d !== null);
  } catch (error) {
    problems.push(`${file}: (file): ${(error as Error).message.replace(`${file}: `, '')}`);
    return result;
  }
  if (docs.length !== 1 || !isMapping(docs[0])) {
    problems.push(`${file}: (file): expected one mapping document, found ${docs.length} document(s)`);
    return result;
  }
  const k = docs[0];
  if (typeof k.namespace === 'string' && k.namespace !== '') result.namespace = k.namespace;
  if (k.apiVersion !== undefined && k.apiVersion !== 'kustomize.config.k8s.io/v1beta1') {
    problems.push(`${file}: apiVersion: ${String(k.apiVersion)} is not kustomize.config.k8s.io/v1beta1`);
  }
  if (k.kind !== undefined && k.kind !== 'Kustomization') problems.push(`${file}: kind: ${String(k.kind)} is not Kustomization`);
  for (const field of Object.keys(k)) {
    if (!KUSTOMIZATION_FIELDS.has(field)) problems.push(`${file}: ${field}: unknown field (kustomize refuses it)`);
  }

  // resources: files or folders with a kustomization, inside the stack.
  const resources = stringList(k.resources, file, 'resources', problems);
  // kustomize refuses to load the same file or folder twice (`nova` and `./nova/` included).
  for (const dup of duplicates(resources.map((entry) => join(dir, entry)))) {
    const i = resources.map((entry) => join(dir, entry)).lastIndexOf(dup);
    problems.push(`${file}: resources[${i}]: "${path.posix.relative(dir || '.', dup) || '.'}" is listed twice`);
  }
  resources.forEach((entry, i) => {
    if (/^[a-z]+:\/\//.test(entry) || entry.startsWith('github.com/')) {
      problems.push(`${file}: resources[${i}]: "${entry}" is remote (the tree must be self-contained)`);
      return;
    }
    const target = join(dir, entry);
    if (target === '..' || target.startsWith('../') || path.posix.isAbsolute(target)) {
      problems.push(`${file}: resources[${i}]: "${entry}" points outside the stack`);
    } else if (files.has(target)) {
      if (path.posix.basename(target) === KUSTOMIZATION) {
        problems.push(`${file}: resources[${i}]: "${entry}" is a kustomization file (list its folder instead)`);
      } else {
        resourceFiles.push(target);
      }
    } else if (files.has(kustomizationOf(target))) {
      resourceFolders.push(target);
    } else {
      problems.push(`${file}: resources[${i}]: "${entry}" does not exist (no file ${target}, no ${kustomizationOf(target)})`);
    }
  });

  // generators: every file entry exists in the same folder tree.
  const options = isMapping(k.generatorOptions) ? k.generatorOptions : {};
  for (const [field, kind] of [
    ['secretGenerator', 'Secret'],
    ['configMapGenerator', 'ConfigMap'],
  ] as const) {
    const generators = k[field];
    if (generators === undefined) continue;
    if (!Array.isArray(generators)) {
      problems.push(`${file}: ${field}: not a list`);
      continue;
    }
    generators.forEach((generator: unknown, i) => {
      if (!isMapping(generator) || typeof generator.name !== 'string' || generator.name === '') {
        problems.push(`${file}: ${field}[${i}].name: missing`);
        return;
      }
      const name = generator.name;
      const keys: string[] = [];
      const data = new Map<string, GeneratedSource>();
      const entries = stringList(generator.files, file, `${field}[${i}].files`, problems);
      entries.forEach((entry, j) => {
        // `key=path` or `path` (the key is then the file name).
        const eq = entry.indexOf('=');
        const key = eq >= 0 ? entry.slice(0, eq) : path.posix.basename(entry);
        const source = join(dir, eq >= 0 ? entry.slice(eq + 1) : entry);
        keys.push(key);
        data.set(key, { file: source });
        if (source.startsWith('../')) {
          problems.push(`${file}: ${field}[${i}].files[${j}]: "${entry}" points outside the stack`);
        } else if (!files.has(source)) {
          problems.push(`${file}: ${field}[${i}].files[${j}]: "${entry}" does not exist (no file ${source})`);
        } else {
          generatorFiles.push(source);
        }
      });
      stringList(generator.envs, file, `${field}[${i}].envs`, problems).forEach((entry, j) => {
        const source = join(dir, entry);
        if (!files.has(source)) problems.push(`${file}: ${field}[${i}].envs[${j}]: "${entry}" does not exist`);
        else generatorFiles.push(source);
      });
      for (const dup of duplicates(keys)) problems.push(`${file}: ${field}[${i}].files: ${name} has the key ${dup} twice`);
      for (const entry of stringList(generator.literals, file, `${field}[${i}].literals`, problems)) {
        const eq = entry.indexOf('=');
        if (eq > 0) data.set(entry.slice(0, eq), { literal: entry.slice(eq + 1) });
      }
      const own = isMapping(generator.options) ? generator.options : {};
      const fixedName = (own.disableNameSuffixHash ?? options.disableNameSuffixHash) === true;
      generated.push({ kind, name, keys, data, fixedName });
    });
    for (const dup of duplicates(generated.filter((g) => g.kind === kind).map((g) => g.name))) {
      problems.push(`${file}: ${field}: generates ${dup} twice`);
    }
  }
  return result;
}

/** The kustomization files of a stack, by folder. */
function kustomizationFiles(files: ReadonlyMap<string, string>): string[] {
  return [...files.keys()].filter((f) => path.posix.basename(f) === KUSTOMIZATION).sort();
}

/**
 * Checks every kustomization.yaml of a stack (references exist, no unknown field), that every
 * file is referenced from the top-level kustomization (through resources folders) except
 * `allowed`, and that every resource file holds Kubernetes objects.
 */
export function checkKustomizations(files: ReadonlyMap<string, string>, allowed: readonly string[] = ALLOWED_UNREFERENCED): string[] {
  const problems: string[] = [];
  if (!files.has(KUSTOMIZATION)) return [`${KUSTOMIZATION}: the stack has no top-level kustomization`];

  const read = new Map(kustomizationFiles(files).map((f) => [f, readKustomization(files, f)]));
  for (const k of read.values()) problems.push(...k.problems);

  // Walk from the top-level kustomization; what it reaches is referenced.
  const referenced = new Set<string>();
  const visit = (file: string, chain: readonly string[]): void => {
    if (chain.includes(file)) {
      problems.push(`${file}: resources: form a cycle (${[...chain, file].join(' -> ')})`);
      return;
    }
    if (referenced.has(file)) return;
    referenced.add(file);
    const k = read.get(file);
    if (!k) return;
    k.resourceFiles.forEach((f) => referenced.add(f));
    k.generatorFiles.forEach((f) => referenced.add(f));
    k.resourceFolders.forEach((folder) => visit(kustomizationOf(folder), [...chain, file]));
  };
  visit(KUSTOMIZATION, []);

  for (const file of files.keys()) {
    if (referenced.has(file) || allowed.includes(file)) continue;
    const what = read.has(file) ? 'kustomization not reached from the top-level kustomization.yaml' : 'not referenced by any kustomization';
    problems.push(`${file}: (file): ${what}`);
  }

  // Resource files hold Kubernetes objects (kustomize needs apiVersion, kind and a name).
  for (const file of [...read.values()].flatMap((k) => k.resourceFiles)) {
    let docs: unknown[];
    try {
      docs = yaml12Of(files, file).filter((d) => d !== null);
    } catch (error) {
      problems.push(`${file}: (file): ${(error as Error).message.replace(`${file}: `, '')}`);
      continue;
    }
    if (docs.length === 0) problems.push(`${file}: (file): holds no object`);
    docs.forEach((doc, i) => {
      const meta = isMapping(doc) && isMapping(doc.metadata) ? doc.metadata : {};
      if (!isMapping(doc) || typeof doc.apiVersion !== 'string' || typeof doc.kind !== 'string' || typeof meta.name !== 'string') {
        problems.push(`${file}: (document ${i}): not a Kubernetes object (apiVersion, kind, metadata.name)`);
      }
    });
  }
  return problems;
}

interface Located<T> {
  readonly file: string;
  readonly doc: T;
}

/** Every object of the resource files of the stack (parsed once per call). */
function objectsOf(files: ReadonlyMap<string, string>): Array<Located<Mapping>> {
  const out: Array<Located<Mapping>> = [];
  for (const k of kustomizationFiles(files).map((f) => readKustomization(files, f))) {
    for (const file of k.resourceFiles) {
      try {
        for (const doc of yaml12Of(files, file)) if (isMapping(doc)) out.push({ file, doc });
      } catch {
        // reported by checkKustomizations
      }
    }
  }
  return out;
}

/**
 * The Helm release name Flux gives a HelmRelease: spec.releaseName, else `<targetNamespace>-<name>`
 * when spec.targetNamespace is set, else the object's name.
 */
export function helmReleaseName(name: string, spec: { releaseName?: unknown; targetNamespace?: unknown }): string {
  if (typeof spec.releaseName === 'string' && spec.releaseName !== '') return spec.releaseName;
  if (typeof spec.targetNamespace === 'string' && spec.targetNamespace !== '') return `${spec.targetNamespace}-${name}`;
  return name;
}

/** True for a HelmRelease document of helm-controller's API group. */
export function isHelmRelease(doc: unknown): doc is JsonMap {
  return (
    isMap(doc) && doc.kind === 'HelmRelease' && typeof doc.apiVersion === 'string' && doc.apiVersion.startsWith('helm.toolkit.fluxcd.io/')
  );
}

/**
 * Checks that every HelmRelease reads its values from Secrets (or ConfigMaps) generated by the
 * kustomization of its own folder, under a fixed name, by a key the generated object holds; and
 * that every generated Secret is read by a HelmRelease of the folder.
 */
export function checkValuesFrom(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const releases = objectsOf(files).filter(({ doc }) => isHelmRelease(doc));
  const used = new Set<string>();
  for (const { file, doc } of releases) {
    const dir = dirOf(file);
    const kfile = kustomizationOf(dir);
    const generated = files.has(kfile) ? readKustomization(files, kfile).generated : [];
    const name = String((doc.metadata as Mapping | undefined)?.name);
    const spec = isMapping(doc.spec) ? doc.spec : {};
    const valuesFrom = Array.isArray(spec.valuesFrom) ? spec.valuesFrom : [];
    const annotations = isMapping((doc.metadata as Mapping | undefined)?.annotations)
      ? ((doc.metadata as Mapping).annotations as Mapping)
      : {};
    const external = String(annotations[EXTERNAL_SECRETS_ANNOTATION] ?? '')
      .split(',')
      .filter(Boolean);
    valuesFrom.forEach((ref: unknown, i) => {
      const where = `${file}: spec.valuesFrom[${i}]`;
      if (!isMapping(ref)) {
        problems.push(`${where}: not a mapping`);
        return;
      }
      const source = generated.find((g) => g.kind === ref.kind && g.name === ref.name);
      if (!source && ref.kind === 'Secret' && external.includes(String(ref.name))) {
        // Created out of band: read at a path, or as the release's own credentials values document.
        if (typeof ref.targetPath !== 'string' && ref.valuesKey !== credentialValuesKey(name)) {
          problems.push(
            `${where}: external Secret ${String(ref.name)} is read without targetPath, by a key other than the release's values document ${credentialValuesKey(name)}`,
          );
        }
        return;
      }
      if (!source) {
        problems.push(`${where}: ${String(ref.kind)} ${String(ref.name)} of HelmRelease ${name} is not generated by ${kfile}`);
        return;
      }
      used.add(`${source.kind} ${dir} ${source.name}`);
      if (!source.fixedName) {
        problems.push(`${where}: ${kfile} appends a hash to ${source.name} (set generatorOptions.disableNameSuffixHash)`);
      }
      const key = typeof ref.valuesKey === 'string' ? ref.valuesKey : 'values.yaml';
      if (!source.keys.includes(key)) {
        problems.push(`${where}: valuesKey ${key} is not a key of ${source.kind} ${source.name} (keys: ${source.keys.join(', ')})`);
      }
    });
  }
  for (const kfile of kustomizationFiles(files)) {
    const dir = dirOf(kfile);
    readKustomization(files, kfile)
      .generated.filter((g) => g.kind === 'Secret')
      .forEach((g, i) => {
        if (!used.has(`Secret ${dir} ${g.name}`)) {
          problems.push(`${kfile}: secretGenerator[${i}]: ${g.name} is read by no HelmRelease of ${dir || 'the top-level folder'}`);
        }
      });
  }
  return problems;
}

/**
 * Checks the references between the Flux objects of a stack: every chart sourceRef names a
 * HelmRepository of the stack, every dependsOn names a HelmRelease of the stack, not itself, with
 * no cycle; no two HelmReleases share a Helm release name.
 */
export function checkFluxReferences(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const objects = objectsOf(files);
  const names = (kind: string) =>
    new Set(objects.filter(({ doc }) => doc.kind === kind).map(({ doc }) => String((doc.metadata as Mapping).name)));
  const repositories = names('HelmRepository');
  const releases = names('HelmRelease');
  for (const { file, doc } of objects.filter(({ doc }) => isHelmRelease(doc))) {
    const name = String((doc.metadata as Mapping).name);
    const spec = isMapping(doc.spec) ? doc.spec : {};
    const chart = isMapping(spec.chart) && isMapping(spec.chart.spec) ? spec.chart.spec : undefined;
    const sourceRef = chart && isMapping(chart.sourceRef) ? chart.sourceRef : undefined;
    if (sourceRef?.kind === 'HelmRepository' && !repositories.has(String(sourceRef.name))) {
      problems.push(`${file}: spec.chart.spec.sourceRef: HelmRepository ${String(sourceRef.name)} is not in the stack`);
    }
    const dependsOn = Array.isArray(spec.dependsOn) ? spec.dependsOn : [];
    dependsOn.forEach((dep, i) => {
      const target = isMapping(dep) ? String(dep.name) : String(dep);
      if (target === name) problems.push(`${file}: spec.dependsOn[${i}]: HelmRelease ${name} depends on itself`);
      else if (!releases.has(target)) problems.push(`${file}: spec.dependsOn[${i}]: ${target} is not a HelmRelease of the stack`);
    });
  }
  // dependsOn must be acyclic (Flux would wait forever), and release names unique in Helm.
  const edges = new Map<string, string[]>();
  const releaseNames = new Map<string, string>();
  const fileOf = new Map<string, string>();
  for (const { file, doc } of objects.filter(({ doc }) => isHelmRelease(doc))) {
    const name = String((doc.metadata as Mapping).name);
    fileOf.set(name, file);
    const spec = isMapping(doc.spec) ? doc.spec : {};
    const dependsOn = Array.isArray(spec.dependsOn) ? spec.dependsOn : [];
    edges.set(
      name,
      dependsOn.map((d) => (isMapping(d) ? String(d.name) : String(d))),
    );
    const releaseName = helmReleaseName(name, spec);
    const owner = releaseNames.get(releaseName);
    if (owner) problems.push(`${file}: spec.releaseName: ${releaseName} is also the Helm release name of HelmRelease ${owner}`);
    else releaseNames.set(releaseName, name);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, chain: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      problems.push(
        `${fileOf.get(name)}: spec.dependsOn: cycle ${[...chain.slice(chain.indexOf(name)), name].join(' -> ')} (Flux would wait forever)`,
      );
      return;
    }
    state.set(name, 'visiting');
    for (const next of edges.get(name) ?? []) if (edges.has(next) && next !== name) visit(next, [...chain, name]);
    state.set(name, 'done');
  };
  [...edges.keys()].sort().forEach((name) => visit(name, []));
  return problems;
}

/** Fields kustomize v5 reads but warns about, one line per use. */
export function deprecatedFields(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const file of kustomizationFiles(files)) {
    const doc = yaml12Of(files, file).find(isMapping);
    for (const field of Object.keys(doc ?? {})) {
      if (DEPRECATED_FIELDS[field]) out.push(`${file}: ${field}: deprecated (${DEPRECATED_FIELDS[field]})`);
    }
  }
  return out;
}

/** All the checks of this file. */
export function checkStack(files: ReadonlyMap<string, string>): string[] {
  return [...checkKustomizations(files), ...checkValuesFrom(files), ...checkFluxReferences(files)];
}
