/**
 * The review commands on fleets and subclouds (issue 18 item 1), and review commands that say so
 * when they cannot read something (issue 17 class 6). Fixtures are copies of the committed
 * dist/fleet/sample/ (dist/ equals a fresh synth), changed file by file.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseYaml12 } from '../lib/engine/yaml';
import { materializeSite } from '../lib/engine/fleet';
import { diffStacks, diffValues, formatDiff, readStacks, runDiff } from '../lib/commands/diff';
import { stackImages } from '../lib/commands/images';
import { readTarget, readTargets, resolveTarget, resolveTargets } from '../lib/commands/targets';
import { formatValues, readStack, releaseValues, stackFromFiles, UnreadableTree } from '../lib/commands/values';
import { kubectlAvailable, readTree, validateSubcloud } from '../lib/validate/validate';
import { runBin } from './support/bin';

const ROOT = path.resolve(__dirname, '..');
const SAMPLE = path.join(ROOT, 'dist', 'fleet', 'sample');

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-review-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A fresh output root `<tmp>/<name>/` holding a copy of the sample fleet (and nothing else). */
function rootWithSample(name: string): { root: string; fleet: string } {
  const root = path.join(tmp, name);
  const fleet = path.join(root, 'fleet', 'sample');
  fs.mkdirSync(path.dirname(fleet), { recursive: true });
  fs.cpSync(SAMPLE, fleet, { recursive: true });
  return { root, fleet };
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file}: ${String(from)} not found`);
  fs.writeFileSync(file, next);
}

describe('a subcloud read as kustomize builds it', () => {
  const kubectl = kubectlAvailable();
  if (!kubectl) console.log('fleet-review: kubectl not installed here, so the comparison with kubectl kustomize is skipped');
  const build = (dir: string) =>
    (
      parseYaml12(execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }), dir) as Array<{
        kind: string;
        metadata: { name: string };
      }>
    ).sort((a, b) => `${a.kind}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.name}`));

  (kubectl ? it : it.skip)(
    'gives the objects of kubectl kustomize <fleet>/<site>: the same HelmReleases and the same values in their Secrets',
    () => {
      const fleet = readTree(SAMPLE);
      // subcloud3 has it all: its own values, a renamed credentials Secret (HelmRelease patches).
      for (const site of ['subcloud3']) {
        const objects = build(path.join(SAMPLE, site));
        // The standalone stack our reader rebuilds builds to exactly the overlay's objects.
        const standalone = path.join(tmp, `standalone-${site}`);
        for (const [file, text] of materializeSite(fleet, site)) {
          fs.mkdirSync(path.dirname(path.join(standalone, file)), { recursive: true });
          fs.writeFileSync(path.join(standalone, file), text);
        }
        expect(build(standalone)).toEqual(objects);
        // And what the review commands read of it is what kubectl built.
        const stack = readTarget(resolveTarget(`sample/${site}`, path.join(ROOT, 'dist')));
        const releases = objects.filter((o) => o.kind === 'HelmRelease') as unknown as Array<{ metadata: { name: string }; spec: unknown }>;
        expect(stack.releases.map((r) => r.name).sort()).toEqual(releases.map((r) => r.metadata.name).sort());
        for (const r of releases) expect(stack.releases.find((s) => s.name === r.metadata.name)?.spec).toEqual(r.spec);
        const secret = objects.find((o) => o.kind === 'Secret' && o.metadata.name === 'nova-system-overrides') as unknown as {
          data: Record<string, string>;
        };
        expect(Buffer.from(secret.data['nova-system-overrides.yaml'], 'base64').toString('utf8')).toBe(
          stack.files.get('nova/nova-system-overrides.yaml'),
        );
      }
    },
    60_000,
  );
});

describe('diff of a fleet change', () => {
  // The unchanged fleet, read once.
  let before: ReturnType<typeof readStacks>;
  beforeAll(() => {
    before = readStacks(rootWithSample('before').root);
  });

  it('names exactly the subcloud changed, the one added and the one removed', () => {
    const { root, fleet } = rootWithSample('after-sites');
    // nova's system values are an inline literal of the subcloud's kustomization.
    edit(
      path.join(fleet, 'subcloud2/kustomization.yaml'),
      /(nova-system-overrides\.yaml=[\s\S]*?region_name: )subcloud2\n/,
      '$1subcloud2-east\n',
    );
    fs.cpSync(path.join(fleet, 'subcloud1'), path.join(fleet, 'subcloud4'), { recursive: true });
    fs.rmSync(path.join(fleet, 'subcloud3'), { recursive: true });
    const diffs = diffStacks(before, readStacks(root));
    expect(diffs.map((d) => `${d.stack} ${d.kind} ${d.status}`)).toEqual([
      'sample/subcloud2 subcloud changed',
      'sample/subcloud3 subcloud removed',
      'sample/subcloud4 subcloud added',
    ]);
    expect(diffs[0].releases.map((r) => r.release)).toEqual(['nova']);
    expect(diffs[0].releases[0].leaves).toEqual([
      { path: expect.stringMatching(/region_name$/), kind: 'changed', old: 'subcloud2', new: 'subcloud2-east' },
    ]);
    const text = formatDiff(diffs, 'a', 'b');
    expect(text).toContain('## sample/subcloud3 (subcloud removed)\n  22 release(s) removed');
    expect(text).toMatch(/\n0 stack\(s\), 3 subcloud\(s\), \d+ release\(s\)/);
  });

  it('lists a change of the shared base once, and each subcloud as having only that', () => {
    const { root, fleet } = rootWithSample('after-base');
    const file = path.join(fleet, 'base/aio-sx-subcloud/nova/nova-static-overrides.yaml');
    fs.appendFileSync(file, 'review_probe: 1\n');
    const diffs = diffStacks(before, readStacks(root));
    expect(diffs.map((d) => `${d.stack} ${d.kind} ${d.sharedOnly ?? false}`)).toEqual([
      'sample shared false',
      'sample/subcloud1 subcloud true',
      'sample/subcloud2 subcloud true',
      'sample/subcloud3 subcloud true',
    ]);
    expect(diffs[0].releases).toEqual([
      { release: 'nova', status: 'changed', spec: [], leaves: [{ path: 'review_probe', kind: 'added', new: 1 }] },
    ]);
    expect(formatDiff(diffs, 'a', 'b').match(/review_probe/g)).toHaveLength(1);
  });

  it('refuses a tree it cannot interpret, with the reason', () => {
    const { root, fleet } = rootWithSample('after-broken');
    fs.rmSync(path.join(fleet, 'base/aio-sx-subcloud/nova'), { recursive: true });
    expect(() => readStacks(root)).toThrow(/sample\/subcloud1.*cannot build the overlay.*base\/aio-sx-subcloud\/nova/s);
    const odd = path.join(root, 'stray');
    fs.mkdirSync(odd);
    fs.writeFileSync(path.join(odd, 'notes.txt'), 'x');
    expect(() => readStacks(root)).toThrow(/stray: neither a stack .* cannot interpret it/);
  });
});

describe('every review command on a subcloud', () => {
  const dist = path.join(ROOT, 'dist');

  it('resolves <inventory>/<subcloud>, its folder and its unique name to the same subcloud, a fleet to all', () => {
    const names = ['sample/subcloud3', 'subcloud3', path.join(SAMPLE, 'subcloud3'), `${path.join(SAMPLE, 'subcloud3')}/`].map((a) =>
      resolveTarget(a, dist),
    );
    for (const t of names) expect(t).toMatchObject({ kind: 'subcloud', inventory: 'sample', site: 'subcloud3' });
    expect(resolveTargets('sample', dist).map((t) => t.name)).toEqual(['sample/subcloud1', 'sample/subcloud2', 'sample/subcloud3']);
    expect(resolveTarget('aio-sx', dist)).toMatchObject({ kind: 'stack', name: 'aio-sx' });
    expect(() => resolveTarget('subcloud9', dist)).toThrow(
      /no stack or subcloud "subcloud9" under .*did you mean "sample\/subcloud1" or "sample\/subcloud2" or "sample\/subcloud3"\? known: .*aio-sx, /,
    );
    expect(() => resolveTarget('aio-sxx', dist)).toThrow(/did you mean "aio-dx" or "aio-sx"\?/);
  });

  it('values and images read the subcloud own overlay: its region, its credentials Secret, its chart set', () => {
    const trees = readTargets(resolveTargets('sample', dist));
    const nova3 = releaseValues(trees.get('sample/subcloud3')!, 'nova');
    expect(JSON.stringify(nova3.values)).toContain('"region_name":"subcloud3"');
    // subcloud3's credentials Secret is renamed by its HelmRelease patch.
    expect(formatValues(nova3)).toContain('Secret subcloud3-credentials key helm-values.nova.yaml is not in the tree');
    expect(formatValues(releaseValues(trees.get('sample/subcloud1')!, 'nova'))).not.toContain('subcloud3-credentials');
    // subcloud2 turns aodh off.
    expect(trees.get('sample/subcloud2')!.releases.map((r) => r.name)).not.toContain('aodh');
    expect(trees.get('sample/subcloud1')!.releases.map((r) => r.name)).toContain('aodh');
    expect(stackImages(trees.get('sample/subcloud1')!).length).toBeGreaterThan(10);
  });

  it('validate checks one subcloud as its own stack, and finds a fault in it', () => {
    expect(validateSubcloud(SAMPLE, 'subcloud2', { kustomize: false }).problems).toEqual([]);
    const { fleet } = rootWithSample('validate-broken');
    edit(
      path.join(fleet, 'subcloud2/kustomization.yaml'),
      /(nova-system-overrides\.yaml=[\s\S]*?region_name: )subcloud2\n/,
      '$1[subcloud2\n',
    );
    const report = validateSubcloud(fleet, 'subcloud2', { kustomize: false });
    expect(report.stack).toBe('fleet/sample/subcloud2');
    expect(report.problems).toContainEqual(expect.stringContaining('fleet/sample/subcloud2/nova/'));
    expect(validateSubcloud(fleet, 'subcloud1', { kustomize: false }).problems).toEqual([]);
  });

  it('as processes: values of a subcloud prints its results; diff of an unknown name exits 2 with did-you-mean', () => {
    const run = (...args: string[]) => runBin(args);
    const values = run('values', 'subcloud3', 'keystone');
    expect(values.status).toBe(0);
    expect(values.stdout).toMatch(/^# effective values of keystone\n/);
    expect(values.stdout).toContain('subcloud3');
    const diff = run('diff', '--stack', 'aio-sxx');
    expect(diff.status).toBe(2);
    expect(diff.stderr).toMatch(/did you mean "aio-dx" or "aio-sx"\?/);
    expect(diff.stdout).not.toContain('no change');
  }, 90_000);

  it('diff --stack takes a subcloud, and an unknown one is an error, not "no change"', () => {
    const repo = path.join(tmp, 'repo');
    fs.mkdirSync(path.join(repo, 'dist', 'fleet'), { recursive: true });
    fs.cpSync(SAMPLE, path.join(repo, 'dist', 'fleet', 'sample'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'tree');
    edit(
      path.join(repo, 'dist/fleet/sample/subcloud1/kustomization.yaml'),
      /(nova-system-overrides\.yaml=[\s\S]*?region_name: )subcloud1\n/,
      '$1subcloud1b\n',
    );
    expect(runDiff({ cwd: repo, stack: 'subcloud1' })).toMatchObject({ code: 1, diffs: [{ stack: 'sample/subcloud1' }] });
    expect(runDiff({ cwd: repo, stack: 'sample/subcloud2' }).code).toBe(0);
    expect(() => runDiff({ cwd: repo, stack: 'subcloud' })).toThrow(/no stack or subcloud "subcloud".*did you mean/);
  });
});

describe('review commands say when they cannot read something (issue 17 class 6)', () => {
  const STACK: Record<string, string> = {
    'kustomization.yaml': 'resources: [app]\n',
    'app/kustomization.yaml':
      'resources: [helmrelease.yaml]\nsecretGenerator:\n  - name: app-values\n    files: [app-values.yaml]\ngeneratorOptions: {disableNameSuffixHash: true}\n',
    'app/app-values.yaml': 'a: 1\n',
    'app/helmrelease.yaml':
      'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: app}\nspec:\n  chart: {spec: {chart: app, sourceRef: {kind: HelmRepository, name: r}}}\n  valuesFrom:\n    - {kind: Secret, name: app-values, valuesKey: app-values.yaml}\n',
  };
  const write = (name: string, files: Record<string, string>) => {
    const dir = path.join(tmp, name);
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    return dir;
  };

  it('reads the small stack (the cases below differ from it by one file)', () => {
    expect(releaseValues(readStack(write('good', STACK)), 'app').values).toEqual({ a: 1 });
  });

  it('a values file over 1 MiB is an error naming it, not left out', () => {
    const dir = write('big', { ...STACK, 'app/app-values.yaml': `a: "${'x'.repeat(1024 * 1024)}"\n` });
    expect(() => readStack(dir)).toThrow(UnreadableTree);
    expect(() => readStack(dir)).toThrow(/app\/app-values\.yaml: 104858\d bytes/);
  });

  it('a values file that is a symlink out of the tree is an error, not "created out of band"', () => {
    const dir = write('symlink', STACK);
    const outside = path.join(tmp, 'outside-values.yaml');
    fs.writeFileSync(outside, 'a: 2\n');
    fs.rmSync(path.join(dir, 'app/app-values.yaml'));
    fs.symlinkSync(outside, path.join(dir, 'app/app-values.yaml'));
    expect(() => readStack(dir)).toThrow(/app\/app-values\.yaml: symlink leaves the tree/);
  });

  it('a values file the generator lists but the tree lacks, or a key the generated Secret lacks, is an error', () => {
    const missing = { ...STACK };
    delete missing['app/app-values.yaml'];
    expect(() => releaseValues(readStack(write('missing', missing)), 'app')).toThrow(
      /app\/app-values\.yaml is listed by the Secret generator app-values but is not in the tree/,
    );
    const wrongKey = {
      ...STACK,
      'app/helmrelease.yaml': STACK['app/helmrelease.yaml'].replace('valuesKey: app-values.yaml', 'valuesKey: values.yaml'),
    };
    expect(() => releaseValues(readStack(write('wrong-key', wrongKey)), 'app')).toThrow(
      /the Secret app-values generated in this folder has no key values\.yaml \(keys: app-values\.yaml\)/,
    );
  });

  it('a resource that does not parse is an error, not a stack without that release', () => {
    expect(() => readStack(write('bad-yaml', { ...STACK, 'app/helmrelease.yaml': 'kind: HelmRelease\n  bad: [\n' }))).toThrow(
      /app\/helmrelease\.yaml: does not parse/,
    );
  });

  it('a __proto__ key of a values file is a value like any other: shown by values, seen by diff', () => {
    const withProto = { ...STACK, 'app/app-values.yaml': 'a: 1\n__proto__: {polluted: true}\n' };
    const before = releaseValues(stackFromFiles(new Map(Object.entries(STACK))), 'app');
    const after = releaseValues(stackFromFiles(new Map(Object.entries(withProto))), 'app');
    expect(Object.keys(after.values)).toEqual(['a', '__proto__']);
    expect(Object.getPrototypeOf(after.values)).toBe(Object.prototype);
    expect(formatValues(after)).toContain('__proto__:\n  polluted: true');
    expect(diffValues(before.values, after.values)).toEqual([{ path: '__proto__.polluted', kind: 'added', new: true }]);
    const diffs = diffStacks(
      new Map([['s', stackFromFiles(new Map(Object.entries(STACK)))]]),
      new Map([['s', stackFromFiles(new Map(Object.entries(withProto)))]]),
    );
    expect(formatDiff(diffs, 'a', 'b')).toContain('  + __proto__.polluted: true');
  });
});
