/**
 * A fleet: many sites whose stacks are mostly the same, written once. Given each site's rendered
 * stack (the files of a FluxStack), the fleet folder holds
 *
 *   base/                  the stack's base/ (HelmRepository), when identical for every site
 *   namespace/             the stack's namespace/ folder, when identical for every site
 *   releases/<release>/    each release's shared body: its HelmRelease and the generator files the
 *                          caller marks shared, with a kustomization generating only those
 *   <site>/                the overlay: top-level kustomization, namespace/, and per release the
 *                          generator files that are not shared, plus a JSON 6902 patch of the
 *                          HelmRelease when it differs from the shared one
 *
 * The shared body of a unit is the first site's (in the given order) that has it; a site whose
 * shared part differs keeps its own full copy of that folder. `kubectl kustomize <fleet>/<site>`
 * gives the objects of the site's standalone stack; {@link materializeSite} rebuilds the
 * standalone files from the fleet folder (validate and the tests read it).
 */
import * as path from 'path';
import { parseYaml12, toYamlFile } from './yaml';
import { isMap as isObj, Json, JsonMap as Obj } from './json';

/** Top-level folders of a fleet that are not sites. */
export const FLEET_RESERVED = ['base', 'namespace', 'releases', 'clusters'] as const;
/** The file of a site's release overlay that patches the shared HelmRelease. */
export const PATCH_FILE = 'helmrelease-patch.yaml';


/** One JSON 6902 operation. */
export interface PatchOp {
  readonly op: 'add' | 'remove' | 'replace';
  readonly path: string;
  readonly value?: Json;
}

const pointer = (segments: readonly (string | number)[]) => segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');

/** The JSON 6902 operations that turn `from` into `to` (mappings key by key, equal-length lists item by item). */
export function jsonPatch(from: Json, to: Json, at: (string | number)[] = []): PatchOp[] {
  if (isObj(from) && isObj(to)) {
    const ops: PatchOp[] = [];
    for (const key of Object.keys(from)) if (!(key in to)) ops.push({ op: 'remove', path: pointer([...at, key]) });
    for (const [key, value] of Object.entries(to)) {
      if (!(key in from)) ops.push({ op: 'add', path: pointer([...at, key]), value });
      else ops.push(...jsonPatch(from[key], value, [...at, key]));
    }
    return ops;
  }
  if (Array.isArray(from) && Array.isArray(to) && from.length === to.length) return from.flatMap((item, i) => jsonPatch(item, to[i], [...at, i]));
  return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ op: 'replace', path: pointer(at), value: to }];
}

/** Applies JSON 6902 operations (add, remove, replace) to a copy of `doc`. */
export function applyJsonPatch(doc: Json, ops: readonly PatchOp[]): Json {
  const root: Json = structuredClone(doc);
  for (const op of ops) {
    const segments = op.path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
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

interface Generator {
  name: string;
  files: string[];
}

/** Props of a {@link FleetBuilder}. */
export interface FleetOptions {
  /** True for a generator file (path relative to the release folder) that sites should share. */
  readonly shared: (file: string) => boolean;
  /** Stack files that no kustomization reads and the fleet leaves out (README.md, ...). @default none */
  readonly omit?: readonly string[];
}

/** A folder (or the generator part of a release folder) as sites share it. */
interface SharedUnit {
  /** The shared files, relative to the unit's folder. */
  readonly files: ReadonlyMap<string, string>;
  /** What a site must match to use it. */
  readonly key: string;
  /** The shared HelmRelease, parsed (release units). */
  readonly helmRelease?: Obj;
}

/**
 * Builds a fleet folder from site stacks, one site at a time (a site's stack can be dropped once
 * added: the builder keeps the shared units and the overlays only).
 */
export class FleetBuilder {
  private readonly files = new Map<string, string>();
  private readonly units = new Map<string, SharedUnit>();
  private readonly sites = new Set<string>();
  /** The documents of the current site's files when the caller has them (saves parsing its text). */
  private documents?: (file: string) => readonly unknown[] | undefined;

  constructor(private readonly options: FleetOptions) {}

  /** Adds a site: its stack files (paths relative to the stack folder) and extra files of its own. */
  public add(site: string, stack: ReadonlyMap<string, string>, extra: ReadonlyMap<string, string> = new Map(), documents?: (file: string) => readonly unknown[] | undefined): void {
    this.documents = documents;
    if ((FLEET_RESERVED as readonly string[]).includes(site)) throw new Error(`site "${site}": the name is reserved in a fleet folder (${FLEET_RESERVED.join(', ')})`);
    if (this.sites.has(site)) throw new Error(`site "${site}" is listed twice`);
    this.sites.add(site);
    const omit = new Set(this.options.omit ?? []);
    const folderFiles = (folder: string) => new Map([...stack].filter(([f]) => f.startsWith(`${folder}/`)).map(([f, t]) => [f.slice(folder.length + 1), t] as const));
    const own = (folder: string, into: string) => {
      for (const [f, t] of folderFiles(folder)) this.files.set(`${site}/${into}/${f}`, t);
    };
    /** Shares a plain folder when its files equal the first site's; returns the path the overlay uses. */
    const plainUnit = (folder: string, sharedAt: string): boolean => {
      const files = folderFiles(folder);
      const key = JSON.stringify([...files]);
      let unit = this.units.get(sharedAt);
      if (!unit) {
        unit = { files, key };
        this.units.set(sharedAt, unit);
        for (const [f, t] of files) this.files.set(`${sharedAt}/${f}`, t);
      }
      if (unit.key === key) return true;
      own(folder, folder);
      return false;
    };

    const top = this.parse(stack, 'kustomization.yaml', site);
    const resources = (top.resources as string[] | undefined) ?? [];
    const outResources: string[] = [];
    for (const entry of resources) {
      const folder = entry.replace(/\/$/, '');
      if (!stack.has(`${folder}/kustomization.yaml`)) throw new Error(`site "${site}": resource ${entry} is not a folder with a kustomization`);
      if (folder === 'base') {
        outResources.push(plainUnit('base', 'base') ? '../base' : 'base');
      } else {
        this.release(site, folder, folderFiles(folder), (f) => this.parse(stack, `${folder}/${f}`, site));
        outResources.push(folder);
      }
    }
    this.files.set(`${site}/kustomization.yaml`, toYamlFile([{ ...top, resources: outResources }]));
    if (stack.has('namespace/kustomization.yaml')) {
      if (plainUnit('namespace', 'namespace')) this.files.set(`${site}/namespace/kustomization.yaml`, toYamlFile([{ resources: ['../../namespace'] }]));
    }
    const covered = (f: string) => f === 'kustomization.yaml' || omit.has(f) || resources.some((r) => f.startsWith(`${r.replace(/\/$/, '')}/`)) || f.startsWith('namespace/');
    const left = [...stack.keys()].filter((f) => !covered(f));
    if (left.length > 0) throw new Error(`site "${site}": ${left.join(', ')}: not read by any kustomization (omit it or list it)`);
    for (const [f, t] of extra) this.files.set(f, t);
  }

  /** One file of the site's stack as a mapping: its documents (as JSON reads them) or its parsed text. */
  private parse(stack: ReadonlyMap<string, string>, file: string, site: string): Obj {
    const docs = this.documents?.(file);
    if (docs && docs.length === 1 && isObj(docs[0])) return JSON.parse(JSON.stringify(docs[0])) as Obj;
    return parseOne(stack.get(file) ?? '', `${site}/${file}`);
  }

  private release(site: string, name: string, files: ReadonlyMap<string, string>, parse: (file: string) => Obj): void {
    const k = parse('kustomization.yaml');
    const generators = ((k.secretGenerator as unknown as Generator[] | undefined) ?? []);
    const isShared = (g: Generator) => g.files.every((f) => this.options.shared(f));
    const sharedGenerators = generators.filter(isShared);
    const ownGenerators = generators.filter((g) => !isShared(g));
    const resourceFiles = (k.resources as string[] | undefined) ?? [];
    const sharedFiles = new Map([...files].filter(([f]) => f !== 'kustomization.yaml' && (sharedGenerators.some((g) => g.files.includes(f)) || resourceFiles.includes(f))));
    const hrFile = resourceFiles.length === 1 ? resourceFiles[0] : undefined;
    const body = { ...k, secretGenerator: sharedGenerators };
    // The HelmRelease may differ (a patch); the other shared files must not.
    const key = JSON.stringify([body, [...sharedFiles.keys()]]);
    const at = `releases/${name}`;
    let unit = this.units.get(at);
    if (!unit) {
      const helmRelease = hrFile ? parse(hrFile) : undefined;
      unit = { files: sharedFiles, key, helmRelease };
      this.units.set(at, unit);
      for (const [f, t] of sharedFiles) this.files.set(`${at}/${f}`, t);
      this.files.set(`${at}/kustomization.yaml`, toYamlFile([body]));
    }
    const same = unit.key === key && [...sharedFiles].every(([f, t]) => f === hrFile || unit.files.get(f) === t);
    if (!same || !hrFile || !unit.helmRelease) {
      for (const [f, t] of files) this.files.set(`${site}/${name}/${f}`, t);
      return;
    }
    const overlay: Obj = {};
    for (const [field, value] of Object.entries(k)) {
      if (field === 'resources') overlay.resources = [`../../${at}`];
      else if (field === 'secretGenerator') {
        if (ownGenerators.length > 0) overlay.secretGenerator = ownGenerators as unknown as Json;
      } else overlay[field] = value;
    }
    for (const g of ownGenerators) for (const f of g.files) this.files.set(`${site}/${name}/${f}`, files.get(f) ?? '');
    const text = files.get(hrFile) ?? '';
    if (text !== this.files.get(`${at}/${hrFile}`)) {
      const hr = parse(hrFile);
      const ops = jsonPatch(unit.helmRelease, hr);
      if (ops.length > 0) {
        const [group, version] = String(hr.apiVersion).split('/');
        const meta = hr.metadata as Obj;
        overlay.patches = [{ path: PATCH_FILE, target: { group, version, kind: hr.kind, name: meta.name } }];
        this.files.set(`${site}/${name}/${PATCH_FILE}`, toYamlFile([ops]));
      }
    }
    this.files.set(`${site}/${name}/kustomization.yaml`, toYamlFile([overlay]));
  }

  /** The fleet folder's files, relative path to text, sorted. */
  public result(): Map<string, string> {
    return new Map([...this.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
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
 * The standalone stack of one site, rebuilt from the fleet folder's files: shared folders copied
 * in, release overlays merged with their shared bodies, HelmRelease patches applied. YAML files
 * that were merged or patched are rewritten (same objects, maybe another key order).
 */
export function materializeSite(fleet: ReadonlyMap<string, string>, site: string): Map<string, string> {
  const out = new Map<string, string>();
  const under = (prefix: string) => [...fleet].filter(([f]) => f.startsWith(`${prefix}/`)).map(([f, t]) => [f.slice(prefix.length + 1), t] as const);
  for (const [f, t] of under(site)) out.set(f, t);
  const topFile = `${site}/kustomization.yaml`;
  const top = parseOne(fleet.get(topFile) ?? '', topFile);
  const resources = ((top.resources as string[] | undefined) ?? []).map((r) => {
    if (!r.startsWith('../')) return r;
    const shared = path.posix.basename(r);
    for (const [f, t] of under(shared)) out.set(`${shared}/${f}`, t);
    return shared;
  });
  out.set('kustomization.yaml', toYamlFile([{ ...top, resources }]));
  const ns = out.get('namespace/kustomization.yaml');
  if (ns !== undefined && ((parseOne(ns, 'namespace/kustomization.yaml').resources as string[] | undefined) ?? []).some((r) => r.startsWith('../'))) {
    for (const [f, t] of under('namespace')) out.set(`namespace/${f}`, t);
  }
  for (const release of resources) {
    const kFile = `${release}/kustomization.yaml`;
    const text = out.get(kFile);
    if (text === undefined) continue;
    const k = parseOne(text, `${site}/${kFile}`);
    const base = ((k.resources as string[] | undefined) ?? []).find((r) => r.startsWith('../'));
    if (!base) continue;
    const sharedAt = path.posix.normalize(`${site}/${release}/${base}`);
    const sharedK = parseOne(fleet.get(`${sharedAt}/kustomization.yaml`) ?? '', `${sharedAt}/kustomization.yaml`);
    for (const [f, t] of under(sharedAt)) if (f !== 'kustomization.yaml') out.set(`${release}/${f}`, t);
    const merged: Obj = {};
    for (const [field, value] of Object.entries({ ...sharedK, ...k })) {
      if (field === 'patches') continue;
      if (field === 'resources') merged.resources = sharedK.resources ?? [];
      else if (field === 'secretGenerator') merged.secretGenerator = [...((sharedK.secretGenerator as Json[]) ?? []), ...((k.secretGenerator as Json[]) ?? [])];
      else merged[field] = value;
    }
    if (!('secretGenerator' in k) && sharedK.secretGenerator) merged.secretGenerator = sharedK.secretGenerator;
    out.set(kFile, toYamlFile([merged]));
    for (const patch of (k.patches as Obj[] | undefined) ?? []) {
      const patchFile = `${release}/${String(patch.path)}`;
      const ops = parseYaml12(out.get(patchFile) ?? '', patchFile)[0] as PatchOp[];
      out.delete(patchFile);
      const hrFile = `${release}/${((sharedK.resources as string[]) ?? [])[0]}`;
      out.set(hrFile, toYamlFile([applyJsonPatch(parseOne(out.get(hrFile) ?? '', hrFile), ops)]));
    }
  }
  return out;
}
