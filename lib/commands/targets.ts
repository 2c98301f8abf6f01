/**
 * What the review commands (values, images, diff, validate) are pointed at: a stack (`aio-sx`,
 * `dist/aio-sx`), a subcloud of a fleet (`sample/subcloud1`, `dist/fleet/sample/subcloud1`, or
 * `subcloud1` where no other fleet has that name), or a whole fleet (`sample`: every subcloud).
 *
 * A subcloud's tree is its overlay built the way kustomize builds it: the fleet folder read once,
 * the site rebuilt as its standalone stack by lib/engine/fleet.ts materializeSite (the base's
 * folders copied in, its values literals written over them, its HelmRelease patches applied).
 * test/fleet-review.test.ts checks that this gives the objects `kubectl kustomize` gives.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FLEET_RESERVED, fleetSites, materializeSite } from '../engine/fleet';
import { distance } from '../profile/loader';
import { isFleetFolder, readTreeChecked, ReadTree } from '../validate/validate';
import { readStack, stackFromFiles, StackTree, UnreadableTree } from './values';

/** The folder of fleets under the output root. */
export const FLEET_DIR = 'fleet';
/** The folder of Flux entry points under the output root: Flux Kustomizations, no Helm values. */
export const ENTRYPOINT_DIR = 'clusters';

export type Target =
  | { readonly kind: 'stack'; readonly name: string; readonly dir: string }
  | { readonly kind: 'subcloud'; readonly name: string; readonly fleetDir: string; readonly inventory: string; readonly site: string };

/** Subcloud names reserved for a fleet's shared folders are never sites. */
const isSiteName = (name: string) => !(FLEET_RESERVED as readonly string[]).includes(name) && !name.startsWith('.');

/** The sites of a fleet folder on disk (top-level folders with a kustomization.yaml, not reserved). */
export function fleetFolderSites(fleetDir: string): string[] {
  return fs
    .readdirSync(fleetDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && isSiteName(e.name) && fs.existsSync(path.join(fleetDir, e.name, 'kustomization.yaml')))
    .map((e) => e.name)
    .sort();
}

/**
 * Every stack and subcloud under an output root: `<root>/<stack>/` with a kustomization.yaml, and
 * every site of `<root>/fleet/<inventory>/`. A folder that is none of these (nor the entry points)
 * cannot be interpreted: an error naming it, never a silent skip.
 */
export function listTargets(root = 'dist'): Target[] {
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new Error(`${root}: no such folder`);
  const out: Target[] = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || !entry.isDirectory()) continue;
    const dir = path.join(root, entry.name);
    if (entry.name === ENTRYPOINT_DIR && !fs.existsSync(path.join(dir, 'kustomization.yaml'))) continue;
    if (entry.name === FLEET_DIR && !fs.existsSync(path.join(dir, 'kustomization.yaml'))) {
      for (const inv of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (inv.name.startsWith('.')) continue;
        const fleetDir = path.join(dir, inv.name);
        if (!inv.isDirectory() || !isFleetFolder(fleetDir))
          throw new Error(`${fleetDir}: not a fleet folder (no base/ folder, or a kustomization.yaml at its top): cannot interpret it`);
        for (const site of fleetFolderSites(fleetDir))
          out.push({ kind: 'subcloud', name: `${inv.name}/${site}`, fleetDir, inventory: inv.name, site });
      }
      continue;
    }
    if (!fs.existsSync(path.join(dir, 'kustomization.yaml')))
      throw new Error(`${dir}: neither a stack (no kustomization.yaml), a fleet nor entry points: cannot interpret it`);
    out.push({ kind: 'stack', name: entry.name, dir });
  }
  return out;
}

/** `did you mean "x"?` for the names within a small edit distance, then every name. */
export function didYouMean(name: string, known: readonly string[]): string {
  const limit = name.length <= 4 ? 1 : 2 + Math.floor(name.length / 12);
  const near = (a: string) => distance(a.toLowerCase(), name.toLowerCase()) <= limit;
  // A subcloud is also matched by its own name (`subcloud9` is close to `sample/subcloud1`).
  const close = known.filter((k) => near(k) || near(k.slice(k.indexOf('/') + 1)));
  const list = `known: ${known.length > 0 ? known.join(', ') : '(none)'}`;
  return close.length > 0 ? `did you mean ${close.map((c) => JSON.stringify(c)).join(' or ')}? ${list}` : list;
}

/**
 * The targets a command-line argument names, among `targets` (or the folders under `root`):
 * a stack or a subcloud (one target), or a fleet (each of its subclouds).
 */
export function matchTargets(arg: string, targets: readonly Target[], where = 'dist'): Target[] {
  const name = arg.replace(/\/+$/, '');
  const exact = targets.filter((t) => t.name === name);
  if (exact.length > 0) return exact;
  const fleet = targets.filter((t) => t.kind === 'subcloud' && t.inventory === name);
  if (fleet.length > 0) return fleet;
  const bySite = targets.filter((t) => t.kind === 'subcloud' && t.site === name);
  if (bySite.length === 1) return bySite;
  if (bySite.length > 1)
    throw new Error(`subcloud "${name}" is in more than one fleet: name one of ${bySite.map((t) => t.name).join(', ')}`);
  throw new Error(
    `no stack or subcloud "${name}" under ${where}: ${didYouMean(
      name,
      targets.map((t) => t.name),
    )}`,
  );
}

/** The subcloud whose own folder `dir` is (a site folder of a fleet folder), or undefined. */
export function subcloudOfFolder(dir: string): Target | undefined {
  const full = path.resolve(dir);
  const parent = path.dirname(full);
  const site = path.basename(full);
  if (!fs.existsSync(path.join(full, 'kustomization.yaml')) || !isSiteName(site) || !isFleetFolder(parent)) return undefined;
  return {
    kind: 'subcloud',
    name: `${path.basename(parent)}/${site}`,
    fleetDir: path.dirname(dir.replace(/\/+$/, '')),
    inventory: path.basename(parent),
    site,
  };
}

/** The targets an argument names: a folder (stack, subcloud or fleet folder) or a name under `root`. */
export function resolveTargets(arg: string, root = 'dist'): Target[] {
  if (fs.existsSync(arg) && fs.statSync(arg).isDirectory()) {
    const dir = arg.replace(/\/+$/, '') || arg;
    const subcloud = subcloudOfFolder(dir);
    if (subcloud) return [subcloud];
    if (fs.existsSync(path.join(dir, 'kustomization.yaml'))) return [{ kind: 'stack', name: path.basename(path.resolve(dir)), dir }];
    if (isFleetFolder(dir)) {
      const inventory = path.basename(path.resolve(dir));
      const sites = fleetFolderSites(dir);
      if (sites.length === 0) throw new Error(`${dir}: a fleet folder without any subcloud`);
      return sites.map((s) => ({ kind: 'subcloud', name: `${inventory}/${s}`, fleetDir: dir, inventory, site: s }));
    }
    if (path.resolve(dir) !== path.resolve(root)) throw new Error(`${dir}: neither a stack (no kustomization.yaml) nor a fleet folder`);
  }
  return matchTargets(arg, listTargets(root), root);
}

/** The one target an argument names (a fleet, naming many, is refused with its subclouds). */
export function resolveTarget(arg: string, root = 'dist'): Target {
  const targets = resolveTargets(arg, root);
  if (targets.length > 1)
    throw new Error(`"${arg}" is a fleet of ${targets.length} subclouds: name one of ${targets.map((t) => t.name).join(', ')}`);
  return targets[0];
}

/** One subcloud's effective tree: its standalone stack, rebuilt from the fleet folder. */
export function subcloudStack(fleet: ReadTree, site: string, label: string): StackTree {
  if (!fleetSites(fleet.files).includes(site)) throw new UnreadableTree(label, [`${site}/kustomization.yaml: not in the fleet folder`]);
  let files: Map<string, string>;
  try {
    files = materializeSite(fleet.files, site);
  } catch (error) {
    throw new UnreadableTree(label, [`${site}: cannot build the overlay: ${(error as Error).message}`]);
  }
  return stackFromFiles(files, label, fleet.problems);
}

/** The trees of targets, by target name; each fleet folder is read once, however many of its subclouds are asked for. */
export function readTargets(targets: readonly Target[]): Map<string, StackTree> {
  const fleets = new Map<string, ReadTree>();
  const out = new Map<string, StackTree>();
  for (const target of targets) {
    if (target.kind === 'stack') {
      out.set(target.name, readStack(target.dir));
      continue;
    }
    const key = path.resolve(target.fleetDir);
    if (!fleets.has(key)) fleets.set(key, readTreeChecked(target.fleetDir));
    out.set(target.name, subcloudStack(fleets.get(key)!, target.site, path.join(target.fleetDir, target.site)));
  }
  return out;
}

/** The tree of one target, as its HelmReleases and values files. */
export function readTarget(target: Target): StackTree {
  return readTargets([target]).get(target.name)!;
}
