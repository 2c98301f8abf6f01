/**
 * The bin's command registry, run in this process (spawning the bin costs about a second a run):
 * every command's --help, one --json run per reporting command checked against its JSON Schema,
 * the README's generated reference, the completion scripts and `__complete`, progress and colours
 * (lib/commands/report.ts) on a fake terminal, and a failed synth through every documented synth
 * command without a stack trace.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { allFlags } from '../lib/commands/command';
import {
  BIN_FILE,
  COMMANDS,
  commandHelp,
  completeWords,
  findCommand,
  markdownReference,
  runCli,
  withReference,
} from '../lib/commands/registry';
import { colourDiff } from '../lib/commands/commands/diff';
import { completionScript, SHELLS } from '../lib/commands/registry-completion';
import { childEnv, colorWanted, reporter, Streams, TerminalLike } from '../lib/commands/report';
import { helmPresent, sharedChartsPresent, SHARED_CHARTS } from './support/chart-packages';

const ROOT = path.resolve(__dirname, '..');

/** A fake stream: a terminal or not, keeping what is written to it. */
function fakeStream(isTTY: boolean, columns = 200): TerminalLike & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns, written, write: (s: string) => written.push(s) };
}

/** No ANSI escape sequence (colour or cursor) in the text. */
// eslint-disable-next-line no-control-regex -- the escape character is what is looked for
const ESCAPE = /\x1b/;

/**
 * Runs a command line in this process: its exit code, stdout and stderr. By default the streams
 * are not terminals (as in CI), and then no output may hold an escape code.
 */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runWith({ stdout: fakeStream(false), stderr: fakeStream(false) }, ...argv);
}

async function runWith(streams: Streams, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const errOut = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void (stdout += `${a.join(' ')}\n`));
  const err = jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void (stderr += `${a.join(' ')}\n`));
  try {
    const code = await runCli(argv, streams);
    // What a reporter writes to its own stderr (progress, notes) counts as stderr.
    stderr += (streams.stderr as ReturnType<typeof fakeStream>).written?.join('') ?? '';
    if (!streams.stdout.isTTY && !streams.stderr.isTTY)
      expect({ argv, escapes: ESCAPE.test(stdout + stderr) }).toEqual({ argv, escapes: false });
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    errOut.mockRestore();
    log.mockRestore();
    err.mockRestore();
  }
}

const visible = COMMANDS.filter((c) => !c.hidden);

describe('help', () => {
  test.each(visible.map((c) => c.name))('%s --help: usage, every flag with its default, examples; exit 0', async (name) => {
    const spec = findCommand(name);
    const { code, stdout, stderr } = await run(name, '--help');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.split('\n')[0]).toMatch(new RegExp(`^usage: stx-openstack-gitops ${name}\\b`));
    for (const [flag, f] of Object.entries(allFlags(spec))) {
      const line = stdout.split('\n').find((l) => l.includes(`--${flag}`) && l.includes(f.description));
      expect(line).toBeDefined();
      expect(line).toContain(`(default: ${f.default})`);
    }
    expect(stdout).toContain('Examples:\n  stx-openstack-gitops ');
    // help <command> says the same
    expect((await run('help', name)).stdout).toBe(stdout);
  });

  test('help lists every command but the hidden one', async () => {
    const { code, stdout } = await run('help');
    expect(code).toBe(0);
    for (const c of visible) expect(stdout).toMatch(new RegExp(`^  ${c.name} +${c.summary.replace(/[()[\]|.*+?]/g, '\\$&')}$`, 'm'));
    expect(stdout).not.toContain('__complete');
  });

  test('an unknown command or flag: one line and the usage, exit 1 (diff: 2), no stack trace', async () => {
    const unknown = await run('valuse');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^stx-openstack-gitops: unknown command 'valuse' \(did you mean validate, values\?\)/);
    const flag = await run('images', 'aio-sx', '--mirorr', 'x');
    expect(flag).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "images: Unknown option '--mirorr'\nusage: stx-openstack-gitops images <target> [flags]   (stx-openstack-gitops images --help)\n",
    });
    expect((await run('diff', '--nope')).code).toBe(2);
  });

  test("the README's command reference is the registry's", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    // Differs: rewrite it with `npx tsx scripts/readme-reference.ts`.
    expect(withReference(readme)).toBe(readme);
    expect(readme).toContain(markdownReference());
    for (const c of visible) expect(readme).toContain(commandHelp(c).trimEnd());
  });
});

describe('--json', () => {
  const ajv = new Ajv({ strict: false });
  let tmp: string;
  beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-registry-'))));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const check = (name: string, stdout: string) => {
    const doc = JSON.parse(stdout);
    const validateDoc = ajv.compile(findCommand(name).json!);
    expect((validateDoc.errors ?? validateDoc(doc)) ? [] : validateDoc.errors).toEqual([]);
    return doc;
  };

  test('every reporting command documents its shape', () => {
    expect(
      COMMANDS.filter((c) => c.json)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['credentials', 'diff', 'fleet', 'images', 'render', 'synth', 'validate', 'values']);
  });

  test('fleet list: every inventory with its subclouds, region and OAM address', async () => {
    const r = await run('fleet', 'list', '--json');
    expect(r.code).toBe(0);
    const doc = check('fleet', r.stdout);
    const sample = doc.find((i: { inventory: string }) => i.inventory === 'sample');
    expect(sample.file).toMatch(/deployments\/fleets\/sample\.yaml$/);
    expect(sample.subclouds.map((s: { name: string }) => s.name)).toEqual(['subcloud1', 'subcloud2', 'subcloud3']);
    expect(sample.subclouds[1]).toEqual({ name: 'subcloud2', region: 'subcloud2', oam: '10.30.2.2' });
    // the text form: one line per subcloud under its inventory
    const text = await run('fleet', 'list');
    expect(text.stdout).toMatch(/^sample \(.*sample\.yaml\): 3 subclouds$/m);
    expect(text.stdout).toMatch(/^ {2}sample\/subcloud2 +region subcloud2 +oam 10\.30\.2\.2$/m);
  });

  test('fleet show: the merged profile of a subcloud and the releases it deploys', async () => {
    const r = await run('fleet', 'show', 'sample/subcloud2', '--json');
    expect(r.code).toBe(0);
    const doc = check('fleet', r.stdout);
    expect(doc).toMatchObject({
      subcloud: 'sample/subcloud2',
      profile: { name: 'subcloud2', system: { regionName: 'subcloud2' }, charts: { enabled: { aodh: false } } },
    });
    // what the subcloud did not set comes from the profile it extends
    const base = await run('fleet', 'show', 'subcloud1', '--json');
    expect(JSON.parse(base.stdout).profile.hosts).toEqual(doc.profile.hosts);
    expect(doc.releases).toContain('nova');
    expect(doc.releases).not.toContain('aodh');
    expect(JSON.parse(base.stdout).releases).toContain('aodh');
    const text = await run('fleet', 'show', 'sample/subcloud2');
    expect(text.stdout).toMatch(/^# subcloud sample\/subcloud2 \(.*sample\.yaml\)/);
    expect(text.stdout).toMatch(/^charts:\n {2}enabled:\n {4}aodh: false$/m);
  });

  test('fleet: an unknown subcloud or action, wrong arguments: one line, exit 1', async () => {
    const unknown = await run('fleet', 'show', 'sample/subclod2');
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toMatch(
      /^fleet: no subcloud "sample\/subclod2" in the fleet inventories: did you mean .*"sample\/subcloud2".*known: sample\/subcloud1, /,
    );
    expect((await run('fleet', 'shw')).stderr).toMatch(/^fleet: unknown action 'shw' \(expected one of list, show, new\)/);
    expect((await run('fleet', 'list', 'x')).stderr).toMatch(/^fleet: fleet list takes no arguments, got 1/);
    expect((await run('fleet', 'show', 'subcloud1', '--seed', '2')).stderr).toMatch(/^fleet: --seed goes with fleet new/);
  });

  test('fleet new --json: the file written', async () => {
    const file = path.join(tmp, 'fleets', 'trial.yaml');
    const r = await run('fleet', 'new', '3', file, '--json');
    expect(check('fleet', r.stdout)).toEqual({ file, subclouds: 3, seed: 1 });
    expect(fs.readFileSync(file, 'utf8')).toContain('name: subcloud3');
  });

  (helmPresent() && sharedChartsPresent() ? test : test.skip)(
    'render (one release of a stack, the shared charts)',
    async () => {
      const r = await run('render', 'aio-sx', 'keystone', '--charts', SHARED_CHARTS, '--json', '--credentials', path.join(tmp, 'none'));
      // --credentials that does not exist is an error, not placeholders
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^render: .*none: no such file or folder/);
      const ok = await run('render', 'aio-sx', 'keystone', '--charts', SHARED_CHARTS, '--json');
      expect(ok.code).toBe(0);
      const doc = check('render', ok.stdout);
      expect(doc).toMatchObject({ target: 'aio-sx', masked: true, releases: [{ release: 'keystone', chart: 'keystone' }] });
      expect(doc.releases[0].objects).toBe(doc.objects.length);
      expect(doc.objects.length).toBeGreaterThan(10);
      const secret = doc.objects.find((o: { id: string }) => o.id === 'Secret/keystone-etc');
      expect(secret.release).toBe('keystone');
      // Secrets decoded (stringData), credentials masked: no placeholder value is printed
      expect(Object.keys(secret.object)).not.toContain('data');
      expect(secret.object.stringData['keystone.conf']).toMatch(/^\[DEFAULT\]/m);
      expect(ok.stdout).toContain('***');
      expect(ok.stdout).not.toMatch(/masked-/);
      const file = await run('render', 'aio-sx', 'keystone', '--charts', SHARED_CHARTS, '--file', 'keystone.conf', '--json');
      const files = check('render', file.stdout).files;
      expect(files).toEqual([expect.objectContaining({ release: 'keystone', key: 'keystone.conf' })]);
      expect(files[0].text).toMatch(/^\[DEFAULT\]/m);
    },
    120_000,
  );

  test('values', async () => {
    const r = await run('values', 'aio-sx', 'nova', '--json');
    expect(r.code).toBe(0);
    expect(check('values', r.stdout)).toMatchObject({ release: 'nova' });
  });

  test('images', async () => {
    const r = await run('images', 'aio-sx', '--json', '--mirror', 'registry.local:9001');
    const doc = check('images', r.stdout);
    expect(doc[0]).toMatchObject({ target: 'aio-sx', kind: 'stack' });
    expect(doc[0].images.length).toBeGreaterThan(10);
    expect(doc[0].mirror[0]).toMatch(/^skopeo copy .*registry\.local:9001/);
  });

  test('validate (one stack, no kustomize)', async () => {
    const r = await run('validate', 'aio-sx', '--no-kustomize', '--json');
    const doc = check('validate', r.stdout);
    expect(doc).toMatchObject({ ok: true, stacks: 1, problems: [] });
    expect(r.code).toBe(0);
  });

  test('diff (the working tree against HEAD, one stack)', async () => {
    const r = await run('diff', '--stack', 'aio-sx', '--json');
    const doc = check('diff', r.stdout);
    expect(r.code).toBe(doc.changed ? 1 : 0);
  });

  test('credentials (a dry run into a scratch folder)', async () => {
    const out = path.join(tmp, 'credentials');
    const r = await run('credentials', 'aio-sx', '--dry-run', '--json', '--out', out);
    const doc = check('credentials', r.stdout);
    expect(doc).toMatchObject({ dryRun: true, sites: [{ site: 'aio-sx' }] });
    expect(fs.existsSync(out)).toBe(false);
  });

  test('synth (a bad profile: ok false, the reason, nothing written)', async () => {
    const profile = path.join(tmp, 'bad.yaml');
    fs.writeFileSync(
      profile,
      fs
        .readFileSync(path.join(ROOT, 'deployments', 'aio-sx.yaml'), 'utf8')
        .replace(/floatingAddress: \S+/g, 'floatingAddress: 10.10.10.256'),
    );
    const r = await run('synth', '--profile', profile, '--output', path.join(tmp, 'out'), '--json');
    expect(r.code).toBe(1);
    const doc = check('synth', r.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.messages[0]).toMatch(/^synth failed: .*bad\.yaml:\d+:\d+: network\.\w+\.floatingAddress: expected an IPv4 or IPv6 address/);
    expect(fs.existsSync(path.join(tmp, 'out'))).toBe(false);
  });
});

describe('completion', () => {
  const shells: Record<string, string> = { bash: 'bash', zsh: 'zsh', fish: 'fish' };
  test.each([...SHELLS])('%s: the script parses', (shell) => {
    const file = path.join(os.tmpdir(), `stx-completion-${process.pid}.${shell}`);
    fs.writeFileSync(file, completionScript(shell, BIN_FILE));
    try {
      const check = spawnSync(shells[shell], ['-n', file], { encoding: 'utf8' });
      if (check.error && (check.error as NodeJS.ErrnoException).code === 'ENOENT') {
        console.log(`${shell} is not installed: its completion script is not checked`);
        return;
      }
      expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  test('completion prints the script; an unknown shell is a usage error', async () => {
    expect((await run('completion', 'bash')).stdout).toBe(completionScript('bash', BIN_FILE));
    expect((await run('completion', 'tcsh')).code).toBe(1);
    // the bin file a script falls back to is quoted for the shell, whatever its path
    expect(completionScript('bash', "/opt/it's/bin.cjs")).toContain(`else node '/opt/it'\\''s/bin.cjs' "$@"; fi`);
    expect(completionScript('fish', "/opt/it's/bin.cjs")).toContain(`node '/opt/it\\'s/bin.cjs' __complete`);
  });

  test('__complete: commands, flags, targets, releases, credential ids', async () => {
    expect(completeWords(['', 'stx-openstack-gitops', 'va'])).toEqual(['validate', 'values']);
    expect(completeWords(['images', 'images', '--m'])).toEqual(['--mirror']);
    expect(completeWords(['values', 'values', 'aio-'])).toEqual(expect.arrayContaining(['aio-sx', 'aio-dx']));
    expect(completeWords(['values', 'values', 'sample/'])).toEqual(expect.arrayContaining(['sample/subcloud1']));
    expect(completeWords(['values', 'aio-sx', 'no'])).toEqual(['nova', 'nova-api-proxy']);
    // the releases of that stack, not every release the project defines (barbican is off in aio-sx)
    expect(completeWords(['values', 'aio-sx', 'ba'])).toEqual([]);
    expect(completeWords(['credentials', '--rotate', 'db-password.n'])).toEqual(
      expect.arrayContaining(['db-password.nova', 'db-password.neutron']),
    );
    expect(completeWords(['validate', '--target', ''])).toEqual(expect.arrayContaining(['stx.12']));
    expect(completeWords(['completion', 'completion', ''])).toEqual(['bash', 'fish', 'zsh']);
    // through the command line, one a line
    expect((await run('__complete', '--', '', 'x', 'sy')).stdout).toBe('synth\n');
    // the words may be flags (after --), as the scripts pass them
    expect((await run('__complete', '--', 'credentials', '--rotate', 'db-password.nov')).stdout).toBe('db-password.nova\n');
    expect(completionScript('bash', BIN_FILE)).toContain('__complete -- "${cmd}" "${prev}" "${cur}"');
  });

  test('__complete: fleet actions and subclouds, help topics, render releases, diff --stack, validate targets', () => {
    expect(completeWords(['fleet', 'fleet', ''])).toEqual(['list', 'new', 'show']);
    expect(completeWords(['fleet', 'show', 'sample/'])).toEqual(['sample/subcloud1', 'sample/subcloud2', 'sample/subcloud3']);
    // fleet new <count> <file>: nothing of ours (the shell completes files)
    expect(completeWords(['fleet', '10', ''])).toEqual([]);
    expect(completeWords(['fleet', 'fleet', '--s'])).toEqual(['--seed']);
    expect(completeWords(['help', 'help', 'fl'])).toEqual(['fleet']);
    expect(completeWords(['render', 'aio-sx', 'keys'])).toEqual(['keystone']);
    expect(completeWords(['diff', '--stack', 'sample/subcloud'])).toEqual(['sample/subcloud1', 'sample/subcloud2', 'sample/subcloud3']);
    expect(completeWords(['validate', 'validate', 'sam'])).toEqual(['sample', 'sample/subcloud1', 'sample/subcloud2', 'sample/subcloud3']);
    expect(completeWords(['credentials', 'credentials', 'aio-sx'])).toEqual(['aio-sx', 'aio-sx-subcloud']);
    expect(completeWords(['credentials', '--rotate', 'tls'])).toEqual(expect.arrayContaining([expect.stringMatching(/^tls/)]));
    expect(completeWords(['nosuch', 'nosuch', ''])).toEqual([]);
  });

  test('bash: the script completes through the real bin, which is not on PATH', () => {
    // The bin is not on PATH here (as in a project run through npx): the script runs the bin file.
    const script = [
      completionScript('bash', BIN_FILE),
      'COMP_WORDS=(stx-openstack-gitops fleet show sample/subcloud); COMP_CWORD=3; _stx_openstack_gitops; echo "${COMPREPLY[*]}"',
      'COMP_WORDS=(stx-openstack-gitops im); COMP_CWORD=1; _stx_openstack_gitops; echo "${COMPREPLY[*]}"',
    ].join('\n');
    const r = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') return console.log('bash is not installed');
    expect(r.stdout).toBe('sample/subcloud1 sample/subcloud2 sample/subcloud3\nimages import\n');
  }, 60_000);
});

describe('a failed synth through every synth command the README documents: our message last, no stack trace, exit 1', () => {
  const BIN = path.join(ROOT, 'scripts', 'stx-openstack-gitops.cjs');
  /** The README's ways to synthesise, each given a bad profile and an output folder. */
  const COMMANDS_SHOWN: ReadonlyArray<
    [string, (bad: string, out: string) => { command: string; args: string[]; env?: NodeJS.ProcessEnv }]
  > = [
    [
      'npx stx-openstack-gitops synth',
      (bad, out) => ({ command: 'npx', args: ['stx-openstack-gitops', 'synth', '--profile', bad, '--output', out] }),
    ],
    [
      'node scripts/stx-openstack-gitops.cjs synth (npm run synth)',
      (bad, out) => ({ command: process.execPath, args: [BIN, 'synth', '--profile', bad, '--output', out] }),
    ],
    [
      'STX_PROFILES=... npm run synth',
      (bad, out) => ({ command: 'npm', args: ['run', 'synth', '--', '--output', out], env: { STX_PROFILES: bad } }),
    ],
    [
      'npx tsx main.ts',
      (bad, out) => ({
        command: path.join(ROOT, 'node_modules', '.bin', 'tsx'),
        args: ['main.ts'],
        env: { STX_PROFILES: bad, STX_OUTPUT: out },
      }),
    ],
  ];

  test.each(COMMANDS_SHOWN.map(([name, make]) => [name, make] as const))(
    '%s',
    (_name, make) => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-bin-'));
      try {
        const profile = path.join(tmp, 'bad.yaml');
        fs.writeFileSync(
          profile,
          fs
            .readFileSync(path.join(ROOT, 'deployments', 'aio-sx.yaml'), 'utf8')
            .replace(/floatingAddress: \S+/g, 'floatingAddress: 10.10.10.256'),
        );
        const { command, args, env } = make(profile, path.join(tmp, 'out'));
        const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 90_000, env: { ...process.env, ...env } });
        expect(r.status).toBe(1);
        expect(r.stderr).toMatch(/^synth failed: .*bad\.yaml:\d+:\d+: network\./m);
        expect(r.stderr.split('\n').filter((l) => /^\s+at /.test(l))).toEqual([]);
        expect(r.stderr.trimEnd().split('\n').pop()).toMatch(/is unchanged$/);
        // Not a terminal: no escape codes.
        expect(ESCAPE.test(r.stderr + r.stdout)).toBe(false);
        expect(fs.existsSync(path.join(tmp, 'out'))).toBe(false);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    },
    90_000,
  );
});

describe('progress and colours (lib/commands/report.ts)', () => {
  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ PATH: '/usr/bin', TERM: 'xterm', ...extra });

  test('progress is drawn on a terminal only, never with --quiet or --json, and cleared', () => {
    for (const [tty, json, quiet, drawn] of [
      [true, false, false, true],
      [false, false, false, false],
      [true, true, false, false],
      [true, false, true, false],
    ] as const) {
      const err = fakeStream(tty);
      const r = reporter({ json, quiet }, { stdout: fakeStream(tty), stderr: err }, env());
      r.progress(0, 2, 'dist/aio-sx');
      r.progressDone();
      expect(err.written.length > 0).toBe(drawn);
      if (drawn) expect(err.written).toEqual(['\r\x1b[K[1/2] dist/aio-sx', '\r\x1b[K']);
    }
  });

  test('a progress line never wraps (the carriage return would redraw only its last row); a note clears it first', () => {
    const err = fakeStream(true, 20);
    const r = reporter({}, { stdout: fakeStream(true), stderr: err }, env());
    r.progress(4, 9, 'dist/fleet/sample/subcloud1234');
    expect(err.written[0]).toBe('\r\x1b[K[5/9] dist/fleet/s…');
    r.note('wrote dist/');
    expect(err.written.slice(1)).toEqual(['\r\x1b[K', 'wrote dist/\n']);
    // a terminal that does not say its width (a pty of `script`): 80 columns
    const unknown = fakeStream(true, 0);
    reporter({}, { stdout: unknown, stderr: unknown }, env()).progress(0, 1, 'x'.repeat(100));
    expect(unknown.written[0]).toBe(`\r\x1b[K[1/1] ${'x'.repeat(72)}…`);
  });

  test('colours on a terminal only, never with NO_COLOR (unless empty) or TERM=dumb; per stream', () => {
    expect(colorWanted({ isTTY: true }, env())).toBe(true);
    expect(colorWanted({ isTTY: false }, env())).toBe(false);
    expect(colorWanted({}, env())).toBe(false);
    expect(colorWanted({ isTTY: true }, env({ NO_COLOR: '1' }))).toBe(false);
    expect(colorWanted({ isTTY: true }, env({ NO_COLOR: '' }))).toBe(true);
    expect(colorWanted({ isTTY: true }, env({ TERM: 'dumb' }))).toBe(false);
    const r = reporter({}, { stdout: fakeStream(false), stderr: fakeStream(true) }, env());
    expect(r.paint('x', 'red')).toBe('\x1b[31mx\x1b[39m');
    expect(r.paint('x', 'red', 'stdout')).toBe('x');
    // a child process that prints follows the same rule
    expect(childEnv(false, env())).toMatchObject({ NO_COLOR: '1', FORCE_COLOR: '0' });
    expect(childEnv(true, env())).toEqual(env());
  });

  test('diff: added green, removed red, changed yellow, headings bold, on a terminal only', () => {
    const text = '## aio-sx\n### nova\n  + conf.a: 1\n  - conf.b: 2\n  ~ conf.c: 1 → 2\n1 stack(s)\n';
    const tty = reporter({}, { stdout: fakeStream(true), stderr: fakeStream(false) }, env());
    expect(colourDiff(text, tty).split('\n')).toEqual([
      '\x1b[1m## aio-sx\x1b[22m',
      '\x1b[1m### nova\x1b[22m',
      '\x1b[32m  + conf.a: 1\x1b[39m',
      '\x1b[31m  - conf.b: 2\x1b[39m',
      '\x1b[33m  ~ conf.c: 1 → 2\x1b[39m',
      '1 stack(s)',
      '',
    ]);
    for (const plain of [
      reporter({}, { stdout: fakeStream(false), stderr: fakeStream(true) }, env()),
      reporter({}, { stdout: fakeStream(true), stderr: fakeStream(true) }, env({ NO_COLOR: '1' })),
    ]) {
      expect(colourDiff(text, plain)).toBe(text);
    }
  });

  describe('through a command (validate of one stack) on a fake terminal', () => {
    const saved = process.env.NO_COLOR;
    afterEach(() => {
      if (saved === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved;
    });
    const terminal = () => ({ stdout: fakeStream(true), stderr: fakeStream(true) });

    test('progress on stderr, the verdict in colour, the output in order', async () => {
      delete process.env.NO_COLOR;
      const streams = terminal();
      const r = await runWith(streams, 'validate', 'aio-sx', 'aio-dx', '--no-kustomize');
      expect(r.code).toBe(0);
      expect(streams.stderr.written.filter((w) => w.includes('[1/2] dist/aio-sx'))).toHaveLength(1);
      expect(streams.stderr.written.filter((w) => w.includes('[2/2] dist/aio-dx'))).toHaveLength(1);
      expect(streams.stderr.written.at(-1)).toBe('\r\x1b[K');
      expect(r.stdout).toBe('\x1b[32mok\x1b[39m: 2 stacks, ' + r.stdout.split(': 2 stacks, ')[1]);
      // an error line is red
      const bad = await runWith(terminal(), 'values', 'aio-sx', 'no-such-release');
      expect(bad.stderr.startsWith('\x1b[31mvalues: ') && bad.stderr.endsWith('\x1b[39m\n')).toBe(true);
    });

    test('with NO_COLOR: progress still drawn on a terminal, but no colour anywhere', async () => {
      process.env.NO_COLOR = '1';
      const streams = terminal();
      const r = await runWith(streams, 'validate', 'aio-sx', '--no-kustomize');
      expect(r.stdout).toMatch(/^ok: 1 stacks, /);
      expect(streams.stderr.written.some((w) => w.includes('[1/1] dist/aio-sx'))).toBe(true);
      expect(ESCAPE.test(r.stdout)).toBe(false);
      const bad = await runWith(terminal(), 'values', 'aio-sx', 'no-such-release');
      expect(ESCAPE.test(bad.stderr)).toBe(false);
    });

    test('--quiet and --json: nothing drawn', async () => {
      delete process.env.NO_COLOR;
      for (const flag of ['--quiet', '--json']) {
        const streams = terminal();
        await runWith(streams, 'validate', 'aio-sx', '--no-kustomize', flag);
        expect(streams.stderr.written).toEqual([]);
      }
    });
  });
});

// `npx cdk8s synth` on a bad profile (with STX_OUTPUT and with --output) is spawned once per way in
// test/bad-input.test.ts, which checks our message, the CLI's one line, exit 1 and no stack trace.
