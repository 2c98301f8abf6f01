/**
 * A fleet: many sites whose stacks are mostly one stack, composed over it. The fleet folder holds
 *
 *   base/<base>/           the stack the sites extend, rendered once (a standalone stack folder:
 *                          base/, namespace/, one folder per release)
 *   <site>/kustomization.yaml
 *                          the site, in one file: resources -> the base's folders it shares (and
 *                          folders of its own for what cannot be a patch); secretGenerator entries
 *                          with `behavior: replace` (inline literals) for the values files that
 *                          differ and new entries for the values files the base lacks; inline JSON
 *                          6902 `patches` for the HelmReleases that differ
 *   <site>/<folder>/       only when a folder cannot be expressed so (another static values file,
 *                          a release the base lacks): the site's own copy
 *
 * `kubectl kustomize <fleet>/<site>` gives the objects of the site's standalone stack (kustomize
 * adds hash suffixes and follows name references only at the top, after the overlay's generators
 * replaced the base's); {@link materializeSite} rebuilds the standalone files from the fleet
 * folder (validate, the review commands and the tests read it).
 */
import * as path from 'path';
import { parseYaml12, toYamlBody, toYamlFile } from './yaml';
import { isMap as isObj, Json, JsonMap as Obj } from './json';

/** Top-level folders of a fleet that are not sites: the shared bases and the entry points. */
export const FLEET_RESERVED = ['base', 'clusters'] as const;
/** The folder of the shared bases in a fleet folder. */
export const FLEET_BASE_DIR = 'base';

/** One JSON 6902 operation. */
export interface PatchOp {
  readonly op: 'add' | 'remove' | 'replace';
  readonly path: string;
  readonly value?: Json;
}

const pointer = (segments: readonly (string | number)[]) =>
  segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');

/** The JSON 6902 operations that turn `from` into `to` (mappings key by key, equal-length lists item by item). */
export function jsonPatch(from: Json, to: Json, at: (string | number)[] = []): PatchOp[] {
  if (from === to) return [];
  if (isObj(from) && isObj(to)) {
    const ops: PatchOp[] = [];
    for (const key of Object.keys(from)) if (!(key in to)) ops.push({ op: 'remove', path: pointer([...at, key]) });
    for (const [key, value] of Object.entries(to)) {
      if (!(key in from)) ops.push({ op: 'add', path: pointer([...at, key]), value });
      else ops.push(...jsonPatch(from[key], value, [...at, key]));
    }
    return ops;
  }
  if (Array.isArray(from) && Array.isArray(to) && from.length === to.length)
    return from.flatMap((item, i) => jsonPatch(item, to[i], [...at, i]));
  return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ op: 'replace', path: pointer(at), value: to }];
}

/** Applies JSON 6902 operations (add, remove, replace) to a copy of `doc`. */
export function applyJsonPatch(doc: Json, ops: readonly PatchOp[]): Json {
  const root: Json = structuredClone(doc);
  for (const op of ops) {
    const segments = op.path
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = segments.pop();
    if (last === undefined) throw new Error(`patch ${op.op} ${op.path}: the whole document cannot be patched`);
    let parent: Json = root;
    for (const s of segments) {
      const next: Json | undefined = Array.isArray(parent) ? parent[Number(s)] : isObj(parent) ? parent[s] : undefined;
      if (next === undefined) throw new Error(`patch ${op.op} ${op.path}: ${s} does not exist`);
      parent = next;
    }
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (op.op === 'remove') parent.splice(i, 1);
      else if (op.op === 'add') parent.splice(i, 0, op.value as Json);
      else parent[i] = op.value as Json;
    } else if (isObj(parent)) {
      if (op.op === 'remove') delete parent[last];
      else parent[last] = op.value as Json;
    } else {
      throw new Error(`patch ${op.op} ${op.path}: the parent is not a mapping or list`);
    }
  }
  return root;
}

const parseOne = (text: string, file: string): Obj => {
  const docs = parseYaml12(text, file).filter((d) => d !== null);
  if (docs.length !== 1 || !isObj(docs[0])) throw new Error(`${file}: expected one mapping`);
  return docs[0];
};

const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** One secretGenerator entry of a kustomization. */
interface Generator {
  readonly name: string;
  readonly files?: readonly string[];
  readonly literals?: readonly string[];
  readonly behavior?: string;
  readonly options?: Json;
}

/** kustomize strips one pair of surrounding quotes from a literal's value; a text that has them cannot be a literal. */
const literalOf = (key: string, text: string): string | undefined => {
  const last = text[text.length - 1];
  return text.length > 1 && text[0] === last && (last === '"' || last === "'") ? undefined : `${key}=${text}`;
};

/** A literal read as kustomize reads it (`api/kv`): split at the first `=`, one pair of surrounding quotes removed. */
function readLiteral(literal: string): [string, string] {
  const at = literal.indexOf('=');
  if (at <= 0) throw new Error(`literal ${JSON.stringify(literal.slice(0, 40))}: expected key=value`);
  const value = literal.slice(at + 1);
  const last = value[value.length - 1];
  return [literal.slice(0, at), value.length > 1 && value[0] === last && (last === '"' || last === "'") ? value.slice(1, -1) : value];
}

/**
 * Fields of a release folder's kustomization under which a site may add generators of its own at its
 * top (others: the folder is the site's own).
 */
const OVERLAYABLE = new Set(['namespace', 'resources', 'secretGenerator', 'generatorOptions', 'configurations']);
/** Fields that label what the folder generates: a replaced Secret keeps the base's labels (kustomize merges them). */
const LABELLING = new Set(['commonLabels', 'labels']);

/** The files of one folder of `files`, relative to it. */
function folderOf(files: ReadonlyMap<string, string>, folder: string): Map<string, string> {
  const prefix = `${folder}/`;
  const out = new Map<string, string>();
  for (const [f, t] of files) if (f.startsWith(prefix)) out.set(f.slice(prefix.length), t);
  return out;
}

/** Texts by name, each rendered on first use (a site's folders that equal the base's are never rendered whole). */
class LazyTexts implements ReadonlyMap<string, string> {
  private readonly rendered = new Map<string, string>();
  constructor(
    private readonly names: readonly string[],
    private readonly render: (name: string) => string,
  ) {}
  public get size(): number {
    return this.names.length;
  }
  public has(name: string): boolean {
    return this.names.includes(name);
  }
  public get(name: string): string | undefined {
    if (!this.has(name)) return undefined;
    let text = this.rendered.get(name);
    if (text === undefined) this.rendered.set(name, (text = this.render(name)));
    return text;
  }
  public keys(): MapIterator<string> {
    return this.names.values();
  }
  public *values(): MapIterator<string> {
    for (const name of this.names) yield this.get(name)!;
  }
  public *entries(): MapIterator<[string, string]> {
    for (const name of this.names) yield [name, this.get(name)!];
  }
  public [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
  public forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void): void {
    for (const [name, text] of this.entries()) callback(text, name, this);
  }
}

const sameTexts = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>) =>
  a.size === b.size && [...a].every(([f, t]) => b.get(f) === t);

/**
 * The stack the sites of a fleet extend, rendered once: its files (relative to the stack folder)
 * live in the fleet folder under `dir` (`base/<name>`); sites are composed over it.
 */
export class FleetBase {
  private readonly folders = new Map<string, Map<string, string>>();
  private readonly parsed = new Map<string, Obj>();

  /** `dir`: the base's folder relative to the fleet folder; `files`: its stack files (what no kustomization reads left out). */
  constructor(
    public readonly dir: string,
    public readonly files: ReadonlyMap<string, string>,
  ) {}

  /** The files of one folder of the base (empty when it has none). */
  public folder(name: string): ReadonlyMap<string, string> {
    let files = this.folders.get(name);
    if (!files) this.folders.set(name, (files = folderOf(this.files, name)));
    return files;
  }

  /** One YAML file of the base as its one mapping (parsed once). */
  public doc(file: string): Obj {
    let doc = this.parsed.get(file);
    if (!doc) this.parsed.set(file, (doc = parseOne(this.files.get(file) ?? '', `${this.dir}/${file}`)));
    return doc;
  }

  /** The base's files in the fleet folder (paths relative to the fleet folder). */
  public fleetFiles(): Map<string, string> {
    return new Map([...this.files].map(([f, t]) => [`${this.dir}/${f}`, t]));
  }
}

/** One site's standalone stack, as {@link composeSite} reads it (texts asked for only where needed). */
export interface SiteStack {
  readonly site: string;
  /** The paths of the stack's files (relative to the stack folder), but for the folders listed in `same`. */
  readonly paths: readonly string[];
  /** The text of one file of `paths`. */
  readonly text: (file: string) => string;
  /** Folders the caller knows equal the base's (their files need not be given). @default - none */
  readonly same?: ReadonlySet<string>;
  /** The documents of a YAML file of `files` when the caller has them (saves parsing its text). @default - parse the text */
  readonly documents?: (file: string) => readonly unknown[] | undefined;
  /** Stack files that no kustomization reads and the fleet leaves out (README.md, ...). @default none */
  readonly omit?: readonly string[];
}

/** What {@link composeSite} gives. */
export interface ComposedSite {
  /** The site's files in the fleet folder (paths relative to it): `<site>/kustomization.yaml` and any folder of its own. */
  readonly files: Map<string, string>;
  /** The fleet-relative folder that holds the site's `namespace/` (the base's when equal); undefined when the stack has none. */
  readonly namespaceDir?: string;
}

/** An overlay of one base folder: the generator entries and patches a site's top kustomization adds. */
interface FolderOverlay {
  readonly generators: Obj[];
  readonly patches: Obj[];
}

/**
 * One site over the base: its kustomization (and own folders where a folder cannot be an overlay).
 * A folder whose files equal the base's is the base's; a release folder whose kustomization, other
 * files and generator list (the base's, then new ones) match is the base's with the differing
 * values files replaced, new values files generated and the differing HelmRelease patched.
 */
export function composeSite(base: FleetBase, stack: SiteStack): ComposedSite {
  const { site } = stack;
  if ((FLEET_RESERVED as readonly string[]).includes(site))
    throw new Error(`site "${site}": the name is reserved in a fleet folder (${FLEET_RESERVED.join(', ')})`);
  const same = stack.same ?? new Set<string>();
  const out = new Map<string, string>();
  const paths = new Set(stack.paths);
  const doc = (file: string): Obj => {
    const docs = stack.documents?.(file);
    if (docs && docs.length === 1 && isObj(docs[0])) return docs[0];
    return parseOne(stack.text(file), `${site}/${file}`);
  };
  /** A folder's files, texts rendered on first use. */
  const folderFiles = (folder: string): ReadonlyMap<string, string> => {
    const prefix = `${folder}/`;
    return new LazyTexts(
      stack.paths.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length)),
      (f) => stack.text(prefix + f),
    );
  };
  const shared = (folder: string) =>
    same.has(folder) || (base.folder(folder).size > 0 && sameTexts(folderFiles(folder), base.folder(folder)));
  const own = (folder: string) => {
    for (const [f, t] of folderFiles(folder)) out.set(`${site}/${folder}/${f}`, t);
    return folder;
  };
  const top = doc('kustomization.yaml');
  const entries = (top.resources as string[] | undefined) ?? [];
  const folders = entries.map((entry) => entry.replace(/\/$/, ''));
  const resources: string[] = [];
  const generators: Obj[] = [];
  const patches: Obj[] = [];
  for (const folder of folders) {
    if (!same.has(folder) && !paths.has(`${folder}/kustomization.yaml`))
      throw new Error(`site "${site}": resource ${folder} is not a folder with a kustomization`);
    // A release folder is compared as an overlay (objects, values texts); any other by its texts.
    const release =
      !same.has(folder) &&
      base.folder(folder).has('kustomization.yaml') &&
      base.doc(`${folder}/kustomization.yaml`).secretGenerator !== undefined;
    if (!release && shared(folder)) {
      resources.push(`../${base.dir}/${folder}`);
      continue;
    }
    const overlay = release ? overlayFolder(base, folder, folderFiles(folder), doc, top.namespace) : undefined;
    if (overlay) {
      resources.push(`../${base.dir}/${folder}`);
      generators.push(...overlay.generators);
      patches.push(...overlay.patches);
    } else {
      resources.push(own(folder));
    }
  }
  let namespaceDir: string | undefined;
  if (same.has('namespace') || paths.has('namespace/kustomization.yaml'))
    namespaceDir = shared('namespace') ? `${base.dir}/namespace` : `${site}/${own('namespace')}`;
  const omit = new Set(stack.omit ?? []);
  const left = stack.paths.filter(
    (f) => f !== 'kustomization.yaml' && !omit.has(f) && !f.startsWith('namespace/') && !folders.some((r) => f.startsWith(`${r}/`)),
  );
  if (left.length > 0) throw new Error(`site "${site}": ${left.join(', ')}: not read by any kustomization (omit it or list it)`);
  const k: Obj = {};
  for (const [field, value] of Object.entries(top))
    if (field !== 'secretGenerator' && field !== 'patches') k[field] = field === 'resources' ? resources : value;
  if (generators.length > 0) k.secretGenerator = generators;
  if (patches.length > 0) k.patches = patches;
  out.set(`${site}/kustomization.yaml`, toYamlFile([k]));
  return { files: out, namespaceDir };
}

/** The overlay of one release folder over the base's, or undefined when the site needs its own copy. */
function overlayFolder(
  base: FleetBase,
  folder: string,
  files: ReadonlyMap<string, string>,
  doc: (file: string) => Obj,
  namespace: Json | undefined,
): FolderOverlay | undefined {
  const baseFiles = base.folder(folder);
  const k = doc(`${folder}/kustomization.yaml`);
  const baseK = base.doc(`${folder}/kustomization.yaml`);
  if (!Object.keys(k).every((f) => OVERLAYABLE.has(f) || LABELLING.has(f))) return undefined;
  if (k !== baseK && !sameJson({ ...k, secretGenerator: undefined }, { ...baseK, secretGenerator: undefined })) return undefined;
  const gens = (k.secretGenerator as unknown as Generator[] | undefined) ?? [];
  const baseGens = (baseK.secretGenerator as unknown as Generator[] | undefined) ?? [];
  if (gens.some((g) => g.literals || !g.files || g.files.some((f) => f.includes('=') || f.includes('/')))) return undefined;
  if (baseGens.length > gens.length || baseGens.some((g, i) => !sameJson(g, gens[i]))) return undefined;
  const fresh = gens.slice(baseGens.length);
  // A new Secret is generated at the site's top: it gets the top's namespace, not the folder's labels.
  if (fresh.length > 0 && (!Object.keys(k).every((f) => OVERLAYABLE.has(f)) || k.namespace !== namespace)) return undefined;
  const resourceFiles = (k.resources as string[] | undefined) ?? [];
  const generated = new Set(gens.flatMap((g) => g.files ?? []));
  for (const f of new Set([...files.keys(), ...baseFiles.keys()])) {
    if (f !== 'kustomization.yaml' && !generated.has(f) && !resourceFiles.includes(f) && files.get(f) !== baseFiles.get(f))
      return undefined;
  }
  const overlay: FolderOverlay = { generators: [], patches: [] };
  for (const [i, g] of gens.entries()) {
    const isNew = i >= baseGens.length;
    if (!isNew && (g.files ?? []).every((f) => files.get(f) === baseFiles.get(f))) continue;
    const literals = (g.files ?? []).map((f) => (files.has(f) ? literalOf(f, files.get(f)!) : undefined));
    if (literals.some((l) => l === undefined)) return undefined;
    overlay.generators.push({
      name: g.name,
      ...(isNew ? {} : { behavior: 'replace' }),
      literals: literals as string[],
      ...(k.generatorOptions ? { options: k.generatorOptions } : {}),
    });
  }
  for (const file of resourceFiles) {
    if (!files.has(file) || !baseFiles.has(file)) return undefined;
    const to = doc(`${folder}/${file}`);
    const from = base.doc(`${folder}/${file}`);
    const id = (o: Obj) =>
      JSON.stringify([o.apiVersion, o.kind, (o.metadata as Obj | undefined)?.name, (o.metadata as Obj | undefined)?.namespace]);
    if (to !== from && id(to) !== id(from)) return undefined;
    const ops = jsonPatch(from, to);
    if (ops.length === 0) continue;
    const apiVersion = String(to.apiVersion);
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    overlay.patches.push({ target: { group, version, kind: to.kind, name: (to.metadata as Obj).name }, patch: toYamlBody(ops) });
  }
  return overlay;
}

/** The sites of a fleet folder's files: the top-level folders with a kustomization that are not reserved. */
export function fleetSites(files: ReadonlyMap<string, string>): string[] {
  const sites = new Set<string>();
  for (const f of files.keys()) {
    const [first, second, ...rest] = f.split('/');
    if (second === 'kustomization.yaml' && rest.length === 0 && !(FLEET_RESERVED as readonly string[]).includes(first)) sites.add(first);
  }
  return [...sites].sort();
}

/**
 * The standalone stack of one site, rebuilt from the fleet folder's files as kustomize builds the
 * overlay: the base's folders it lists copied in, its own folders as they are, its HelmRelease
 * patches applied, its replaced values files written over the base's, its new values files
 * generated in the folder of the HelmRelease that reads them. YAML files that were patched or
 * extended are rewritten (same objects, maybe another key order).
 */
export function materializeSite(fleet: ReadonlyMap<string, string>, site: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [f, t] of folderOf(fleet, site)) if (f !== 'kustomization.yaml') out.set(f, t);
  const topFile = `${site}/kustomization.yaml`;
  const top = parseOne(fleet.get(topFile) ?? '', topFile);
  let baseDir: string | undefined;
  const resources = ((top.resources as string[] | undefined) ?? []).map((r) => {
    if (!r.startsWith('../')) return r.replace(/\/$/, '');
    const at = path.posix.normalize(`${site}/${r}`);
    const folder = path.posix.basename(at);
    const files = folderOf(fleet, at);
    if (!files.has('kustomization.yaml')) throw new Error(`${topFile}: resource ${r}: no kustomization.yaml there`);
    baseDir = path.posix.dirname(at);
    for (const [f, t] of files) out.set(`${folder}/${f}`, t);
    return folder;
  });
  if (baseDir !== undefined && !out.has('namespace/kustomization.yaml'))
    for (const [f, t] of folderOf(fleet, `${baseDir}/namespace`)) out.set(`namespace/${f}`, t);
  const docs = new Map<string, Obj>();
  const docOf = (file: string) => {
    let d = docs.get(file);
    if (!d) docs.set(file, (d = parseOne(out.get(file) ?? '', `${site}: ${file}`)));
    return d;
  };
  const changed = new Set<string>();
  /** The folder and file of the object a patch targets, or the folder whose kustomization satisfies `test`. */
  const objects = resources.flatMap((folder) =>
    ((docOf(`${folder}/kustomization.yaml`).resources as string[] | undefined) ?? []).map((file) => ({
      folder,
      file: `${folder}/${file}`,
    })),
  );
  for (const patch of (top.patches as Obj[] | undefined) ?? []) {
    const target = (patch.target ?? {}) as Obj;
    const hit = objects.find(({ file }) => {
      const o = docOf(file);
      return o.kind === target.kind && (o.metadata as Obj | undefined)?.name === target.name;
    });
    if (!hit) throw new Error(`${topFile}: patch of ${String(target.kind)}/${String(target.name)}: no such object among its resources`);
    const ops = parseYaml12(String(patch.patch ?? ''), `${topFile}: patch`)[0] as PatchOp[];
    docs.set(hit.file, applyJsonPatch(docOf(hit.file), ops) as Obj);
    changed.add(hit.file);
  }
  for (const g of (top.secretGenerator as unknown as Generator[] | undefined) ?? []) {
    const literals = (g.literals ?? []).map(readLiteral);
    if (g.behavior === 'replace' || g.behavior === 'merge') {
      const folder = resources.find((r) =>
        ((docOf(`${r}/kustomization.yaml`).secretGenerator as unknown as Generator[] | undefined) ?? []).some((b) => b.name === g.name),
      );
      if (folder === undefined)
        throw new Error(`${topFile}: secretGenerator ${g.name} (${g.behavior}): no such Secret among its resources`);
      for (const [key, text] of literals) out.set(`${folder}/${key}`, text);
      continue;
    }
    // A new values Secret belongs with the HelmRelease that reads it.
    const reader = objects.find(({ file }) => {
      const spec = docOf(file).spec as Obj | undefined;
      return ((spec?.valuesFrom as Obj[] | undefined) ?? []).some((v) => v.name === g.name);
    });
    if (!reader) throw new Error(`${topFile}: secretGenerator ${g.name}: no HelmRelease among its resources reads it`);
    const kFile = `${reader.folder}/kustomization.yaml`;
    const k = docOf(kFile);
    docs.set(kFile, {
      ...k,
      secretGenerator: [...((k.secretGenerator as Json[] | undefined) ?? []), { name: g.name, files: literals.map(([key]) => key) }],
    });
    changed.add(kFile);
    for (const [key, text] of literals) out.set(`${reader.folder}/${key}`, text);
  }
  for (const file of changed) out.set(file, toYamlFile([docs.get(file)]));
  const standalone: Obj = {};
  for (const [field, value] of Object.entries(top))
    if (field !== 'secretGenerator' && field !== 'patches') standalone[field] = field === 'resources' ? resources : value;
  out.set('kustomization.yaml', toYamlFile([standalone]));
  return out;
}
