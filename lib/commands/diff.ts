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
import { effectiveValues, Json, leaves, readStack, StackTree, TreeRelease } from './values';

/** Keys whose values are credentials: never printed, even if a tree held one in plain text. */
const CREDENTIAL_KEY = /(^|[_.-])(password|passwd|secret_key|secret|token|keyring|private_key|api_key|credentials?)$/i;

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
  readonly stack: string;
  readonly status: 'added' | 'removed' | 'changed';
  readonly releases: readonly ReleaseDiff[];
}

/** The stack folders of a tree root (subfolders with a kustomization.yaml), or the root itself. */
export function readStacks(root: string, only?: string): Map<string, StackTree> {
  const out = new Map<string, StackTree>();
  if (!fs.existsSync(root)) return out;
  if (fs.existsSync(path.join(root, 'kustomization.yaml'))) {
    out.set(path.basename(root), readStack(root));
    return out;
  }
  for (const entry of fs.readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || entry.name.startsWith('.') || (only && entry.name !== only)) continue;
    const dir = path.join(root, entry.name);
    if (fs.existsSync(path.join(dir, 'kustomization.yaml'))) out.set(entry.name, readStack(dir));
  }
  return out;
}

/**
 * Extracts `folder` (relative to the repository top) as it is at `rev` into a new temporary
 * folder and returns the path of the extracted folder (absent when `folder` did not exist at rev).
 */
export function checkoutFolder(rev: string, folder: string, cwd = process.cwd()): { dir: string; cleanup: () => void } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
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
  const chart = (release.spec.chart as { spec?: { version?: unknown } } | undefined)?.spec;
  const dependsOn = Array.isArray(release.spec.dependsOn)
    ? release.spec.dependsOn.map((d) => (typeof d === 'object' && d !== null && !Array.isArray(d) ? String((d as { name?: unknown }).name) : String(d)))
    : [];
  return { version: String(chart?.version ?? '(none)'), dependsOn };
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
    else if (JSON.stringify(before.get(leaf)) !== JSON.stringify(value)) out.push({ path: leaf, kind: 'changed', old: before.get(leaf), new: value });
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
        if (added.length + removed.length > 0) spec.push(`dependsOn: ${[...added.map((d) => `+ ${d}`), ...removed.map((d) => `- ${d}`)].join(', ')}`);
      } else {
        // The Kustomization that applies the stack prunes (prune: true), and a deleted HelmRelease is uninstalled.
        spec.push(
          n
            ? `release added (chart version ${specOf(n).version})`
            : `release removed: the stack's Flux Kustomization prunes the HelmRelease and helm-controller uninstalls Helm release ${String(o!.spec.releaseName ?? o!.name)} (what Helm made goes; PVCs of StatefulSets stay)`,
        );
      }
      const changes = diffValues(o && before ? effectiveValues(before.files, o).values : {}, n && after ? effectiveValues(after.files, n).values : {});
      if (spec.length + changes.length === 0) continue;
      releases.push({ release, status: !o ? 'added' : !n ? 'removed' : 'changed', spec, leaves: changes });
    }
    if (releases.length > 0 || !before || !after) out.push({ stack: name, status: !before ? 'added' : !after ? 'removed' : 'changed', releases });
  }
  return out;
}

function show(leaf: string, value: Json | undefined): string {
  const key = leaf.replace(/\[[0-9]+\]$/, '').split(/(?<!\\)\./).pop() ?? '';
  if (typeof value === 'string' && CREDENTIAL_KEY.test(key) && !/^<(secret|configmap):/.test(value) && value !== '') return '"***"';
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
    lines.push('', `## ${stack.stack}${stack.status === 'changed' ? '' : ` (stack ${stack.status})`}`);
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
  lines.push('', `${diffs.length} stack(s), ${releaseCount} release(s), ${leafCount} leaf change(s)`);
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
export function runDiff(request: DiffRequest = {}): { code: number; text: string; diffs: StackDiff[] } {
  const cwd = request.cwd ?? process.cwd();
  const rev = request.rev ?? 'HEAD';
  const dist = request.dist ?? 'dist';
  const old = checkoutFolder(rev, dist, cwd);
  try {
    const diffs = diffStacks(readStacks(old.dir, request.stack), readStacks(path.resolve(cwd, dist), request.stack));
    return { code: diffs.length === 0 ? 0 : 1, text: formatDiff(diffs, `${rev}:${dist}`, `${dist} (working tree)`), diffs };
  } finally {
    old.cleanup();
  }
}
