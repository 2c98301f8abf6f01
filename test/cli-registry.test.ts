/**
 * The bin's command registry, run in this process (spawning the bin costs about a second a run):
 * every command's --help, one --json run per reporting command checked against its JSON Schema,
 * the README's generated reference, the completion scripts and `__complete`, and a failed synth
 * through the real bin without a stack trace.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { allFlags } from '../lib/commands/command';
import { COMMANDS, commandHelp, completeWords, findCommand, markdownReference, reporter, runCli, withReference } from '../lib/commands/registry';
import { completionScript, SHELLS } from '../lib/commands/registry-completion';

const ROOT = path.resolve(__dirname, '..');

/** Runs a command line in this process: its exit code, stdout and stderr. */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void (stdout += `${a.join(' ')}\n`));
  const err = jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void (stderr += `${a.join(' ')}\n`));
  try {
    const code = await runCli(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
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
    expect(flag).toEqual({ code: 1, stdout: '', stderr: "images: Unknown option '--mirorr'\nusage: stx-openstack-gitops images <target> [flags]   (stx-openstack-gitops images --help)\n" });
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
    expect(validateDoc.errors ?? validateDoc(doc) ? [] : validateDoc.errors).toEqual([]);
    return doc;
  };

  test('every reporting command documents its shape', () => {
    expect(COMMANDS.filter((c) => c.json).map((c) => c.name).sort()).toEqual(['credentials', 'diff', 'images', 'synth', 'validate', 'values']);
  });

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
    const r = await run('credentials', 'aio-sx', '--dry-run', '--json', '--out', tmp);
    const doc = check('credentials', r.stdout);
    expect(doc).toMatchObject({ dryRun: true, sites: [{ site: 'aio-sx' }] });
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  test('synth (a bad profile: ok false, the reason, nothing written)', async () => {
    const profile = path.join(tmp, 'bad.yaml');
    fs.writeFileSync(profile, fs.readFileSync(path.join(ROOT, 'deployments', 'aio-sx.yaml'), 'utf8').replace(/floatingAddress: \S+/g, 'floatingAddress: 10.10.10.256'));
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
    fs.writeFileSync(file, completionScript(shell));
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
    expect((await run('completion', 'bash')).stdout).toBe(completionScript('bash'));
    expect((await run('completion', 'tcsh')).code).toBe(1);
  });

  test('__complete: commands, flags, targets, releases, credential ids', async () => {
    expect(completeWords(['', 'stx-openstack-gitops', 'va'])).toEqual(['validate', 'values']);
    expect(completeWords(['images', 'images', '--m'])).toEqual(['--mirror']);
    expect(completeWords(['values', 'values', 'aio-'])).toEqual(expect.arrayContaining(['aio-sx', 'aio-dx']));
    expect(completeWords(['values', 'values', 'sample/'])).toEqual(expect.arrayContaining(['sample/subcloud1']));
    expect(completeWords(['values', 'aio-sx', 'no'])).toEqual(['nova', 'nova-api-proxy']);
    // the releases of that stack, not every release the project defines (barbican is off in aio-sx)
    expect(completeWords(['values', 'aio-sx', 'ba'])).toEqual([]);
    expect(completeWords(['credentials', '--rotate', 'db-password.n'])).toEqual(expect.arrayContaining(['db-password.nova', 'db-password.neutron']));
    expect(completeWords(['validate', '--target', ''])).toEqual(expect.arrayContaining(['stx.12']));
    expect(completeWords(['completion', 'completion', ''])).toEqual(['bash', 'fish', 'zsh']);
    // through the command line, one a line
    expect((await run('__complete', '--', '', 'x', 'sy')).stdout).toBe('synth\n');
    // the words may be flags (after --), as the scripts pass them
    expect((await run('__complete', '--', 'credentials', '--rotate', 'db-password.nov')).stdout).toBe('db-password.nova\n');
    expect(completionScript('bash')).toContain('__complete -- "${cmd}" "${prev}" "${cur}"');
  });
});

describe('the bin as a process', () => {
  test('a failed synth prints our message only: no stack trace, exit 1', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-bin-'));
    try {
      const profile = path.join(tmp, 'bad.yaml');
      fs.writeFileSync(profile, fs.readFileSync(path.join(ROOT, 'deployments', 'aio-sx.yaml'), 'utf8').replace(/floatingAddress: \S+/g, 'floatingAddress: 10.10.10.256'));
      const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'stx-openstack-gitops.cjs'), 'synth', '--profile', profile, '--output', path.join(tmp, 'out')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^synth failed: /);
      expect(r.stderr.split('\n').filter((l) => /^\s+at /.test(l))).toEqual([]);
      expect(r.stderr.trimEnd().split('\n').pop()).toMatch(/is unchanged$/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('progress and colours', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { written, stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
  };

  test('progress is drawn on a terminal only, never with --quiet or --json', () => {
    for (const [tty, json, quiet, drawn] of [[true, false, false, true], [false, false, false, false], [true, true, false, false], [true, false, true, false]] as const) {
      const s = stream(tty);
      const r = reporter(json, quiet, s.stream);
      r.progress(0, 2, 'dist/aio-sx');
      r.progressDone();
      expect(s.written.length > 0).toBe(drawn);
      if (drawn) expect(s.written[0]).toBe('\r\x1b[K[1/2] dist/aio-sx');
    }
  });

  test('colours on a terminal only, never with NO_COLOR', () => {
    const saved = process.env.NO_COLOR;
    try {
      delete process.env.NO_COLOR;
      expect(reporter(false, false, stream(true).stream).color).toBe(true);
      expect(reporter(false, false, stream(false).stream).color).toBe(false);
      process.env.NO_COLOR = '1';
      expect(reporter(false, false, stream(true).stream).color).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved;
    }
  });
});

// `npx cdk8s synth` on a bad profile (with STX_OUTPUT and with --output) is spawned once per way in
// test/bad-input.test.ts, which checks our message, the CLI's one line, exit 1 and no stack trace.
