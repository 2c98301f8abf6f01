import { App } from 'cdk8s';
import * as fs from 'fs';
import * as path from 'path';
import { buildApp, BuildOptions, resolveInput } from '../../lib/deployment/app';
import { deploymentStack } from '../../lib/deployment/stack';
import { renderApp, RenderedStack } from '../../lib/engine/synth';
import { DeploymentProfileInput } from '../../lib/profile/profile';
import { ALL_RELEASES } from '../../releases';
import { ReleaseDefinition } from '../../releases/define';
import { RUN_DIR_ENV } from './run-dir';

const cache = new Map<string, RenderedStack[]>();

/**
 * The stacks of `buildApp()` with its defaults are the same in every suite of a run: the first
 * suite that needs them renders them and leaves them in the run's folder, and the suites after it
 * read them (a render costs a suite about 1.5 s of CPU). Without the folder, each suite renders.
 */
function defaultStacks(): RenderedStack[] {
  // Under StrykerJS each mutant must be rendered by the suite itself, never read from another run.
  const dir = '__stryker__' in globalThis ? undefined : process.env[RUN_DIR_ENV];
  const file = dir ? path.join(dir, 'render-stacks.json') : undefined;
  if (file && fs.existsSync(file)) {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<Omit<RenderedStack, 'files'> & { files: Array<[string, string]> }>;
    return stored.map((stack) => ({ ...stack, files: new Map(stack.files) }));
  }
  const stacks = renderApp(buildApp());
  if (file) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(stacks.map((stack) => ({ ...stack, files: [...stack.files] }))));
    fs.renameSync(tmp, file);
  }
  return stacks;
}

/** Renders every stack in memory (cached per options: the synth is pure). */
export function renderStacks(options: BuildOptions = {}): RenderedStack[] {
  const key = JSON.stringify(options);
  let stacks = cache.get(key);
  if (!stacks) {
    stacks = key === '{}' ? defaultStacks() : renderApp(buildApp(options));
    cache.set(key, stacks);
  }
  return stacks;
}

export function renderStack(name: string, options: BuildOptions = {}): RenderedStack {
  const stack = renderStacks(options).find((s) => s.name === name);
  if (!stack) throw new Error(`no stack ${name}`);
  return stack;
}

/** The files of a rendered stack that targeted snapshots hold (the whole stack is dist/, checked by CI). */
export function filesOf(stack: RenderedStack, files: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    files.map((file) => {
      const text = stack.files.get(file);
      if (text === undefined) throw new Error(`${stack.name} has no ${file}`);
      return [file, text];
    }),
  );
}

/**
 * Given a profile input, the stack of that deployment alone, rendered in memory: what buildApp
 * gives for it, without rendering the platform stack beside it.
 */
export function renderDeployment(input: DeploymentProfileInput, releases: readonly ReleaseDefinition[] = ALL_RELEASES): RenderedStack {
  const app = new App({ outdir: '.cdk8s-out' });
  deploymentStack(app, resolveInput(input, `${input.name}.yaml`, releases));
  const [stack] = renderApp(app);
  return stack;
}
