import * as fs from 'fs';
import { parseYaml12 } from '../lib/engine/yaml';
import { yaml12Of } from '../lib/validate/parsed';
import { RELEASE_NAMES } from '../releases/names';
import {
  BUNDLED_SCHEMAS,
  bundleSchemas,
  createFluxValidator,
  crdsPresent,
  FluxValidator,
  fluxValidator,
  isFluxApiVersion,
  k8sExtensionsIn,
  loadCrdSchemas,
  validateFluxObject,
} from '../lib/validate/flux-schema';
import { renderStack, renderStacks } from './support/synth';
import type { Loose } from './support/loose';

interface Located {
  readonly where: string;
  readonly stack: string;
  readonly doc: Record<string, unknown>;
}

let fluxDocs: Located[] | undefined;

/**
 * Every document of every file of every stack whose apiVersion is a Flux group. Computed once (the
 * render is cached); a text several stacks share (static overrides) is parsed once.
 */
function fluxDocuments(): Located[] {
  fluxDocs ??= renderStacks().flatMap((stack) =>
    // YAML files only: a stack also holds its README.md.
    [...stack.files.keys()]
      .filter((file) => /\.ya?ml$/.test(file))
      .flatMap((file) =>
        yaml12Of(stack.files, file).flatMap((doc, i) =>
          typeof doc === 'object' && doc !== null && isFluxApiVersion((doc as Record<string, unknown>).apiVersion)
            ? [{ where: `${stack.name}/${file}#${i}`, stack: stack.name, doc: doc as Record<string, unknown> }]
            : [],
        ),
      ),
  );
  return fluxDocs;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A rendered HelmRelease to break in the negative tests. */
function novaRelease(): Loose {
  const text = renderStack('starlingx-app').files.get('nova/helmrelease.yaml');
  if (text === undefined) throw new Error('no nova/helmrelease.yaml');
  return clone(parseYaml12(text)[0] as Loose);
}

const present = crdsPresent();
const describeWithCrds = present ? describe : describe.skip;

describeWithCrds('Flux CRD schemas (../shared/crds)', () => {
  let validator: FluxValidator;
  beforeAll(() => {
    // The validator the project uses (createFluxValidator() of ../shared/crds, compiled once).
    validator = fluxValidator();
  });

  test('loads one served+storage schema per CRD and compiles them in strict mode', () => {
    // given the CRDs, when compiled, then each kind of the project has its schema
    expect(validator.kinds).toEqual([
      'helm.toolkit.fluxcd.io/v2 HelmRelease',
      'kustomize.toolkit.fluxcd.io/v1 Kustomization',
      'source.toolkit.fluxcd.io/v1 HelmRepository',
    ]);
  });

  test('registers every x-kubernetes-* keyword the CRDs use', () => {
    // given the keys found by scanning the CRDs
    const used = k8sExtensionsIn(loadCrdSchemas().map((c) => c.schema));
    expect(used.length).toBeGreaterThan(0);
    // then each of them is a registered ajv keyword
    expect(validator.extensions).toEqual(expect.arrayContaining(used));
  });

  test('evaluates every CEL rule of the CRDs (none left unchecked)', () => {
    expect(validator.uncheckedRules).toEqual([]);
  });

  test('every Flux object of every stack validates', () => {
    // given every Flux document rendered
    const docs = fluxDocuments();
    expect(docs.length).toBeGreaterThan(0);
    // when validated, then no error
    const errors = docs.flatMap(({ where, doc }) => validateFluxObject(doc).map((e) => `${where}: ${e}`));
    expect(errors).toEqual([]);
  });

  test(`starlingx-app holds ${RELEASE_NAMES.length} HelmReleases (one per release of the registry) and 1 HelmRepository, and no other Flux object`, () => {
    const counts: Record<string, number> = {};
    for (const { doc } of fluxDocuments().filter((d) => d.stack === 'starlingx-app')) {
      const key = `${String(doc.apiVersion)} ${String(doc.kind)}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    expect(counts).toEqual({
      'helm.toolkit.fluxcd.io/v2 HelmRelease': RELEASE_NAMES.length,
      'source.toolkit.fluxcd.io/v1 HelmRepository': 1,
    });
  });

  test('a rendered HelmRelease, unchanged, validates (baseline of the negative tests)', () => {
    expect(validateFluxObject(novaRelease())).toEqual([]);
  });

  test('fails when spec.interval is a number', () => {
    const release = novaRelease();
    release.spec.interval = 5;
    expect(validateFluxObject(release)).toEqual(['/spec/interval: must be string']);
  });

  test('fails when spec.interval is not a duration', () => {
    const release = novaRelease();
    release.spec.interval = '5 minutes';
    expect(validateFluxObject(release)).toEqual([expect.stringMatching(/^\/spec\/interval: must match pattern/)]);
  });

  test('fails when the chart is missing (CEL rule: either chart or chartRef)', () => {
    const release = novaRelease();
    delete release.spec.chart;
    expect(validateFluxObject(release)).toEqual(['/spec: either chart or chartRef must be set']);
  });

  test('fails when the chart sourceRef is missing', () => {
    const release = novaRelease();
    delete release.spec.chart.spec.sourceRef;
    expect(validateFluxObject(release)).toEqual(["/spec/chart/spec: must have required property 'sourceRef'"]);
  });

  test('fails when a field is misspelt (the API server would drop it)', () => {
    const release = novaRelease();
    release.spec.valuesFrm = release.spec.valuesFrom;
    delete release.spec.valuesFrom;
    expect(validateFluxObject(release)).toEqual(['/spec: must NOT have additional properties (valuesFrm)']);
  });

  test('fails when a valuesFrom kind is not Secret or ConfigMap', () => {
    const release = novaRelease();
    release.spec.valuesFrom[1].kind = 'Secrets';
    expect(validateFluxObject(release)).toEqual([
      expect.stringMatching(/^\/spec\/valuesFrom\/1\/kind: must be equal to one of the allowed values/),
    ]);
  });

  test('fails when metadata.name is not a DNS subdomain', () => {
    const release = novaRelease();
    release.metadata.name = 'Nova_API';
    expect(validateFluxObject(release)).toEqual([expect.stringMatching(/^\/metadata\/name: must match pattern/)]);
  });

  test('fails when the releaseName is longer than Helm allows (53)', () => {
    const release = novaRelease();
    release.spec.releaseName = 'x'.repeat(54);
    expect(validateFluxObject(release)).toEqual([expect.stringMatching(/^\/spec\/releaseName: must NOT have more than 53/)]);
  });

  test('fails when the Flux kind is unknown', () => {
    const release = novaRelease();
    release.apiVersion = 'helm.toolkit.fluxcd.io/v2beta1';
    expect(validateFluxObject(release)).toEqual([
      expect.stringContaining('unknown Flux kind HelmRelease of helm.toolkit.fluxcd.io/v2beta1'),
    ]);
    expect(validateFluxObject({ apiVersion: 'notification.toolkit.fluxcd.io/v1', kind: 'Receiver' })).toEqual([
      expect.stringContaining('unknown Flux kind Receiver'),
    ]);
  });

  test('ignores objects outside the Flux groups', () => {
    expect(validateFluxObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'openstack' } })).toEqual([]);
    expect(validateFluxObject({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' })).toEqual([]);
  });
});

if (!present) {
  test('Flux CRD schemas: skipped, ../shared/crds is absent (see the warning)', () => {
    expect(present).toBe(false);
  });
}

describe('crdsPresent', () => {
  const saved = process.env.CI;
  afterEach(() => {
    if (saved === undefined) delete process.env.CI;
    else process.env.CI = saved;
    jest.restoreAllMocks();
  });

  test('says why the schema tests are skipped when the CRDs are absent', () => {
    delete process.env.CI;
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(crdsPresent('/nonexistent/crds')).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('skipped: /nonexistent/crds is absent'));
  });

  test('fails when the CRDs are absent in CI', () => {
    process.env.CI = 'true';
    expect(() => crdsPresent('/nonexistent/crds')).toThrow(/CI must run the schema tests/);
  });
});

describe('the schemas bundled at import time (validate without ../shared)', () => {
  it('are the served versions of the CRDs (run npm run import after the CRDs change)', () => {
    if (!crdsPresent()) return;
    expect(fs.readFileSync(BUNDLED_SCHEMAS, 'utf8')).toBe(bundleSchemas());
  });

  it('validate Flux objects when the CRD folder is absent', () => {
    const validator = createFluxValidator('/nonexistent/crds');
    const release = parseYaml12(renderStack('starlingx-app').files.get('nova/helmrelease.yaml')!)[0] as Loose;
    expect(validator.validate(release)).toEqual([]);
    expect(validator.validate({ ...release, spec: { ...release.spec, interval: 5 } })).toEqual(['/spec/interval: must be string']);
  });
});
