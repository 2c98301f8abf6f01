import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { outputFiles } from './files';
import { MARKER_FILE, realTarget, replaceFolder, writeFiles } from './output-folder';
import { GENERATED_HEADER } from './yaml';
import { isOutputTree } from './output-tree';

/** The rendered files of one stack: relative path to text, sorted by path. */
export interface RenderedStack {
  readonly name: string;
  readonly files: ReadonlyMap<string, string>;
  readonly releases: number;
  readonly notes: readonly string[];
  /**
   * Files of the stack kept as the current tree has them (hard-linked, not rewritten), path to
   * size in bytes: what the caller knows is unchanged without rendering it. @default - none
   */
  readonly kept?: ReadonlyMap<string, number>;
}

/** Renders every output tree (stack, entry points) of an app in memory (no I/O). */
export function renderApp(app: App): RenderedStack[] {
  const stacks = app.node.children.filter(isOutputTree);
  const seen = new Map<string, string>();
  return stacks.map((stack) => {
    const owner = seen.get(stack.stackName);
    if (owner) {
      throw new Error(`stacks "${owner}" and "${stack.node.id}" both write the output folder "${stack.stackName}"`);
    }
    seen.set(stack.stackName, stack.node.id);
    const files = new Map<string, string>();
    for (const file of outputFiles(stack)) files.set(file.path, file.render());
    const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { name: stack.stackName, files: sorted, releases: stack.releaseCount, notes: stack.notes };
  });
}

/** Options of {@link writeStacks}. */
export interface WriteStacksOptions {
  /** The text of the marker file at the root of the output folder. @default 'stx-openstack-gitops\n' */
  readonly marker?: string;
  /**
   * Replace only the given stacks and keep every other entry of the output folder as it was (a
   * synth of some profiles). @default false: the output folder holds exactly the given stacks
   */
  readonly onlyThese?: boolean;
  /**
   * Paths of the current tree (relative) to carry over whatever else happens: what someone else
   * writes inside our folder (Flux bootstrap's `clusters/<site>/flux-system`). @default - none
   */
  readonly keep?: readonly string[];
}

/**
 * The entries of `target` that no written stack covers, as paths relative to it: a folder that
 * holds written stacks (`clusters` for `clusters/a`) is looked into, any other entry is whole.
 */
export function unwrittenEntries(target: string, written: readonly string[], dir = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(target, dir))) {
    const rel = dir ? `${dir}/${entry}` : entry;
    if (rel === MARKER_FILE || written.includes(rel)) continue;
    if (written.some((w) => w.startsWith(`${rel}/`)) && fs.statSync(path.join(target, rel)).isDirectory())
      out.push(...unwrittenEntries(target, written, rel));
    else out.push(rel);
  }
  return out;
}

/** The first sentence of every header (what follows it names the source: the TypeScript, a profile). */
const GENERATED_BY = GENERATED_HEADER.slice(0, GENERATED_HEADER.indexOf(').') + 2);

/** True when the file starts with our generated-file header (every file we write does, but the marker). */
function generatedByUs(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(256);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, read).toString('utf8').split('\n', 1)[0].includes(GENERATED_BY);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The files of the current tree that a synth would delete and that we did not write (no generated
 * header): added by hand inside a stack or entry-point folder, or beside them. `spared` are the
 * entries carried over (paths relative to the target).
 */
export function handWrittenFiles(target: string, spared: readonly string[], writing: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    if (rel === MARKER_FILE || spared.includes(rel) || writing.has(rel)) return;
    const full = path.join(target, rel);
    const stat = fs.lstatSync(full);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(full).sort()) walk(rel ? `${rel}/${entry}` : entry);
    } else if (!stat.isFile() || !generatedByUs(full)) {
      out.push(rel);
    }
  };
  walk('');
  return out;
}

/**
 * Writes the stacks under `outRoot`, atomically (lib/engine/output-folder.ts): a failure leaves
 * `outRoot` exactly as it was; a release or stack that is gone leaves no stale files. Returns
 * warnings worth telling (an interrupted earlier synth completed, an old tree left behind).
 */
export function writeStacks(outRoot: string, stacks: readonly RenderedStack[], options: WriteStacksOptions = {}): string[] {
  const files = new Map<string, string>();
  for (const stack of stacks) for (const [rel, text] of stack.files) files.set(path.join(stack.name, rel), text);
  const linked = stacks.flatMap((stack) => [...(stack.kept?.keys() ?? [])].map((rel) => path.join(stack.name, rel)));
  const target = realTarget(outRoot);
  const exists = fs.existsSync(target) && fs.statSync(target).isDirectory();
  if (linked.length > 0 && !exists) throw new Error(`output folder ${target}: ${linked[0]} is to be kept, but there is no current tree`);
  const unwritten =
    options.onlyThese && exists
      ? unwrittenEntries(
          target,
          stacks.map((s) => s.name),
        )
      : [];
  const keep = [...unwritten, ...(options.keep ?? []).filter((k) => exists && fs.existsSync(path.join(target, k)))];
  if (exists && fs.existsSync(path.join(target, MARKER_FILE))) {
    // README "What synth guarantees": a file added by hand is refused, never deleted without a word.
    const foreign = handWrittenFiles(target, keep, new Set([...files.keys(), ...linked]));
    if (foreign.length > 0) {
      const shown =
        foreign
          .slice(0, 10)
          .map((f) => path.join(target, f))
          .join(', ') + (foreign.length > 10 ? `, ... (${foreign.length} files)` : '');
      throw new Error(
        `output folder ${target}: holds files this generator did not write (no generated-file header), which the synth would delete: ${shown}; move them out of the tree (or delete them) and synth again`,
      );
    }
  }
  return [
    ...replaceFolder(outRoot, writeFiles(files, exists ? target : undefined, linked), {
      marker: options.marker ?? 'stx-openstack-gitops\n',
      keep,
      recycle: linked.length > 0,
    }).warnings,
  ];
}

/** One line per stack: releases, files, bytes. */
export function summary(stacks: readonly RenderedStack[]): string[] {
  return stacks.flatMap((s) => {
    const kept = [...(s.kept?.values() ?? [])];
    const bytes = [...s.files.values()].reduce((n, text) => n + Buffer.byteLength(text), 0) + kept.reduce((n, size) => n + size, 0);
    return [`${s.name}: ${s.releases} releases, ${s.files.size + kept.length} files, ${bytes} bytes`, ...s.notes.map((n) => `  ${n}`)];
  });
}
