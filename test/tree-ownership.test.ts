/**
 * The tree is ours alone, and only the part we were asked to write (issue 17, class 2), and fleet
 * facts that cannot all be true (class 5). File-system failures a test cannot cause as root
 * (a read-only folder, a full disk) are injected at the fs call they hit.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inventoryFiles, loadInventory, MAX_SITE_NAME, profileInputs, renderFleets } from '../lib/deployment/fleet';
import { completeInterruptedSwap, MARKER_FILE, replaceFolder, writeFiles } from '../lib/engine/output-folder';
import { RenderedStack, writeStacks } from '../lib/engine/synth';
import { toYamlFile } from '../lib/engine/yaml';
import { runSynth } from '../lib/commands/synth';
import { aioSimplex } from './support/profiles';

/** The fs module the code under test uses (a namespace import cannot be spied on). */
const realFs: typeof fs = jest.requireActual('fs');

const ROOT = path.resolve(__dirname, '..');
const DEPLOYMENTS = path.join(ROOT, 'deployments');
const profiles = profileInputs([DEPLOYMENTS]);

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-own-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const write = (rel: string, text: string) => {
  const file = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
};
const site = (name: string, extra = '') =>
  `  - { name: ${name}, extends: aio-sx-subcloud, system: { regionName: r-${name} }, network: { oam: { floatingAddress: 10.9.${name.length}.${name.charCodeAt(name.length - 1)} } }${extra} }\n`;

describe('inventory files and names', () => {
  test.each(['...yaml', '..yml', 'Upper.yaml', 'a_b.yaml'])(
    'an inventory file named %s is refused: its name is no fleet folder',
    (name) => {
      const file = write(`fleets/${name}`, `subclouds:\n${site('sc1')}`);
      expect(() => loadInventory(file, profiles)).toThrow(
        /the file name gives the fleet folder dist\/fleet\/.*\/ \(expected a lower-case DNS label/,
      );
    },
  );

  test('dotfiles of the fleets folder are not inventories (an editor backup, .hidden.yaml)', () => {
    write('fleets/.hidden.yaml', 'subclouds: []\n');
    write('fleets/.#east.yaml', 'garbage');
    write('fleets/east.yaml', `subclouds:\n${site('sc1')}`);
    expect(inventoryFiles(path.join(tmp, 'fleets')).map((f) => path.basename(f))).toStrictEqual(['east.yaml']);
  });

  test('a dotfile among the profiles is not a profile', () => {
    write('profiles/.aio-sx.yaml', JSON.stringify(aioSimplex({ name: 'shadow' })));
    expect(profileInputs([path.join(tmp, 'profiles')]).size).toBe(0);
  });

  test.each([
    ['two folders', 'A/same.yaml', 'B/same.yaml'],
    ['two extensions', 'A/same.yaml', 'A/same.json'],
  ])('two inventories with one base name (%s) are refused, naming both files', (_, one, two) => {
    const a = write(one, `subclouds:\n${site('sc1')}`);
    const b = write(
      two,
      JSON.stringify({
        subclouds: [
          { name: 'sc2', extends: 'aio-sx-subcloud', system: { regionName: 'r2' }, network: { oam: { floatingAddress: '10.9.9.9' } } },
        ],
      }),
    );
    const locations = one.split('/')[0] === two.split('/')[0] ? [path.join(tmp, 'A')] : [a, b];
    expect(() => renderFleets(locations, [DEPLOYMENTS])).toThrow(
      new RegExp(`fleet "same" is also the inventory .*same\\.(yaml|json); both would write dist/fleet/same/`),
    );
  });

  test.each(['aio-sx', 'standard', 'starlingx-app'])('a subcloud named like the stack %s is refused', (name) => {
    const file = write('fleets/east.yaml', `subclouds:\n${site(name)}`);
    expect(() => loadInventory(file, profiles)).toThrow(`subclouds[0].name: "${name}" is the name of a stack`);
  });

  test('one subcloud name in two fleets is refused (both would read credentials/<site>/)', () => {
    write('fleets/east.yaml', `subclouds:\n${site('sc1')}`);
    write('fleets/west.yaml', `subclouds:\n${site('sc1').replace('r-sc1', 'r-other')}`);
    expect(() => renderFleets([path.join(tmp, 'fleets')], [DEPLOYMENTS])).toThrow(
      /subcloud "sc1" is also a subcloud of .*east\.yaml; both would read credentials\/sc1\//,
    );
  });
});

describe('fleet facts that cannot all be true (class 5)', () => {
  const load = (text: string) => () => loadInventory(write('fleets/east.yaml', text), profiles);

  test('two subclouds in one region are refused, naming both', () => {
    expect(load(`subclouds:\n${site('sc1')}${site('sc2').replace('r-sc2', 'r-sc1')}`)).toThrow(
      'subclouds[1].system.regionName: subclouds "sc1" and "sc2" are both in region "r-sc1"',
    );
  });

  test('a subcloud in RegionOne, written or by default, is refused', () => {
    expect(load(`subclouds:\n${site('sc1').replace('r-sc1', 'RegionOne')}`)).toThrow(
      'subclouds[0].system.regionName: subcloud "sc1" is in RegionOne, the central cloud\'s region',
    );
    // aio-sx has no regionName: the default is RegionOne.
    expect(load('subclouds:\n  - { name: sc1, extends: aio-sx, network: { oam: { floatingAddress: 10.9.9.1 } } }\n')).toThrow(
      'is in RegionOne',
    );
  });

  test.each([
    ['the same text', '10.9.9.9', '10.9.9.9'],
    ['two spellings of one IPv6 address', 'fd00::1', 'fd00:0:0::0001'],
  ])('two subclouds on one OAM address (%s) are refused', (_, a, b) => {
    const text = `subclouds:\n${site('sc1').replace(/floatingAddress: [^ ]+/, `floatingAddress: "${a}"`)}${site('sc2').replace(/floatingAddress: [^ ]+/, `floatingAddress: "${b}"`)}`;
    expect(load(text)).toThrow(`subclouds[1].network.oam.floatingAddress: subclouds "sc1" and "sc2" both have the OAM address ${b}`);
  });

  test('a site name whose Flux Kustomization names exceed 63 characters is refused; the longest that fits is taken', () => {
    const long = 'a'.repeat(MAX_SITE_NAME + 1);
    expect(load(`subclouds:\n${site(long)}`)).toThrow(
      `subclouds[0].name: "${long}" has ${long.length} characters; its Flux Kustomization "${long}-credentials" would exceed the 63 characters of a label value`,
    );
    const fits = 'b'.repeat(MAX_SITE_NAME);
    expect(`${fits}-credentials`).toHaveLength(63);
    expect(load(`subclouds:\n${site(fits)}`)).not.toThrow();
  });
});

const gen = (o: object) => toYamlFile([o]);
const stack = (name: string): RenderedStack => ({
  name,
  files: new Map([
    ['kustomization.yaml', gen({ resources: [] })],
    ['x.yaml', gen({ x: 1 })],
  ]),
  releases: 0,
  notes: [],
});

describe('files added by hand inside our tree', () => {
  test.each([
    ['inside a stack folder', 'a/notes.txt'],
    ['inside a release folder of a stack', 'a/sub/extra.yaml'],
    ['inside an entry-point folder', 'clusters/a/my-kustomization.yaml'],
    ['at the root of the output folder', 'README.local'],
  ])('a file %s is refused, naming it, and the tree stays as it was', (_, rel) => {
    const target = path.join(tmp, 'dist');
    writeStacks(target, [stack('a'), stack('clusters/a')]);
    write(`dist/${rel}`, 'mine\n');
    expect(() => writeStacks(target, [stack('a'), stack('clusters/a')])).toThrow(
      `holds files this generator did not write (no generated-file header), which the synth would delete: ${path.join(target, rel)}`,
    );
    expect(fs.readFileSync(path.join(target, rel), 'utf8')).toBe('mine\n');
  });

  test('files we wrote and no longer write still go; kept folders (flux-system) are not asked about', () => {
    const target = path.join(tmp, 'dist');
    writeStacks(target, [stack('a'), stack('b')]);
    write('dist/a/flux-system/gotk.yaml', 'kind: X\n');
    // A README's header names the profile after the first sentence.
    write(
      'dist/a/README.md',
      '<!-- Generated by stx-openstack-gitops (npx cdk8s synth). Do not edit: change the profile deployments/a.yaml. -->\n# a\n',
    );
    writeStacks(target, [stack('a')], { keep: ['a/flux-system'] });
    expect(fs.existsSync(path.join(target, 'a/README.md'))).toBe(false);
    expect(fs.readdirSync(target).sort()).toStrictEqual([MARKER_FILE, 'a']);
    expect(fs.readFileSync(path.join(target, 'a/flux-system/gotk.yaml'), 'utf8')).toBe('kind: X\n');
  });
});

describe('the swap journal names only our own folders', () => {
  test.each([
    ['a sibling folder', (t: string) => ({ staging: path.join(t, 'precious'), previous: path.join(t, '.dist.old-1') })],
    [
      'a folder elsewhere with our prefix in its name',
      (t: string) => ({ staging: path.join(t, 'x', '.dist.new-1'), previous: path.join(t, '.dist.old-1') }),
    ],
    ['the bare prefix', (t: string) => ({ staging: path.join(t, '.dist.new-'), previous: path.join(t, '.dist.old-') })],
    ['no strings', () => ({ staging: 1, previous: null })],
  ])('a journal naming %s moves nothing into the target', (_, journal) => {
    write('precious/mine.txt', 'mine');
    write('x/.dist.new-1/mine.txt', 'mine');
    fs.mkdirSync(path.join(tmp, '.dist.new-'));
    fs.writeFileSync(path.join(tmp, '.dist.swap'), JSON.stringify(journal(tmp)));
    const done = completeInterruptedSwap(path.join(tmp, 'dist'));
    expect(done[0]).toMatch(/^ignored the swap journal .*\.dist\.swap: it names/);
    expect(fs.existsSync(path.join(tmp, 'dist'))).toBe(false);
    expect(fs.readFileSync(path.join(tmp, 'precious/mine.txt'), 'utf8')).toBe('mine');
    expect(fs.readFileSync(path.join(tmp, 'x/.dist.new-1/mine.txt'), 'utf8')).toBe('mine');
    expect(fs.existsSync(path.join(tmp, '.dist.swap'))).toBe(false);
  });
});

describe('a lock left by a synth that died while writing it', () => {
  const files = new Map([['a.yaml', 'a']]);
  test.each([
    ['empty', ''],
    ['garbled', '\u0000\u0000\u0000'],
    ['half a line', '12'],
  ])('an %s lock is taken over with a clear warning', (what, text) => {
    fs.writeFileSync(path.join(tmp, '.dist.lock'), text);
    const { warnings } = replaceFolder(path.join(tmp, 'dist'), writeFiles(files), { marker: 'm' });
    expect(warnings[0]).toMatch(new RegExp(`^took over the lock .*\\.dist\\.lock, which was ${what === 'empty' ? 'empty' : 'garbled'}`));
    expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
  });

  test('a full disk while writing the lock fails naming the lock, leaves no lock, and the next synth works', () => {
    const real = realFs.writeFileSync;
    const spy = jest.spyOn(realFs, 'writeFileSync').mockImplementation((file, data, options) => {
      if (String(file).includes('.dist.lock')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      real(file, data, options);
    });
    expect(() => replaceFolder(path.join(tmp, 'dist'), writeFiles(files), { marker: 'm' })).toThrow(
      /lock .*\.dist\.lock: cannot be written \(ENOSPC: no space left on device/,
    );
    expect(fs.readdirSync(tmp)).toStrictEqual([]);
    spy.mockRestore();
    replaceFolder(path.join(tmp, 'dist'), writeFiles(files), { marker: 'm' });
    expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
  });
});

describe('a read-only output folder (mode 555)', () => {
  /** What a non-root user gets: removing an entry of a folder without write permission fails. */
  function asNonRoot(): void {
    const real = realFs.rmSync;
    jest.spyOn(realFs, 'rmSync').mockImplementation((p, options) => {
      const check = (d: string) => {
        const stat = fs.lstatSync(d, { throwIfNoEntry: false });
        if (!stat?.isDirectory()) return;
        if ((stat.mode & 0o200) === 0 && fs.readdirSync(d).length > 0)
          throw Object.assign(new Error(`EACCES: permission denied, rmdir '${d}'`), { code: 'EACCES', path: d });
        for (const e of fs.readdirSync(d)) check(path.join(d, e));
      };
      if (options?.recursive) check(String(p));
      real(p, options);
    });
  }

  test('works on every later synth, and keeps its mode', () => {
    const target = path.join(tmp, 'dist');
    writeStacks(target, [stack('a')]);
    fs.chmodSync(target, 0o555);
    fs.chmodSync(path.join(target, 'a'), 0o555);
    asNonRoot();
    for (let i = 0; i < 2; i++) expect(writeStacks(target, [stack('a')])).toStrictEqual([]);
    expect(fs.statSync(target).mode & 0o777).toBe(0o555);
    expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
  });

  test('a previous tree left read-only by a killed run is removed by the next synth', () => {
    const target = path.join(tmp, 'dist');
    writeStacks(target, [stack('a')]);
    write('.dist.old-x/a/x.yaml', 'old');
    fs.chmodSync(path.join(tmp, '.dist.old-x', 'a'), 0o555);
    fs.chmodSync(path.join(tmp, '.dist.old-x'), 0o555);
    asNonRoot();
    const warnings = writeStacks(target, [stack('a')]);
    expect(warnings).toStrictEqual([`removed ${path.join(tmp, '.dist.old-x')}, left by an interrupted synth`]);
    expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
  });
});

describe('the cdk8s scratch folder', () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));

  test.each([
    ['a file', () => write('.cdk8s-out', 'x'), /\.cdk8s-out: the cdk8s scratch folder is a file, not a folder/],
    [
      'a folder of someone else',
      () => write('.cdk8s-out/notes.txt', 'x'),
      /\.cdk8s-out: the cdk8s scratch folder holds notes\.txt, which the synth did not write/,
    ],
    [
      'a symlinked summary',
      () => {
        fs.mkdirSync(path.join(tmp, '.cdk8s-out'));
        fs.symlinkSync('/etc/hostname', path.join(tmp, '.cdk8s-out', 'synth-summary.yaml'));
      },
      /synth-summary\.yaml: not a plain file/,
    ],
  ])('when .cdk8s-out is %s, nothing is written and the message says so truly', (_, make, expected) => {
    write('site.yaml', JSON.stringify(aioSimplex({ name: 'site' })));
    make();
    process.chdir(tmp);
    const result = runSynth({ profiles: [path.join(tmp, 'site.yaml')], fleets: [] });
    expect(result.code).toBe(1);
    expect(result.messages[0]).toMatch(expected);
    expect(result.messages[1]).toBe('nothing was written; dist is unchanged');
    expect(fs.existsSync(path.join(tmp, 'dist'))).toBe(false);
  });
});

describe('a failing disk at any point of a replace', () => {
  /** The fs calls of a replace that change the disk. */
  const MUTATIONS = [
    'writeFileSync',
    'linkSync',
    'copyFileSync',
    'renameSync',
    'mkdirSync',
    'mkdtempSync',
    'chmodSync',
    'rmSync',
    'cpSync',
  ] as const;
  const snapshot = (dir: string) =>
    fs.existsSync(dir)
      ? Object.fromEntries(
          fs
            .readdirSync(dir, { recursive: true, encoding: 'utf8' })
            .sort()
            .map((f) => [f, fs.statSync(path.join(dir, f)).isFile() ? fs.readFileSync(path.join(dir, f), 'utf8') : '/']),
        )
      : undefined;

  /** Runs `run` with the `fail`-th disk-changing fs call failing with `code`; returns how many calls it made. */
  function withFailure(fail: number, code: string, run: () => void): number {
    let calls = 0;
    for (const name of MUTATIONS) {
      const real = realFs[name] as (...args: unknown[]) => unknown;
      jest.spyOn(realFs, name).mockImplementation(((...args: unknown[]) => {
        if (calls++ === fail) throw Object.assign(new Error(`${code}: injected`), { code });
        return real(...args);
      }) as never);
    }
    try {
      run();
    } catch {
      // the failure under test
    } finally {
      jest.restoreAllMocks();
    }
    return calls;
  }

  test.each(['ENOSPC', 'EACCES', 'EIO'])('%s at every call leaves the old tree or the new one, and the next synth works', (code) => {
    const target = path.join(tmp, 'dist');
    const oldStacks = [stack('a'), stack('b')];
    const newStacks: RenderedStack[] = [
      {
        ...stack('a'),
        files: new Map([
          ['kustomization.yaml', gen({ resources: ['x.yaml'] })],
          ['x.yaml', gen({ x: 2 })],
        ]),
      },
    ];
    writeStacks(target, oldStacks);
    const before = snapshot(target);
    const total = withFailure(-1, code, () => writeStacks(target, newStacks));
    const after = snapshot(target);
    expect(total).toBeGreaterThan(5);
    for (let fail = 0; fail < total; fail++) {
      fs.rmSync(target, { recursive: true, force: true });
      writeStacks(target, oldStacks);
      withFailure(fail, code, () => writeStacks(target, newStacks));
      // Old or new tree; absent only when killed between the renames, which a failure is not.
      expect([before, after]).toContainEqual(snapshot(target));
      writeStacks(target, newStacks);
      expect(snapshot(target)).toStrictEqual(after);
      expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
    }
  });
});
