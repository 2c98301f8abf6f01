/**
 * The output folder is the operator's: we replace it only when we wrote it, we replace it whole or
 * not at all, and a run that is killed leaves the old tree or the new one, never a mix.
 *
 * - A marker file at the root says a folder is ours. A non-empty folder without it is refused
 *   (a tree written before the marker existed is recognised by its generated-file headers).
 * - A symlinked target is followed: the tree lands where it points, and the link stays.
 * - The new tree is written into a staging folder beside the target; then a journal names the
 *   staging and previous folders, the target is renamed away, the staging folder takes its place,
 *   and the journal is removed. A run killed between the renames leaves the journal, and the next
 *   run (or `completeInterruptedSwap`) finishes the swap before it does anything else.
 * - With `recycle` (an incremental fleet synth), the previous tree is kept beside as the spare and
 *   the next staging folder starts from it (made exact by the fill), so a large tree that changes
 *   little is not re-created and removed folder by folder; the swap is the same.
 * - One writer at a time: a lock file beside the target names its holder; a second run fails fast.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GENERATED_HEADER } from './yaml';

/** The file at the root of every folder we write. */
export const MARKER_FILE = '.stx-openstack-gitops';

/** Options of {@link replaceFolder}. */
export interface ReplaceFolderOptions {
  /**
   * The marker file's text (the generator and its version). With a marker, a non-empty target
   * without it is refused. @default - no marker, no ownership check (a folder only we write, such as imports/)
   */
  readonly marker?: string;
  /**
   * Top-level entries of the current tree to carry over unchanged (the stacks a partial synth does
   * not rewrite). @default - none: the new tree replaces the old one whole
   */
  readonly keep?: readonly string[];
  /**
   * Keep the previous tree beside the target as a spare (`.dist.spare`) and start the next replace
   * from it instead of an empty staging folder: a large tree that changes little (a fleet) is not
   * re-created folder by folder and removed again on every synth. The fill must then accept a
   * staging folder that holds an older tree and make it exact ({@link writeFiles} does).
   * @default false: the staging folder starts empty and the previous tree is removed
   */
  readonly recycle?: boolean;
}

/** The result of a replace: what else the operator should know (true statements only). */
export interface ReplaceFolderResult {
  /** The real folder written (the symlink's target when the given path is a link). */
  readonly target: string;
  readonly warnings: readonly string[];
}

/** The sibling paths of one target: staging and previous prefixes, journal, lock. */
function siblings(target: string) {
  const parent = path.dirname(target);
  const base = path.basename(target);
  return {
    parent,
    stagingPrefix: path.join(parent, `.${base}.new-`),
    previousPrefix: path.join(parent, `.${base}.old-`),
    journal: path.join(parent, `.${base}.swap`),
    spare: path.join(parent, `.${base}.spare`),
    lock: path.join(parent, `.${base}.lock`),
  };
}

/** The real path of the output folder: a symlink is followed (a dangling one too). */
export function realTarget(outRoot: string): string {
  let target = path.resolve(outRoot);
  for (let hops = 0; hops < 32; hops++) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(target);
    } catch {
      return target;
    }
    if (!stat.isSymbolicLink()) return target;
    target = path.resolve(path.dirname(target), fs.readlinkSync(target));
  }
  throw new Error(`output folder ${outRoot}: too many levels of symbolic links`);
}

/** True when `dir` is a tree we wrote: it has the marker, or every entry is a stack with our header. */
function writtenByUs(dir: string): boolean {
  if (fs.existsSync(path.join(dir, MARKER_FILE))) return true;
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  return (
    entries.length > 0 &&
    entries.every((e) => {
      if (!e.isDirectory()) return false;
      try {
        return fs.readFileSync(path.join(dir, e.name, 'kustomization.yaml'), 'utf8').startsWith(`# ${GENERATED_HEADER}`);
      } catch {
        return false;
      }
    })
  );
}

/** Refuses a target that exists and is not an empty folder or a tree we wrote. */
function checkTarget(target: string): void {
  if (!fs.existsSync(target)) return;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) throw new Error(`output folder ${target}: it is a file, not a folder (refusing to replace it)`);
  const entries = fs.readdirSync(target);
  if (entries.length === 0 || writtenByUs(target)) return;
  const shown = entries.sort().slice(0, 5).join(', ') + (entries.length > 5 ? `, ... (${entries.length} entries)` : '');
  throw new Error(
    `output folder ${target}: not written by this generator (no ${MARKER_FILE} marker) and not empty (it holds ${shown}); ` +
      'choose a new or empty folder, or remove its content yourself',
  );
}

/**
 * Takes the lock beside the target, or throws naming the live holder. The lock is written whole
 * into a file of its own and then linked into place, so a lock file is never half-written by a
 * live run: one that is empty or garbled (a run that died on a full disk, an older version) and
 * one left by a dead process on this host are taken over, the first with a warning.
 */
function takeLock(lock: string): { release: () => void; warnings: string[] } {
  const mine = `${process.pid} ${os.hostname()} ${new Date().toISOString()}\n`;
  const warnings: string[] = [];
  const own = `${lock}.${process.pid}.tmp`;
  removeDeadLockDrafts(lock);
  try {
    fs.writeFileSync(own, mine);
  } catch (error) {
    fs.rmSync(own, { force: true });
    throw new Error(`lock ${lock}: cannot be written (${reason(error)})`, { cause: error });
  }
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkOrCopy(own, lock);
        // A lock that cannot be removed (a failing disk) is left to the next run, which takes it over.
        const release = () => {
          try {
            fs.rmSync(lock, { force: true });
          } catch {
            // the next run sees this process gone
          }
        };
        return { release, warnings };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = fs.readFileSync(lock, 'utf8').trim();
        const [pid, host, since] = holder.split(' ');
        if (!/^[1-9][0-9]*$/.test(pid ?? '') || !host) {
          warnings.push(
            `took over the lock ${lock}, which was ${holder ? `garbled (${JSON.stringify(holder.slice(0, 40))})` : 'empty'}: a synth died while writing it (a full disk?)`,
          );
          fs.rmSync(lock, { force: true });
          continue;
        }
        // This process holds no lock between calls (a replace runs synchronously): one with its pid is stale.
        if (host === os.hostname() && (Number(pid) === process.pid || !processAlive(Number(pid)))) {
          fs.rmSync(lock, { force: true });
          continue;
        }
        throw new Error(
          `output folder ${path.join(path.dirname(lock), path.basename(lock).slice(1, -'.lock'.length))}: another synth is writing it (lock ${lock}: pid ${pid} on ${host}, since ${since ?? '?'}); wait for it, or remove the lock if that process is gone`,
          { cause: error },
        );
      }
    }
    throw new Error(`lock ${lock}: could not be taken`);
  } finally {
    fs.rmSync(own, { force: true });
  }
}

/** Puts `from` at `to` only if `to` does not exist (a hard link; a file system without links gets an exclusive copy). */
function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
  }
}

/** Lock drafts (`.dist.lock.<pid>.tmp`) of processes that are gone. */
function removeDeadLockDrafts(lock: string): void {
  const dir = path.dirname(lock);
  if (!fs.existsSync(dir)) return;
  const prefix = `${path.basename(lock)}.`;
  for (const entry of fs.readdirSync(dir)) {
    const pid = entry.startsWith(prefix) && entry.endsWith('.tmp') ? Number(entry.slice(prefix.length, -'.tmp'.length)) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !processAlive(pid)) fs.rmSync(path.join(dir, entry), { force: true });
  }
}

/**
 * Removes a tree we wrote. A folder without write permission (a `dist/` of mode 555, whose mode
 * the synth keeps) is made writable first: it is ours, and leaving it would fail every later synth.
 */
export function removeTree(dir: string): void {
  try {
    removeOwnTree(dir);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
  }
  const makeWritable = (d: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(d);
    } catch {
      return;
    }
    if (!stat.isDirectory()) return;
    fs.chmodSync(d, (stat.mode & 0o7777) | 0o700);
    for (const entry of fs.readdirSync(d)) makeWritable(path.join(d, entry));
  };
  makeWritable(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Removes a tree of plain folders and files: one readdir per folder, one unlink per file, one rmdir
 * per folder, bottom up. fs.rmSync's rimraf first tries rmdir on every folder and lstats every
 * entry, which doubles the system calls on a fleet's thousands of folders (issue 21).
 */
function removeOwnTree(dir: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') return unlinkIfThere(dir);
    throw error;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) removeOwnTree(full);
    else unlinkIfThere(full);
  }
  fs.rmdirSync(dir);
}

function unlinkIfThere(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Journal {
  readonly staging: string;
  readonly previous: string;
}

/**
 * Finishes a swap that a killed run left half-done, then removes staging and previous folders
 * that killed runs left beside the target. Returns what it did.
 */
export function completeInterruptedSwap(target: string): string[] {
  const { parent, journal, stagingPrefix, previousPrefix } = siblings(target);
  const done: string[] = [];
  if (fs.existsSync(journal)) {
    // The journal is renamed into place whole before the target moves: one that does not parse was
    // never complete, so nothing moved yet.
    let entry: Journal | undefined;
    try {
      entry = JSON.parse(fs.readFileSync(journal, 'utf8')) as Journal;
    } catch {
      entry = undefined;
    }
    const { staging, previous } = entry ?? { staging: '', previous: '' };
    // Only our own staging and previous folders, beside the target, may be moved into its place.
    const ours = (p: unknown, prefix: string) =>
      typeof p === 'string' && path.dirname(p) === parent && p.startsWith(prefix) && p.length > prefix.length;
    if (entry && !(ours(staging, stagingPrefix) && ours(previous, previousPrefix))) {
      done.push(
        `ignored the swap journal ${journal}: it names ${JSON.stringify(staging)} and ${JSON.stringify(previous)}, not the staging and previous folders of ${target} (moved nothing)`,
      );
      entry = undefined;
    }
    if (entry && !fs.existsSync(target) && fs.existsSync(staging)) {
      fs.renameSync(staging, target);
      done.push(`completed the swap of ${target} that an interrupted synth left`);
    } else if (entry && !fs.existsSync(target) && fs.existsSync(previous)) {
      fs.renameSync(previous, target);
      done.push(`restored ${target} that an interrupted synth had moved away`);
    }
    fs.rmSync(journal, { force: true });
  }
  fs.rmSync(`${journal}.tmp`, { force: true });
  if (fs.existsSync(parent)) {
    for (const entry of fs.readdirSync(parent)) {
      const full = path.join(parent, entry);
      if (full.startsWith(stagingPrefix) || full.startsWith(previousPrefix)) {
        removeTree(full);
        done.push(`removed ${full}, left by an interrupted synth`);
      }
    }
  }
  return done;
}

/** Creates the parent folder if needed, with messages that name the path. */
function prepareParent(target: string): void {
  const parent = path.dirname(target);
  let ancestor = parent;
  while (!fs.existsSync(ancestor) && path.dirname(ancestor) !== ancestor) ancestor = path.dirname(ancestor);
  if (fs.existsSync(ancestor) && !fs.statSync(ancestor).isDirectory())
    throw new Error(`output folder ${target}: ${ancestor} is not a folder`);
  try {
    fs.mkdirSync(parent, { recursive: true });
  } catch (error) {
    throw new Error(`output folder ${target}: cannot create its parent folder (${reason(error)})`, { cause: error });
  }
  try {
    fs.accessSync(parent, fs.constants.W_OK);
  } catch {
    throw new Error(`output folder ${target}: its parent folder ${parent} is not writable`);
  }
}

/** A system error as one short phrase (`ENOSPC: no space left on device`). */
function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*$/, '')}` : String(e.message ?? e);
}

/**
 * A writer of the new tree into the staging folder: an empty one, or with `recycled` (only when
 * the replace was asked to recycle) one that holds an older tree of ours, which the fill makes
 * exact: what it does not write must go, and no file in it may be written in place (its files
 * share their inodes with the current tree's).
 */
export type FolderFill = (staging: string, recycled: boolean) => void;

/**
 * A fill that writes `files` (relative path to text). With `unchangedFrom` (the current tree), a
 * file whose bytes are already there is hard-linked into the staging folder instead of written:
 * it keeps its inode and mtime, so a change rewrites only the files it changes. The swap stays
 * atomic (the old tree is renamed away whole; its linked files live on in the new one). `kept`:
 * paths taken from `unchangedFrom` as they are, unread (the caller knows them unchanged).
 */
export function writeFiles(files: ReadonlyMap<string, string>, unchangedFrom?: string, kept: readonly string[] = []): FolderFill {
  return (staging, recycled) => {
    const made = new Set<string>();
    if (recycled) {
      const settled = settleRecycled(staging, files, unchangedFrom, kept);
      kept = kept.filter((rel) => !settled.has(rel));
      files = new Map([...files].filter(([rel]) => !settled.has(rel)));
      // Every folder that holds a settled file is there already.
      for (const rel of settled) made.add(path.dirname(path.join(staging, rel)));
    }
    const folder = (file: string) => {
      const dir = path.dirname(file);
      if (!made.has(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
    };
    for (const rel of kept) {
      if (unchangedFrom === undefined) throw new Error(`${rel}: to be kept, but there is no current tree`);
      folder(path.join(staging, rel));
      linkOrCopy(path.join(unchangedFrom, rel), path.join(staging, rel));
    }
    for (const [rel, text] of files) {
      const file = path.join(staging, rel);
      folder(file);
      if (unchangedFrom !== undefined && sameFile(path.join(unchangedFrom, rel), text)) {
        try {
          fs.linkSync(path.join(unchangedFrom, rel), file);
          continue;
        } catch {
          // another file system, a link limit: write it
        }
      }
      fs.writeFileSync(file, text);
    }
  };
}

/**
 * Makes a recycled staging folder hold no more than the new tree: removes every entry that is not
 * to be written, and returns the files that are already right, left in place: the same inode as
 * the current tree's file, which is kept or holds exactly the new text. Every other file to be
 * written is unlinked, never written through (its inode may be the current tree's).
 */
function settleRecycled(
  staging: string,
  files: ReadonlyMap<string, string>,
  unchangedFrom: string | undefined,
  kept: readonly string[],
): Set<string> {
  const wanted = new Set([...files.keys(), ...kept].map((rel) => rel.split(path.sep).join('/')));
  const folders = new Set<string>();
  for (const rel of wanted) for (let dir = path.posix.dirname(rel); dir !== '.'; dir = path.posix.dirname(dir)) folders.add(dir);
  const keptSet = new Set(kept.map((rel) => rel.split(path.sep).join('/')));
  const settled = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(staging, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      const full = path.join(staging, rel);
      if (entry.isDirectory() && folders.has(rel)) walk(rel);
      else if (
        entry.isFile() &&
        wanted.has(rel) &&
        unchangedFrom !== undefined &&
        sameInode(full, path.join(unchangedFrom, rel)) &&
        (keptSet.has(rel) || sameFile(full, files.get(rel) ?? ''))
      )
        settled.add(rel);
      else if (entry.isDirectory()) removeTree(full);
      else fs.unlinkSync(full);
    }
  };
  walk('');
  // The callers' paths use the platform separator.
  return new Set([...settled].map((rel) => rel.split('/').join(path.sep)));
}

function sameInode(a: string, b: string): boolean {
  try {
    const [x, y] = [fs.lstatSync(a), fs.lstatSync(b)];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

/**
 * Moves our spare tree (it has the marker) into the fresh, empty staging folder. False, moving
 * nothing, when there is none or it is not ours.
 */
function takeSpare(spare: string, staging: string): boolean {
  if (!fs.existsSync(path.join(spare, MARKER_FILE)) || fs.lstatSync(spare).isSymbolicLink()) return false;
  return renamedInto(spare, staging);
}

/** Renames `from` to `to` (a missing or empty folder); false when that cannot be done. */
function renamedInto(from: string, to: string): boolean {
  try {
    fs.renameSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/** True when `file` is a regular file holding exactly `text`. */
function sameFile(file: string, text: string): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return false;
  }
  if (!stat.isFile() || stat.size !== Buffer.byteLength(text)) return false;
  return fs.readFileSync(file, 'utf8') === text;
}

/**
 * Replaces `outRoot` by what `fill` writes, atomically (see the module comment). Throws, leaving
 * the folder as it was, on any failure before the swap.
 */
export function replaceFolder(outRoot: string, fill: FolderFill, options: ReplaceFolderOptions = {}): ReplaceFolderResult {
  const target = realTarget(outRoot);
  prepareParent(target);
  const { parent, stagingPrefix, previousPrefix, journal, lock, spare } = siblings(target);
  const { release, warnings } = takeLock(lock);
  try {
    warnings.push(...completeInterruptedSwap(target));
    if (options.marker !== undefined) checkTarget(target);
    const mode = fs.existsSync(target) ? fs.statSync(target).mode & 0o7777 : 0o777 & ~process.umask();
    let staging: string;
    try {
      staging = fs.mkdtempSync(stagingPrefix);
    } catch (error) {
      throw new Error(`output folder ${target}: cannot write beside it in ${parent} (${reason(error)})`, { cause: error });
    }
    const recycled = options.recycle === true && takeSpare(spare, staging);
    try {
      fill(staging, recycled);
      for (const entry of options.keep ?? []) {
        const from = path.join(target, entry);
        const to = path.join(staging, entry);
        if (!fs.existsSync(from) || fs.existsSync(to)) continue;
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.cpSync(from, to, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
      }
      if (options.marker !== undefined) {
        fs.rmSync(path.join(staging, MARKER_FILE), { force: true });
        fs.writeFileSync(path.join(staging, MARKER_FILE), options.marker);
      }
      fs.chmodSync(staging, mode);
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      // A fill that throws its own error (a render failure) keeps its message; a system error gets the path.
      if (!(error as NodeJS.ErrnoException).code) throw error;
      const at = (error as NodeJS.ErrnoException).path;
      const where = at && at.startsWith(staging) ? ` at ${path.relative(staging, at)}` : '';
      throw new Error(`output folder ${target}: writing the new tree failed${where} (${reason(error)}); ${target} is unchanged`, {
        cause: error,
      });
    }
    const previous = previousPrefix + path.basename(staging).slice(path.basename(stagingPrefix).length);
    const hadTarget = fs.existsSync(target);
    try {
      fs.writeFileSync(`${journal}.tmp`, JSON.stringify({ staging, previous } satisfies Journal));
      fs.renameSync(`${journal}.tmp`, journal);
      if (hadTarget) fs.renameSync(target, previous);
      fs.renameSync(staging, target);
    } catch (error) {
      if (hadTarget && !fs.existsSync(target) && fs.existsSync(previous)) fs.renameSync(previous, target);
      fs.rmSync(staging, { recursive: true, force: true });
      fs.rmSync(journal, { force: true });
      fs.rmSync(`${journal}.tmp`, { force: true });
      throw new Error(`output folder ${target}: the swap failed (${reason(error)}); ${target} is unchanged`, { cause: error });
    }
    fs.rmSync(journal, { force: true });
    if (hadTarget) {
      try {
        // A spare that is not ours (a non-empty folder) makes the rename fail: the previous tree goes.
        const spareIt = options.recycle === true && fs.existsSync(path.join(previous, MARKER_FILE));
        if (!spareIt || !renamedInto(previous, spare)) removeTree(previous);
        if (!options.recycle && fs.existsSync(path.join(spare, MARKER_FILE))) removeTree(spare);
      } catch (error) {
        warnings.push(
          `${target} holds the new tree, but the previous tree ${previous} could not be removed (${reason(error)}); the next synth removes it`,
        );
      }
    }
    return { target, warnings };
  } finally {
    release();
  }
}
