import { ALL_FEATURES, compareVersions, FeatureName, featuresOf, FluxVersions, HELM_CONTROLLER_FEATURES, unsupportedFields, WATCH_LABEL } from '../../lib/engine/flux-features';

const NAMES = Object.keys(HELM_CONTROLLER_FEATURES) as FeatureName[];
const OLD: FluxVersions = { helmController: '0.1.0', sourceController: '0.1.0' };
const NEW: FluxVersions = { helmController: '99.0.0', sourceController: '99.0.0', kustomizeController: '99.0.0' };

/** The version just before `v` (x.y.z with at least one non-zero part). */
function before(v: string): string {
  const [x, y, z] = v.split('.').map(Number);
  if (z > 0) return `${x}.${y}.${z - 1}`;
  if (y > 0) return `${x}.${y - 1}.999`;
  return `${x - 1}.999.999`;
}

describe('compareVersions', () => {
  test.each([
    ['1.0.0', '1.0.0', 0],
    ['v1.2.3', '1.2.3', 0],
    ['1.2.3', 'v1.2.3', 0],
    ['1.2', '1.2.0', 0],
    ['1.2.3-rc.1', '1.2.3', 0],
    ['1.2.3.4', '1.2.3.9', 0],
    ['1.10.0', '1.9.0', 1],
    ['1.9.0', '1.10.0', -1],
    ['2.0.0', '1.99.99', 1],
    ['1.0.10', '1.0.9', 1],
    ['1.0.9', '1.0.10', -1],
    ['0.37.0', '1.0.0', -1],
    ['1.2', '1.2.1', -1],
    ['1.2.1', '1.2', 1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });

  test('only a leading v is dropped', () => {
    expect(compareVersions('1.v2.0', '1.2.0')).not.toBe(0);
  });
});

describe('featuresOf', () => {
  test.each(NAMES)('%s: honoured from its first release on, not before', (name) => {
    const since = HELM_CONTROLLER_FEATURES[name].since;
    expect(featuresOf({ helmController: since, sourceController: since })[name]).toBe(true);
    expect(featuresOf({ helmController: `v${since}`, sourceController: since })[name]).toBe(true);
    expect(featuresOf({ helmController: before(since), sourceController: since })[name]).toBe(false);
  });

  test('the kustomize-controller is there exactly when it has a version', () => {
    expect(featuresOf(OLD).kustomizeController).toBe(false);
    expect(featuresOf({ ...OLD, kustomizeController: '0.1.0' }).kustomizeController).toBe(true);
  });

  test('the newest controllers honour everything, ALL_FEATURES included', () => {
    expect(featuresOf(NEW)).toStrictEqual(ALL_FEATURES);
    expect(Object.values(ALL_FEATURES).every((v) => v === true)).toBe(true);
    expect(Object.keys(ALL_FEATURES).sort()).toEqual([...NAMES, 'kustomizeController'].sort());
  });
});

describe('unsupportedFields', () => {
  const helmRelease = (spec: Record<string, unknown>, apiVersion = 'helm.toolkit.fluxcd.io/v2') => ({ apiVersion, kind: 'HelmRelease', metadata: { name: 'nova' }, spec });
  const everything = helmRelease({ chartRef: { kind: 'OCIRepository', name: 'x' }, driftDetection: { mode: 'enabled' }, valuesFrom: [{ kind: 'Secret', name: 's' }, { kind: 'Secret', name: 'l', literal: true }] });

  test('nothing for the newest controllers', () => {
    expect(unsupportedFields(everything, NEW)).toEqual([]);
    expect(unsupportedFields({ generatorOptions: { labels: { [WATCH_LABEL]: 'true' } } }, NEW)).toEqual([]);
    expect(unsupportedFields({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', metadata: { name: 'k' } }, NEW)).toEqual([]);
  });

  test('each field an old helm-controller drops, with the version that adds it and what the old one does', () => {
    const f = HELM_CONTROLLER_FEATURES;
    const verb = (name: FeatureName) => (f[name].older === 'pruned' ? 'prunes' : 'ignores');
    expect(unsupportedFields(everything, OLD)).toEqual([
      `apiVersion helm.toolkit.fluxcd.io/v2: needs helm-controller >= ${f.helmReleaseV2.since} (this target runs 0.1.0, which ${verb('helmReleaseV2')} it)`,
      `HelmRelease spec.chartRef: needs helm-controller >= ${f.chartRef.since} (this target runs 0.1.0, which ${verb('chartRef')} it)`,
      `HelmRelease spec.driftDetection: needs helm-controller >= ${f.driftDetection.since} (this target runs 0.1.0, which ${verb('driftDetection')} it)`,
      `HelmRelease spec.valuesFrom[1].literal: needs helm-controller >= ${f.valuesFromLiteral.since} (this target runs 0.1.0, which ${verb('valuesFromLiteral')} it)`,
    ]);
  });

  test('pruned and ignored read differently', () => {
    const pruned = NAMES.find((n) => HELM_CONTROLLER_FEATURES[n].older === 'pruned');
    const ignored = NAMES.find((n) => HELM_CONTROLLER_FEATURES[n].older === 'ignored');
    expect(pruned && ignored).toBeTruthy();
    expect(unsupportedFields(helmRelease({ chartRef: {} }), OLD).join('\n')).toContain('which prunes it');
    expect(unsupportedFields(helmRelease({}), OLD)).toEqual([expect.stringContaining('which ignores it')]);
  });

  test('each field is reported only to the controllers that lack it', () => {
    for (const name of ['chartRef', 'driftDetection'] as const) {
      const since = HELM_CONTROLLER_FEATURES[name].since;
      const doc = helmRelease({ [name]: {} }, 'helm.toolkit.fluxcd.io/v2beta2');
      expect(unsupportedFields(doc, { helmController: since, sourceController: since })).toEqual([]);
      expect(unsupportedFields(doc, { helmController: before(since), sourceController: since })).toEqual([expect.stringMatching(new RegExp(`^HelmRelease spec\\.${name}: `))]);
    }
    const since = HELM_CONTROLLER_FEATURES.valuesFromLiteral.since;
    const doc = helmRelease({ valuesFrom: [{ literal: false }] }, 'helm.toolkit.fluxcd.io/v2beta2');
    expect(unsupportedFields(doc, { helmController: since, sourceController: since })).toEqual([]);
    expect(unsupportedFields(doc, { helmController: before(since), sourceController: since })).toEqual([expect.stringMatching(/^HelmRelease spec\.valuesFrom\[0\]\.literal: /)]);
    const v2 = HELM_CONTROLLER_FEATURES.helmReleaseV2.since;
    expect(unsupportedFields(helmRelease({}), { helmController: v2, sourceController: v2 })).toEqual([]);
    expect(unsupportedFields(helmRelease({}), { helmController: before(v2), sourceController: v2 })).toEqual([expect.stringMatching(/^apiVersion helm\.toolkit\.fluxcd\.io\/v2: /)]);
  });

  test('an older API version is no v2 field; absent fields and valuesFrom entries without literal are not reported', () => {
    expect(unsupportedFields(helmRelease({ valuesFrom: [{ kind: 'Secret', name: 's' }, 'junk', null] }, 'helm.toolkit.fluxcd.io/v2beta1'), OLD)).toEqual([]);
    expect(unsupportedFields(helmRelease({ valuesFrom: { literal: true } }, 'helm.toolkit.fluxcd.io/v2beta1'), OLD)).toEqual([]);
    expect(unsupportedFields({ apiVersion: 'helm.toolkit.fluxcd.io/v2beta1', kind: 'HelmRelease', spec: 'junk' }, OLD)).toEqual([]);
    expect(unsupportedFields({ apiVersion: 'helm.toolkit.fluxcd.io/v2beta1', kind: 'HelmRelease' }, OLD)).toEqual([]);
  });

  test('only HelmReleases of the Flux API are read as HelmReleases', () => {
    const spec = { chartRef: {}, driftDetection: {} };
    expect(unsupportedFields({ apiVersion: 'example.com/v2', kind: 'HelmRelease', spec }, OLD)).toEqual([]);
    expect(unsupportedFields({ apiVersion: 42, kind: 'HelmRelease', spec }, OLD)).toEqual([]);
    expect(unsupportedFields({ apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmChart', spec }, OLD)).toEqual([]);
    expect(unsupportedFields({ kind: 'HelmRelease', spec }, OLD)).toEqual([]);
  });

  test('a Flux Kustomization without a kustomize-controller', () => {
    const doc = { apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', metadata: { name: 'stx-openstack' } };
    expect(unsupportedFields(doc, OLD)).toEqual(['Kustomization stx-openstack: this target runs no kustomize-controller, so nothing reconciles it']);
    expect(unsupportedFields({ ...doc, metadata: undefined }, OLD)).toEqual(['Kustomization : this target runs no kustomize-controller, so nothing reconciles it']);
    expect(unsupportedFields(doc, { ...OLD, kustomizeController: '0.1.0' })).toEqual([]);
    // A kustomize (not Flux) Kustomization, or another API: not reconciled by Flux anyway.
    expect(unsupportedFields({ ...doc, apiVersion: 'kustomize.config.k8s.io/v1beta1' }, OLD)).toEqual([]);
    expect(unsupportedFields({ ...doc, apiVersion: 7 }, OLD)).toEqual([]);
    expect(unsupportedFields({ ...doc, kind: 'Other' }, OLD)).toEqual([]);
  });

  test('the watch label is the one helm-controller reads', () => {
    expect(WATCH_LABEL).toBe('reconcile.fluxcd.io/watch');
  });

  test('the watch label on generated Secrets needs a helm-controller that reads it', () => {
    const since = HELM_CONTROLLER_FEATURES.watchLabel.since;
    const doc = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', generatorOptions: { labels: { [WATCH_LABEL]: 'true' } } };
    expect(unsupportedFields(doc, { helmController: before(since), sourceController: since })).toEqual([
      `generatorOptions.labels.${WATCH_LABEL}: needs helm-controller >= ${since} (this target runs ${before(since)}, which ignores it)`,
    ]);
    expect(unsupportedFields(doc, { helmController: since, sourceController: since })).toEqual([]);
    // Other labels, or none, or labels that are no mapping: nothing to say.
    expect(unsupportedFields({ generatorOptions: { labels: { other: 'x' } } }, OLD)).toEqual([]);
    expect(unsupportedFields({ generatorOptions: { labels: [WATCH_LABEL] } }, OLD)).toEqual([]);
    expect(unsupportedFields({ generatorOptions: 'x' }, OLD)).toEqual([]);
  });

  test('a document that is no mapping has nothing to report', () => {
    for (const doc of [null, undefined, 'HelmRelease', 1, [helmRelease({ chartRef: {} })]]) expect(unsupportedFields(doc, OLD)).toEqual([]);
  });
});
