import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeStacks } from '../lib/engine/synth';
import { parseYaml12 } from '../lib/engine/yaml';
import { checkFluxReferences, checkKustomizations, checkStack, checkValuesFrom, deprecatedFields } from '../lib/validate/tree-check';
import { RELEASE_NAMES } from '../releases/names';
import { renderStack, renderStacks } from './support/synth';
import type { Loose } from './support/loose';

const STACK = 'starlingx-app';
/** starlingx-app holds every release of the registry. */
const RELEASES = RELEASE_NAMES.length;
/** nova's index in the top-level resources: base, then the releases in install order. */
const NOVA = 1 + RELEASE_NAMES.indexOf('nova');

function stackFiles(): ReadonlyMap<string, string> {
  return renderStack(STACK).files;
}

/** A copy of the files of the stack, to break. */
function copyFiles(): Map<string, string> {
  return new Map(stackFiles());
}

/** Replaces `from` by `to` in one file of `files`; fails when `from` is not there. */
function edit(files: Map<string, string>, file: string, from: string, to: string): Map<string, string> {
  const text = files.get(file);
  if (text === undefined || !text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  files.set(file, text.replace(from, to));
  return files;
}

describe('kustomize structure, our check (no kustomize needed)', () => {
  test('passes on starlingx-app with 0 problems', () => {
    expect(checkKustomizations(stackFiles())).toEqual([]);
  });

  test('every HelmRelease of starlingx-app reads Secrets its own folder generates, by their file name', () => {
    expect(checkValuesFrom(stackFiles())).toEqual([]);
  });

  test('every sourceRef and dependsOn of starlingx-app names an object of the stack', () => {
    expect(checkFluxReferences(stackFiles())).toEqual([]);
  });

  test('every stack passes every check', () => {
    // The Flux entry points (clusters/<site>) are no kustomization: validate checks them apart.
    const problems = renderStacks()
      .filter((s) => !s.name.startsWith('clusters/'))
      .flatMap((s) => checkStack(s.files).map((p) => `${s.name}/${p}`));
    expect(problems).toEqual([]);
  });

  test('metadata.yaml and base/namespace.yaml are the only files no kustomization references', () => {
    // given no allowance, then exactly the two allowed files are reported
    expect(checkKustomizations(stackFiles(), [])).toEqual([
      'base/namespace.yaml: (file): not referenced by any kustomization',
      'metadata.yaml: (file): not referenced by any kustomization',
    ]);
  });

  test('fails when a resource file is removed', () => {
    // given the stack without nova/helmrelease.yaml
    const files = copyFiles();
    expect(files.delete('nova/helmrelease.yaml')).toBe(true);
    // then the kustomization that lists it is reported
    expect(checkKustomizations(files)).toEqual([
      'nova/kustomization.yaml: resources[0]: "helmrelease.yaml" does not exist (no file nova/helmrelease.yaml, no nova/helmrelease.yaml/kustomization.yaml)',
    ]);
  });

  test('fails when the base HelmRepository is removed', () => {
    const files = copyFiles();
    files.delete('base/helmrepository.yaml');
    expect(checkKustomizations(files)).toEqual([
      expect.stringMatching(/^base\/kustomization\.yaml: resources\[0\]: "helmrepository\.yaml" does not exist/),
    ]);
    // and the HelmReleases now point to a repository that is not in the stack
    expect(checkFluxReferences(files)).toHaveLength(RELEASES);
  });

  test('fails when a release folder loses its kustomization', () => {
    const files = copyFiles();
    files.delete('nova/kustomization.yaml');
    expect(checkKustomizations(files)).toEqual([
      `kustomization.yaml: resources[${NOVA}]: "nova" does not exist (no file nova, no nova/kustomization.yaml)`,
      'nova/helmrelease.yaml: (file): not referenced by any kustomization',
      'nova/nova-static-overrides.yaml: (file): not referenced by any kustomization',
      'nova/nova-system-overrides.yaml: (file): not referenced by any kustomization',
    ]);
  });

  test('fails when a secretGenerator file is removed', () => {
    const files = copyFiles();
    files.delete('nova/nova-system-overrides.yaml');
    expect(checkKustomizations(files)).toEqual([
      'nova/kustomization.yaml: secretGenerator[1].files[0]: "nova-system-overrides.yaml" does not exist (no file nova/nova-system-overrides.yaml)',
    ]);
  });

  test('fails when an extra unreferenced file is added', () => {
    const files = copyFiles();
    files.set('nova/extra.yaml', '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n');
    files.set('old-release/helmrelease.yaml', '---\n');
    expect(checkKustomizations(files)).toEqual([
      'nova/extra.yaml: (file): not referenced by any kustomization',
      'old-release/helmrelease.yaml: (file): not referenced by any kustomization',
    ]);
  });

  test('fails when a release kustomization is not listed by the top-level one', () => {
    const files = edit(copyFiles(), 'kustomization.yaml', '  - nova\n', '');
    expect(checkKustomizations(files)).toEqual([
      'nova/helmrelease.yaml: (file): not referenced by any kustomization',
      'nova/kustomization.yaml: (file): kustomization not reached from the top-level kustomization.yaml',
      'nova/nova-static-overrides.yaml: (file): not referenced by any kustomization',
      'nova/nova-system-overrides.yaml: (file): not referenced by any kustomization',
    ]);
  });

  test('fails when a kustomization has a misspelt field', () => {
    const files = edit(copyFiles(), 'nova/kustomization.yaml', 'resources:', 'resource:');
    expect(checkKustomizations(files)).toEqual(
      expect.arrayContaining([
        'nova/kustomization.yaml: resource: unknown field (kustomize refuses it)',
        'nova/helmrelease.yaml: (file): not referenced by any kustomization',
      ]),
    );
  });

  test('fails when a resources entry is listed twice', () => {
    for (const again of ['nova', './nova/']) {
      const files = edit(copyFiles(), 'kustomization.yaml', '  - nova\n', `  - nova\n  - ${again}\n`);
      expect(checkKustomizations(files)).toEqual([`kustomization.yaml: resources[${NOVA + 1}]: "nova" is listed twice`]);
    }
    const files = edit(copyFiles(), 'nova/kustomization.yaml', '  - helmrelease.yaml\n', '  - helmrelease.yaml\n  - ./helmrelease.yaml\n');
    expect(checkKustomizations(files)).toEqual(['nova/kustomization.yaml: resources[1]: "helmrelease.yaml" is listed twice']);
  });

  test('fails when a HelmRelease reads a Secret its folder does not generate', () => {
    const files = edit(copyFiles(), 'nova/helmrelease.yaml', 'name: nova-system-overrides', 'name: nova-system-override');
    expect(checkValuesFrom(files)).toEqual([
      'nova/helmrelease.yaml: spec.valuesFrom[1]: Secret nova-system-override of HelmRelease nova is not generated by nova/kustomization.yaml',
      'nova/kustomization.yaml: secretGenerator[1]: nova-system-overrides is read by no HelmRelease of nova',
    ]);
  });

  test('fails when a HelmRelease reads a Secret generated by another folder', () => {
    const files = edit(copyFiles(), 'nova/helmrelease.yaml', 'name: nova-system-overrides', 'name: placement-system-overrides');
    expect(checkValuesFrom(files)).toContain(
      'nova/helmrelease.yaml: spec.valuesFrom[1]: Secret placement-system-overrides of HelmRelease nova is not generated by nova/kustomization.yaml',
    );
  });

  test('fails when a valuesKey is not the generated file name', () => {
    const files = edit(copyFiles(), 'nova/helmrelease.yaml', 'valuesKey: nova-static-overrides.yaml', 'valuesKey: values.yaml');
    expect(checkValuesFrom(files)).toEqual([
      'nova/helmrelease.yaml: spec.valuesFrom[0]: valuesKey values.yaml is not a key of Secret nova-static-overrides (keys: nova-static-overrides.yaml)',
    ]);
  });

  test('fails when the generated Secret names get a hash suffix', () => {
    const files = edit(copyFiles(), 'nova/kustomization.yaml', 'disableNameSuffixHash: true', 'disableNameSuffixHash: false');
    expect(checkValuesFrom(files)).toEqual([
      'nova/helmrelease.yaml: spec.valuesFrom[0]: nova/kustomization.yaml appends a hash to nova-static-overrides (set generatorOptions.disableNameSuffixHash)',
      'nova/helmrelease.yaml: spec.valuesFrom[1]: nova/kustomization.yaml appends a hash to nova-system-overrides (set generatorOptions.disableNameSuffixHash)',
    ]);
  });

  test('fails when a HelmRelease depends on a release not in the stack', () => {
    const files = edit(copyFiles(), 'nova/helmrelease.yaml', '- name: placement\n', '- name: placemnt\n');
    expect(checkFluxReferences(files)).toEqual(['nova/helmrelease.yaml: spec.dependsOn[0]: placemnt is not a HelmRelease of the stack']);
  });

  test('fails when dependsOn forms a cycle', () => {
    // given placement made to depend on nova, which depends on placement
    const files = copyFiles();
    const placement = files.get('placement/helmrelease.yaml') as string;
    expect(placement).not.toContain('dependsOn:\n    - name: nova\n');
    const withDep = placement.includes('  dependsOn:\n')
      ? placement.replace('  dependsOn:\n', '  dependsOn:\n    - name: nova\n      namespace: openstack\n')
      : placement.replace('  install:\n', '  dependsOn:\n    - name: nova\n      namespace: openstack\n  install:\n');
    files.set('placement/helmrelease.yaml', withDep);
    expect(checkFluxReferences(files)).toEqual([
      expect.stringMatching(
        /^(nova|placement)\/helmrelease\.yaml: spec\.dependsOn: cycle (nova -> placement -> nova|placement -> nova -> placement) \(Flux would wait forever\)$/,
      ),
    ]);
  });

  test('fails when two HelmReleases share a Helm release name', () => {
    const files = edit(copyFiles(), 'nova/helmrelease.yaml', 'releaseName: osh-openstack-nova', 'releaseName: osh-openstack-placement');
    expect(checkFluxReferences(files)).toEqual([
      'placement/helmrelease.yaml: spec.releaseName: osh-openstack-placement is also the Helm release name of HelmRelease nova',
    ]);
  });

  test('deprecated kustomize fields: only the commonLabels kept from the reference (kustomize v5 warns)', () => {
    expect(deprecatedFields(stackFiles())).toEqual([
      "ingress-nginx-openstack/kustomization.yaml: commonLabels: deprecated (use 'labels')",
      "prometheus-openstack-exporter/kustomization.yaml: commonLabels: deprecated (use 'labels')",
    ]);
  });
});

/** True when `kubectl` runs here. */
function kubectlAvailable(): boolean {
  const result = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8', timeout: 20000 });
  return result.error === undefined && result.status === 0;
}

const kubectl = kubectlAvailable();

if (!kubectl) {
  test('kubectl kustomize: skipped, kubectl is not installed', () => {
    console.warn('skipped: kubectl is absent, so `kubectl kustomize` of the written stack is not run (our own check above still is)');
    expect(kubectl).toBe(false);
  });
}

(kubectl ? describe : describe.skip)('kubectl kustomize of the written starlingx-app', () => {
  type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; [k: string]: Loose };
  let tmp: string;
  let objects: Obj[];
  let stderr: string;

  beforeAll(() => {
    // given the stack written to disk as the synth writes it
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-kustomize-'));
    const out = path.join(tmp, 'out');
    writeStacks(out, [renderStack(STACK)]);
    // when kustomize builds it
    const result = spawnSync('kubectl', ['kustomize', path.join(out, STACK)], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 60000,
    });
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`kubectl kustomize failed (${result.status}): ${result.stderr}`);
    stderr = result.stderr;
    objects = parseYaml12(result.stdout, 'kubectl kustomize').filter((d) => d !== null) as Obj[];
  });

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const count = (kind: string) => objects.filter((o) => o.kind === kind).length;

  // Per release: its HelmRelease and two Secrets (static and system overrides); one HelmRepository.
  test(`builds ${RELEASES} HelmReleases, ${2 * RELEASES} Secrets and 1 HelmRepository, ${3 * RELEASES + 1} objects in all`, () => {
    expect(count('HelmRelease')).toBe(RELEASES);
    expect(count('Secret')).toBe(2 * RELEASES);
    expect(count('HelmRepository')).toBe(1);
    expect(objects).toHaveLength(3 * RELEASES + 1);
  });

  test('every object lands in the openstack namespace (the platform creates it: no Namespace object)', () => {
    expect(objects.filter((o) => o.metadata.namespace !== 'openstack').map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([]);
    expect(count('Namespace')).toBe(0);
  });

  test('every Secret holds one key named like it plus .yaml, with the text of that overrides file', () => {
    const files = stackFiles();
    for (const secret of objects.filter((o) => o.kind === 'Secret')) {
      const key = `${secret.metadata.name}.yaml`;
      expect({ name: secret.metadata.name, keys: Object.keys(secret.data ?? {}) }).toEqual({ name: secret.metadata.name, keys: [key] });
      const sources = [...files.keys()].filter((f) => f.endsWith(`/${key}`));
      expect(sources).toHaveLength(1);
      expect(Buffer.from(secret.data[key], 'base64').toString('utf8')).toBe(files.get(sources[0]));
    }
  });

  test('every HelmRelease valuesFrom resolves to a built Secret and key', () => {
    const secrets = new Map(objects.filter((o) => o.kind === 'Secret').map((o) => [o.metadata.name, o]));
    const unresolved: string[] = [];
    for (const release of objects.filter((o) => o.kind === 'HelmRelease')) {
      for (const ref of release.spec.valuesFrom ?? []) {
        const secret = ref.kind === 'Secret' ? secrets.get(ref.name) : undefined;
        if (!secret || !(ref.valuesKey in (secret.data ?? {})))
          unresolved.push(`${release.metadata.name}: ${ref.kind} ${ref.name} ${ref.valuesKey}`);
      }
    }
    expect(unresolved).toEqual([]);
  });

  test('kustomize warns only about the known deprecated commonLabels', () => {
    const warnings = stderr.split('\n').filter((l) => l.trim() !== '');
    expect(warnings.every((w) => /'commonLabels' is deprecated/.test(w))).toBe(true);
  });
});
