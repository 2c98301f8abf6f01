/**
 * validate on a folder of Flux entry points: dependsOn targets beside them, no cycle, and paths
 * into the generated tree that exist.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkEntrypoints, isEntrypointFolder } from '../lib/validate/entrypoints';
import { toYamlFile } from '../lib/engine/yaml';

const ks = (name: string, p: string, dependsOn: string[] = []) =>
  toYamlFile([
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name, namespace: 'flux-system' },
      spec: {
        interval: '10m',
        path: p,
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
        ...(dependsOn.length ? { dependsOn: dependsOn.map((n) => ({ name: n })) } : {}),
      },
    },
  ]);

describe('Flux entry points in validate', () => {
  test('an entry-point folder is one of Flux Kustomizations only, without kustomization.yaml', () => {
    expect(isEntrypointFolder(new Map([['s/a.yaml', ks('a', './dist/s')]]))).toBe(true);
    expect(
      isEntrypointFolder(
        new Map([
          ['s/a.yaml', ks('a', './dist/s')],
          ['s/kustomization.yaml', 'resources: []\n'],
        ]),
      ),
    ).toBe(false);
    expect(isEntrypointFolder(new Map([['s/a.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n']]))).toBe(false);
  });

  test('reports a dependsOn target that is not beside it, and a cycle', () => {
    const files = new Map([
      ['s/a.yaml', ks('a', './x', ['b'])],
      ['s/b.yaml', ks('b', './x', ['a', 'ghost'])],
    ]);
    expect(checkEntrypoints(files, undefined)).toStrictEqual([
      's/b.yaml: spec.dependsOn[1]: Kustomization "ghost" is not defined beside it',
      's/a.yaml: spec.dependsOn: cycle a -> b -> a',
    ]);
  });

  test("a path into the generated tree must exist; a path outside it (credentials) is the operator's", () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-ep-'));
    try {
      const dist = path.join(repo, 'dist');
      fs.mkdirSync(path.join(dist, 'there'), { recursive: true });
      const files = new Map([
        ['s/a.yaml', ks('a', './dist/there')],
        ['s/b.yaml', ks('b', './dist/gone')],
        ['s/c.yaml', ks('c', './credentials/s')],
      ]);
      expect(checkEntrypoints(files, repo, dist)).toStrictEqual([
        `s/b.yaml: spec.path: ./dist/gone does not exist in the repository (${repo})`,
      ]);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});
