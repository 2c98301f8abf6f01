/**
 * Stack identity by a symbol (as cdk8s-core's Chart.isChart): the writer finds stacks and entry
 * points, and nothing else, without instanceof (true for every Chart) or a prototype chain.
 */
import { App, Chart } from 'cdk8s';
import { FluxEntrypoints } from '../../lib/engine/entrypoints';
import { isOutputTree, markOutputTree, OutputTree } from '../../lib/engine/output-tree';
import { FluxStack } from '../../lib/engine/stack';
import { renderApp } from '../../lib/engine/synth';
import { YamlFile } from '../../lib/engine/files';

const stack = (app: App, id: string) =>
  new FluxStack(app, id, { releases: [], namespace: 'ns', helmRepository: { name: 'charts', url: 'http://repo' } });

describe('isOutputTree', () => {
  test('true for a FluxStack and a FluxEntrypoints, false for a plain Chart and for non-objects', () => {
    const app = new App();
    expect(isOutputTree(stack(app, 's'))).toBe(true);
    expect(
      isOutputTree(new FluxEntrypoints(app, 'clusters/c', { kustomizations: [], gitRepository: { name: 'g', namespace: 'flux-system' } })),
    ).toBe(true);
    expect(isOutputTree(new Chart(app, 'plain'))).toBe(false);
    for (const x of [null, undefined, 0, 'stack', {}]) expect(isOutputTree(x)).toBe(false);
  });

  test('the mark is a global symbol: a tree built by another copy of the module is still recognised', () => {
    // A subclass of Chart that is not a FluxStack, marked the way a second copy of output-tree.ts would.
    class Other extends Chart implements OutputTree {
      public readonly stackName = 'other';
      public readonly notes = ['n'];
      public readonly releaseCount = 3;
    }
    const app = new App();
    const other = new Other(app, 'o');
    Object.defineProperty(other, Symbol.for('stx-openstack-gitops/engine.OutputTree'), { value: true });
    new YamlFile(other, 'f', { path: 'x.yaml', documents: [{ a: 1 }] });
    expect(renderApp(app).map((s) => [s.name, s.releases, s.notes, [...s.files.keys()]])).toStrictEqual([['other', 3, ['n'], ['x.yaml']]]);
  });

  test('marking adds no enumerable property (the mark is invisible to a walk of the construct)', () => {
    const c = new Chart(new App(), 'c') as Chart & OutputTree;
    const keys = Reflect.ownKeys(c).filter((k) => Object.getOwnPropertyDescriptor(c, k)?.enumerable);
    expect(isOutputTree(c)).toBe(false);
    markOutputTree(c);
    expect(isOutputTree(c)).toBe(true);
    expect(Reflect.ownKeys(c).filter((k) => Object.getOwnPropertyDescriptor(c, k)?.enumerable)).toStrictEqual(keys);
  });

  test('an entry-point folder counts no releases in the summary (no fake releases list)', () => {
    const app = new App();
    new FluxEntrypoints(app, 'clusters/c', {
      kustomizations: [{ name: 'k', path: './dist/x', prune: true, interval: '5m' }],
      gitRepository: { name: 'g', namespace: 'flux-system' },
    });
    stack(app, 's');
    expect(renderApp(app).map((s) => [s.name, s.releases])).toStrictEqual([
      ['clusters/c', 0],
      ['s', 0],
    ]);
  });
});
