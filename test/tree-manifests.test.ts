/**
 * The typed tree reader (lib/validate/manifests.ts): a stack's files read once into HelmReleases,
 * HelmRepositories and kustomizations with the source of each generated key.
 */
import { readManifests, valuesReferences } from '../lib/validate/manifests';

const files = new Map<string, string>([
  ['kustomization.yaml', 'namespace: os\nresources: [base, app]\n'],
  ['base/kustomization.yaml', 'resources: [helmrepository.yaml]\n'],
  [
    'base/helmrepository.yaml',
    'apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata: {name: charts}\nspec: {url: "oci://r/c", type: oci}\n',
  ],
  [
    'app/kustomization.yaml',
    'resources: [helmrelease.yaml]\nsecretGenerator:\n- name: app-values\n  files: [app-static-overrides.yaml, custom=extra.yaml]\n  literals: ["k=v=w"]\n',
  ],
  ['app/app-static-overrides.yaml', 'a: 1\n'],
  ['app/extra.yaml', 'b: 2\n'],
  [
    'app/helmrelease.yaml',
    [
      'apiVersion: helm.toolkit.fluxcd.io/v2',
      'kind: HelmRelease',
      'metadata: {name: app, annotations: {x: y}}',
      'spec:',
      '  targetNamespace: tn',
      '  chart: {spec: {chart: app-chart, version: 1.2.3}}',
      '  dependsOn: [{name: db}]',
      '  valuesFrom:',
      '  - {kind: Secret, name: app-values, valuesKey: custom, targetPath: a.b, literal: true}',
      '  - {name: other, optional: true}',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: not-a-release}',
    ].join('\n'),
  ],
  ['unlisted.yaml', 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: ghost}\n'],
]);

describe('readManifests', () => {
  const m = readManifests(files);

  test('HelmReleases listed by a kustomization, typed; an unlisted file is not read', () => {
    expect(
      m.helmReleases.map((r) => [r.name, r.file, r.chart, r.version, r.targetNamespace, r.releaseName, r.dependsOn, r.annotations]),
    ).toStrictEqual([['app', 'app/helmrelease.yaml', 'app-chart', '1.2.3', 'tn', undefined, ['db'], { x: 'y' }]]);
    expect(m.problems).toStrictEqual([]);
  });

  test('valuesFrom with Flux defaults (kind Secret, key values.yaml)', () => {
    expect(valuesReferences(m.helmReleases[0])).toStrictEqual([
      { kind: 'Secret', name: 'app-values', valuesKey: 'custom', targetPath: 'a.b', optional: false, literal: true },
      { kind: 'Secret', name: 'other', valuesKey: 'values.yaml', optional: true, literal: false },
    ]);
  });

  test('HelmRepositories, the top namespace, and each generated key with its source', () => {
    expect(m.helmRepositories).toStrictEqual([{ name: 'charts', file: 'base/helmrepository.yaml', url: 'oci://r/c', type: 'oci' }]);
    expect(m.namespace).toBe('os');
    const [generated] = m.kustomizations.get('app/kustomization.yaml')!.generated;
    expect([...generated.data]).toStrictEqual([
      ['app-static-overrides.yaml', { file: 'app/app-static-overrides.yaml' }],
      ['custom', { file: 'app/extra.yaml' }],
      ['k', { literal: 'v=w' }],
    ]);
  });

  test('a listed resource that does not parse is a problem naming the file (a release there would be missed)', () => {
    const broken = new Map(files).set('app/helmrelease.yaml', 'kind: HelmRelease\n  bad: [\n');
    const read = readManifests(broken);
    expect(read.helmReleases).toStrictEqual([]);
    expect(read.problems).toStrictEqual([expect.stringMatching(/^app\/helmrelease\.yaml: does not parse: /)]);
  });

  test('a valuesFrom entry that is not a mapping is refused, naming file and index', () => {
    const bad = new Map(files).set(
      'app/helmrelease.yaml',
      'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: app}\nspec: {valuesFrom: [x]}\n',
    );
    expect(() => valuesReferences(readManifests(bad).helmReleases[0])).toThrow('app/helmrelease.yaml: spec.valuesFrom[0]: not a mapping');
  });
});
