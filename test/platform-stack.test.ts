import * as fs from 'fs';
import * as path from 'path';
import { parseYaml11 } from '../lib/engine/yaml';
import { RELEASE_NAMES } from '../releases/names';
import { REFERENCE_MANIFESTS, referencePresent } from './support/reference';
import { filesOf, renderStack } from './support/synth';
import type { Loose } from './support/loose';

/** Given the platform stack, when synthesized, then ... */
describe('dist/starlingx-app', () => {
  const stack = renderStack('starlingx-app');
  const doc = (file: string): Loose => {
    const text = stack.files.get(file);
    if (text === undefined) throw new Error(`no ${file}`);
    return parseYaml11(text, file)[0];
  };
  const helmReleases = RELEASE_NAMES.map((name) => doc(`${name}/helmrelease.yaml`));

  // Targeted snapshots: the file list, the top-level files, base/ and keystone's folder but its
  // static overrides (parity.test.ts compares those with the reference). The whole stack is
  // dist/starlingx-app, which CI checks against a fresh synth.
  it('matches the snapshot', () => {
    expect([...stack.files.keys()]).toMatchSnapshot('files');
    expect(
      filesOf(stack, [
        'kustomization.yaml',
        'metadata.yaml',
        'base/kustomization.yaml',
        'base/namespace.yaml',
        'base/helmrepository.yaml',
        'keystone/kustomization.yaml',
        'keystone/helmrelease.yaml',
        'keystone/keystone-system-overrides.yaml',
      ]),
    ).toMatchSnapshot('top-level files, base/, keystone/ but its static overrides');
  });

  it(`has ${RELEASE_NAMES.length} release folders (every release of the registry), base/, kustomization.yaml and metadata.yaml`, () => {
    const top = new Set([...stack.files.keys()].map((f) => f.split('/')[0]));
    expect(top.size).toBe(RELEASE_NAMES.length + 3);
    expect([...top].filter((d) => d !== 'base' && d.endsWith('.yaml') === false)).toHaveLength(RELEASE_NAMES.length);
    expect(stack.releases).toBe(RELEASE_NAMES.length);
    expect(helmReleases.map((r) => r.kind)).toEqual(Array(RELEASE_NAMES.length).fill('HelmRelease'));
  });

  it('lists base then the releases in install order in the top-level kustomization', () => {
    const k = doc('kustomization.yaml');
    expect(k.namespace).toBe('openstack');
    expect(k.resources).toEqual(['base', ...RELEASE_NAMES]);
  });

  it('leaves the namespace to the platform: base lists only the HelmRepository', () => {
    expect(doc('base/kustomization.yaml').resources).toEqual(['helmrepository.yaml']);
    expect(doc('base/namespace.yaml')).toMatchObject({ kind: 'Namespace', metadata: { name: 'openstack' } });
    expect(doc('base/helmrepository.yaml')).toMatchObject({
      kind: 'HelmRepository',
      metadata: { name: 'starlingx' },
      spec: { interval: '1m' },
    });
  });

  it('reads valuesFrom as static then system overrides, from Secrets its own kustomization generates', () => {
    for (const release of helmReleases) {
      const folder = release.metadata.name;
      const generated = doc(`${folder}/kustomization.yaml`).secretGenerator.map((g: Loose) => g.name);
      const names = release.spec.valuesFrom.map((v: Loose) => v.name);
      expect(names).toHaveLength(2);
      expect(names[0]).toMatch(/-static-overrides$/);
      expect(names[1]).toMatch(/-system-overrides$/);
      expect(generated).toEqual(names);
      for (const v of release.spec.valuesFrom) expect(stack.files.has(`${folder}/${v.valuesKey}`)).toBe(true);
    }
  });

  it('names the ingress overrides after the chart and labels its objects', () => {
    const k = doc('ingress-nginx-openstack/kustomization.yaml');
    expect(k.commonLabels).toEqual({ chart_group: 'openstack-ingress-nginx' });
    expect(k.secretGenerator[0].files).toEqual(['ingress-nginx-static-overrides.yaml']);
  });

  it('writes no placeholder chart version', () => {
    for (const release of helmReleases) {
      expect(release.spec.chart.spec.version).not.toMatch(/REPLACE|^$/);
    }
  });

  it('leaves every system overrides file empty for the platform', () => {
    const system = [...stack.files.keys()].filter((f) => f.endsWith('-system-overrides.yaml'));
    expect(system).toHaveLength(RELEASE_NAMES.length);
    for (const f of system) expect(parseYaml11(stack.files.get(f)!, f)).toEqual([]);
  });

  it('derives disabled_charts from the releases that are off by default', () => {
    expect(doc('metadata.yaml').disabled_charts).toEqual(['barbican', 'ceph-rgw', 'dcdbsync', 'gnocchi', 'ironic', 'keystone-api-proxy']);
    expect(doc('metadata.yaml').behavior.platform_managed_app).toBe(true);
  });

  it('writes no build token and no published Horizon secret key', () => {
    const all = [...stack.files.values()].join('\n');
    expect(all).not.toMatch(/@(IMAGE_PREFIX|OS|OS_CODENAME|OS_ARCH|BUILD_STREAM|IMAGE_SUFFIX)@/);
    // A published key would be a `horizon_secret_key:` entry; local_settings only names the config key.
    expect(all).not.toMatch(/horizon_secret_key\s*:/);
  });

  it('starts every file with the generated-file header', () => {
    for (const text of stack.files.values()) expect(text.startsWith('# Generated by stx-openstack-gitops')).toBe(true);
  });

  (referencePresent() ? it : it.skip)('has the dependsOn graph of the reference', () => {
    const reference: Record<string, string[]> = {};
    for (const name of RELEASE_NAMES) {
      const text = fs.readFileSync(path.join(REFERENCE_MANIFESTS, name, 'helmrelease.yaml'), 'utf8');
      const hr: Loose = parseYaml11(text)[0];
      reference[hr.metadata.name] = (hr.spec.dependsOn ?? []).map((d: Loose) => `${d.namespace}/${d.name}`);
    }
    const ours = Object.fromEntries(
      helmReleases.map((hr) => [hr.metadata.name, (hr.spec.dependsOn ?? []).map((d: Loose) => `${d.namespace}/${d.name}`)]),
    );
    expect(ours).toEqual(reference);
  });
});
