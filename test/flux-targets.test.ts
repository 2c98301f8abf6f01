/**
 * Given a deployment for each Flux target of the table, when synthesized, then every Flux object it
 * emits validates against the CRDs of exactly that target's controller versions
 * (../shared/crds/targets/<target>/, closed schemas: a field the API server would prune fails), no
 * emitted field or label is one the target's helm-controller ignores, and the feature table agrees
 * with those CRDs.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { App } from 'cdk8s';
import { resolveInput } from '../lib/deployment/app';
import { clusterEntrypoints, deploymentStack } from '../lib/deployment/stack';
import { featuresOf, FluxVersions, unsupportedFields } from '../lib/engine/flux-features';
import { renderApp, RenderedStack } from '../lib/engine/synth';
import { parseYaml11, parseYaml12 } from '../lib/engine/yaml';
import { CRDS_DIR, createFluxValidator, crdsPresent } from '../lib/validate/flux-schema';
import { FLUX_TARGETS, fluxTarget, FluxTargetName } from '../lib/profile/targets';
import { aioDuplex } from './support/profiles';
import { checkTargetFields } from '../lib/validate/validate';
import { parseValidateArgs } from '../scripts/validate';
import type { Loose } from './support/loose';

/** The CRD folder of each target: the versions the table says it runs. */
const CRD_FOLDERS: Record<FluxTargetName, string> = {
  'stx.10': path.join(CRDS_DIR, 'targets', 'stx.10'),
  'stx.11': path.join(CRDS_DIR, 'targets', 'stx.11'),
  'stx.12': path.join(CRDS_DIR, 'targets', 'stx.12'),
  master: path.join(CRDS_DIR, 'targets', 'master-2026-04'),
  kubernetes: CRDS_DIR,
};

/** An AIO-DX with https (TLS read by targetPath) for one target, with its entry points when it has kustomize-controller. */
function synth(target: FluxTargetName): RenderedStack[] {
  const input = aioDuplex({
    name: `t-${target.replace('.', '')}`,
    https: { enabled: true, certRef: { secretName: 'openstack-public-tls', caKey: 'ca.crt' } },
    flux: { target },
  });
  const deployment = resolveInput(input, 'targets.yaml');
  const app = new App({ outdir: '.cdk8s-out' });
  deploymentStack(app, deployment);
  if (fluxTarget(target).kustomizeController) clusterEntrypoints(app, deployment);
  return renderApp(app);
}

const documents = (stacks: readonly RenderedStack[]) =>
  stacks.flatMap((s) =>
    [...s.files]
      .filter(([f]) => f.endsWith('.yaml'))
      .flatMap(([file, text]) => parseYaml11(text, file).map((doc) => ({ file: `${s.name}/${file}`, doc: doc as Loose }))),
  );

const targets = Object.keys(FLUX_TARGETS) as FluxTargetName[];
const present = crdsPresent();

describe.each(targets)('target %s', (target) => {
  const versions: FluxVersions = FLUX_TARGETS[target];
  const stacks = synth(target);
  const docs = documents(stacks);

  (present ? test : test.skip)("every emitted Flux object is valid under the target's CRDs (no field is pruned)", () => {
    const validator = createFluxValidator(CRD_FOLDERS[target]);
    const flux = docs.filter(({ doc }) => typeof doc?.apiVersion === 'string' && doc.apiVersion.includes('fluxcd.io'));
    expect(flux.filter(({ doc }) => doc.kind === 'HelmRelease').length).toBeGreaterThan(10);
    expect(flux.flatMap(({ file, doc }) => validator.validate(doc).map((e) => `${file}: ${e}`))).toEqual([]);
  });

  test('no emitted field or label is one its helm-controller ignores', () => {
    expect(docs.flatMap(({ file, doc }) => unsupportedFields(doc, versions).map((e) => `${file}: ${e}`))).toEqual([]);
  });

  test('credentials of the generated Secret come in a values document; TLS by targetPath, literal only where honoured', () => {
    const hr = docs.find(({ file }) => file.endsWith('/keystone/helmrelease.yaml'))!.doc;
    const valuesFrom = hr.spec.valuesFrom as Loose[];
    expect(valuesFrom).toContainEqual({ kind: 'Secret', name: 'stx-openstack-credentials', valuesKey: 'helm-values.keystone.yaml' });
    const tls = valuesFrom.filter((v) => v.name === 'openstack-public-tls');
    expect(tls.length).toBeGreaterThan(0);
    for (const entry of tls) expect(entry.literal).toBe(featuresOf(versions).valuesFromLiteral ? true : undefined);
    expect(valuesFrom.filter((v) => v.name === 'stx-openstack-credentials' && v.targetPath !== undefined)).toEqual([]);
  });

  test('a values change reaches Helm: the watch label where honoured, else Secret names that change with content', () => {
    const kustomization = docs.find(({ file }) => file.endsWith('/keystone/kustomization.yaml'))!.doc;
    if (featuresOf(versions).watchLabel) {
      expect(kustomization.generatorOptions).toEqual({ disableNameSuffixHash: true, labels: { 'reconcile.fluxcd.io/watch': 'Enabled' } });
    } else {
      expect(kustomization.generatorOptions).toEqual({});
      expect(kustomization.configurations).toEqual(['kustomizeconfig.yaml']);
    }
  });

  test('entry points only where a kustomize-controller runs', () => {
    expect(stacks.some((s) => s.name.startsWith('clusters/'))).toBe(versions.kustomizeController !== undefined);
  });
});

(present ? describe : describe.skip)('the feature table agrees with the CRDs of each target', () => {
  const helmReleaseV2 = (dir: string) => {
    const crd = parseYaml12(fs.readFileSync(path.join(dir, 'helm.toolkit.fluxcd.io_helmreleases.yaml'), 'utf8'))[0] as Loose;
    return (crd.spec.versions as Loose[]).find((v) => v.name === 'v2')?.schema.openAPIV3Schema.properties.spec.properties as Loose;
  };
  test.each(targets)('%s', (target) => {
    const spec = helmReleaseV2(CRD_FOLDERS[target]);
    const features = featuresOf(FLUX_TARGETS[target]);
    expect(spec).toBeDefined();
    expect('literal' in spec.valuesFrom.items.properties).toBe(features.valuesFromLiteral);
    expect('driftDetection' in spec).toBe(features.driftDetection);
    expect('chartRef' in spec).toBe(features.chartRef);
    expect(fs.existsSync(path.join(CRD_FOLDERS[target], 'kustomize.toolkit.fluxcd.io_kustomizations.yaml'))).toBe(
      features.kustomizeController,
    );
  });

  test('fails when literal is sent to stx.12: the schema prunes it and validate names the version that adds it', () => {
    const hr = {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'x' },
      spec: {
        interval: '5m',
        chart: { spec: { chart: 'x', sourceRef: { kind: 'HelmRepository', name: 'r' } } },
        valuesFrom: [{ kind: 'Secret', name: 's', valuesKey: 'k', targetPath: 'a', literal: true }],
      },
    };
    expect(createFluxValidator(CRD_FOLDERS['stx.12']).validate(hr).join('\n')).toMatch(/additional properties \(literal\)/);
    expect(unsupportedFields(hr, FLUX_TARGETS['stx.12'])).toEqual([
      'HelmRelease spec.valuesFrom[0].literal: needs helm-controller >= 1.6.0 (this target runs 1.4.5, which prunes it)',
    ]);
  });
});

const kubectl = (() => {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

(kubectl ? test : test.skip)('on stx.11, kustomize gives the generated Secrets a content-hash name and the HelmRelease follows it', () => {
  const stack = synth('stx.11')[0];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-hash-'));
  try {
    for (const [file, text] of stack.files) {
      if (!file.startsWith('keystone/')) continue;
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    const built = (suffix: string) => {
      const out = parseYaml12(execFileSync('kubectl', ['kustomize', path.join(dir, 'keystone')], { encoding: 'utf8' })) as Loose[];
      const secret = out.find((d) => d.kind === 'Secret' && String(d.metadata.name).startsWith('keystone-system-overrides'))!;
      const hr = out.find((d) => d.kind === 'HelmRelease')!;
      expect(secret.metadata.name).toMatch(/^keystone-system-overrides-[a-z0-9]{10}$/);
      expect((hr.spec.valuesFrom as Loose[]).map((v) => v.name)).toContain(secret.metadata.name);
      return `${secret.metadata.name}${suffix}`;
    };
    const before = built('');
    fs.appendFileSync(path.join(dir, 'keystone', 'keystone-system-overrides.yaml'), 'changed: true\n');
    expect(built('')).not.toBe(before);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('validate --target', () => {
  test('fails when a tree for stx.12 is validated for stx.11: names the watch label and the version that adds it', () => {
    const files = synth('stx.12')[0].files;
    const problems = checkTargetFields(files, { name: 'stx.11', versions: FLUX_TARGETS['stx.11'] });
    expect(problems).toContain(
      'keystone/kustomization.yaml: generatorOptions.labels.reconcile.fluxcd.io/watch: needs helm-controller >= 1.4.0 (target stx.11 runs 1.2.0, which ignores it)',
    );
    expect(checkTargetFields(files, { name: 'stx.12', versions: FLUX_TARGETS['stx.12'] })).toEqual([]);
  });

  test('parses --target and refuses an unknown one', () => {
    expect(parseValidateArgs(['--target', 'stx.10']).target).toBe('stx.10');
    expect(parseValidateArgs([]).target).toBe('stx.12');
    expect(() => parseValidateArgs(['--target', 'stx.9'])).toThrow(
      /--target: expected one of stx\.10, stx\.11, stx\.12, master, kubernetes, got "stx\.9"/,
    );
  });
});
