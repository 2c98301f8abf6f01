/**
 * The output folder is the operator's: a synth replaces only a folder it wrote, follows a
 * symlinked target, keeps folder modes, finishes or undoes a swap that a killed run left, and lets
 * one writer in at a time.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { completeInterruptedSwap, MARKER_FILE, replaceFolder, writeFiles } from '../lib/engine/output-folder';
import { RenderedStack, writeStacks } from '../lib/engine/synth';
import { runSynth } from '../lib/commands/synth';
import { aioSimplex } from './support/profiles';
import { toYamlFile } from '../lib/engine/yaml';
import { validateProfile } from '../lib/deployment/app';

const FILES = new Map([
  ['one/kustomization.yaml', toYamlFile([{ resources: [] }])],
  ['one/a.yaml', 'a: 1\n'],
]);
const stack = (name: string, text = toYamlFile([{ x: 1 }])): RenderedStack => ({
  name,
  files: new Map([
    ['kustomization.yaml', toYamlFile([{ resources: [] }])],
    ['x.yaml', text],
  ]),
  releases: 0,
  notes: [],
});

/** Every file below `dir`, relative, with its text. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

describe('the output folder', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-out-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('a new folder gets the tree and the marker, and nothing is left beside it', () => {
    const target = path.join(tmp, 'dist');
    replaceFolder(target, writeFiles(FILES), { marker: 'gen 1\n' });
    expect(tree(target)).toStrictEqual({
      [MARKER_FILE]: 'gen 1\n',
      'one/a.yaml': 'a: 1\n',
      'one/kustomization.yaml': FILES.get('one/kustomization.yaml'),
    });
    expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
  });

  test.each([
    ['a folder with a .git', (d: string) => fs.mkdirSync(path.join(d, '.git'), { recursive: true }), '.git'],
    ['a folder with a hand-written file', (d: string) => fs.writeFileSync(path.join(d, 'notes.txt'), 'mine'), 'notes.txt'],
    [
      'a folder with a stack that has no generated header',
      (d: string) => {
        fs.mkdirSync(path.join(d, 'stack'));
        fs.writeFileSync(path.join(d, 'stack', 'kustomization.yaml'), 'resources: []\n');
      },
      'stack',
    ],
  ])('fails when the target is %s not written by us, and leaves it untouched', (_, fill, shown) => {
    const target = path.join(tmp, 'work');
    fs.mkdirSync(target);
    fill(target);
    const before = tree(target);
    expect(() => replaceFolder(target, writeFiles(FILES), { marker: 'm' })).toThrow(
      new RegExp(
        `output folder .*work: not written by this generator \\(no ${MARKER_FILE} marker\\) and not empty \\(it holds .*${shown.replace('.', '\\.')}`,
      ),
    );
    expect(tree(target)).toStrictEqual(before);
    expect(fs.readdirSync(tmp)).toStrictEqual(['work']);
  });

  test('fails when the target is a file', () => {
    const target = path.join(tmp, 'dist');
    fs.writeFileSync(target, 'precious');
    expect(() => replaceFolder(target, writeFiles(FILES), { marker: 'm' })).toThrow(/it is a file, not a folder/);
    expect(fs.readFileSync(target, 'utf8')).toBe('precious');
  });

  test('accepts a tree an earlier version wrote (generated headers, no marker)', () => {
    const target = path.join(tmp, 'dist');
    fs.mkdirSync(path.join(target, 'old'), { recursive: true });
    fs.writeFileSync(path.join(target, 'old', 'kustomization.yaml'), toYamlFile([{ resources: [] }]));
    replaceFolder(target, writeFiles(FILES), { marker: 'm' });
    expect(Object.keys(tree(target)).sort()).toStrictEqual([MARKER_FILE, 'one/a.yaml', 'one/kustomization.yaml']);
  });

  test('follows a symlinked target: the link stays, the tree lands where it points', () => {
    const real = path.join(tmp, 'real');
    fs.mkdirSync(real);
    const link = path.join(tmp, 'dist');
    fs.symlinkSync(real, link);
    const result = replaceFolder(link, writeFiles(FILES), { marker: 'm' });
    expect(result.target).toBe(real);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(real, 'one', 'a.yaml'), 'utf8')).toBe('a: 1\n');
    expect(fs.readdirSync(tmp).sort()).toStrictEqual(['dist', 'real']);
  });

  test.each([0o755, 0o750])('keeps the folder mode %o', (mode) => {
    const target = path.join(tmp, 'dist');
    fs.mkdirSync(target);
    fs.chmodSync(target, mode);
    replaceFolder(target, writeFiles(FILES), { marker: 'm' });
    expect(fs.statSync(target).mode & 0o777).toBe(mode);
  });

  test('a new folder gets the mode of the umask, not mkdtemp 700', () => {
    const target = path.join(tmp, 'dist');
    replaceFolder(target, writeFiles(FILES), { marker: 'm' });
    expect(fs.statSync(target).mode & 0o777).toBe(0o777 & ~process.umask());
  });

  describe('a run killed during the swap', () => {
    const target = () => path.join(tmp, 'dist');
    const staging = () => path.join(tmp, '.dist.new-abc');
    const previous = () => path.join(tmp, '.dist.old-abc');
    const journal = (t: string) =>
      fs.writeFileSync(path.join(tmp, '.dist.swap'), JSON.stringify({ staging: staging(), previous: previous() }), 'utf8') ?? t;

    test('between the two renames: the next run completes the swap with the new tree', () => {
      fs.mkdirSync(staging());
      fs.writeFileSync(path.join(staging(), 'new.yaml'), 'new');
      fs.mkdirSync(previous());
      journal('');
      const done = completeInterruptedSwap(target());
      expect(fs.readFileSync(path.join(target(), 'new.yaml'), 'utf8')).toBe('new');
      expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
      expect(done[0]).toMatch(/completed the swap of .*dist/);
    });

    test('before the first rename: the old tree stays and the staging folder goes', () => {
      fs.mkdirSync(target());
      fs.writeFileSync(path.join(target(), 'old.yaml'), 'old');
      fs.mkdirSync(staging());
      journal('');
      completeInterruptedSwap(target());
      expect(tree(target())).toStrictEqual({ 'old.yaml': 'old' });
      expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
    });

    test('when the staging folder is gone: the previous tree is put back', () => {
      fs.mkdirSync(previous());
      fs.writeFileSync(path.join(previous(), 'old.yaml'), 'old');
      journal('');
      completeInterruptedSwap(target());
      expect(tree(target())).toStrictEqual({ 'old.yaml': 'old' });
    });

    test('a synth starts by cleaning what killed runs left, and git ignores those folders', () => {
      fs.mkdirSync(path.join(tmp, '.dist.new-1'));
      fs.mkdirSync(path.join(tmp, '.dist.old-2'));
      fs.mkdirSync(path.join(tmp, '.other.new-3'));
      const warnings = replaceFolder(target(), writeFiles(FILES), { marker: 'm' }).warnings;
      expect(fs.readdirSync(tmp).sort()).toStrictEqual(['.other.new-3', 'dist']);
      expect(warnings).toHaveLength(2);
      const ignore = fs.readFileSync(path.resolve(__dirname, '..', '.gitignore'), 'utf8').split('\n');
      expect(ignore).toEqual(expect.arrayContaining(['.*.new-*/', '.*.old-*/', '.*.spare/', '.*.swap', '.*.lock']));
    });
  });

  describe('two synths at once', () => {
    test('the second fails fast, naming the holder', async () => {
      const child = spawn('sleep', ['30']);
      try {
        fs.writeFileSync(path.join(tmp, '.dist.lock'), `${child.pid} ${os.hostname()} 2026-01-01T00:00:00Z\n`);
        expect(() => replaceFolder(path.join(tmp, 'dist'), writeFiles(FILES), { marker: 'm' })).toThrow(
          new RegExp(`another synth is writing it \\(lock .*\\.dist\\.lock: pid ${child.pid} on `),
        );
        expect(fs.existsSync(path.join(tmp, 'dist'))).toBe(false);
      } finally {
        child.kill();
      }
    });

    test('a lock left by a dead process is taken over and removed after', () => {
      fs.writeFileSync(path.join(tmp, '.dist.lock'), `999999999 ${os.hostname()} 2026-01-01T00:00:00Z\n`);
      replaceFolder(path.join(tmp, 'dist'), writeFiles(FILES), { marker: 'm' });
      expect(fs.readdirSync(tmp)).toStrictEqual(['dist']);
    });
  });

  test('a synth of some stacks keeps the other stacks as they were', () => {
    const target = path.join(tmp, 'dist');
    writeStacks(target, [stack('a'), stack('b')]);
    writeStacks(target, [stack('a', toYamlFile([{ x: 2 }]))], { onlyThese: true });
    expect(fs.readFileSync(path.join(target, 'a', 'x.yaml'), 'utf8')).toBe(toYamlFile([{ x: 2 }]));
    expect(fs.readFileSync(path.join(target, 'b', 'x.yaml'), 'utf8')).toBe(toYamlFile([{ x: 1 }]));
    writeStacks(target, [stack('a')]);
    expect(fs.existsSync(path.join(target, 'b'))).toBe(false);
  });
});

describe('synth refuses plaintext credentials', () => {
  test('fails when user values hold a password, naming the file, the field and the fix', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-cred-'));
    try {
      const profile = aioSimplex({
        name: 'leaky',
        userOverrides: { nova: { conf: { nova: { DEFAULT: { my_password: 'hunter2hunter2' } } } } },
      });
      fs.writeFileSync(path.join(tmp, 'leaky.yaml'), JSON.stringify(profile));
      const out = path.join(tmp, 'dist');
      const result = runSynth({ output: out, profiles: [path.join(tmp, 'leaky.yaml')] });
      expect(result.code).toBe(1);
      expect(result.messages.join('\n')).toMatch(
        /leaky\/nova\/nova-user-overrides\.yaml: conf\.nova\.DEFAULT\.my_password: plaintext credential .* \(from userOverrides\.nova: route credentials through the credentials Secret, credentials\.overrides\)/,
      );
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('URLs in a profile', () => {
  test.each([
    ['helmRepository.url', { helmRepository: { url: 'file:///etc/passwd' } }],
    ['helmRepository.url', { helmRepository: { url: 'javascript:alert(1)' } }],
    ['platform.oidcIssuerUrl', { platform: { oidcIssuerUrl: 'ftp://issuer.example.com/' } }],
  ])('fails when %s is not http or https', (field, overrides) => {
    expect(() => validateProfile(aioSimplex(overrides), 'p.yaml')).toThrow(
      new RegExp(`p\\.yaml: ${field.replace('.', '\\.')}: expected an http(, https or oci://| or https) URL`),
    );
  });

  test('fails when the Helm repository URL carries a password (it would land in base/helmrepository.yaml)', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-url-'));
    try {
      fs.writeFileSync(
        path.join(tmp, 'p.yaml'),
        JSON.stringify(aioSimplex({ name: 'p', helmRepository: { url: 'https://user:s3cretpass@charts.example.com/' } })),
      );
      const result = runSynth({ output: path.join(tmp, 'dist'), profiles: [path.join(tmp, 'p.yaml')] });
      expect(result.code).toBe(1);
      expect(result.messages.join('\n')).toMatch(/p\/base\/helmrepository\.yaml: spec\.url: URL carries a password/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('flux bootstrap inside the entry points', () => {
  test('every synth keeps clusters/<site>/flux-system, which flux bootstrap wrote', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stx-boot-'));
    try {
      fs.writeFileSync(path.join(tmp, 'site.yaml'), JSON.stringify(aioSimplex({ name: 'site' })));
      const out = path.join(tmp, 'dist');
      expect(runSynth({ output: out, profiles: [path.join(tmp, 'site.yaml')] }).code).toBe(0);
      const bootstrap = path.join(out, 'clusters', 'site', 'flux-system');
      fs.mkdirSync(bootstrap);
      fs.writeFileSync(path.join(bootstrap, 'gotk-sync.yaml'), 'kind: Kustomization\n');
      expect(runSynth({ output: out, profiles: [path.join(tmp, 'site.yaml')] }).code).toBe(0);
      expect(fs.readFileSync(path.join(bootstrap, 'gotk-sync.yaml'), 'utf8')).toBe('kind: Kustomization\n');
      expect(fs.readdirSync(path.join(out, 'clusters', 'site')).sort()).toStrictEqual([
        'flux-system',
        'site-credentials.yaml',
        'site-namespace.yaml',
        'site-openstack.yaml',
      ]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
