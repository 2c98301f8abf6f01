/**
 * Adding a release through the public API only: a throw-away release `extra` (defineRelease, with
 * its own static values, its own system values and a credential), passed to buildApp and
 * resolveDeployment as a release list beside the project's, reaches every layer: its folder in
 * every stack (HelmRelease, override files, kustomization), the stack's top-level kustomization,
 * the Flux CRD schema, the validator of a written tree, and the dependsOn graph both ways.
 *
 * ReleaseDefinition.name and dependsOn are typed ReleaseName (releases/define.ts): a real release
 * adds its name to releases/names.ts first; this one is cast, which is the only thing it needs
 * beyond the public API.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildApp, resolveInput } from '../lib/deployment/app';
import { CredentialRef } from '../lib/engine/credentials';
import { renderApp, writeStacks } from '../lib/engine/synth';
import { parseYaml12 } from '../lib/engine/yaml';
import { validateFluxObject } from '../lib/validate/flux-schema';
import { validateStack } from '../lib/validate/validate';
import { osloDbAuth } from '../overrides/system';
import { ALL_RELEASES } from '../releases';
import { defineRelease, ReleaseDefinition } from '../releases/define';
import { RELEASE_NAMES, ReleaseName } from '../releases/names';
import { doc } from './support/documents';
import { aioSimplex } from './support/profiles';

const EXTRA = 'extra' as ReleaseName;
const VERSION = '0.1.7';
const IMAGE = 'docker.io/starlingx/stx-extra:test';

const extra = defineRelease({
  name: EXTRA,
  chartVersion: VERSION,
  dependsOn: ['keystone'],
  staticValues: () => ({ images: { tags: { extra_api: IMAGE } }, conf: { extra: { DEFAULT: { debug: false, workers: 2 } } } }),
  systemValues: (ctx) => ({
    pod: { replicas: { api: ctx.derived.controllers } },
    endpoints: { oslo_db: { auth: osloDbAuth([EXTRA]) } },
  }),
});

/** The project's releases, then the extra one, with clients made to depend on it. */
function withExtra(definition: ReleaseDefinition = extra): ReleaseDefinition[] {
  return [...ALL_RELEASES.map((r) => (r.name === 'clients' ? { ...r, dependsOn: [...r.dependsOn, EXTRA] } : r)), definition];
}

const RELEASES = withExtra();
// The Flux stacks (the entry points under clusters/ hold no release).
const stacks = renderApp(buildApp({ releases: RELEASES })).filter((s) => !s.name.startsWith('clusters/'));
const PLATFORM = 'starlingx-app';
const DEPLOYMENT = 'aio-sx';

describe('a release added through defineRelease and the releases option', () => {
  test(`is the ${RELEASE_NAMES.length + 1}th release, last in install order`, () => {
    expect(RELEASES).toHaveLength(RELEASE_NAMES.length + 1);
    expect(RELEASES.at(-1)?.name).toBe(EXTRA);
  });

  test('gives every stack of the app, platform and deployments', () => {
    expect(stacks.map((s) => s.name)).toEqual(expect.arrayContaining([PLATFORM, DEPLOYMENT]));
    expect(stacks.length).toBeGreaterThan(2);
  });

  describe.each(stacks.map((s) => [s.name, s] as const))('in %s', (name, stack) => {
    test('has its folder: helmrelease.yaml, its two override files and its kustomization.yaml', () => {
      expect([...stack.files.keys()].filter((f) => f.startsWith(`${EXTRA}/`))).toEqual([
        `${EXTRA}/extra-static-overrides.yaml`,
        `${EXTRA}/extra-system-overrides.yaml`,
        `${EXTRA}/helmrelease.yaml`,
        `${EXTRA}/kustomization.yaml`,
      ]);
      expect(doc(stack, `${EXTRA}/kustomization.yaml`)).toMatchObject({
        resources: ['helmrelease.yaml'],
        secretGenerator: [
          { name: 'extra-static-overrides', files: ['extra-static-overrides.yaml'] },
          { name: 'extra-system-overrides', files: ['extra-system-overrides.yaml'] },
        ],
      });
    });

    test('lists it last in the top-level kustomization', () => {
      const resources: string[] = doc(stack, 'kustomization.yaml').resources;
      expect(resources[0]).toBe('base');
      expect(resources.at(-1)).toBe(EXTRA);
      expect(resources.filter((r) => r === EXTRA)).toHaveLength(1);
    });

    test('writes its static values', () => {
      expect(doc(stack, `${EXTRA}/extra-static-overrides.yaml`)).toEqual({
        images: { tags: { extra_api: IMAGE } },
        conf: { extra: { DEFAULT: { debug: false, workers: 2 } } },
      });
    });

    test('writes a HelmRelease with its chart version and dependsOn, valid against the Flux CRD schema', () => {
      const hr = doc(stack, `${EXTRA}/helmrelease.yaml`);
      expect(hr).toMatchObject({
        kind: 'HelmRelease',
        metadata: { name: EXTRA, labels: { chart_group: 'openstack-extra' } },
        spec: {
          releaseName: 'osh-openstack-extra',
          chart: { spec: { chart: EXTRA, version: VERSION } },
          dependsOn: [{ name: 'keystone', namespace: 'openstack' }],
        },
      });
      expect(validateFluxObject(hr)).toEqual([]);
    });

    test('is a dependsOn target of another release (clients)', () => {
      expect(doc(stack, 'clients/helmrelease.yaml').spec.dependsOn).toContainEqual({ name: EXTRA, namespace: 'openstack' });
    });

    if (name === PLATFORM) {
      test('leaves its system values empty for the platform', () => {
        expect(parseYaml12(stack.files.get(`${EXTRA}/extra-system-overrides.yaml`) as string)).toEqual([]);
      });
    } else {
      test('writes its system values from the profile, and reads its credential from the out-of-band Secret', () => {
        expect(doc(stack, `${EXTRA}/extra-system-overrides.yaml`).pod.replicas.api).toBeGreaterThanOrEqual(1);
        expect(stack.files.get(`${EXTRA}/extra-system-overrides.yaml`)).not.toContain('db-password');
        expect(doc(stack, `${EXTRA}/helmrelease.yaml`).spec.valuesFrom).toContainEqual({
          kind: 'Secret',
          name: 'stx-openstack-credentials',
          // Its credentials values document, which npm run credentials writes (db-password.extra at endpoints.oslo_db.auth.extra.password).
          valuesKey: 'helm-values.extra.yaml',
        });
      });
    }
  });

  test('a written tree validates with no problem (platform and deployment stack)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-extra-'));
    try {
      writeStacks(
        path.join(dir, 'dist'),
        stacks.filter((s) => s.name === PLATFORM || s.name === DEPLOYMENT),
      );
      for (const name of [PLATFORM, DEPLOYMENT]) {
        const report = validateStack(path.join(dir, 'dist', name), { kustomize: false });
        expect(report.problems).toEqual([]);
        expect(fs.existsSync(path.join(dir, 'dist', name, EXTRA, 'helmrelease.yaml'))).toBe(true);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('resolveDeployment with the extra release', () => {
  test('resolves it with its chart version, dependsOn, system values and credential', () => {
    const deployment = resolveInput(aioSimplex(), 'extra.yaml', RELEASES);
    const resolved = deployment.releases.find((r) => r.definition.name === EXTRA);
    expect(resolved).toMatchObject({ chartVersion: VERSION, dependsOn: ['keystone'], systemValues: { pod: { replicas: { api: 1 } } } });
    expect(deployment.releases.find((r) => r.definition.name === 'clients')?.dependsOn).toContain(EXTRA);
    expect(deployment.credentials.map((c: CredentialRef) => c.id)).toContain('db-password.extra');
  });

  test('refuses a dependsOn onto it when it is disabled, naming both releases', () => {
    const off = defineRelease({ ...extra, enabledByDefault: false });
    expect(() => resolveInput(aioSimplex(), 'extra-off.yaml', withExtra(off))).toThrow(
      /release "clients" depends on "extra", which is disabled/,
    );
  });

  test('fails when a release outside the app build table states no chart version, naming it and the build', () => {
    const unversioned = defineRelease({ ...extra, chartVersion: undefined });
    expect(() => resolveInput(aioSimplex(), 'unversioned.yaml', withExtra(unversioned))).toThrow(
      /release "extra" has no chart version in app build "trixie-2026.1"/,
    );
  });
});
