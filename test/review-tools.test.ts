/**
 * The review tools (issue 10): effective values, values diff, images, stack README.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { effectiveValues, formatValues, readStack, releaseValues, targetValue, treeReleases } from '../lib/commands/values';
import { parseSetPath } from '../lib/engine/json';
import { diffStacks, formatDiff, runDiff } from '../lib/commands/diff';
import { mirrorCommands, stackImages } from '../lib/commands/images';
import { stackFromFiles } from '../lib/commands/values';
import { DEFAULT_IMAGE_BUILD, IMAGE_NAMES, imageParts, imageRefs } from '../overrides/images';
import { aioSimplex } from './support/profiles';
import { renderDeployment } from './support/synth';
import { checkStack } from '../lib/validate/tree-check';
import { checkYamlReadings } from '../lib/validate/validate';
import { REFERENCE_MANIFESTS, referencePresent } from './support/reference';

/** A folder with the given files (relative path to text). */
function writeTree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-tools-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** A small hand-written stack: one release, every kind of valuesFrom entry. */
const SMALL_TREE: Record<string, string> = {
  'kustomization.yaml': 'resources:\n  - app\n',
  'app/kustomization.yaml': [
    'namespace: demo',
    'resources: [helmrelease.yaml]',
    'secretGenerator:',
    '  - name: app-static-overrides',
    '    files: [app-static-overrides.yaml]',
    '  - name: app-system-overrides',
    '    files: [app-system-overrides.yaml]',
    '  - name: app-user-overrides',
    '    files: [app-user-overrides.yaml]',
    '  - name: app-bits',
    '    files: [host=host.txt, port=port.txt, item=item.txt]',
    'generatorOptions: {disableNameSuffixHash: true}',
    '',
  ].join('\n'),
  'app/app-static-overrides.yaml': '# header\n---\na:\n  b: 1\n  list: [x, y]\n  keep: k\nconf:\n  dotted.key: {v: 1}\nnulls: {gone: 1}\n',
  'app/app-system-overrides.yaml': '---\na:\n  b: 2\n  list: [z]\nnulls: {gone: null}\n',
  'app/app-user-overrides.yaml': 'a: {b: 3}\n',
  'app/host.txt': '10.0.0.1,x',
  'app/port.txt': '8080',
  'app/item.txt': 'w',
  'app/helmrelease.yaml': [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '  name: app',
    '  annotations: {stx-openstack-gitops.io/external-secrets: creds}',
    'spec:',
    '  chart: {spec: {chart: app, version: 1.0.0, sourceRef: {kind: HelmRepository, name: repo}}}',
    '  valuesFrom:',
    '    - {kind: Secret, name: app-static-overrides, valuesKey: app-static-overrides.yaml}',
    '    - {kind: Secret, name: app-system-overrides, valuesKey: app-system-overrides.yaml}',
    '    - {kind: Secret, name: creds, valuesKey: db, targetPath: conf.db.password, literal: true}',
    '    - {kind: Secret, name: app-bits, valuesKey: host, targetPath: "servers[1].host", literal: true}',
    '    - {kind: Secret, name: app-bits, valuesKey: port, targetPath: "conf.dotted\\\\.key.port"}',
    '    - {kind: Secret, name: app-bits, valuesKey: item, targetPath: "a.list[3]"}',
    '    - {kind: Secret, name: app-user-overrides, valuesKey: app-user-overrides.yaml}',
    '  values:',
    '    a: {keep: null}',
    '',
  ].join('\n'),
};

describe('effective values (npm run values)', () => {
  const dir = writeTree(SMALL_TREE);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('equals the hand-computed merge: files in order, targetPath with list index, escaped dot, literal, then spec.values', () => {
    const ev = releaseValues(readStack(dir), 'app');
    expect(ev.values).toEqual({
      a: { b: 3, list: ['z', null, null, 'w'], keep: null },
      conf: { 'dotted.key': { v: 1, port: 8080 }, db: { password: '<secret:creds/db>' } },
      nulls: { gone: null },
      servers: [null, { host: '10.0.0.1,x' }],
    });
    expect(ev.notes).toEqual([]);
  });

  it('names the layer and the file of every leaf', () => {
    const ev = releaseValues(readStack(dir), 'app');
    const src = Object.fromEntries([...ev.sources].map(([leaf, s]) => [leaf, `${s.layer} ${s.file}`]));
    expect(src).toEqual({
      'a.b': 'user app/app-user-overrides.yaml',
      'a.list[0]': 'system app/app-system-overrides.yaml',
      'a.list[1]': 'system app/app-system-overrides.yaml',
      'a.list[2]': 'system app/app-system-overrides.yaml',
      'a.list[3]': 'file app/item.txt',
      'a.keep': 'values app/helmrelease.yaml (spec.values)',
      'conf.dotted\\.key.v': 'static app/app-static-overrides.yaml',
      'conf.dotted\\.key.port': 'file app/port.txt',
      'conf.db.password': 'credential secret creds/db',
      'nulls.gone': 'system app/app-system-overrides.yaml',
      'servers[0]': 'file app/host.txt',
      'servers[1].host': 'file app/host.txt',
    });
    expect(formatValues(ev, { source: true })).toContain('conf.db.password = "<secret:creds/db>"  # credential secret creds/db');
    expect(JSON.parse(formatValues(ev, { json: true, source: true })).sources['a.b']).toEqual({
      layer: 'user',
      file: 'app/app-user-overrides.yaml',
    });
  });

  it('parses Helm --set paths: dots, list indexes, escaped . , = [', () => {
    expect(parseSetPath('a.b[0][2].c')).toEqual([{ key: 'a' }, { key: 'b' }, { index: 0 }, { index: 2 }, { key: 'c' }]);
    expect(parseSetPath('conf.paste\\.ini.x\\,y\\=z\\[0\\]')).toEqual([{ key: 'conf' }, { key: 'paste.ini' }, { key: 'x,y=z[0]' }]);
    expect(() => parseSetPath('a..b')).toThrow(/empty key/);
    expect(() => parseSetPath('a[x]')).toThrow(/not a non-negative integer/);
    expect(() => parseSetPath('[0]')).toThrow(/index without a key/);
  });

  it('types a non-literal value as helm --set does, and keeps a literal one as text', () => {
    expect([
      targetValue('8080', false),
      targetValue('true', false),
      targetValue('0777', false),
      targetValue('"8080"', false),
      targetValue('a,b', false),
    ]).toEqual([8080, true, '0777', '8080', 'a']);
    expect(targetValue('a,b=c', true)).toBe('a,b=c');
  });

  it('says when a whole values file comes from a Secret the tree does not hold', () => {
    const files = new Map(Object.entries(SMALL_TREE));
    files.set(
      'app/helmrelease.yaml',
      SMALL_TREE['app/helmrelease.yaml'].replace(
        'name: creds, valuesKey: db, targetPath: conf.db.password, literal: true',
        'name: creds, valuesKey: values.yaml',
      ),
    );
    const ev = effectiveValues(files, treeReleases(files)[0]);
    expect(ev.notes).toEqual([
      'valuesFrom[2]: Secret creds key values.yaml is not in the tree (created out of band): its values are not shown',
    ]);
  });

  (referencePresent() ? it : it.skip)('runs on the StarlingX reference tree (not generated by us)', () => {
    const stack = readStack(REFERENCE_MANIFESTS);
    expect(stack.releases).toHaveLength(29);
    const nova = releaseValues(stack, 'nova');
    expect((nova.values.images as { tags: Record<string, string> }).tags.nova_api).toMatch(/^docker\.io\/starlingx\/stx-nova:/);
    expect(new Set([...nova.sources.values()].map((s) => s.file))).toEqual(new Set(['nova/nova-static-overrides.yaml']));
  });
});

describe('image list (npm run images)', () => {
  const registry = 'mirror.example:5000';
  const stack = renderDeployment(aioSimplex({ name: 'mirrored', images: { registry } }));
  const images = stackImages(stackFromFiles(stack.files));
  const build = { ...DEFAULT_IMAGE_BUILD, registry };
  const table = imageRefs(build);

  it('lists every image of the table the stack pulls, each once, sorted, through the registry', () => {
    // What a grep of the written files finds (a full reference, or a chart's `repository:` field)...
    const texts = [...stack.files.values()];
    const named = IMAGE_NAMES.filter((name) =>
      texts.some((t) => t.includes(table[name]) || t.includes(`repository: ${imageParts(name, build).repository}\n`)),
    );
    // ...less the one image that the system values set to null (host ceph: clients' rook helper):
    // Helm drops a null key, so it is written but never pulled.
    const nulled = table.cephConfigHelperJammy;
    expect(texts.some((t) => t.includes(`rook_ceph_config_helper: ${nulled}`))).toBe(true);
    const expected = [...new Set(named.map((n) => table[n]))].filter((ref) => ref !== nulled).sort();
    expect(images).toEqual(expected);
    expect(images).toHaveLength(25);
    for (const image of images) expect(image.startsWith(`${registry}/`)).toBe(true);
  });

  it('prints skopeo copy lines from the upstream image to the mirror', () => {
    const lines = mirrorCommands(images, 'airgap.local:5000');
    expect(lines).toHaveLength(images.length);
    expect(lines).toContain(
      'skopeo copy --all docker://docker.io/starlingx/stx-nova:master-debian-trixie-amd64-stable-latest docker://airgap.local:5000/docker.io/starlingx/stx-nova:master-debian-trixie-amd64-stable-latest',
    );
  });

  (referencePresent() ? it : it.skip)('finds the whole image table in the reference tree', () => {
    const reference = stackImages(readStack(REFERENCE_MANIFESTS));
    expect(reference).toHaveLength(new Set(Object.values(imageRefs(DEFAULT_IMAGE_BUILD))).size);
  });
});

describe('values diff (npm run diff)', () => {
  const before = renderDeployment(aioSimplex({ name: 'lab' }));

  it('shows a one-line profile change as exactly the leaves it moves', () => {
    // given the same profile but for one field (the OAM floating address)
    const after = renderDeployment(
      aioSimplex({ name: 'lab', network: { ...aioSimplex().network, oam: { floatingAddress: '10.10.10.9' } } }),
    );
    const diffs = diffStacks(new Map([['lab', stackFromFiles(before.files)]]), new Map([['lab', stackFromFiles(after.files)]]));
    // then the changed leaves are exactly those whose value held the old address, now the new one
    const changed = diffs.flatMap((s) =>
      s.releases.flatMap((r) =>
        r.leaves.map((l) => `${r.release} ${l.kind} ${l.path}: ${JSON.stringify(l.old)} → ${JSON.stringify(l.new)}`),
      ),
    );
    expect(changed).toEqual([
      'nova changed conf.nova.vnc.novncproxy_base_url: "http://10.10.10.2:30680/vnc_auto.html" → "http://10.10.10.9:30680/vnc_auto.html"',
    ]);
    expect(diffs.flatMap((s) => s.releases.flatMap((r) => r.spec))).toEqual([]);
    expect(formatDiff(diffs, 'a', 'b')).toContain(
      '  ~ conf.nova.vnc.novncproxy_base_url: "http://10.10.10.2:30680/vnc_auto.html" → "http://10.10.10.9:30680/vnc_auto.html"',
    );
  });

  it('reports the enabled set and chart versions as spec changes', () => {
    const after = renderDeployment(aioSimplex({ name: 'lab', charts: { enabled: { barbican: true }, versions: { nova: '0.3.50' } } }));
    const diffs = diffStacks(new Map([['lab', stackFromFiles(before.files)]]), new Map([['lab', stackFromFiles(after.files)]]));
    const spec = diffs.flatMap((s) => s.releases.filter((r) => r.spec.length > 0).map((r) => `${r.release}: ${r.spec.join('; ')}`));
    expect(spec).toEqual(
      expect.arrayContaining(['barbican: release added (chart version 2026.1.0)', 'nova: chart version: 2026.1.0 → 0.3.50']),
    );
  });

  it('says that disabling a release makes prune uninstall it', () => {
    const after = renderDeployment(aioSimplex({ name: 'lab', charts: { enabled: { horizon: false } } }));
    const diffs = diffStacks(new Map([['lab', stackFromFiles(before.files)]]), new Map([['lab', stackFromFiles(after.files)]]));
    const heat = diffs.flatMap((s) => s.releases).find((r) => r.release === 'horizon')!;
    expect(heat.status).toBe('removed');
    expect(heat.spec).toEqual([
      "release removed: the stack's Flux Kustomization prunes the HelmRelease and helm-controller uninstalls Helm release osh-openstack-horizon (what Helm made goes; PVCs of StatefulSets stay)",
    ]);
  });

  it('compares the working tree with a git revision; exit 1 on change, 0 without', () => {
    const repo = writeTree(Object.fromEntries(Object.entries(SMALL_TREE).map(([f, t]) => [`dist/demo/${f}`, t])));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'tree');
    expect(runDiff({ cwd: repo }).code).toBe(0);
    fs.writeFileSync(path.join(repo, 'dist/demo/app/app-user-overrides.yaml'), 'a: {b: 4}\n');
    const result = runDiff({ cwd: repo, rev: 'HEAD' });
    expect(result.code).toBe(1);
    expect(result.text).toContain('## demo\n### app\n  ~ a.b: 3 → 4\n');
    expect(() => runDiff({ cwd: repo, rev: 'no-such-rev' })).toThrow(/not a git revision/);
    fs.rmSync(repo, { recursive: true, force: true });
  });
});

describe('stack README (dist/<stack>/README.md)', () => {
  const stack = renderDeployment(aioSimplex({ name: 'lab', description: 'A lab', charts: { enabled: { garbd: true } } }));
  const readme = stack.files.get('README.md')!;

  it('says what the stack is, lists every release with why a disabled one is off, and draws the dependsOn graph', () => {
    expect(readme).toContain('# lab\n\nA lab\n');
    expect(readme).toContain('| system | aio simplex, region RegionOne |');
    expect(readme).toContain('| storage | host ceph, StorageClass `general` |');
    expect(readme).toMatch(/\| nova \| nova \| `2026\.1\.0` \| yes \| placement \| `stx-openstack-credentials` \(\d+ values\) \|/);
    expect(readme).toContain('| garbd | garbd | — | no: it needs at least 2 hosts labelled openstack-control-plane | — | — |');
    expect(readme).toContain('| barbican | barbican | — | no: off by default (`charts.enabled.barbican: true` enables it) | — | — |');
    expect(readme).toContain('```mermaid\ngraph LR\n');
    expect(readme).toContain('  nova[nova] --> placement[placement]\n');
    expect(readme).toContain('  ceilometer[ceilometer] --> nova[nova]\n  ceilometer[ceilometer] --> neutron[neutron]\n');
  });

  it('is accepted by validate: not a kustomize resource, not read as YAML', () => {
    expect(checkStack(stack.files)).toEqual([]);
    expect(checkYamlReadings(stack.files)).toEqual([]);
  });
});
