import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { outputFiles } from './files';
import { MARKER_FILE, realTarget, replaceFolder, writeFiles } from './output-folder';
import { FluxEntrypoints } from './entrypoints';
import { FluxStack } from './stack';

/** The rendered files of one stack: relative path to text, sorted by path. */
export interface RenderedStack {
  readonly name: string;
  readonly files: ReadonlyMap<string, string>;
  readonly releases: number;
  readonly notes: readonly string[];
}

/** Renders every FluxStack of an app in memory (no I/O). */
export function renderApp(app: App): RenderedStack[] {
  // Not `instanceof`: cdk8s' Chart[Symbol.hasInstance] answers true for every Chart.
  const stacks = app.node.children.filter(
    (c): c is FluxStack | FluxEntrypoints => Object.prototype.isPrototypeOf.call(FluxStack.prototype, c) || Object.prototype.isPrototypeOf.call(FluxEntrypoints.prototype, c),
  );
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
    return { name: stack.stackName, files: sorted, releases: stack.releases.length, notes: stack.notes };
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
function unwrittenEntries(target: string, written: readonly string[], dir = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(target, dir))) {
    const rel = dir ? `${dir}/${entry}` : entry;
    if (rel === MARKER_FILE || written.includes(rel)) continue;
    if (written.some((w) => w.startsWith(`${rel}/`)) && fs.statSync(path.join(target, rel)).isDirectory()) out.push(...unwrittenEntries(target, written, rel));
    else out.push(rel);
  }
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
  const target = realTarget(outRoot);
  const exists = fs.existsSync(target) && fs.statSync(target).isDirectory();
  const unwritten = options.onlyThese && exists ? unwrittenEntries(target, stacks.map((s) => s.name)) : [];
  const keep = [...unwritten, ...(options.keep ?? []).filter((k) => exists && fs.existsSync(path.join(target, k)))];
  return [...replaceFolder(outRoot, writeFiles(files, exists ? target : undefined), { marker: options.marker ?? 'stx-openstack-gitops\n', keep }).warnings];
}

/** One line per stack: releases, files, bytes. */
export function summary(stacks: readonly RenderedStack[]): string[] {
  return stacks.flatMap((s) => {
    const bytes = [...s.files.values()].reduce((n, text) => n + Buffer.byteLength(text), 0);
    return [`${s.name}: ${s.releases} releases, ${s.files.size} files, ${bytes} bytes`, ...s.notes.map((n) => `  ${n}`)];
  });
}
