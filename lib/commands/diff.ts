/**
 * Values diff: the effective values (lib/commands/values.ts) of every release of every stack,
 * compared between two trees, usually `dist/` in the working tree and `dist/` at a git revision.
 * Per stack and release: the leaves added, removed and changed, and the HelmRelease spec changes
 * that decide what gets installed (chart version, dependsOn, the set of releases).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { listTargets, matchTargets, readTargets, Target } from './targets';
import {
  announceMissing,
  credentialFolderOf,
  credentialNeeds,
  missingCredentials,
  readCredentialFolder,
} from '../validate/credential-needs';
import { effectiveValues, leaves, StackTree, TreeRelease } from './values';
import { isCredentialKey, Json, parseSetPath } from '../engine/json';

export interface LeafChange {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly old?: Json;
  readonly new?: Json;
}

export interface ReleaseDiff {
  readonly release: string;
  /** `added` / `removed`: the release is new in, or gone from, the stack (the enabled set changed). */
  readonly status: 'added' | 'removed' | 'changed';
  /** Spec changes, one line each (`chart version: 0.1.0 → 0.2.0`, `dependsOn: + keystone`). */
  readonly spec: readonly string[];
  readonly leaves: readonly LeafChange[];
}

export interface StackDiff {
  /** A stack (`aio-sx`), a subcloud (`sample/subcloud1`) or a fleet's shared base (`sample`). */
  readonly stack: string;
  readonly status: 'added' | 'removed' | 'changed';
  readonly releases: readonly ReleaseDiff[];
  /** `subcloud`: one site of a fleet; `shared`: the changes every subcloud of a fleet has alike. */
  readonly kind?: 'stack' | 'subcloud' | 'shared';
  /** A subcloud whose only changes are those of its fleet's shared base (listed once, there). */
  readonly sharedOnly?: boolean;
}

/**
 * The stacks and subclouds of a tree root by name (`aio-sx`, `sample/subcloud1`), or only those
 * `only` names (a stack, a subcloud, a fleet). A folder that cannot be interpreted, a file that
 * cannot be read, an unknown `only`: an error, never an empty result.
 */
export function readStacks(root: string, only?: string): Map<string, StackTree> {
  const targets = listTargets(root);
  return readTargets(only === undefined ? targets : matchTargets(only, targets, root));
}

/**
 * Extracts `folder` (relative to the repository top) as it is at `rev` into a new temporary
 * folder and returns the path of the extracted folder (absent when `folder` did not exist at rev).
 */
export function checkoutFolder(rev: string, folder: string, cwd = process.cwd()): { dir: string; cleanup: () => void } {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  let commit: string;
  try {
    commit = git('rev-parse', '--verify', '--quiet', `${rev}^{commit}`).trim();
  } catch {
    throw new Error(`${rev}: not a git revision of ${cwd}`);
  }
  const top = git('rev-parse', '--show-toplevel').trim();
  const rel = path.relative(top, path.resolve(cwd, folder)).split(path.sep).join('/');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-diff-'));
  const cleanup = () => fs.rmSync(tmp, { recursive: true, force: true });
  try {
    const listed = git('ls-tree', '--name-only', commit, '--', rel).trim();
    if (listed) {
      const tar = execFileSync('git', ['archive', '--format=tar', commit, '--', rel], { cwd: top, maxBuffer: 1024 * 1024 * 1024 });
      execFileSync('tar', ['-x', '-C', tmp], { input: tar });
    }
  } catch (error) {
    cleanup();
    throw error;
  }
  return { dir: path.join(tmp, rel), cleanup };
}

function specOf(release: TreeRelease): { version: string; dependsOn: string[] } {
  return { version: release.version || '(none)', dependsOn: [...release.dependsOn] };
}

function dirOf(file: string): string {
  const dir = path.posix.dirname(file);
  return dir === '.' ? '' : `${dir}/`;
}

/** True when both trees hold the same files, with the same text, under `prefix` (`nova/`; '' is the whole tree). */
function sameFolder(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>, prefix: string): boolean {
  const inA = [...a.keys()].filter((f) => f.startsWith(prefix));
  const inB = [...b.keys()].filter((f) => f.startsWith(prefix));
  return inA.length === inB.length && inA.every((f) => b.get(f) === a.get(f));
}

/** Changed leaves between two values trees, in the new tree's order then the removed ones. */
export function diffValues(oldValues: Json, newValues: Json): LeafChange[] {
  const before = leaves(oldValues);
  const after = leaves(newValues);
  const out: LeafChange[] = [];
  for (const [leaf, value] of after) {
    if (!before.has(leaf)) out.push({ path: leaf, kind: 'added', new: value });
    else if (JSON.stringify(before.get(leaf)) !== JSON.stringify(value))
      out.push({ path: leaf, kind: 'changed', old: before.get(leaf), new: value });
  }
  for (const [leaf, value] of before) if (!after.has(leaf)) out.push({ path: leaf, kind: 'removed', old: value });
  return out;
}

/** Compares two sets of stacks (by name). */
export function diffStacks(oldStacks: ReadonlyMap<string, StackTree>, newStacks: ReadonlyMap<string, StackTree>): StackDiff[] {
  const names = [...new Set([...oldStacks.keys(), ...newStacks.keys()])].sort();
  const out: StackDiff[] = [];
  for (const name of names) {
    const before = oldStacks.get(name);
    const after = newStacks.get(name);
    const oldReleases = new Map((before?.releases ?? []).map((r) => [r.name, r]));
    const newReleases = new Map((after?.releases ?? []).map((r) => [r.name, r]));
    const releases: ReleaseDiff[] = [];
    for (const release of [...new Set([...newReleases.keys(), ...oldReleases.keys()])]) {
      const o = oldReleases.get(release);
      const n = newReleases.get(release);
      // A release folder whose files are byte-identical cannot change (values come from its folder
      // and from Secrets outside the tree): skip the merge.
      if (o && n && before && after && o.file === n.file && sameFolder(before.files, after.files, dirOf(o.file))) continue;
      const spec: string[] = [];
      if (o && n) {
        const so = specOf(o);
        const sn = specOf(n);
        if (so.version !== sn.version) spec.push(`chart version: ${so.version} → ${sn.version}`);
        const added = sn.dependsOn.filter((d) => !so.dependsOn.includes(d));
        const removed = so.dependsOn.filter((d) => !sn.dependsOn.includes(d));
        if (added.length + removed.length > 0)
          spec.push(`dependsOn: ${[...added.map((d) => `+ ${d}`), ...removed.map((d) => `- ${d}`)].join(', ')}`);
      } else {
        // The Kustomization that applies the stack prunes (prune: true), and a deleted HelmRelease is uninstalled.
        spec.push(
          n
            ? `release added (chart version ${specOf(n).version})`
            : `release removed: the stack's Flux Kustomization prunes the HelmRelease and helm-controller uninstalls Helm release ${String(o!.spec.releaseName ?? o!.name)} (what Helm made goes; PVCs of StatefulSets stay)`,
        );
      }
      const changes = diffValues(
        o && before ? effectiveValues(before.files, o).values : {},
        n && after ? effectiveValues(after.files, n).values : {},
      );
      if (spec.length + changes.length === 0) continue;
      releases.push({ release, status: !o ? 'added' : !n ? 'removed' : 'changed', spec, leaves: changes });
    }
    const kind = name.includes('/') ? 'subcloud' : 'stack';
    if (releases.length > 0 || !before || !after)
      out.push({ stack: name, status: !before ? 'added' : !after ? 'removed' : 'changed', releases, kind });
  }
  return hoistShared(out, oldStacks, newStacks);
}

const fleetOf = (name: string) => name.slice(0, name.indexOf('/'));
const leafKey = (c: LeafChange) => JSON.stringify([c.path, c.kind, c.old, c.new]);

/**
 * Per fleet, the changes that every subcloud (present in both trees, two or more) has alike — a
 * change of the shared base, or of the profile they all extend — are listed once, as the fleet's
 * shared base; each subcloud keeps its own changes, or says it has only the shared ones.
 */
function hoistShared(
  diffs: StackDiff[],
  oldStacks: ReadonlyMap<string, StackTree>,
  newStacks: ReadonlyMap<string, StackTree>,
): StackDiff[] {
  const fleets = [...new Set(diffs.filter((d) => d.kind === 'subcloud').map((d) => fleetOf(d.stack)))];
  let out = diffs;
  for (const fleet of fleets) {
    const inBoth = [...newStacks.keys()].filter((n) => n.includes('/') && fleetOf(n) === fleet && oldStacks.has(n));
    const changed = out.filter((d) => inBoth.includes(d.stack));
    if (inBoth.length < 2 || changed.length !== inBoth.length) continue;
    const shared: ReleaseDiff[] = [];
    const [first, ...rest] = changed;
    for (const release of first.releases) {
      if (release.status !== 'changed') continue;
      const others = rest.map((d) => d.releases.find((r) => r.release === release.release && r.status === 'changed'));
      if (others.some((r) => r === undefined)) continue;
      const leaves = release.leaves.filter((c) => others.every((r) => r!.leaves.some((o) => leafKey(o) === leafKey(c))));
      const spec = release.spec.filter((line) => others.every((r) => r!.spec.includes(line)));
      if (leaves.length + spec.length > 0) shared.push({ release: release.release, status: 'changed', spec, leaves });
    }
    if (shared.length === 0) continue;
    const strip = (d: StackDiff): StackDiff => {
      const releases = d.releases
        .map((r) => {
          const common = shared.find((s) => s.release === r.release);
          if (!common || r.status !== 'changed') return r;
          const keys = new Set(common.leaves.map(leafKey));
          return { ...r, spec: r.spec.filter((l) => !common.spec.includes(l)), leaves: r.leaves.filter((c) => !keys.has(leafKey(c))) };
        })
        .filter((r) => r.spec.length + r.leaves.length > 0 || r.status !== 'changed');
      return { ...d, releases, sharedOnly: releases.length === 0 };
    };
    const firstIndex = out.findIndex((d) => d.kind === 'subcloud' && fleetOf(d.stack) === fleet);
    const base: StackDiff = { stack: fleet, status: 'changed', releases: shared, kind: 'shared' };
    out = out.map((d) => (inBoth.includes(d.stack) ? strip(d) : d));
    out.splice(firstIndex, 0, base);
  }
  return out;
}

function show(leaf: string, value: Json | undefined): string {
  // A credential is never printed, even if a tree held one in plain text.
  const last = parseSetPath(leaf)
    .filter((s) => 'key' in s)
    .pop();
  const key = last && 'key' in last ? last.key : '';
  if (typeof value === 'string' && isCredentialKey(key) && !/^<(secret|configmap):/.test(value) && value !== '') return '"***"';
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/** The report `npm run diff` prints (Markdown headings, so that a pull request comment reads well). */
export function formatDiff(diffs: readonly StackDiff[], from: string, to: string): string {
  if (diffs.length === 0) return `no change in effective values between ${from} and ${to}\n`;
  const lines: string[] = [`effective values: ${from} → ${to}`];
  let leafCount = 0;
  let releaseCount = 0;
  for (const stack of diffs) {
    const what = stack.kind === 'subcloud' ? 'subcloud' : 'stack';
    if (stack.kind === 'shared') lines.push('', `## ${stack.stack} (fleet: shared base, the same change in every subcloud)`);
    else
      lines.push(
        '',
        `## ${stack.stack}${stack.status === 'changed' ? (stack.kind === 'subcloud' ? ' (subcloud)' : '') : ` (${what} ${stack.status})`}`,
      );
    if (stack.sharedOnly) lines.push(`  only the changes of the shared base of ${fleetOf(stack.stack)} (above)`);
    if (stack.status !== 'changed') {
      // A whole stack or subcloud added or removed: its releases are the news, not each one's leaves.
      const count = stack.releases.reduce((n, r) => n + r.leaves.length, 0);
      releaseCount += stack.releases.length;
      leafCount += count;
      lines.push(
        `  ${stack.releases.length} release(s) ${stack.status}, ${count} values leaves: ${stack.releases.map((r) => r.release).join(', ')}`,
      );
      continue;
    }
    for (const release of stack.releases) {
      releaseCount++;
      leafCount += release.leaves.length;
      lines.push(`### ${release.release}${release.status === 'changed' ? '' : ` (${release.status})`}`);
      for (const s of release.spec) lines.push(`  spec: ${s}`);
      // A whole release added or removed: its values are the news, not each leaf.
      if (release.status !== 'changed') {
        lines.push(`  ${release.leaves.length} values leaves ${release.status}`);
        continue;
      }
      for (const c of release.leaves) {
        if (c.kind === 'added') lines.push(`  + ${c.path}: ${show(c.path, c.new)}`);
        else if (c.kind === 'removed') lines.push(`  - ${c.path}: ${show(c.path, c.old)}`);
        else lines.push(`  ~ ${c.path}: ${show(c.path, c.old)} → ${show(c.path, c.new)}`);
      }
    }
  }
  const count = (kind: StackDiff['kind']) => diffs.filter((d) => (d.kind ?? 'stack') === kind).length;
  const shared = count('shared');
  lines.push(
    '',
    `${count('stack')} stack(s), ${count('subcloud')} subcloud(s)${shared > 0 ? `, ${shared} shared fleet base(s)` : ''}, ${releaseCount} release(s), ${leafCount} leaf change(s)`,
  );
  return lines.join('\n') + '\n';
}

export interface DiffRequest {
  /** The revision to compare the working tree with. @default 'HEAD' */
  readonly rev?: string;
  /** Only this stack. @default - every stack */
  readonly stack?: string;
  /** The folder of the stacks, relative to cwd. @default 'dist' */
  readonly dist?: string;
  readonly cwd?: string;
}

/** `npm run diff` as a function: the report and the exit code (0 no change, 1 changes). */
export function runDiff(request: DiffRequest = {}): { code: number; text: string; diffs: StackDiff[]; credentials: string[] } {
  const cwd = request.cwd ?? process.cwd();
  const rev = request.rev ?? 'HEAD';
  const dist = request.dist ?? 'dist';
  const old = checkoutFolder(rev, dist, cwd);
  try {
    // dist/ absent at the revision: everything is new. Absent in the working tree: an error.
    const before: Target[] = fs.existsSync(old.dir) ? listTargets(old.dir) : [];
    const after = listTargets(path.resolve(cwd, dist));
    let names: Set<string> | undefined;
    if (request.stack !== undefined) {
      const known = [...new Map([...after, ...before].map((t) => [t.name, t])).values()];
      names = new Set(matchTargets(request.stack, known, dist).map((t) => t.name));
    }
    const pick = (targets: Target[]) => readTargets(names ? targets.filter((t) => names.has(t.name)) : targets);
    const oldTrees = pick(before);
    const newTrees = pick(after);
    const diffs = diffStacks(oldTrees, newTrees);
    const credentials = newCredentials(
      after.filter((t) => newTrees.has(t.name)),
      oldTrees,
      newTrees,
      path.dirname(path.resolve(cwd, dist)),
    );
    const text =
      formatDiff(diffs, `${rev}:${dist}`, `${dist} (working tree)`) +
      (credentials.length > 0 ? `\n## credentials\n${credentials.map((l) => `  ${l}`).join('\n')}\n` : '');
    return { code: diffs.length === 0 ? 0 : 1, text, diffs, credentials };
  } finally {
    old.cleanup();
  }
}

/**
 * The credentials a change makes the sites need (read by the new tree, not by the old one) that
 * their credentials folder (credentials/<site>/, when it exists) does not hold, announced per
 * release. `repoRoot`: the folder that holds dist/ and credentials/.
 */
function newCredentials(
  targets: readonly Target[],
  oldTrees: ReadonlyMap<string, StackTree>,
  newTrees: ReadonlyMap<string, StackTree>,
  repoRoot: string,
): string[] {
  const lines: string[] = [];
  for (const target of targets) {
    const site = target.kind === 'subcloud' ? target.site : target.name;
    const had = new Set(
      oldTrees.has(target.name) ? credentialNeeds(oldTrees.get(target.name)!.files).map((n) => `${n.secret}/${n.key}`) : [],
    );
    const fresh = credentialNeeds(newTrees.get(target.name)!.files).filter((n) => !had.has(`${n.secret}/${n.key}`));
    if (fresh.length === 0) continue;
    const entryDir =
      target.kind === 'subcloud' ? path.join(target.fleetDir, 'clusters', site) : path.join(path.dirname(target.dir), 'clusters', site);
    const entrypoints = fs.existsSync(entryDir)
      ? new Map(
          fs
            .readdirSync(entryDir)
            .filter((f) => f.endsWith('.yaml'))
            .map((f) => [f, fs.readFileSync(path.join(entryDir, f), 'utf8')] as const),
        )
      : new Map<string, string>();
    const rel = credentialFolderOf(site, entrypoints);
    const folder = readCredentialFolder(path.join(repoRoot, rel));
    // A new site without a folder gets one line; a changed one, what each newly enabled release needs.
    lines.push(...announceMissing(site, missingCredentials(fresh, folder), `${rel}/`, folder.exists || oldTrees.has(target.name)));
  }
  return lines;
}
