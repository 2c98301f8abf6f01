import { checkCredentialRouting, scanCredentials } from '../lib/validate/credential-scan';
import { RenderedStack } from '../lib/engine/synth';
import { doc } from './support/documents';
import { aioSimplex, controller, standard, worker } from './support/profiles';
import { filesOf, renderDeployment as synth, renderStacks } from './support/synth';
import type { Loose } from './support/loose';
import * as path from 'path';
import { App } from 'cdk8s';
import { buildApp } from '../lib/deployment/app';
import { staticValuesOf } from '../lib/deployment/resolve';
import { YamlFile } from '../lib/engine/files';
import { DEFAULT_IMAGE_BUILD, imageRefs } from '../overrides/images';
import { ALL_RELEASES } from '../releases';

const BUILT_IN = ['aio-sx', 'aio-dx', 'standard', 'aio-sx-subcloud'];

const folders = (stack: RenderedStack) => new Set([...stack.files.keys()].map((f) => f.split('/')[0]).filter((d) => !d.endsWith('.yaml')));

describe('the built-in deployment stacks', () => {
  const stacks = renderStacks();

  // Targeted snapshots: the file list, the top-level kustomization and keystone's folder. The whole
  // stacks are dist/, which CI checks against a fresh synth.
  it.each(BUILT_IN)('writes dist/%s', (name) => {
    const stack = stacks.find((s) => s.name === name)!;
    expect(stack).toBeDefined();
    expect([...stack.files.keys()]).toMatchSnapshot('files');
    expect(
      filesOf(stack, [
        'kustomization.yaml',
        'base/helmrepository.yaml',
        'keystone/kustomization.yaml',
        'keystone/helmrelease.yaml',
        'keystone/keystone-system-overrides.yaml',
      ]),
    ).toMatchSnapshot('kustomization.yaml, base/helmrepository.yaml, keystone/ but its static overrides');
  });

  it.each(BUILT_IN)(
    '%s: keeps the namespace apart, never pruned, and labels the values Secrets so that Flux upgrades on change',
    (name) => {
      const stack = stacks.find((s) => s.name === name)!;
      expect(doc(stack, 'base/kustomization.yaml').resources).toStrictEqual(['helmrepository.yaml']);
      expect(doc(stack, 'namespace/kustomization.yaml').resources).toStrictEqual(['namespace.yaml']);
      expect(doc(stack, 'namespace/namespace.yaml').metadata).toStrictEqual({
        name: 'openstack',
        annotations: { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' },
      });
      expect(doc(stack, 'keystone/kustomization.yaml').generatorOptions.labels).toEqual({ 'reconcile.fluxcd.io/watch': 'Enabled' });
    },
  );

  it.each(BUILT_IN)('%s: writes no credential, and reads generated ones through a values document, TLS through targetPath', (name) => {
    const stack = stacks.find((s) => s.name === name)!;
    expect(scanCredentials(stack.files)).toEqual([]);
    expect(checkCredentialRouting(stack.files)).toEqual([]);
    const keystone = doc(stack, 'keystone/helmrelease.yaml');
    expect(keystone.spec.valuesFrom).toContainEqual({
      kind: 'Secret',
      name: 'stx-openstack-credentials',
      valuesKey: 'helm-values.keystone.yaml',
    });
    for (const v of keystone.spec.valuesFrom.filter((v: Loose) => v.targetPath)) {
      // Only the operator's TLS Secret is read at a path; stx.12 (the default target) prunes literal.
      expect(v).toMatchObject({ kind: 'Secret', name: 'openstack-public-tls' });
      expect(v.literal).toBeUndefined();
    }
  });

  it('puts the HelmRepository at the cluster-host floating address, IPv6 bracketed (spec §4.4)', () => {
    const standardStack = stacks.find((s) => s.name === 'standard')!;
    expect(doc(standardStack, 'base/helmrepository.yaml').spec.url).toBe('http://[fd02::1]:8080/helm_charts/starlingx');
    const aio = stacks.find((s) => s.name === 'aio-sx')!;
    expect(doc(aio, 'base/helmrepository.yaml').spec.url).toBe('http://192.168.206.1:8080/helm_charts/starlingx');
  });

  it('runs garbd only on the standard system with two control-plane hosts (S02, spec §4.1)', () => {
    expect(folders(stacks.find((s) => s.name === 'standard')!).has('garbd')).toBe(true);
    for (const name of ['aio-sx', 'aio-dx', 'aio-sx-subcloud']) {
      const stack = stacks.find((s) => s.name === name)!;
      expect(folders(stack).has('garbd')).toBe(false);
      expect(doc(stack, 'kustomization.yaml').resources).not.toContain('garbd');
    }
  });

  it('reads the TLS material of aio-dx from its certificate Secret', () => {
    const aioDx = stacks.find((s) => s.name === 'aio-dx')!;
    const keystone = doc(aioDx, 'keystone/helmrelease.yaml');
    expect(keystone.spec.valuesFrom).toContainEqual({
      kind: 'Secret',
      name: 'openstack-public-tls',
      valuesKey: 'tls.crt',
      targetPath: 'endpoints.identity.host_fqdn_override.public.tls.crt',
    });
    expect(doc(aioDx, 'keystone/keystone-system-overrides.yaml').endpoints.identity.host_fqdn_override.public.host).toBe(
      'keystone.openstack.example.com',
    );
  });

  it('gives the subcloud its own region', () => {
    const subcloud = stacks.find((s) => s.name === 'aio-sx-subcloud')!;
    expect(doc(subcloud, 'horizon/horizon-system-overrides.yaml').conf.horizon.local_settings.config.system_region_name).toBe('subcloud1');
  });

  // `kubectl kustomize` of these same stacks runs once per stack in validate.test.ts (a fresh
  // synth of deployments/, validated with kubectl where it exists).
  // Every stack of a synth of deployments/ passes validate (schema, tree, names, YAML, credentials,
  // kubectl kustomize): test/validate.test.ts, on the same synth written by runSynth.
});

describe('chart selection', () => {
  it('removes a disabled release: its folder and its top-level resource', () => {
    const stack = synth(aioSimplex({ name: 'no-aodh', charts: { enabled: { aodh: false } } }));
    expect(folders(stack).has('aodh')).toBe(false);
    expect(doc(stack, 'kustomization.yaml').resources).not.toContain('aodh');
  });

  it('enables a release that the app disables by default', () => {
    const stack = synth(aioSimplex({ name: 'with-barbican', charts: { enabled: { barbican: true } } }));
    expect(folders(stack).has('barbican')).toBe(true);
    expect(doc(stack, 'barbican/barbican-system-overrides.yaml').pod.replicas.api).toBe(1);
  });

  it('disables openvswitch when the deployment has no ovs vswitch (S39)', () => {
    const stack = synth(aioSimplex({ name: 'no-ovs', vswitch: 'none' }));
    expect(folders(stack).has('openvswitch')).toBe(false);
    expect(doc(stack, 'neutron/neutron-system-overrides.yaml').vswitch_labels).toEqual(['none']);
  });

  it('repairs a dependsOn onto a disabled release with that release own dependencies, and says so', () => {
    const stack = synth(aioSimplex({ name: 'no-heat', charts: { enabled: { heat: false }, repairDependsOn: true } }));
    expect(folders(stack).has('heat')).toBe(false);
    const dependsOn = (release: string) => (doc(stack, `${release}/helmrelease.yaml`).spec.dependsOn ?? []).map((d: Loose) => d.name);
    expect(dependsOn('clients')).toEqual(['placement']);
    expect(dependsOn('ceilometer')).toEqual(['nova', 'neutron', 'placement']);
    expect(stack.notes).toContain('dependsOn clients -> heat (disabled) replaced by [placement]');
  });

  it('pins a chart version from the profile', () => {
    const stack = synth(aioSimplex({ name: 'pinned', charts: { versions: { nova: '0.3.50' } } }));
    expect(doc(stack, 'nova/helmrelease.yaml').spec.chart.spec.version).toBe('0.3.50');
  });

  it('rewrites every image to the registry mirror', () => {
    const stack = synth(aioSimplex({ name: 'mirror', images: { registry: 'registry.local:9001' } }));
    const tags = doc(stack, 'nova/nova-static-overrides.yaml').images.tags as Record<string, string | null>;
    for (const tag of Object.values(tags).filter((t): t is string => typeof t === 'string')) {
      expect(tag.startsWith('registry.local:9001/')).toBe(true);
    }
  });
});

describe('user values and policy sets', () => {
  it('merges user values last, from their own generated Secret', () => {
    const stack = synth(aioSimplex({ name: 'user', userOverrides: { nova: { conf: { nova: { DEFAULT: { debug: true } } } } } }));
    const release = doc(stack, 'nova/helmrelease.yaml');
    expect(release.spec.valuesFrom.at(-1)).toEqual({ kind: 'Secret', name: 'nova-user-overrides', valuesKey: 'nova-user-overrides.yaml' });
    expect(doc(stack, 'nova/nova-user-overrides.yaml')).toEqual({ conf: { nova: { DEFAULT: { debug: true } } } });
    expect(doc(stack, 'nova/kustomization.yaml').secretGenerator.map((g: Loose) => g.name)).toContain('nova-user-overrides');
  });

  it('applies the enhanced RBAC policy set when the profile asks for it', () => {
    const plain = synth(aioSimplex({ name: 'plain' }));
    const rbac = synth(aioSimplex({ name: 'rbac', policies: ['enhanced-rbac'] }));
    expect(doc(plain, 'glance/glance-system-overrides.yaml').conf?.policy).toBeUndefined();
    expect(doc(rbac, 'glance/glance-system-overrides.yaml').conf.policy.add_image).toBe('rule:admin_or_projectmember_required');
    expect(doc(rbac, 'horizon/horizon-system-overrides.yaml').conf.horizon.policy.nova.owner).toBe('project_id:%(project_id)s');
  });
});

describe('per-host values come from the profile hosts, in a stable order', () => {
  it('groups workers with identical interfaces into one neutron host entry (S22)', () => {
    const stack = synth(standard(2, { name: 'two-workers' }));
    const hosts = doc(stack, 'neutron/neutron-system-overrides.yaml').conf.overrides['neutron_ovs-agent'].hosts;
    expect(hosts.map((h: Loose) => h.name)).toEqual([['worker-0', 'worker-1']]);
  });

  it('lists only provisioned compute hosts in nova hosts_uuids (S40)', () => {
    const stack = synth(
      standard(0, {
        name: 'provisioned',
        hosts: [controller(0, false), controller(1, false), worker(0, { provisioned: false, available: false }), worker(1)],
      }),
    );
    const uuids = doc(stack, 'nova/nova-system-overrides.yaml').hosts_uuids;
    expect(uuids.map((h: Loose) => h.name)).toEqual(['worker-1']);
  });
});

describe('static values shared between stacks', () => {
  // The platform stack and the deployments of the same images hold one static values object per
  // release: the writer renders it once and the credential scan reads it once.
  const staticDocument = (app: App, stack: string, release: string): unknown => {
    const file = app.node.findChild(stack).node.findChild(release).node.findChild('static') as YamlFile;
    return file.documents()[0];
  };

  test('the platform stack and a deployment of the default images: the same object; another registry: another object, the same release', () => {
    const app = buildApp({ profiles: [path.resolve(__dirname, '..', 'deployments', 'aio-sx.yaml')] });
    expect(staticDocument(app, 'starlingx-app', 'nova')).toBe(staticDocument(app, 'aio-sx', 'nova'));
    const refs = imageRefs(DEFAULT_IMAGE_BUILD);
    const nova = ALL_RELEASES.find((r) => r.name === 'nova')!;
    expect(staticValuesOf(nova, { ...refs })).toBe(staticDocument(app, 'aio-sx', 'nova'));
    const mirrored = staticValuesOf(nova, imageRefs({ ...DEFAULT_IMAGE_BUILD, registry: 'mirror.example.com:5000' }));
    expect(mirrored).not.toBe(staticValuesOf(nova, refs));
    expect(JSON.stringify(mirrored)).toContain('mirror.example.com:5000/');
  });
});
