import { parse, parseAllDocuments } from 'yaml';
import { applyJsonPatch, composeSite, FLEET_BASE_DIR, FLEET_RESERVED, FleetBase, fleetSites, jsonPatch, materializeSite, PatchOp, SiteStack } from '../../lib/engine/fleet';
import { Json } from '../../lib/engine/json';
import { toYamlFile } from '../../lib/engine/yaml';

/**
 * Small stacks built here (a top kustomization, a non-release folder, release folders of a
 * HelmRelease and its values Secrets, a namespace folder), composed as sites over a base and
 * rebuilt by materializeSite: the oracle is that the rebuilt stack has the site's objects.
 */

type Files = Map<string, string>;
const y = (...docs: unknown[]) => toYamlFile(docs);

interface ReleaseSpec {
  values?: Record<string, string>;
  /** HelmRelease spec fields. */
  spec?: Record<string, Json>;
  labels?: boolean;
  kustomization?: Record<string, Json>;
  namespace?: string;
}

function release(files: Files, name: string, r: ReleaseSpec = {}): void {
  const values = r.values ?? { [`${name}-static-overrides.yaml`]: y({ image: 'a' }), [`${name}-system-overrides.yaml`]: y({ replicas: 1 }) };
  const secrets = Object.keys(values).map((f) => f.replace(/\.yaml$/, ''));
  files.set(
    `${name}/kustomization.yaml`,
    y({
      namespace: r.namespace ?? 'openstack',
      resources: ['helmrelease.yaml'],
      secretGenerator: secrets.map((s) => ({ name: s, files: [`${s}.yaml`] })),
      generatorOptions: { disableNameSuffixHash: true, ...(r.labels === false ? {} : { labels: { 'reconcile.fluxcd.io/watch': 'Enabled' } }) },
      ...r.kustomization,
    }),
  );
  files.set(
    `${name}/helmrelease.yaml`,
    y({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name, namespace: 'openstack' },
      spec: { releaseName: name, chart: { spec: { chart: name } }, valuesFrom: secrets.map((s) => ({ kind: 'Secret', name: s, valuesKey: `${s}.yaml` })), ...r.spec },
    }),
  );
  for (const [f, t] of Object.entries(values)) files.set(`${name}/${f}`, t);
}

/** A stack: top kustomization, base/ (no generators), namespace/, and releases a and b unless given. */
function stack(edit: (files: Files) => void = () => {}, releases: Record<string, ReleaseSpec> = { a: {}, b: {} }): Files {
  const files: Files = new Map();
  files.set('base/kustomization.yaml', y({ resources: ['repository.yaml'] }));
  files.set('base/repository.yaml', y({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'HelmRepository', metadata: { name: 'starlingx' }, spec: { url: 'http://x' } }));
  files.set('namespace/kustomization.yaml', y({ resources: ['namespace.yaml'] }));
  files.set('namespace/namespace.yaml', y({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'openstack' } }));
  for (const [name, r] of Object.entries(releases)) release(files, name, r);
  files.set('kustomization.yaml', y({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', namespace: 'openstack', resources: ['base', ...Object.keys(releases)] }));
  edit(files);
  return files;
}

const BASE_DIR = `${FLEET_BASE_DIR}/main`;
const baseOf = (files: Files) => new FleetBase(BASE_DIR, files);
const siteStack = (site: string, files: Files, extra: Partial<SiteStack> = {}): SiteStack => ({ site, paths: [...files.keys()], text: (f) => files.get(f)!, ...extra });

/** The fleet folder of one base and its composed sites. */
function fleet(base: FleetBase, sites: Record<string, Files>): Files {
  const out = base.fleetFiles();
  for (const [site, files] of Object.entries(sites)) for (const [f, t] of composeSite(base, siteStack(site, files)).files) out.set(f, t);
  return out;
}

/** The objects of a file: YAML documents (header comments and key order aside), else the text. */
const objects = (text: string) => {
  const docs = parseAllDocuments(text);
  return docs.every((d) => d.errors.length === 0) ? docs.map((d) => d.toJS()) : text;
};

/** The site's standalone stack and the stack rebuilt from the fleet hold the same objects. */
function expectRoundTrip(base: Files, site: Files): Files {
  const folder = fleet(baseOf(base), { s: site });
  const rebuilt = materializeSite(folder, 's');
  expect([...rebuilt.keys()].sort()).toEqual([...site.keys()].sort());
  for (const [f, t] of site) expect([f, objects(rebuilt.get(f)!)]).toStrictEqual([f, objects(t)]);
  return folder;
}

const topOf = (files: Files, site = 's') => parse(files.get(`${site}/kustomization.yaml`)!) as Record<string, Json> & { resources: string[]; secretGenerator?: Array<Record<string, Json>>; patches?: Array<Record<string, Json>> };

describe('jsonPatch and applyJsonPatch', () => {
  test('no operations between equal documents', () => {
    expect(jsonPatch({ a: [1, { b: null }], c: 'x' }, { c: 'x', a: [1, { b: null }] })).toEqual([]);
  });

  test('mappings key by key, equal-length lists item by item, anything else replaced whole', () => {
    const from: Json = { keep: 1, gone: 2, change: { deep: 'x', same: true }, list: [1, 2], grow: [1], kind: { a: 1 } };
    const to: Json = { keep: 1, change: { deep: 'y', same: true }, list: [1, 3], grow: [1, 2], kind: [1], added: { n: null } };
    expect(jsonPatch(from, to)).toEqual([
      { op: 'remove', path: '/gone' },
      { op: 'replace', path: '/change/deep', value: 'y' },
      { op: 'replace', path: '/list/1', value: 3 },
      { op: 'replace', path: '/grow', value: [1, 2] },
      { op: 'replace', path: '/kind', value: [1] },
      { op: 'add', path: '/added', value: { n: null } },
    ]);
    expect(applyJsonPatch(from, jsonPatch(from, to))).toEqual(to);
  });

  test('keys with ~ and / are escaped as RFC 6901 says, and read back', () => {
    const from: Json = { 'a/b': { '~c': 1, '~1': 2 } };
    const to: Json = { 'a/b': { '~c': 9, '~1': 2, '/': 3 } };
    const ops = jsonPatch(from, to);
    expect(ops).toEqual([
      { op: 'replace', path: '/a~1b/~0c', value: 9 },
      { op: 'add', path: '/a~1b/~1', value: 3 },
    ]);
    expect(applyJsonPatch(from, ops)).toEqual(to);
  });

  test('a scalar document differs as a whole', () => {
    expect(jsonPatch(1, 2)).toEqual([{ op: 'replace', path: '', value: 2 }]);
    expect(jsonPatch('x', 'x')).toEqual([]);
  });

  // toEqual, not toStrictEqual, on patched documents: structuredClone makes objects of another realm.
  test('lists: add at an index or at the end (-), remove, replace', () => {
    const doc: Json = { l: ['a', 'b', 'c'] };
    const ops: PatchOp[] = [
      { op: 'add', path: '/l/1', value: 'x' },
      { op: 'add', path: '/l/-', value: 'end' },
      { op: 'remove', path: '/l/0' },
      { op: 'replace', path: '/l/2', value: 'C' },
    ];
    expect(applyJsonPatch(doc, ops)).toEqual({ l: ['x', 'b', 'C', 'end'] });
    expect(doc).toStrictEqual({ l: ['a', 'b', 'c'] });
  });

  test('mappings: add, replace and remove a key, in a list item too', () => {
    const doc: Json = { m: [{ k: 1 }] };
    expect(applyJsonPatch(doc, [{ op: 'add', path: '/m/0/j', value: 2 }, { op: 'replace', path: '/m/0/k', value: 3 }])).toEqual({ m: [{ k: 3, j: 2 }] });
    expect(applyJsonPatch(doc, [{ op: 'remove', path: '/m/0/k' }])).toEqual({ m: [{}] });
  });

  test('errors name the operation and the path', () => {
    expect(() => applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '', value: 2 }])).toThrow('patch replace : the whole document cannot be patched');
    expect(() => applyJsonPatch({ a: { b: 1 } }, [{ op: 'add', path: '/x/b', value: 2 }])).toThrow('patch add /x/b: x does not exist');
    expect(() => applyJsonPatch({ l: [1] }, [{ op: 'add', path: '/l/3/b', value: 2 }])).toThrow('patch add /l/3/b: 3 does not exist');
    expect(() => applyJsonPatch({ a: 'text' }, [{ op: 'remove', path: '/a/b/c' }])).toThrow('patch remove /a/b/c: b does not exist');
    expect(() => applyJsonPatch({ a: 'text' }, [{ op: 'remove', path: '/a/b' }])).toThrow('patch remove /a/b: the parent is not a mapping or list');
  });

  test('a path through a falsy value (0, empty string, false, null member) still reaches it', () => {
    expect(applyJsonPatch({ l: [{ a: 0 }] }, [{ op: 'replace', path: '/l/0/a', value: 1 }])).toEqual({ l: [{ a: 1 }] });
    expect(() => applyJsonPatch({ a: 0 }, [{ op: 'add', path: '/a/b', value: 1 }])).toThrow('the parent is not a mapping or list');
    expect(() => applyJsonPatch({ a: null }, [{ op: 'add', path: '/a/b', value: 1 }])).toThrow('the parent is not a mapping or list');
  });
});

describe('fleetSites', () => {
  test('the top-level folders with a kustomization, reserved names aside, sorted', () => {
    const files = new Map(
      ['z/kustomization.yaml', 'a/kustomization.yaml', 'a/x/kustomization.yaml', 'm/other.yaml', 'n/sub/kustomization.yaml', 'kustomization.yaml', ...FLEET_RESERVED.map((r) => `${r}/kustomization.yaml`)].map((f) => [f, '']),
    );
    expect(fleetSites(files)).toEqual(['a', 'z']);
  });
});

describe('FleetBase', () => {
  test('a folder of its files, the fleet paths of its files, and one mapping per YAML file', () => {
    const files = stack();
    const base = baseOf(files);
    expect([...base.folder('a').keys()].sort()).toEqual(['a-static-overrides.yaml', 'a-system-overrides.yaml', 'helmrelease.yaml', 'kustomization.yaml']);
    expect(base.folder('a')).toBe(base.folder('a'));
    expect(base.folder('nothing').size).toBe(0);
    expect([...base.fleetFiles()]).toEqual([...files].map(([f, t]) => [`${BASE_DIR}/${f}`, t]));
    expect(base.doc('a/helmrelease.yaml')).toMatchObject({ kind: 'HelmRelease', metadata: { name: 'a' } });
    expect(base.doc('a/helmrelease.yaml')).toBe(base.doc('a/helmrelease.yaml'));
  });

  test('a file that is not one mapping is an error naming it in the fleet folder', () => {
    const base = new FleetBase(BASE_DIR, new Map([['a.yaml', '- 1\n'], ['b.yaml', 'a: 1\n---\nb: 2\n'], ['c.yaml', '---\n---\nc: 1\n']]));
    expect(() => base.doc('a.yaml')).toThrow(`${BASE_DIR}/a.yaml: expected one mapping`);
    expect(() => base.doc('b.yaml')).toThrow(`${BASE_DIR}/b.yaml: expected one mapping`);
    expect(() => base.doc('missing.yaml')).toThrow(`${BASE_DIR}/missing.yaml: expected one mapping`);
    // Empty documents do not count.
    expect(base.doc('c.yaml')).toStrictEqual({ c: 1 });
  });
});

describe('composeSite', () => {
  test('a site equal to the base lists the base folders only', () => {
    const files = stack();
    const composed = composeSite(baseOf(files), siteStack('s', files));
    expect([...composed.files.keys()]).toEqual(['s/kustomization.yaml']);
    const top = topOf(composed.files);
    expect(top.resources).toEqual(['base', 'a', 'b'].map((f) => `../${BASE_DIR}/${f}`));
    expect(top.secretGenerator).toBeUndefined();
    expect(top.patches).toBeUndefined();
    // The top's other fields are kept, in order.
    expect(Object.keys(top)).toEqual(['apiVersion', 'kind', 'namespace', 'resources']);
    expect(composed.namespaceDir).toBe(`${BASE_DIR}/namespace`);
    expectRoundTrip(files, files);
  });

  test('a changed values file replaces the base Secret inline, with the folder generator options', () => {
    const base = stack();
    const text = y({ replicas: 3, note: 'multi\nline' });
    const site = stack((f) => f.set('a/a-system-overrides.yaml', text));
    const folder = expectRoundTrip(base, site);
    const top = topOf(folder);
    expect(top.resources).toEqual(['base', 'a', 'b'].map((f) => `../${BASE_DIR}/${f}`));
    expect(top.secretGenerator).toEqual([
      { name: 'a-system-overrides', behavior: 'replace', literals: [`a-system-overrides.yaml=${text}`], options: { disableNameSuffixHash: true, labels: { 'reconcile.fluxcd.io/watch': 'Enabled' } } },
    ]);
    expect(top.patches).toBeUndefined();
    expect([...folder.keys()].filter((f) => f.startsWith('s/'))).toEqual(['s/kustomization.yaml']);
  });

  test('without generator options in the folder, the entry has none', () => {
    const noOptions = (files: Files) => {
      const k = parse(files.get('a/kustomization.yaml')!);
      delete k.generatorOptions;
      files.set('a/kustomization.yaml', y(k));
    };
    const base = stack(noOptions);
    const site = stack((f) => (noOptions(f), f.set('a/a-static-overrides.yaml', y({ image: 'b' }))));
    const top = topOf(expectRoundTrip(base, site));
    expect(top.secretGenerator).toEqual([{ name: 'a-static-overrides', behavior: 'replace', literals: [`a-static-overrides.yaml=${y({ image: 'b' })}`] }]);
  });

  test('a changed HelmRelease is a JSON 6902 patch of it', () => {
    const base = stack();
    const site = stack(undefined, { a: { spec: { suspend: true, releaseName: 'renamed' } }, b: {} });
    const top = topOf(expectRoundTrip(base, site));
    expect(top.secretGenerator).toBeUndefined();
    expect(top.patches).toHaveLength(1);
    const patch = top.patches![0];
    expect(patch.target).toEqual({ group: 'helm.toolkit.fluxcd.io', version: 'v2', kind: 'HelmRelease', name: 'a' });
    expect(parse(patch.patch as string)).toEqual([
      { op: 'replace', path: '/spec/releaseName', value: 'renamed' },
      { op: 'add', path: '/spec/suspend', value: true },
    ]);
  });

  test('a core API object (apiVersion without a group) is patched with an empty group', () => {
    const cm = (data: string) => y({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { k: data } });
    const withCm = (data: string) => (files: Files) => {
      const k = parse(files.get('a/kustomization.yaml')!);
      files.set('a/kustomization.yaml', y({ ...k, resources: ['helmrelease.yaml', 'cm.yaml'] }));
      files.set('a/cm.yaml', cm(data));
    };
    const top = topOf(expectRoundTrip(stack(withCm('x')), stack(withCm('y'))));
    expect(top.patches).toEqual([{ target: { group: '', version: 'v1', kind: 'ConfigMap', name: 'cm' }, patch: expect.any(String) }]);
  });

  test('a values file the base lacks is a new Secret generated at the top, without behavior', () => {
    const base = stack();
    const extra = y({ debug: true });
    const site = stack(undefined, { a: { values: { 'a-static-overrides.yaml': y({ image: 'a' }), 'a-system-overrides.yaml': y({ replicas: 1 }), 'a-user-overrides.yaml': extra } }, b: {} });
    const top = topOf(expectRoundTrip(base, site));
    expect(top.secretGenerator).toEqual([{ name: 'a-user-overrides', literals: [`a-user-overrides.yaml=${extra}`], options: { disableNameSuffixHash: true, labels: { 'reconcile.fluxcd.io/watch': 'Enabled' } } }]);
    expect(top.patches).toHaveLength(1);
  });

  test('a new Secret in a folder with labels of its own, or another namespace than the top, makes the folder the site own', () => {
    const values = { 'a-static-overrides.yaml': y({ image: 'a' }), 'a-system-overrides.yaml': y({ replicas: 1 }), 'a-user-overrides.yaml': y({ debug: true }) };
    for (const [baseRelease, siteRelease] of [
      [{ kustomization: { labels: [{ pairs: { x: 'y' } }] } }, { values, kustomization: { labels: [{ pairs: { x: 'y' } }] } }],
      [{ kustomization: { commonLabels: { x: 'y' } } }, { values, kustomization: { commonLabels: { x: 'y' } } }],
      [{ namespace: 'other' }, { values, namespace: 'other' }],
    ] as Array<[ReleaseSpec, ReleaseSpec]>) {
      const folder = expectRoundTrip(stack(undefined, { a: baseRelease, b: {} }), stack(undefined, { a: siteRelease, b: {} }));
      expect(topOf(folder).resources).toEqual([`../${BASE_DIR}/base`, 'a', `../${BASE_DIR}/b`]);
      expect(folder.has('s/a/a-user-overrides.yaml')).toBe(true);
    }
  });

  test('labels of a folder are fine for a replaced Secret (kustomize keeps the base labels)', () => {
    const r = { kustomization: { commonLabels: { x: 'y' } } };
    const site = stack((f) => f.set('a/a-system-overrides.yaml', y({ replicas: 2 })), { a: r, b: {} });
    const top = topOf(expectRoundTrip(stack(undefined, { a: r, b: {} }), site));
    expect(top.resources).toEqual(['base', 'a', 'b'].map((f) => `../${BASE_DIR}/${f}`));
    expect(top.secretGenerator).toHaveLength(1);
  });

  test('a folder the overlay cannot express is the site own copy', () => {
    const cases: Array<[string, (f: Files) => void, Record<string, ReleaseSpec>?]> = [
      ['a value that kustomize would unquote', (f) => f.set('a/a-system-overrides.yaml', '"quoted"')],
      ['a single-quoted value', (f) => f.set('a/a-system-overrides.yaml', "'quoted'")],
      ['another kustomization field', () => {}, { a: { kustomization: { nameSuffix: '-x' } }, b: {} }],
      ['another namespace in the folder', () => {}, { a: { namespace: 'other' }, b: {} }],
      ['different generator options', () => {}, { a: { labels: false }, b: {} }],
      ['a generator the base has, gone', () => {}, { a: { values: { 'a-static-overrides.yaml': y({ image: 'a' }) } }, b: {} }],
      ['generators in another order', () => {}, { a: { values: { 'a-system-overrides.yaml': y({ replicas: 1 }), 'a-static-overrides.yaml': y({ image: 'a' }) } }, b: {} }],
      ['another file in the folder', (f) => f.set('a/notes.txt', 'x')],
      ['a resource file the base lacks', (f) => {
        const k = parse(f.get('a/kustomization.yaml')!);
        f.set('a/kustomization.yaml', y({ ...k, resources: ['helmrelease.yaml', 'extra.yaml'] }));
        f.set('a/extra.yaml', y({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }));
      }],
      ['a renamed HelmRelease', (f) => f.set('a/helmrelease.yaml', f.get('a/helmrelease.yaml')!.replace('name: a\n', 'name: a2\n'))],
      ['a HelmRelease in another namespace', (f) => f.set('a/helmrelease.yaml', f.get('a/helmrelease.yaml')!.replace('namespace: openstack', 'namespace: other'))],
      ['a HelmRelease of another API version', (f) => f.set('a/helmrelease.yaml', f.get('a/helmrelease.yaml')!.replace('/v2', '/v2beta2'))],
      ['another kind', (f) => f.set('a/helmrelease.yaml', f.get('a/helmrelease.yaml')!.replace('kind: HelmRelease', 'kind: HelmChart'))],
    ];
    for (const [what, edit, releases] of cases) {
      const site = stack(edit, releases);
      const folder = expectRoundTrip(stack(), site);
      const top = topOf(folder);
      expect([what, top.resources]).toEqual([what, [`../${BASE_DIR}/base`, 'a', `../${BASE_DIR}/b`]]);
      expect([what, top.secretGenerator, top.patches]).toEqual([what, undefined, undefined]);
      expect([what, [...folder.keys()].filter((f) => f.startsWith('s/a/')).sort()]).toEqual([what, [...site.keys()].filter((f) => f.startsWith('a/')).map((f) => `s/${f}`).sort()]);
    }
  });

  test('generators the overlay cannot replace: literals, several or odd file names', () => {
    const withGenerator = (g: Record<string, Json>) => (f: Files) => {
      const k = parse(f.get('a/kustomization.yaml')!);
      f.set('a/kustomization.yaml', y({ ...k, secretGenerator: [...k.secretGenerator, g] }));
    };
    const odd: Array<Record<string, Json>> = [{ name: 'lit', literals: ['k=v'] }, { name: 'nofiles' }, { name: 'renamed', files: ['key=a-system-overrides.yaml'] }, { name: 'sub', files: ['sub/x.yaml'] }];
    for (const g of odd) {
      const make = () => stack(withGenerator(g));
      const folder = expectRoundTrip(make(), stack((f) => (withGenerator(g)(f), f.set('a/a-system-overrides.yaml', y({ replicas: 5 })))));
      expect([g.name, topOf(folder).resources[1]]).toEqual([g.name, 'a']);
    }
  });

  test('a release folder with a non-release file that differs is the site own', () => {
    const withReadme = (text: string) => (f: Files) => f.set('a/README.md', text);
    const folder = fleet(baseOf(stack(withReadme('x'))), { s: stack(withReadme('y')) });
    expect(topOf(folder).resources[1]).toBe('a');
    // Equal, it is shared.
    expect(topOf(fleet(baseOf(stack(withReadme('x'))), { s: stack(withReadme('x')) })).resources[1]).toBe(`../${BASE_DIR}/a`);
  });

  test('a release the base lacks and a non-release folder that differs are the site own', () => {
    const site = stack((f) => f.set('base/repository.yaml', y({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'HelmRepository', metadata: { name: 'starlingx' }, spec: { url: 'http://y' } })), { a: {}, b: {}, c: {} });
    const folder = expectRoundTrip(stack(), site);
    expect(topOf(folder).resources).toEqual(['base', `../${BASE_DIR}/a`, `../${BASE_DIR}/b`, 'c']);
    expect(folder.get('s/base/repository.yaml')).toBe(site.get('base/repository.yaml'));
  });

  test('a namespace folder that differs is the site own', () => {
    const site = stack((f) => f.set('namespace/namespace.yaml', y({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'openstack', labels: { a: 'b' } } })));
    const composed = composeSite(baseOf(stack()), siteStack('s', site));
    expect(composed.namespaceDir).toBe('s/namespace');
    expect(composed.files.get('s/namespace/namespace.yaml')).toBe(site.get('namespace/namespace.yaml'));
  });

  test('no namespace folder: none in the result', () => {
    const noNamespace = (f: Files) => {
      f.delete('namespace/kustomization.yaml');
      f.delete('namespace/namespace.yaml');
    };
    expect(composeSite(baseOf(stack(noNamespace)), siteStack('s', stack(noNamespace))).namespaceDir).toBeUndefined();
    // The base has one, the site not.
    expect(composeSite(baseOf(stack()), siteStack('s', stack(noNamespace))).namespaceDir).toBeUndefined();
  });

  test('a namespace folder the base lacks is the site own', () => {
    const noNamespace = (f: Files) => {
      f.delete('namespace/kustomization.yaml');
      f.delete('namespace/namespace.yaml');
    };
    const composed = composeSite(baseOf(stack(noNamespace)), siteStack('s', stack()));
    expect(composed.namespaceDir).toBe('s/namespace');
    expect([...composed.files.keys()].sort()).toEqual(['s/kustomization.yaml', 's/namespace/kustomization.yaml', 's/namespace/namespace.yaml']);
  });

  test('folders the caller names as same are the base without their texts', () => {
    const files = stack();
    const asked: string[] = [];
    const paths = [...files.keys()].filter((f) => !f.startsWith('a/') && !f.startsWith('namespace/'));
    const composed = composeSite(baseOf(files), { site: 's', paths, text: (f) => (asked.push(f), files.get(f)!), same: new Set(['a', 'namespace']) });
    expect(topOf(composed.files).resources).toEqual(['base', 'a', 'b'].map((f) => `../${BASE_DIR}/${f}`));
    expect(composed.namespaceDir).toBe(`${BASE_DIR}/namespace`);
    expect(asked.filter((f) => f.startsWith('a/'))).toEqual([]);
  });

  test('each text is asked for once at most, and equal non-release folders need no parse', () => {
    const files = stack();
    const asked: string[] = [];
    composeSite(baseOf(files), siteStack('s', files, { text: (f) => (asked.push(f), files.get(f)!) }));
    expect(asked.length).toBe(new Set(asked).size);
  });

  test('the documents the caller has are used instead of the text', () => {
    const files = stack();
    const site = stack((f) => f.set('a/a-system-overrides.yaml', y({ replicas: 2 })));
    const asked: string[] = [];
    const documents = (f: string) => (f.endsWith('.yaml') && !f.includes('overrides') ? parseAllDocuments(site.get(f)!).map((d) => d.toJS()) : undefined);
    composeSite(baseOf(files), siteStack('s', site, { text: (f) => (asked.push(f), site.get(f)!), documents }));
    // Release folders and the top are read as objects; other folders are compared as texts.
    expect(asked.filter((f) => /^((a|b)\/(kustomization|helmrelease)\.yaml|kustomization\.yaml)$/.test(f))).toEqual([]);
    // Documents that are not one mapping are read from the text instead.
    const odd = composeSite(baseOf(files), siteStack('s', site, { documents: (f) => (f === 'kustomization.yaml' ? [] : f === 'a/kustomization.yaml' ? [1] : undefined) }));
    expect(topOf(odd.files).secretGenerator).toHaveLength(1);
  });

  test('errors: a reserved site name, a resource that is no folder, a file no kustomization reads', () => {
    const files = stack();
    for (const name of FLEET_RESERVED) expect(() => composeSite(baseOf(files), siteStack(name, files))).toThrow(`site "${name}": the name is reserved in a fleet folder (${FLEET_RESERVED.join(', ')})`);
    const noFolder = stack((f) => f.set('kustomization.yaml', f.get('kustomization.yaml')!.replace('- b\n', '- b\n  - missing\n')));
    expect(() => composeSite(baseOf(files), siteStack('s', noFolder))).toThrow('site "s": resource missing is not a folder with a kustomization');
    const stray = stack((f) => (f.set('stray.yaml', 'x: 1\n'), f.set('README.md', '# s'), f.set('bb/x.yaml', '')));
    expect(() => composeSite(baseOf(files), siteStack('s', stray))).toThrow('site "s": stray.yaml, README.md, bb/x.yaml: not read by any kustomization (omit it or list it)');
    expect(() => composeSite(baseOf(files), siteStack('s', stray, { omit: ['stray.yaml', 'README.md', 'bb/x.yaml'] }))).not.toThrow();
    expect(() => composeSite(baseOf(files), siteStack('s', stack((f) => f.set('kustomization.yaml', '- 1\n'))))).toThrow('s/kustomization.yaml: expected one mapping');
  });

  test('a trailing slash on a resource names the same folder; a top without resources has none', () => {
    const slash = stack((f) => f.set('kustomization.yaml', f.get('kustomization.yaml')!.replace('- a\n', '- a/\n')));
    expect(topOf(composeSite(baseOf(stack()), siteStack('s', slash)).files).resources).toEqual(['base', 'a', 'b'].map((f) => `../${BASE_DIR}/${f}`));
    const none = new Map([['kustomization.yaml', y({ namespace: 'x' })]]);
    expect(topOf(composeSite(baseOf(stack()), siteStack('s', none)).files)).toEqual({ namespace: 'x' });
  });

  test('a folder with fewer files than the base one is the site own, even when the files it has are equal', () => {
    const base = stack((f) => f.set('base/notes.txt', 'n'));
    const folder = expectRoundTrip(base, stack());
    expect(topOf(folder).resources[0]).toBe('base');
  });

  test('a values text of one quote character, or with unmatched quotes, is still a literal', () => {
    for (const text of ['"', "'", `"x'`, `'x"`, 'x"', '"x']) {
      const folder = expectRoundTrip(stack(), stack((f) => f.set('a/a-system-overrides.yaml', text)));
      expect([text, topOf(folder).resources[1], topOf(folder).secretGenerator]).toEqual([text, `../${BASE_DIR}/a`, [expect.objectContaining({ literals: [`a-system-overrides.yaml=${text}`] })]]);
    }
  });

  test('a site top of its own secretGenerator and patches: they are not carried into the composed top', () => {
    const site = stack((f) => {
      const top = parse(f.get('kustomization.yaml')!);
      f.set('kustomization.yaml', y({ ...top, secretGenerator: [], patches: [] }));
    });
    const top = topOf(composeSite(baseOf(stack()), siteStack('s', site)).files);
    expect(Object.keys(top)).toEqual(['apiVersion', 'kind', 'namespace', 'resources']);
  });

  test('sites differing from the base in several ways at once round-trip', () => {
    const site = stack(
      (f) => {
        f.set('a/a-static-overrides.yaml', y({ image: 'z' }));
        f.set('b/b-system-overrides.yaml', y({ replicas: 7 }));
      },
      { a: { spec: { timeout: '10m' } }, b: { spec: { suspend: false } }, c: {} },
    );
    const folder = expectRoundTrip(stack(), site);
    const top = topOf(folder);
    expect(top.secretGenerator!.map((g) => g.name)).toEqual(['a-static-overrides', 'b-system-overrides']);
    expect(top.patches!.map((p) => (p.target as Record<string, Json>).name)).toEqual(['a', 'b']);
  });
});

describe('materializeSite', () => {
  const base = stack();

  test('errors name the site kustomization and what is missing', () => {
    const folder = fleet(baseOf(base), { s: stack((f) => f.set('a/a-system-overrides.yaml', y({ r: 2 }))) });
    const edit = (change: (top: Record<string, Json>) => void) => {
      const out = new Map(folder);
      const top = parse(out.get('s/kustomization.yaml')!);
      change(top);
      out.set('s/kustomization.yaml', y(top));
      return out;
    };
    expect(() => materializeSite(edit((t) => ((t.resources as string[])[1] = '../base/main/zz')), 's')).toThrow('s/kustomization.yaml: resource ../base/main/zz: no kustomization.yaml there');
    expect(() => materializeSite(edit((t) => (t.patches = [{ target: { kind: 'HelmRelease', name: 'zz' }, patch: '[]' }])), 's')).toThrow('s/kustomization.yaml: patch of HelmRelease/zz: no such object among its resources');
    expect(() => materializeSite(edit((t) => (t.patches = [{ patch: '[]' }])), 's')).toThrow('s/kustomization.yaml: patch of undefined/undefined: no such object among its resources');
    expect(() => materializeSite(edit((t) => (t.secretGenerator = [{ name: 'zz', behavior: 'replace', literals: ['f=x'] }])), 's')).toThrow('s/kustomization.yaml: secretGenerator zz (replace): no such Secret among its resources');
    expect(() => materializeSite(edit((t) => (t.secretGenerator = [{ name: 'zz', behavior: 'merge', literals: ['f=x'] }])), 's')).toThrow('s/kustomization.yaml: secretGenerator zz (merge): no such Secret among its resources');
    expect(() => materializeSite(edit((t) => (t.secretGenerator = [{ name: 'zz', literals: ['f=x'] }])), 's')).toThrow('s/kustomization.yaml: secretGenerator zz: no HelmRelease among its resources reads it');
    expect(() => materializeSite(edit((t) => (t.secretGenerator = [{ name: 'a-system-overrides', behavior: 'replace', literals: ['=x'] }])), 's')).toThrow('literal "=x": expected key=value');
    expect(() => materializeSite(edit((t) => (t.secretGenerator = [{ name: 'a-system-overrides', behavior: 'replace', literals: ['no-equals'.repeat(10)] }])), 's')).toThrow(`literal ${JSON.stringify('no-equals'.repeat(10).slice(0, 40))}: expected key=value`);
    expect(() => materializeSite(new Map(), 's')).toThrow('s/kustomization.yaml: expected one mapping');
  });

  test('a merge generator writes its files over the base as replace does', () => {
    const folder = fleet(baseOf(base), {});
    folder.set('s/kustomization.yaml', y({ resources: [`../${BASE_DIR}/a`], secretGenerator: [{ name: 'a-system-overrides', behavior: 'merge', literals: ['a-system-overrides.yaml=x: 1\n'] }] }));
    expect(materializeSite(folder, 's').get('a/a-system-overrides.yaml')).toBe('x: 1\n');
  });

  test('literals: split at the first =, one pair of surrounding quotes removed', () => {
    const folder = fleet(baseOf(base), {});
    const literals = ['a-system-overrides.yaml="q=1"', "a-static-overrides.yaml='s'"];
    folder.set('s/kustomization.yaml', y({ resources: [`../${BASE_DIR}/a`], secretGenerator: [{ name: 'a-system-overrides', behavior: 'replace', literals }] }));
    const out = materializeSite(folder, 's');
    expect(out.get('a/a-system-overrides.yaml')).toBe('q=1');
    expect(out.get('a/a-static-overrides.yaml')).toBe('s');
    for (const [value, read] of [['"', '"'], ['"x', '"x'], ['x"', 'x"'], [`"x'`, `"x'`], ['""', ''], ['', '']]) {
      folder.set('s/kustomization.yaml', y({ resources: [`../${BASE_DIR}/a`], secretGenerator: [{ name: 'a-system-overrides', behavior: 'replace', literals: [`a-system-overrides.yaml=${value}`] }] }));
      expect([value, materializeSite(folder, 's').get('a/a-system-overrides.yaml')]).toEqual([value, read]);
    }
  });

  test('a site of own folders only is copied as it is; the base namespace comes with a base folder', () => {
    const folder = fleet(baseOf(base), {});
    folder.set('s/kustomization.yaml', y({ resources: ['own/'] }));
    folder.set('s/own/kustomization.yaml', y({ resources: [] }));
    const out = materializeSite(folder, 's');
    expect([...out.keys()].sort()).toEqual(['kustomization.yaml', 'own/kustomization.yaml']);
    expect(parse(out.get('kustomization.yaml')!)).toEqual({ resources: ['own'] });
    folder.set('s/kustomization.yaml', y({ resources: ['own', `../${BASE_DIR}/b`] }));
    expect([...materializeSite(folder, 's').keys()].sort()).toEqual(['b/b-static-overrides.yaml', 'b/b-system-overrides.yaml', 'b/helmrelease.yaml', 'b/kustomization.yaml', 'kustomization.yaml', 'namespace/kustomization.yaml', 'namespace/namespace.yaml', 'own/kustomization.yaml']);
  });

  test('an own namespace folder wins over the base one', () => {
    const folder = fleet(baseOf(base), {});
    folder.set('s/kustomization.yaml', y({ resources: [`../${BASE_DIR}/b`] }));
    folder.set('s/namespace/kustomization.yaml', 'own');
    expect(materializeSite(folder, 's').get('namespace/kustomization.yaml')).toBe('own');
  });

  test('only the files that changed are rewritten; the others are the base texts byte for byte', () => {
    const site = stack((f) => f.set('a/a-system-overrides.yaml', y({ r: 2 })), { a: {}, b: { spec: { suspend: true } } });
    const out = materializeSite(fleet(baseOf(base), { s: site }), 's');
    for (const f of ['a/helmrelease.yaml', 'a/kustomization.yaml', 'b/kustomization.yaml', 'base/repository.yaml', 'a/a-system-overrides.yaml']) expect([f, out.get(f)]).toEqual([f, site.get(f)]);
  });
});
