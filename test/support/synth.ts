import { buildApp, BuildOptions } from '../../lib/deployment/app';
import { renderApp, RenderedStack } from '../../lib/engine/synth';

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
