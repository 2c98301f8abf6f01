import { App, Chart } from 'cdk8s';
import { CredentialLeaf, CredentialRef } from '../../lib/engine/credentials';
import { outputFiles } from '../../lib/engine/files';
import {
  checkSecretSize,
  EXTERNAL_SECRETS_ANNOTATION,
  HelmReleaseFacts,
  MAX_SECRET_BYTES,
  overrideFiles,
  ReleaseConstruct,
  ReleaseConstructProps,
  releaseValuesFiles,
  sameReleaseFrame,
} from '../../lib/engine/release';
import { ALL_FEATURES } from '../../lib/engine/flux-features';
import { HelmReleaseSpecDriftDetectionMode, HelmReleaseSpecUpgradeRemediationStrategy } from '../../imports/helm.toolkit.fluxcd.io';
import { GENERATED_HEADER, parseYaml12 } from '../../lib/engine/yaml';
import type { Loose } from '../support/loose';

const FACTS: HelmReleaseFacts = {
  name: 'nova',
  chart: 'nova-chart',
  releaseName: 'osh-nova',
  chartGroup: 'compute',
  dependsOn: [],
  upgrade: {},
};

function build(props: Partial<ReleaseConstructProps> = {}, facts: Partial<HelmReleaseFacts> = {}) {
  const chart = new Chart(new App(), 'stk');
  const construct = new ReleaseConstruct(chart, 'r', {
    facts: { ...FACTS, ...facts },
    chartVersion: '2.0.1',
    repositoryName: 'repo',
    namespace: 'ns',
    staticValues: { s: 1 },
    ...props,
  });
  const files = new Map(outputFiles(chart).map((f) => [f.path, f.render()]));
  const doc = (path: string) => {
    const text = files.get(path);
    if (text === undefined) throw new Error(`no ${path}`);
    return parseYaml12(text);
  };
  const hr = doc('nova/helmrelease.yaml')[0] as Loose;
  return { construct, files, doc, hr };
}

const pw = (id: string) => new CredentialRef(id, 'password');

describe('overrideFiles', () => {
  test('named after the release, or after overridesName', () => {
    expect(overrideFiles(FACTS)).toStrictEqual({
      static: 'nova-static-overrides',
      system: 'nova-system-overrides',
      user: 'nova-user-overrides',
    });
    expect(overrideFiles({ ...FACTS, overridesName: 'x' })).toStrictEqual({
      static: 'x-static-overrides',
      system: 'x-system-overrides',
      user: 'x-user-overrides',
    });
  });
});

describe('ReleaseConstruct', () => {
  test('the HelmRelease with every default', () => {
    const { hr, construct } = build();
    expect(construct.facts.name).toBe('nova');
    expect(hr.apiVersion).toBe('helm.toolkit.fluxcd.io/v2');
    expect(hr.kind).toBe('HelmRelease');
    expect(hr.metadata).toStrictEqual({ name: 'nova', labels: { chart_group: 'compute' } });
    expect(hr.spec).toStrictEqual({
      releaseName: 'osh-nova',
      chart: { spec: { chart: 'nova-chart', version: '2.0.1', sourceRef: { kind: 'HelmRepository', name: 'repo' } } },
      interval: '1m',
      timeout: '30m',
      test: { enable: false },
      upgrade: { disableHooks: false },
      valuesFrom: [
        { kind: 'Secret', name: 'nova-static-overrides', valuesKey: 'nova-static-overrides.yaml' },
        { kind: 'Secret', name: 'nova-system-overrides', valuesKey: 'nova-system-overrides.yaml' },
      ],
    });
  });

  test('facts given explicitly', () => {
    const { hr } = build(
      { dependsOn: ['db', 'mq'] },
      {
        interval: '5m',
        timeout: '10m',
        chartInterval: '2h',
        testEnable: true,
        install: { disableWait: true },
        upgrade: { disableHooks: true, disableWait: true },
        dependsOn: ['ignored'],
      },
    );
    expect(hr.spec.interval).toBe('5m');
    expect(hr.spec.timeout).toBe('10m');
    expect(hr.spec.chart.spec.interval).toBe('2h');
    expect(hr.spec.test).toStrictEqual({ enable: true });
    expect(hr.spec.install).toStrictEqual({ disableWait: true, disableHooks: false });
    expect(hr.spec.upgrade).toStrictEqual({ disableHooks: true, disableWait: true });
    expect(hr.spec.dependsOn).toStrictEqual([
      { name: 'db', namespace: 'ns' },
      { name: 'mq', namespace: 'ns' },
    ]);
  });

  test("install flags keep disableHooks, and the definition's dependsOn is the default", () => {
    const { hr } = build({}, { install: { disableHooks: true }, dependsOn: ['db'] });
    expect(hr.spec.install).toStrictEqual({ disableHooks: true });
    expect(hr.spec.dependsOn).toStrictEqual([{ name: 'db', namespace: 'ns' }]);
  });

  test('override files: static values, empty system values (header only), kustomization', () => {
    const { files, doc } = build();
    expect([...files.keys()]).toStrictEqual([
      'nova/helmrelease.yaml',
      'nova/nova-static-overrides.yaml',
      'nova/nova-system-overrides.yaml',
      'nova/kustomization.yaml',
    ]);
    expect(doc('nova/nova-static-overrides.yaml')).toStrictEqual([{ s: 1 }]);
    expect(files.get('nova/nova-system-overrides.yaml')).toBe(`# ${GENERATED_HEADER}\n`);
    expect(doc('nova/kustomization.yaml')).toStrictEqual([
      {
        namespace: 'ns',
        resources: ['helmrelease.yaml'],
        secretGenerator: [
          { name: 'nova-static-overrides', files: ['nova-static-overrides.yaml'] },
          { name: 'nova-system-overrides', files: ['nova-system-overrides.yaml'] },
        ],
        generatorOptions: { disableNameSuffixHash: true },
      },
    ]);
  });

  test('credentials: valuesFrom with targetPath and literal, external Secrets annotated once each, sorted', () => {
    const sources = new Map([
      ['b-pw', { name: 'zz-secret', key: 'b' }],
      ['a-pw', { name: 'aa-secret', key: 'a' }],
      ['c-pw', { name: 'zz-secret', key: 'c' }],
    ]);
    const { hr, doc } = build({
      systemValues: { conf: { x: 1, pw: pw('b-pw') }, list: [pw('a-pw'), pw('c-pw')] },
      credentialSources: sources,
    });
    expect(hr.metadata.annotations).toStrictEqual({ 'stx-openstack-gitops.io/external-secrets': 'aa-secret,zz-secret' });
    expect(EXTERNAL_SECRETS_ANNOTATION).toBe('stx-openstack-gitops.io/external-secrets');
    expect(hr.spec.valuesFrom.slice(2)).toStrictEqual([
      { kind: 'Secret', name: 'zz-secret', valuesKey: 'b', targetPath: 'conf.pw', literal: true },
      { kind: 'Secret', name: 'aa-secret', valuesKey: 'a', targetPath: 'list[0]', literal: true },
      { kind: 'Secret', name: 'zz-secret', valuesKey: 'c', targetPath: 'list[1]', literal: true },
    ]);
    expect(doc('nova/nova-system-overrides.yaml')).toStrictEqual([{ conf: { x: 1 } }]);
  });

  test('system values made only of credentials write an empty file', () => {
    const { files } = build({ systemValues: { a: pw('a') }, credentialSources: new Map([['a', { name: 's', key: 'k' }]]) });
    expect(files.get('nova/nova-system-overrides.yaml')).toBe(`# ${GENERATED_HEADER}\n`);
  });

  test('a credential without a Secret is refused', () => {
    expect(() => build({ systemValues: { a: pw('a-pw') } })).toThrow(
      'release "nova": system values hold the credential "a-pw" but no Secret is given for it',
    );
    expect(() => build({ systemValues: { a: pw('a-pw') }, credentialSources: new Map([['other', { name: 's', key: 'k' }]]) })).toThrow(
      'no Secret is given for it',
    );
  });

  test('user values: a third file, Secret and valuesFrom entry, last', () => {
    const { hr, doc, files } = build({
      userValues: { u: 'v' },
      systemValues: { a: pw('a') },
      credentialSources: new Map([['a', { name: 's', key: 'k' }]]),
    });
    expect(doc('nova/nova-user-overrides.yaml')).toStrictEqual([{ u: 'v' }]);
    expect(files.size).toBe(5);
    expect(hr.spec.valuesFrom.map((v: { name: string }) => v.name)).toStrictEqual([
      'nova-static-overrides',
      'nova-system-overrides',
      's',
      'nova-user-overrides',
    ]);
    expect(hr.spec.valuesFrom[3]).toStrictEqual({ kind: 'Secret', name: 'nova-user-overrides', valuesKey: 'nova-user-overrides.yaml' });
    expect((doc('nova/kustomization.yaml')[0] as { secretGenerator: unknown }).secretGenerator).toStrictEqual([
      { name: 'nova-static-overrides', files: ['nova-static-overrides.yaml'] },
      { name: 'nova-system-overrides', files: ['nova-system-overrides.yaml'] },
      { name: 'nova-user-overrides', files: ['nova-user-overrides.yaml'] },
    ]);
  });

  test('overridesName names the files and Secrets, not the folder', () => {
    const { files, hr } = build({}, { overridesName: 'compute' });
    expect([...files.keys()]).toContain('nova/compute-static-overrides.yaml');
    expect(hr.spec.valuesFrom[0]).toStrictEqual({
      kind: 'Secret',
      name: 'compute-static-overrides',
      valuesKey: 'compute-static-overrides.yaml',
    });
  });

  test('common labels: commonLabels by default and on request, labels on request, copies', () => {
    const labels = { app: 'nova' };
    const kust = (labelsField?: 'commonLabels' | 'labels') =>
      build({ labelsField }, { commonLabels: labels }).doc('nova/kustomization.yaml')[0] as Record<string, unknown>;
    for (const k of [kust(), kust('commonLabels')]) {
      expect(k.commonLabels).toStrictEqual({ app: 'nova' });
      expect(k.labels).toBeUndefined();
      expect(Object.keys(k)).toStrictEqual(['namespace', 'commonLabels', 'resources', 'secretGenerator', 'generatorOptions']);
    }
    const l = kust('labels');
    expect(l.labels).toStrictEqual([{ pairs: { app: 'nova' }, includeSelectors: true }]);
    expect(l.commonLabels).toBeUndefined();
    expect(Object.keys(build({ labelsField: 'labels' }).doc('nova/kustomization.yaml')[0] as object)).toStrictEqual([
      'namespace',
      'resources',
      'secretGenerator',
      'generatorOptions',
    ]);
  });

  test('secret labels go to generatorOptions', () => {
    const k = build({ secretLabels: { 'reconcile.fluxcd.io/watch': 'Enabled' } }).doc('nova/kustomization.yaml')[0] as Record<
      string,
      unknown
    >;
    expect(k.generatorOptions).toStrictEqual({ disableNameSuffixHash: true, labels: { 'reconcile.fluxcd.io/watch': 'Enabled' } });
  });

  test('settings override the facts: interval, timeout, test, remediation, drift detection', () => {
    const { hr } = build(
      {
        settings: {
          interval: '5m',
          timeout: '10m',
          test: { enable: true },
          install: { remediation: { retries: 3 } },
          upgrade: { remediation: { retries: 2, strategy: HelmReleaseSpecUpgradeRemediationStrategy.ROLLBACK } },
          driftDetection: { mode: HelmReleaseSpecDriftDetectionMode.ENABLED },
        },
      },
      { interval: '2m', timeout: '20m', testEnable: false, install: { disableWait: true }, upgrade: { disableHooks: true } },
    );
    expect(hr.spec.interval).toBe('5m');
    expect(hr.spec.timeout).toBe('10m');
    expect(hr.spec.test).toStrictEqual({ enable: true });
    expect(hr.spec.install).toStrictEqual({ disableWait: true, disableHooks: false, remediation: { retries: 3 } });
    expect(hr.spec.upgrade).toStrictEqual({ disableHooks: true, remediation: { retries: 2, strategy: 'rollback' } });
    expect(hr.spec.driftDetection).toStrictEqual({ mode: 'enabled' });
  });

  test('settings without remediation add none; install settings alone make an install section', () => {
    const { hr } = build({ settings: { install: {}, upgrade: {} } });
    expect(hr.spec.install).toStrictEqual({ disableHooks: false });
    expect(hr.spec.upgrade).toStrictEqual({ disableHooks: false });
    const withFacts = build({}, { interval: '2m', timeout: '20m', testEnable: true }).hr;
    expect([withFacts.spec.interval, withFacts.spec.timeout, withFacts.spec.test]).toStrictEqual(['2m', '20m', { enable: true }]);
  });

  test('what the controllers would prune is left out: drift detection, literal', () => {
    const features = { ...ALL_FEATURES, driftDetection: false, valuesFromLiteral: false };
    const { hr } = build({
      features,
      settings: { driftDetection: { mode: HelmReleaseSpecDriftDetectionMode.ENABLED } },
      systemValues: { pw: pw('a') },
      credentialSources: new Map([['a', { name: 's', key: 'k' }]]),
    });
    expect(hr.spec.driftDetection).toBeUndefined();
    expect(hr.spec.valuesFrom[2]).toStrictEqual({ kind: 'Secret', name: 's', valuesKey: 'k', targetPath: 'pw' });
  });

  test('credentials in a values document: one entry per Secret, sorted, before those set at a path', () => {
    const sources = new Map([
      ['a', { name: 'zz', key: 'a', inValuesDocument: true }],
      ['b', { name: 'aa', key: 'b', inValuesDocument: true }],
      ['c', { name: 'zz', key: 'c', inValuesDocument: true }],
      ['d', { name: 'tls', key: 'd' }],
    ]);
    const { hr } = build({ systemValues: { x: { a: pw('a'), b: pw('b') }, c: pw('c'), d: pw('d') }, credentialSources: sources });
    expect(hr.spec.valuesFrom.slice(2)).toStrictEqual([
      { kind: 'Secret', name: 'aa', valuesKey: 'helm-values.nova.yaml' },
      { kind: 'Secret', name: 'zz', valuesKey: 'helm-values.nova.yaml' },
      { kind: 'Secret', name: 'tls', valuesKey: 'd', targetPath: 'd', literal: true },
    ]);
    expect(hr.metadata.annotations).toStrictEqual({ [EXTERNAL_SECRETS_ANNOTATION]: 'aa,tls,zz' });
  });

  test('content-hash Secret names: no disableNameSuffixHash, and a nameReference configuration for valuesFrom', () => {
    const { doc, files } = build({ secretNames: 'content-hash', secretLabels: { w: 'x' } });
    const k = doc('nova/kustomization.yaml')[0] as Record<string, unknown>;
    expect(k.generatorOptions).toStrictEqual({ labels: { w: 'x' } });
    expect(k.configurations).toStrictEqual(['kustomizeconfig.yaml']);
    expect(doc('nova/kustomizeconfig.yaml')).toStrictEqual([
      {
        nameReference: [
          { kind: 'Secret', version: 'v1', fieldSpecs: [{ path: 'spec/valuesFrom/name', kind: 'HelmRelease' }] },
          { kind: 'ConfigMap', version: 'v1', fieldSpecs: [{ path: 'spec/valuesFrom/name', kind: 'HelmRelease' }] },
        ],
      },
    ]);
    expect([...build({ secretNames: 'fixed' }).files.keys()]).not.toContain('nova/kustomizeconfig.yaml');
    expect(files.has('nova/kustomizeconfig.yaml')).toBe(true);
  });

  test('an override file over the 1 MiB a Secret holds is refused; user values name their three largest keys', () => {
    expect(MAX_SECRET_BYTES).toBe(1048576);
    // The file holds the header and "big: " besides the value: find the largest value that fits.
    const header = build({ staticValues: { big: '' } }).files.get('nova/nova-static-overrides.yaml')!.length - '""\n'.length;
    const fits = 'x'.repeat(MAX_SECRET_BYTES - header - 1);
    expect(() => build({ staticValues: { big: fits } })).not.toThrow();
    expect(() => build({ staticValues: { big: `${fits}x` } })).toThrow(
      `release "nova": nova/nova-static-overrides.yaml is ${MAX_SECRET_BYTES + 1} bytes, over the 1 MiB (1048576 bytes) a Kubernetes Secret may hold`,
    );
    // A user value counts as its JSON text (a string: its quotes included).
    const third = 'y'.repeat(MAX_SECRET_BYTES / 4);
    const userValues = { small: 'a', b: third, c: `${third}y`, d: `${third}yy`, e: `${third}yyy` };
    expect(() => build({ userValues })).toThrow(
      /nova-user-overrides\.yaml is \d+ bytes, .* may hold; largest user values: e \(about 262149 bytes\), d \(about 262148 bytes\), c \(about 262147 bytes\)$/,
    );
    // Static and system files name no keys, even beside user values.
    expect(() => build({ systemValues: userValues })).toThrow(/may hold$/);
    expect(() => build({ staticValues: userValues, userValues: { small: 'a' } })).toThrow(
      /nova-static-overrides\.yaml is \d+ bytes, .* may hold$/,
    );
  });
});

describe('releaseValuesFiles', () => {
  const props = { facts: FACTS, staticValues: { s: 1 } };
  test('static and system files in the release folder; system values left empty by the split give a file without documents', () => {
    expect(releaseValuesFiles(props, { a: 1 })).toStrictEqual([
      { id: 'static', path: 'nova/nova-static-overrides.yaml', documents: [{ s: 1 }] },
      { id: 'system', path: 'nova/nova-system-overrides.yaml', documents: [{ a: 1 }] },
    ]);
    expect(releaseValuesFiles(props, {})[1]).toStrictEqual({ id: 'system', path: 'nova/nova-system-overrides.yaml', documents: [] });
  });

  test('user values add a third file; overridesName names the files, not the folder', () => {
    const files = releaseValuesFiles({ ...props, facts: { ...FACTS, overridesName: 'compute' }, userValues: { u: 2 } }, {});
    expect(files.map((f) => [f.id, f.path])).toStrictEqual([
      ['static', 'nova/compute-static-overrides.yaml'],
      ['system', 'nova/compute-system-overrides.yaml'],
      ['user', 'nova/compute-user-overrides.yaml'],
    ]);
    expect(files[2].documents).toStrictEqual([{ u: 2 }]);
  });
});

describe('checkSecretSize', () => {
  test('up to 1 MiB passes; over it names the release, the file and its size, and for user values the largest keys', () => {
    expect(() => checkSecretSize('nova', 'nova/f.yaml', 'x'.repeat(MAX_SECRET_BYTES), { a: 1 })).not.toThrow();
    const over = 'x'.repeat(MAX_SECRET_BYTES + 1);
    expect(() => checkSecretSize('nova', 'nova/f.yaml', over, undefined)).toThrow(
      `release "nova": nova/f.yaml is ${MAX_SECRET_BYTES + 1} bytes, over the 1 MiB (${MAX_SECRET_BYTES} bytes) a Kubernetes Secret may hold`,
    );
    expect(() => checkSecretSize('nova', 'nova/f.yaml', over, undefined)).toThrow(/may hold$/);
    expect(() => checkSecretSize('nova', 'f', over, { a: 'xx', b: 1 })).toThrow(
      /may hold; largest user values: a \(about 4 bytes\), b \(about 1 bytes\)$/,
    );
    // Bytes, not characters: 'é' is two bytes in UTF-8.
    expect(() => checkSecretSize('nova', 'f', 'é'.repeat(MAX_SECRET_BYTES / 2 + 1), undefined)).toThrow(`is ${MAX_SECRET_BYTES + 2} bytes`);
  });
});

describe('sameReleaseFrame', () => {
  const staticValues = { s: 1 };
  const sources = new Map([
    ['a', { name: 's', key: 'k' }],
    ['b', { name: 's', key: 'k' }],
  ]);
  const frame = (more: Partial<ReleaseConstructProps> = {}) => ({
    facts: FACTS,
    staticValues,
    chartVersion: '1.0',
    credentialSources: sources,
    ...more,
  });
  const leaf = (targetPath: string, id = 'a'): CredentialLeaf => ({ targetPath, segments: [targetPath], ref: pw(id) });

  test('the same facts, static values, chart version, dependsOn, settings and credentials: the same frame', () => {
    expect(sameReleaseFrame(frame(), [], frame(), [])).toBe(true);
    // Equal settings and dependsOn given as different objects; credentials from different ids with the same Secret and key.
    expect(
      sameReleaseFrame(
        frame({ settings: { interval: '5m' }, dependsOn: ['db', 'mq'], userValues: { u: 1 } }),
        [leaf('x')],
        frame({ settings: { interval: '5m' }, dependsOn: ['db', 'mq'], userValues: { u: 2 } }),
        [leaf('x', 'b')],
      ),
    ).toBe(true);
    // No settings and empty settings write the same HelmRelease; the definition's dependsOn is the default.
    expect(sameReleaseFrame(frame({ settings: {} }), [], frame(), [])).toBe(true);
    expect(sameReleaseFrame(frame(), [], frame({ settings: {} }), [])).toBe(true);
    expect(
      sameReleaseFrame(frame({ facts: { ...FACTS, dependsOn: ['db'] } }), [], frame({ facts: { ...FACTS, dependsOn: ['db'] } }), []),
    ).toBe(false); // different facts objects
    const facts = { ...FACTS, dependsOn: ['db'] };
    expect(sameReleaseFrame(frame({ facts }), [], frame({ facts, dependsOn: ['db'] }), [])).toBe(true);
    expect(sameReleaseFrame(frame({ facts, dependsOn: ['db'] }), [], frame({ facts }), [])).toBe(true);
  });

  test('any difference in what the HelmRelease, kustomization or static values hold: not the same frame', () => {
    const base = frame();
    expect(sameReleaseFrame(base, [], frame({ facts: { ...FACTS } }), [])).toBe(false);
    expect(sameReleaseFrame(base, [], { ...frame(), staticValues: { s: 1 } }, [])).toBe(false);
    expect(sameReleaseFrame(base, [], frame({ chartVersion: '1.1' }), [])).toBe(false);
    expect(sameReleaseFrame(base, [], frame({ userValues: {} }), [])).toBe(false);
    expect(sameReleaseFrame(frame({ userValues: {} }), [], base, [])).toBe(false);
    expect(sameReleaseFrame(base, [], frame({ dependsOn: ['db'] }), [])).toBe(false);
    expect(sameReleaseFrame(frame({ dependsOn: ['db'] }), [], base, [])).toBe(false);
    expect(sameReleaseFrame(frame({ dependsOn: ['db', 'mq'] }), [], frame({ dependsOn: ['db', 'nova'] }), [])).toBe(false);
    expect(sameReleaseFrame(frame({ dependsOn: ['mq', 'db'] }), [], frame({ dependsOn: ['db', 'mq'] }), [])).toBe(false);
    expect(sameReleaseFrame(base, [], frame({ settings: { interval: '5m' } }), [])).toBe(false);
    expect(sameReleaseFrame(frame({ settings: { interval: '5m' } }), [], base, [])).toBe(false);
    expect(sameReleaseFrame(frame({ settings: { interval: '5m' } }), [], frame({ settings: { interval: '6m' } }), [])).toBe(false);
  });

  test('credentials: the same count, each at the same path from the same Secret, key and kind', () => {
    expect(sameReleaseFrame(frame(), [leaf('x')], frame(), [])).toBe(false);
    expect(sameReleaseFrame(frame(), [], frame(), [leaf('x')])).toBe(false);
    expect(sameReleaseFrame(frame(), [leaf('x'), leaf('y')], frame(), [leaf('x'), leaf('y')])).toBe(true);
    expect(sameReleaseFrame(frame(), [leaf('x'), leaf('y')], frame(), [leaf('x'), leaf('z')])).toBe(false);
    expect(sameReleaseFrame(frame(), [leaf('x')], frame(), [leaf('y')])).toBe(false);
    const other = (source: { name: string; key: string; inValuesDocument?: boolean }) =>
      frame({ credentialSources: new Map([['a', source]]) });
    expect(sameReleaseFrame(frame(), [leaf('x')], other({ name: 's', key: 'k' }), [leaf('x')])).toBe(true);
    expect(sameReleaseFrame(frame(), [leaf('x')], other({ name: 's', key: 'k', inValuesDocument: false }), [leaf('x')])).toBe(true);
    expect(sameReleaseFrame(frame(), [leaf('x')], other({ name: 't', key: 'k' }), [leaf('x')])).toBe(false);
    expect(sameReleaseFrame(frame(), [leaf('x')], other({ name: 's', key: 'j' }), [leaf('x')])).toBe(false);
    expect(sameReleaseFrame(frame(), [leaf('x')], other({ name: 's', key: 'k', inValuesDocument: true }), [leaf('x')])).toBe(false);
    expect(sameReleaseFrame(other({ name: 's', key: 'k', inValuesDocument: true }), [leaf('x')], frame(), [leaf('x')])).toBe(false);
    expect(
      sameReleaseFrame(
        other({ name: 's', key: 'k', inValuesDocument: true }),
        [leaf('x')],
        other({ name: 's', key: 'k', inValuesDocument: true }),
        [leaf('x')],
      ),
    ).toBe(true);
  });

  test('a credential without a Secret on either side: not the same frame (the construct says why)', () => {
    expect(sameReleaseFrame(frame(), [leaf('x', 'none')], frame(), [leaf('x')])).toBe(false);
    expect(sameReleaseFrame(frame(), [leaf('x')], frame(), [leaf('x', 'none')])).toBe(false);
    expect(sameReleaseFrame(frame(), [leaf('x', 'none')], frame(), [leaf('x', 'none')])).toBe(false);
    expect(sameReleaseFrame(frame({ credentialSources: undefined }), [leaf('x')], frame(), [leaf('x')])).toBe(false);
    expect(sameReleaseFrame(frame(), [leaf('x')], frame({ credentialSources: undefined }), [leaf('x')])).toBe(false);
  });
});
