import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { outputFiles } from './files';
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
  // Not `instanceof FluxStack`: cdk8s' Chart[Symbol.hasInstance] answers true for every Chart.
  const stacks = app.node.children.filter((c): c is FluxStack => FluxStack.prototype.isPrototypeOf(c));
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

/**
 * Writes the stacks under `outRoot`, atomically: everything goes to a temporary sibling folder
 * first, which replaces `outRoot` only once all files are written. A failure leaves `outRoot`
 * exactly as it was; a release or stack that is gone leaves no stale files.
 */
export function writeStacks(outRoot: string, stacks: readonly RenderedStack[]): void {
  const target = path.resolve(outRoot);
  const parent = path.dirname(target);
  // The nearest existing ancestor must be a folder (mkdir's EEXIST/ENOTDIR say it less plainly).
  let ancestor = parent;
  while (!fs.existsSync(ancestor) && path.dirname(ancestor) !== ancestor) ancestor = path.dirname(ancestor);
  if (fs.existsSync(ancestor) && !fs.statSync(ancestor).isDirectory()) {
    throw new Error(`output folder ${target}: ${ancestor} is not a folder`);
  }
  try {
    fs.mkdirSync(parent, { recursive: true });
  } catch (error) {
    throw new Error(`output folder ${target}: cannot create its parent folder (${(error as Error).message})`);
  }
  try {
    fs.accessSync(parent, fs.constants.W_OK);
  } catch {
    throw new Error(`output folder ${target}: its parent folder is not writable`);
  }
  let staging: string;
  try {
    staging = fs.mkdtempSync(path.join(parent, `.${path.basename(target)}.new-`));
  } catch (error) {
    throw new Error(`output folder ${target}: cannot write beside it (${(error as Error).message})`);
  }
  try {
    for (const stack of stacks) {
      for (const [rel, text] of stack.files) {
        const file = path.join(staging, stack.name, rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
      }
    }
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const previous = fs.existsSync(target)
    ? path.join(parent, path.basename(staging).replace(/^(\.[^/]*)\.new-/, '$1.old-'))
    : undefined;
  if (previous) fs.renameSync(target, previous);
  try {
    fs.renameSync(staging, target);
  } catch (error) {
    if (previous) fs.renameSync(previous, target);
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (previous) fs.rmSync(previous, { recursive: true, force: true });
}

/** One line per stack: releases, files, bytes. */
export function summary(stacks: readonly RenderedStack[]): string[] {
  return stacks.flatMap((s) => {
    const bytes = [...s.files.values()].reduce((n, text) => n + Buffer.byteLength(text), 0);
    return [`${s.name}: ${s.releases} releases, ${s.files.size} files, ${bytes} bytes`, ...s.notes.map((n) => `  ${n}`)];
  });
}
