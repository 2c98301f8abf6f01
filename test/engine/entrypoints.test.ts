/**
 * FluxEntrypoints: one Flux Kustomization per file, in the cluster's folder, with exactly the
 * fields each entry asks for.
 */
import { App } from 'cdk8s';
import { FluxEntrypoints, FluxEntrypointsProps } from '../../lib/engine/entrypoints';
import { renderApp } from '../../lib/engine/synth';
import { parseYaml12 } from '../../lib/engine/yaml';

const GIT = { name: 'flux-system', namespace: 'flux-system' };

function render(props: FluxEntrypointsProps, id = 'clusters/site') {
  const app = new App();
  new FluxEntrypoints(app, id, props);
  const [stack] = renderApp(app);
  return { stack, doc: (file: string) => parseYaml12(stack.files.get(file) ?? '')[0] };
}

describe('FluxEntrypoints', () => {
  test('writes each Kustomization to <name>.yaml in the folder named by its id', () => {
    const { stack, doc } = render({
      gitRepository: GIT,
      kustomizations: [
        { name: 'a', path: './dist/a', prune: false, interval: '10m' },
        { name: 'b', path: './dist/b', prune: true, interval: '5m', dependsOn: ['a'], wait: true, timeout: '60m', sopsSecret: 'sops-age' },
      ],
    });
    expect(stack.name).toBe('clusters/site');
    expect(stack.releases).toBe(0);
    expect(stack.notes).toStrictEqual([]);
    expect([...stack.files.keys()]).toStrictEqual(['a.yaml', 'b.yaml']);
    expect(doc('a.yaml')).toStrictEqual({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'a', namespace: 'flux-system' },
      spec: {
        interval: '10m',
        path: './dist/a',
        prune: false,
        sourceRef: { kind: 'GitRepository', name: 'flux-system', namespace: 'flux-system' },
      },
    });
    expect(doc('b.yaml')).toStrictEqual({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'b', namespace: 'flux-system' },
      spec: {
        decryption: { provider: 'sops', secretRef: { name: 'sops-age' } },
        dependsOn: [{ name: 'a' }],
        interval: '5m',
        path: './dist/b',
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'flux-system', namespace: 'flux-system' },
        timeout: '60m',
        wait: true,
      },
    });
  });

  test('an empty dependsOn and wait: false write nothing; the namespace and the source are the props', () => {
    const { doc } = render({
      gitRepository: { name: 'repo', namespace: 'gitops' },
      namespace: 'ops',
      kustomizations: [{ name: 'a', path: './p', prune: true, interval: '1m', dependsOn: [], wait: false }],
    });
    expect(doc('a.yaml')).toStrictEqual({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'a', namespace: 'ops' },
      spec: { interval: '1m', path: './p', prune: true, sourceRef: { kind: 'GitRepository', name: 'repo', namespace: 'gitops' } },
    });
  });

  test('fails when a Kustomization depends on one the cluster does not define', () => {
    expect(() =>
      render(
        { gitRepository: GIT, kustomizations: [{ name: 'a', path: './p', prune: true, interval: '1m', dependsOn: ['a', 'ghost'] }] },
        'clusters/x',
      ),
    ).toThrow('clusters/x: Kustomization "a" depends on "ghost", which is not one of this cluster\'s');
  });
});
