import { ApiObject, App, Chart } from 'cdk8s';
import { FluxStack, FluxStackProps, StackRelease } from '../../lib/engine/stack';
import { parseYaml12 } from '../../lib/engine/yaml';
import { outputFiles } from '../../lib/engine/files';
import { ALL_FEATURES } from '../../lib/engine/flux-features';
import { HelmReleaseSpecDriftDetectionMode } from '../../imports/helm.toolkit.fluxcd.io';

function release(name: string, dependsOn: string[] = [], extra: Partial<StackRelease> = {}): StackRelease {
  return {
    facts: { name, chart: name, releaseName: `osh-${name}`, chartGroup: 'g', dependsOn, upgrade: {} },
    chartVersion: '1.0.0',
    staticValues: {},
    ...extra,
  };
}

function stack(props: Partial<FluxStackProps> = {}, id = 'stk'): FluxStack {
  return new FluxStack(new App(), id, { releases: [release('a'), release('b', ['a'])], namespace: 'ns', helmRepository: { name: 'charts', url: 'http://repo' }, ...props });
}

/** The documents of a file of the stack, read back. */
function read(s: FluxStack, path: string): unknown[] {
  const file = outputFiles(s).find((f) => f.path === path);
  if (!file) throw new Error(`no ${path}`);
  return parseYaml12(file.render());
}

describe('FluxStack', () => {
  test('two releases with one name are refused', () => {
    expect(() => stack({ releases: [release('a'), release('b'), release('a')] })).toThrow('stack "stk": two releases are named "a"');
  });

  test('an edge onto a release outside the stack is refused', () => {
    expect(() => stack({ releases: [release('a', ['b']), release('b', ['zz'])] })).toThrow(
      'stack "stk": release "b" depends on "zz", which is not a release of this stack',
    );
  });

  test('the dependsOn given for the stack replaces the definition', () => {
    // The definition's edge onto "gone" would be refused; the stack's own edges are used instead.
    const s = stack({ releases: [release('a'), release('b', ['gone'], { dependsOn: ['a'] })] });
    expect((read(s, 'b/helmrelease.yaml')[0] as { spec: { dependsOn: unknown } }).spec.dependsOn).toStrictEqual([
      { name: 'a', namespace: 'ns' },
    ]);
    expect(() => stack({ releases: [release('a', [], { dependsOn: ['gone'] })] })).toThrow('depends on "gone"');
  });

  test('a dependsOn cycle is refused', () => {
    expect(() => stack({ releases: [release('a', ['b']), release('b', ['a'])] })).toThrow('stack "stk": dependsOn cycle: a -> b -> a');
  });

  test('defaults: the given namespace and repository name, polled every 1m, namespace.yaml listed, no metadata.yaml, no notes', () => {
    const s = stack();
    expect(s.stackName).toBe('stk');
    expect(s.notes).toStrictEqual([]);
    expect(s.releases.map((r) => r.facts.name)).toStrictEqual(['a', 'b']);
    expect(outputFiles(s).map((f) => f.path)).not.toContain('metadata.yaml');
    expect(read(s, 'kustomization.yaml')).toStrictEqual([
      { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', namespace: 'ns', resources: ['base', 'a', 'b'] },
    ]);
    expect(read(s, 'base/kustomization.yaml')).toStrictEqual([{ resources: ['namespace.yaml', 'helmrepository.yaml'] }]);
    expect(read(s, 'base/namespace.yaml')).toStrictEqual([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns' } }]);
    const [repo] = read(s, 'base/helmrepository.yaml') as Array<{ kind: string; metadata: { name: string }; spec: object }>;
    expect(repo.kind).toBe('HelmRepository');
    expect(repo.metadata.name).toBe('charts');
    expect(repo.spec).toStrictEqual({ url: 'http://repo', interval: '1m' });
    const [hr] = read(s, 'b/helmrelease.yaml') as Array<{ spec: { chart: { spec: { sourceRef: object } }; dependsOn: unknown } }>;
    expect(hr.spec.chart.spec.sourceRef).toStrictEqual({ kind: 'HelmRepository', name: 'charts' });
    expect(hr.spec.dependsOn).toStrictEqual([{ name: 'a', namespace: 'ns' }]);
    // The release folders get the stack's namespace and no Secret labels (their layout is release.test.ts').
    const [k] = read(s, 'a/kustomization.yaml') as Array<Record<string, unknown>>;
    expect(k.namespace).toBe('ns');
    expect(k.generatorOptions).toStrictEqual({ disableNameSuffixHash: true });
    expect(k.commonLabels).toBeUndefined();
  });

  test('a namespace of its own folder, with annotations, and an OCI repository with a login', () => {
    const s = stack({
      namespaceManifest: 'folder',
      namespaceAnnotations: { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' },
      helmRepository: { name: 'charts', url: 'oci://r.example.com/charts', type: 'oci', secretName: 'login' },
      releases: [release('a')],
    });
    expect(read(s, 'base/kustomization.yaml')).toStrictEqual([{ resources: ['helmrepository.yaml'] }]);
    expect(read(s, 'namespace/kustomization.yaml')).toStrictEqual([{ resources: ['namespace.yaml'] }]);
    expect(read(s, 'namespace/namespace.yaml')).toStrictEqual([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns', annotations: { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' } } },
    ]);
    const [repo] = read(s, 'base/helmrepository.yaml') as Array<{ spec: object }>;
    expect(repo.spec).toStrictEqual({ type: 'oci', url: 'oci://r.example.com/charts', interval: '1m', secretRef: { name: 'login' } });
  });

  test('options: namespace, repository name and interval, no namespace.yaml, metadata, notes, secret labels, labels field', () => {
    const s = stack({
      namespace: 'os',
      helmRepository: { name: 'repo', url: 'http://r', interval: '5m' },
      namespaceManifest: 'unlisted',
      metadata: { app_name: 'x' },
      notes: ['n1'],
      secretLabels: { w: 'on' },
      labelsField: 'labels',
      releases: [release('a', [], { facts: { ...release('a').facts, commonLabels: { app: 'a' } } })],
    });
    expect(s.notes).toStrictEqual(['n1']);
    expect(read(s, 'metadata.yaml')).toStrictEqual([{ app_name: 'x' }]);
    expect(read(s, 'base/kustomization.yaml')).toStrictEqual([{ resources: ['helmrepository.yaml'] }]);
    expect(read(s, 'base/namespace.yaml')).toStrictEqual([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'os' } }]);
    expect((read(s, 'kustomization.yaml')[0] as { namespace: string }).namespace).toBe('os');
    const [repo] = read(s, 'base/helmrepository.yaml') as Array<{ metadata: { name: string }; spec: object }>;
    expect(repo.metadata.name).toBe('repo');
    expect(repo.spec).toStrictEqual({ url: 'http://r', interval: '5m' });

    const [hr] = read(s, 'a/helmrelease.yaml') as Array<{ spec: { chart: { spec: { sourceRef: { name: string } } } } }>;
    expect(hr.spec.chart.spec.sourceRef.name).toBe('repo');
    const [k] = read(s, 'a/kustomization.yaml') as Array<Record<string, unknown>>;
    expect(k.namespace).toBe('os');
    expect(k.labels).toStrictEqual([{ pairs: { app: 'a' }, includeSelectors: true }]);
    expect(k.commonLabels).toBeUndefined();
    expect(k.generatorOptions).toStrictEqual({ disableNameSuffixHash: true, labels: { w: 'on' } });
  });

  test('secret names and controller features reach every release; releaseCount counts the releases', () => {
    const s = stack({ secretNames: 'content-hash', features: { ...ALL_FEATURES, driftDetection: false } });
    expect(s.releaseCount).toBe(2);
    for (const name of ['a', 'b']) {
      const [k] = read(s, `${name}/kustomization.yaml`) as Array<Record<string, unknown>>;
      expect(k.generatorOptions).toStrictEqual({});
      expect(k.configurations).toStrictEqual(['kustomizeconfig.yaml']);
    }
    expect(stack({ releases: [] }).releaseCount).toBe(0);
    const drift = (features?: FluxStackProps['features']) => {
      const [hr] = read(stack({ features, releases: [release('a', [], { settings: { driftDetection: { mode: HelmReleaseSpecDriftDetectionMode.ENABLED } } })] }), 'a/helmrelease.yaml') as Array<{ spec: { driftDetection?: unknown } }>;
      return hr.spec.driftDetection;
    };
    expect(drift({ ...ALL_FEATURES, driftDetection: false })).toBeUndefined();
    expect(drift()).toStrictEqual({ mode: 'enabled' });
  });

  test('extra files are written verbatim, sorted by path, a function called only when rendered', () => {
    let calls = 0;
    const s = stack({ extraFiles: { 'z.md': 'last\n', 'README.md': () => `readme ${++calls}\n`, 'docs/a.txt': 'a' } });
    const extra = outputFiles(s).filter((f) => !f.path.endsWith('.yaml'));
    expect(extra.map((f) => f.path)).toStrictEqual(['README.md', 'docs/a.txt', 'z.md']);
    expect(calls).toBe(0);
    expect(extra.map((f) => f.render())).toStrictEqual(['readme 1\n', 'a', 'last\n']);
  });

  test('an empty set of namespace annotations writes no annotations field', () => {
    expect(read(stack({ namespaceAnnotations: {} }), 'base/namespace.yaml')).toStrictEqual([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns' } }]);
  });

  test('an object added to a stack without a name gets a readable one, without a hash suffix', () => {
    const s = stack();
    expect(new ApiObject(s, 'extra', { apiVersion: 'v1', kind: 'ConfigMap' }).name).toBe('stk-extra');
  });

  test('the files of a stack: base, kustomization, one folder per release', () => {
    const s = stack();
    expect(outputFiles(s).map((f) => f.path).sort()).toStrictEqual([
      'a/a-static-overrides.yaml',
      'a/a-system-overrides.yaml',
      'a/helmrelease.yaml',
      'a/kustomization.yaml',
      'b/b-static-overrides.yaml',
      'b/b-system-overrides.yaml',
      'b/helmrelease.yaml',
      'b/kustomization.yaml',
      'base/helmrepository.yaml',
      'base/kustomization.yaml',
      'base/namespace.yaml',
      'kustomization.yaml',
    ]);
    expect(s).toBeInstanceOf(Chart);
  });
});
