/**
 * Every command line is parsed strictly (lib/commands/cli.ts, util.parseArgs): an unknown flag, a
 * flag without its value or a wrong argument count is a usage error (exit 1, the usage line, no
 * stack trace); `--help` prints the usage line and exits 0.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { HelpRequested, parseCommandLine, runCommand, UsageError } from '../lib/commands/cli';
import { parseBenchArgs } from '../scripts/bench';
import { parseCredentialsArgs, USAGE as CREDENTIALS_USAGE } from '../scripts/credentials';
import { parseValidateArgs } from '../scripts/validate';
import { commandHelp, findCommand } from '../lib/commands/registry';

const ROOT = path.resolve(__dirname, '..');

/** What `fn` throws, as `Class: message` (toThrow with an error object compares the cause too). */
function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return `${(error as Error).constructor.name}: ${(error as Error).message}`;
  }
  return 'nothing thrown';
}
const usageError = (message: string) => `${UsageError.name}: ${message}`;

describe('parseCommandLine', () => {
  const options = { rotate: { type: 'boolean' }, out: { type: 'string' } } as const;

  test.each([
    [['--rotat'], "Unknown option '--rotat'"],
    [['--out'], "Option '--out <value>' argument missing"],
    [['--out', '--rotate'], "Option '--out' argument is ambiguous"],
    [['--rotate=yes'], "Option '--rotate' does not take an argument"],
    [['a', 'b'], "expected 0 to 1 names, got 'a' 'b'"],
  ])('%j is a usage error: %s', (argv, message) => {
    expect(thrown(() => parseCommandLine(argv, options, { min: 0, max: 1, name: 'name' }))).toBe(usageError(message));
  });

  test('--help and -h ask for help, even beside other flags', () => {
    for (const argv of [['--help'], ['-h'], ['x', '--rotate', '--help']]) {
      expect(() => parseCommandLine(argv, options, { min: 1, max: 1 })).toThrow(HelpRequested);
    }
  });

  test('a good line: typed values and positionals; `--` ends the flags', () => {
    const { values, positionals } = parseCommandLine(['x', '--out', 'dir', '--', '--help'], options, { min: 1, max: 2 });
    expect(values).toEqual({ out: 'dir' });
    expect(positionals).toEqual(['x', '--help']);
  });

  test('runCommand: usage errors exit 1 with the usage line, help exits 0, other errors exit 1 without it', () => {
    const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const stdout = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const run = (main: () => number | void) => {
        stderr.mockClear();
        stdout.mockClear();
        runCommand('cmd', 'usage: cmd [--x]', main);
        const code = process.exitCode;
        process.exitCode = 0;
        return { code, stderr: stderr.mock.calls.map((c) => c.join(' ')), stdout: stdout.mock.calls.map((c) => c.join(' ')) };
      };
      expect(run(() => parseCommandLine(['--y'], {}) && undefined)).toEqual({
        code: 1,
        stderr: ["cmd: Unknown option '--y'", 'usage: cmd [--x]'],
        stdout: [],
      });
      expect(run(() => parseCommandLine(['--help'], {}) && undefined)).toEqual({ code: 0, stderr: [], stdout: ['usage: cmd [--x]'] });
      expect(
        run(() => {
          throw new Error('no deployment named "x"');
        }),
      ).toEqual({ code: 1, stderr: ['cmd: no deployment named "x"'], stdout: [] });
      expect(run(() => 3)).toEqual({ code: 3, stderr: [], stdout: [] });
    } finally {
      stderr.mockRestore();
      stdout.mockRestore();
      process.exitCode = 0;
    }
  });
});

describe('the scripts’ command lines', () => {
  test('credentials: <deployment> [--rotate IDS | --rotate-all] [--force] [--dry-run] [--out DIR]', () => {
    expect(parseCredentialsArgs(['aio-sx'])).toStrictEqual({
      deployment: 'aio-sx',
      rotate: undefined,
      force: false,
      dryRun: false,
      encrypt: false,
      ageRecipient: undefined,
      ageIdentityFile: undefined,
      newAgeKeyFile: undefined,
      outRoot: 'credentials',
      profiles: undefined,
      fleets: undefined,
    });
    expect(parseCredentialsArgs(['aio-sx', '--encrypt', '--age-identity', 'k.txt'])).toMatchObject({
      encrypt: true,
      ageIdentityFile: 'k.txt',
    });
    expect(parseCredentialsArgs(['--rotate', 'admin-password', 'aio-sx', '--out', 'o'])).toMatchObject({
      deployment: 'aio-sx',
      rotate: new Set(['admin-password']),
      outRoot: 'o',
    });
    expect(thrown(() => parseCredentialsArgs(['aio-sx', '--rotat']))).toBe(usageError("Unknown option '--rotat'"));
    expect(thrown(() => parseCredentialsArgs(['aio-sx', '--out']))).toBe(usageError("Option '--out <value>' argument missing"));
    expect(thrown(() => parseCredentialsArgs([]))).toBe(usageError('expected 1 deployment, got none'));
    expect(thrown(() => parseCredentialsArgs(['aio-sx', 'aio-dx']))).toBe(usageError("expected 1 deployment, got 'aio-sx' 'aio-dx'"));
  });

  test('validate: [DIR ...] [--no-kustomize] [--target T]', () => {
    expect(parseValidateArgs([])).toEqual({ dirs: ['dist'], kustomize: true, target: 'stx.12' });
    expect(parseValidateArgs(['a', '--no-kustomize', 'b'])).toEqual({ dirs: ['a', 'b'], kustomize: false, target: 'stx.12' });
    expect(thrown(() => parseValidateArgs(['--no-kustomiz']))).toBe(usageError("Unknown option '--no-kustomiz'"));
    expect(parseValidateArgs(['--charts', 'c.tgz'])).toEqual({ dirs: ['dist'], kustomize: true, charts: 'c.tgz', target: 'stx.12' });
    expect(thrown(() => parseValidateArgs(['--charts']))).toBe(usageError("Option '--charts <value>' argument missing"));
  });

  test('bench: [RUNS] [--only PARTS] [--sizes N,N] [--output FILE]', () => {
    expect(parseBenchArgs([])).toEqual({
      runs: 5,
      parts: ['synth', 'fleet', 'change', 'render', 'test'],
      sizes: [10, 100, 1000, 5000],
      output: 'BENCHMARKS.md',
    });
    expect(parseBenchArgs(['3', '--only', 'fleet,synth', '--sizes', '100,10,100', '--output', '/tmp/b.md'])).toEqual({
      runs: 3,
      parts: ['fleet', 'synth'],
      sizes: [10, 100],
      output: '/tmp/b.md',
    });
    expect(thrown(() => parseBenchArgs(['0']))).toBe(usageError("RUNS must be a positive whole number, got '0'"));
    expect(thrown(() => parseBenchArgs(['--runs', '3']))).toBe(usageError("Unknown option '--runs'"));
    expect(thrown(() => parseBenchArgs(['--only', 'synth,fleets']))).toBe(
      usageError("--only takes parts among synth, fleet, change, render, test, got 'synth,fleets'"),
    );
    expect(thrown(() => parseBenchArgs(['--sizes', '10,x']))).toBe(usageError("each of --sizes must be a positive whole number, got 'x'"));
  });
});

describe('as processes', () => {
  // The tsx of the project, as `npx tsx` runs it (without npx's own start-up).
  const tsx = (script: string, ...args: string[]) =>
    spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [script, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  test('an unknown flag: exit 1, the message and the usage line, no stack trace', () => {
    const run = tsx('scripts/credentials.ts', 'aio-sx', '--rotat');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`credentials: Unknown option '--rotat'\n${CREDENTIALS_USAGE}\n`);
    expect(run.stdout).toBe('');
  }, 60_000);

  test('a flag without its value: exit 1, the message and the usage line', () => {
    const run = tsx('scripts/credentials.ts', 'aio-sx', '--out');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`credentials: Option '--out <value>' argument missing\n${CREDENTIALS_USAGE}\n`);
  }, 60_000);

  test('--help: the command’s help on stdout, exit 0', () => {
    const run = tsx('scripts/validate.ts', '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(commandHelp(findCommand('validate')));
    expect(run.stderr).toBe('');
  }, 60_000);
});
