/**
 * Rendered diff (`npm run diff -- --rendered`): the Kubernetes objects Helm renders for each
 * release, compared between two trees (usually dist/ at a git revision and dist/ in the working
 * tree), per stack and release: objects added, removed, and for a changed one its changed fields;
 * a multi-line text (a config file) as the lines removed and added. What the flux-local `diff hr`
 * command does for Flux repositories.
 *
 * Only releases whose folder changed are rendered (a byte-identical folder renders the same).
 * Secrets are compared decoded with credentials masked, like everything else; values that the
 * charts generate at random (`memcache_secret_key`) are masked as credentials are, and the hash
 * annotations computed from them (`configmap-etc-hash`) are left out: the object they hash shows
 * the change itself.
 */
import * as fs from 'fs';
import * as path from 'path';
import { materializeSite, fleetSites } from '../engine/fleet';
import { ChartSet } from '../validate/chart-source';
import { isFleetFolder, readTree } from '../validate/validate';
import { checkoutFolder, diffValues, LeafChange, readStacks } from './diff';
import { Credentials, presentObject, RenderedRelease, renderStackReleases } from './render';
import { StackTree, stackFromFiles } from './values';
import { isMap, Json, JsonMap } from '../engine/json';

export interface ObjectChange {
  readonly id: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly leaves: readonly LeafChange[];
}

export interface RenderedReleaseDiff {
  readonly release: string;
  readonly status: 'added' | 'removed' | 'changed';
  readonly objects: readonly ObjectChange[];
  /** A side that did not render, with the reason. */
  readonly errors: readonly string[];
}

export interface RenderedStackDiff {
  readonly stack: string;
  readonly releases: readonly RenderedReleaseDiff[];
}

/** Every stack of a tree root: stack folders, and each subcloud of each fleet folder rebuilt standalone. */
export function readStacksAndSites(root: string, only?: string): Map<string, StackTree> {
  const out = readStacks(root, only);
  const fleetRoots = [path.join(root, 'fleet')].filter((d) => fs.existsSync(d) && fs.statSync(d).isDirectory());
  for (const fleetsDir of fleetRoots) {
    for (const name of fs.readdirSync(fleetsDir).sort()) {
      const dir = path.join(fleetsDir, name);
      if (!isFleetFolder(dir)) continue;
      const files = readTree(dir);
      for (const site of fleetSites(files)) {
        const id = `fleet/${name}/${site}`;
        if (only && only !== id) continue;
        out.set(id, stackFromFiles(materializeSite(files, site), path.join(dir, site)));
      }
    }
  }
  return out;
}

function folderOf(file: string): string {
  const dir = path.posix.dirname(file);
  return dir === '.' ? '' : `${dir}/`;
}

function sameFolder(a: StackTree, b: StackTree, prefix: string): boolean {
  const inA = [...a.files.keys()].filter((f) => f.startsWith(prefix));
  const inB = [...b.files.keys()].filter((f) => f.startsWith(prefix));
  return inA.length === inB.length && inA.every((f) => b.files.get(f) === a.files.get(f));
}

/**
 * Lines whose value a chart generates anew at each render (gnocchi's `uuidv4` statsd ids and test
 * resource): the value is masked, so that two renders of the same values compare equal.
 */
const GENERATED_LINES = [
  /^(\s*(?:resource_id|user_id|project_id)\s*=\s*)[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/gm,
  /^(RESOURCE_UUID=)[0-9a-f]{8}-[0-9a-f-]{27}$/gm,
];

function maskGenerated(text: string): string {
  return GENERATED_LINES.reduce((t, pattern) => t.replace(pattern, '$1(generated)'), text);
}

/** An object as compared: presented (Secrets decoded, credentials masked), generated values and hash annotations left out. */
export function comparable(doc: JsonMap, credentialValues: ReadonlySet<string>): JsonMap {
  const shown = presentObject({ id: '', doc }, credentialValues);
  const strip = (v: Json): Json => {
    if (typeof v === 'string') return maskGenerated(v);
    if (Array.isArray(v)) return v.map(strip);
    if (!isMap(v)) return v;
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k, x]) => !(k === 'annotations' && isMap(x) && Object.keys(x).every((a) => /-hash$/.test(a))))
        .map(([k, x]) => [
          k,
          k === 'annotations' && isMap(x) ? Object.fromEntries(Object.entries(x).filter(([a]) => !/-hash$/.test(a))) : strip(x),
        ]),
    );
  };
  return strip(shown) as JsonMap;
}

/** The objects of two renders of one release, compared. */
export function diffRenderedObjects(
  before: RenderedRelease | undefined,
  after: RenderedRelease | undefined,
  oldCredentials: ReadonlySet<string>,
  newCredentials: ReadonlySet<string>,
): ObjectChange[] {
  const o = new Map((before?.objects ?? []).map((x) => [x.id, comparable(x.doc, oldCredentials)]));
  const n = new Map((after?.objects ?? []).map((x) => [x.id, comparable(x.doc, newCredentials)]));
  const out: ObjectChange[] = [];
  for (const [id, doc] of n) {
    const old = o.get(id);
    if (!old) out.push({ id, kind: 'added', leaves: [] });
    else {
      const leaves = diffValues(old, doc);
      if (leaves.length > 0) out.push({ id, kind: 'changed', leaves });
    }
  }
  for (const id of o.keys()) if (!n.has(id)) out.push({ id, kind: 'removed', leaves: [] });
  return out;
}

export interface RenderedDiffRequest {
  readonly charts: ChartSet;
  /** @default 'HEAD' */
  readonly rev?: string;
  readonly stack?: string;
  /** @default 'dist' */
  readonly dist?: string;
  readonly cwd?: string;
  readonly credentials?: Credentials;
}

/** Renders what changed between two sets of stacks and compares the objects. */
export async function diffRenderedStacks(
  oldStacks: ReadonlyMap<string, StackTree>,
  newStacks: ReadonlyMap<string, StackTree>,
  charts: ChartSet,
  credentials?: Credentials,
): Promise<RenderedStackDiff[]> {
  const out: RenderedStackDiff[] = [];
  for (const name of [...new Set([...oldStacks.keys(), ...newStacks.keys()])].sort()) {
    const before = oldStacks.get(name);
    const after = newStacks.get(name);
    const oldReleases = new Map((before?.releases ?? []).map((r) => [r.name, r]));
    const newReleases = new Map((after?.releases ?? []).map((r) => [r.name, r]));
    const changed = [...new Set([...newReleases.keys(), ...oldReleases.keys()])].filter((r) => {
      const o = oldReleases.get(r);
      const n = newReleases.get(r);
      return !(o && n && before && after && o.file === n.file && sameFolder(before, after, folderOf(o.file)));
    });
    if (changed.length === 0) continue;
    const oldOnly = changed.filter((r) => oldReleases.has(r));
    const newOnly = changed.filter((r) => newReleases.has(r));
    // One side after the other: a release with the same values on both sides is one cache entry.
    const oldRender = before && oldOnly.length > 0 ? await renderStackReleases(before, { charts, credentials, only: oldOnly }) : undefined;
    const newRender = after && newOnly.length > 0 ? await renderStackReleases(after, { charts, credentials, only: newOnly }) : undefined;
    const releases: RenderedReleaseDiff[] = [];
    for (const release of changed) {
      const o = oldRender?.releases.find((r) => r.release === release);
      const n = newRender?.releases.find((r) => r.release === release);
      const errors = [o?.error ? `old: ${o.error}` : undefined, n?.error ? `new: ${n.error}` : undefined].filter(
        (e): e is string => e !== undefined,
      );
      const objects = diffRenderedObjects(
        o?.error ? undefined : o,
        n?.error ? undefined : n,
        oldRender?.credentialValues ?? new Set(),
        newRender?.credentialValues ?? new Set(),
      );
      if (objects.length === 0 && errors.length === 0 && o && n) continue;
      releases.push({ release, status: !o ? 'added' : !n ? 'removed' : 'changed', objects, errors });
    }
    if (releases.length > 0) out.push({ stack: name, releases });
  }
  return out;
}

function lineDiff(oldText: string, newText: string): string[] {
  const oldLines = oldText.split('\n');
  const newLines = newText.split('\n');
  const oldSet = new Set(oldLines);
  const newSet = new Set(newLines);
  return [
    ...oldLines.filter((l) => !newSet.has(l)).map((l) => `      - ${l}`),
    ...newLines.filter((l) => !oldSet.has(l)).map((l) => `      + ${l}`),
  ];
}

function show(value: Json | undefined): string {
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/** The report (Markdown headings, as the values diff). */
export function formatRenderedDiff(diffs: readonly RenderedStackDiff[], from: string, to: string): string {
  if (diffs.length === 0) return `no change in rendered objects between ${from} and ${to}\n`;
  const lines = [`rendered objects: ${from} → ${to} (credentials masked)`];
  let objects = 0;
  let releases = 0;
  for (const stack of diffs) {
    lines.push('', `## ${stack.stack}`);
    for (const release of stack.releases) {
      releases++;
      lines.push(`### ${release.release}${release.status === 'changed' ? '' : ` (release ${release.status})`}`);
      for (const e of release.errors) lines.push(`  does not render (${e})`);
      for (const change of release.objects) {
        objects++;
        if (change.kind !== 'changed') {
          lines.push(`  ${change.kind === 'added' ? '+' : '-'} ${change.id}`);
          continue;
        }
        lines.push(`  ~ ${change.id}`);
        for (const leaf of change.leaves) {
          const multiline =
            typeof leaf.old === 'string' && typeof leaf.new === 'string' && (leaf.old.includes('\n') || leaf.new.includes('\n'));
          if (multiline) lines.push(`    ~ ${leaf.path}:`, ...lineDiff(leaf.old as string, leaf.new as string));
          else if (leaf.kind === 'added') lines.push(`    + ${leaf.path}: ${show(leaf.new)}`);
          else if (leaf.kind === 'removed') lines.push(`    - ${leaf.path}: ${show(leaf.old)}`);
          else lines.push(`    ~ ${leaf.path}: ${show(leaf.old)} → ${show(leaf.new)}`);
        }
      }
    }
  }
  lines.push('', `${diffs.length} stack(s), ${releases} release(s), ${objects} object change(s)`);
  return lines.join('\n') + '\n';
}

/** `npm run diff -- --rendered` as a function: the report and the exit code (0 no change, 1 changes). */
export async function runRenderedDiff(request: RenderedDiffRequest): Promise<{ code: number; text: string; diffs: RenderedStackDiff[] }> {
  const cwd = request.cwd ?? process.cwd();
  const rev = request.rev ?? 'HEAD';
  const dist = request.dist ?? 'dist';
  const old = checkoutFolder(rev, dist, cwd);
  try {
    const diffs = await diffRenderedStacks(
      readStacksAndSites(old.dir, request.stack),
      readStacksAndSites(path.resolve(cwd, dist), request.stack),
      request.charts,
      request.credentials,
    );
    return { code: diffs.length === 0 ? 0 : 1, text: formatRenderedDiff(diffs, `${rev}:${dist}`, `${dist} (working tree)`), diffs };
  } finally {
    old.cleanup();
  }
}
