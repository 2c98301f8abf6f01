import { App } from 'cdk8s';
import { buildApp, BuildOptions, resolveInput } from '../../lib/deployment/app';
import { deploymentStack } from '../../lib/deployment/stack';
import { renderApp, RenderedStack } from '../../lib/engine/synth';
import { DeploymentProfileInput } from '../../lib/profile/profile';
import { ALL_RELEASES } from '../../releases';
import { ReleaseDefinition } from '../../releases/define';

const cache = new Map<string, RenderedStack[]>();

/** Renders every stack in memory (cached per options: the synth is pure). */
export function renderStacks(options: BuildOptions = {}): RenderedStack[] {
  const key = JSON.stringify(options);
  let stacks = cache.get(key);
  if (!stacks) {
    stacks = renderApp(buildApp(options));
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
