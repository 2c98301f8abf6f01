/**
 * `npm run mutate -- <file> [<file> ...] [options]`: mutation testing (StrykerJS) of the given
 * source files only, against their nearest tests only: the file's own unit test, mirrored under test/
 * (`lib/engine/yaml.ts` -> `test/engine/yaml.test.ts`, `overrides/system.ts` ->
 * `test/overrides/system.test.ts`) when there is one, else the test files that import it directly.
 * Not part of `npm test` or CI: it is slow (one jest run per mutant).
 *
 * Options:
 *   --related          let jest pick the tests (--findRelatedTests: every test that reaches the file)
 *   --importers        run the test files that import the file directly, even when it has its own test
 *   --tests a,b        run exactly these test files (paths from the project root)
 *   --concurrency N    test runners in parallel (default 2)
 *   --max-minutes M    stop Stryker after M minutes (default 40)
 *   --no-typecheck     skip Stryker's TypeScript checker (the most CPU of a run): mutants that do
 *                      not type check are run as JavaScript instead of being left out
 *   --incremental      reuse the results of the last --incremental run of the same files
 *                      (reports/mutation/<name>.incremental.json): only mutants whose code or
 *                      covering tests changed run again
 *   --list             print the test files that would run, and stop
 *
 * Prints killed / survived / timeout / no-coverage per file; the HTML and JSON reports go to
 * reports/mutation/<name>.{html,json}.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  argv.splice(i, 2);
  return value;
}

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return testFiles(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** The unit test of `source` mirrored under test/, if there is one. */
function mirrorTest(source: string): string | undefined {
  const test = path.join('test', source.replace(/^lib[/\\]/, '').replace(/\.ts$/, '.test.ts'));
  return fs.existsSync(path.join(ROOT, test)) ? test : undefined;
}

/** The nearest tests of `source` (a path from the root, with .ts): its own test, else its importers. */
function nearestTests(source: string, importers: boolean): string[] {
  const mirror = importers ? undefined : mirrorTest(source);
  return mirror ? [mirror] : importingTests(source);
}

/** The test files that import `source` directly. */
function importingTests(source: string): string[] {
  const target = path.resolve(ROOT, source).replace(/\.ts$/, '');
  return testFiles(path.join(ROOT, 'test'))
    .filter((test) => {
      const text = fs.readFileSync(test, 'utf8');
      const specifiers = [...text.matchAll(/(?:from|import|require\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
      return specifiers.some((s) => path.resolve(path.dirname(test), s).replace(/\.ts$/, '') === target);
    })
    .map((test) => path.relative(ROOT, test))
    .sort();
}

function summarise(report: string, files: readonly string[]): void {
  const json = JSON.parse(fs.readFileSync(report, 'utf8')) as { files: Record<string, { mutants: Array<{ status: string }> }> };
  const rows = files.map((file) => {
    const entry = Object.entries(json.files).find(([p]) => path.resolve(ROOT, p) === path.resolve(ROOT, file));
    const count = (status: string) => entry?.[1].mutants.filter((m) => m.status === status).length ?? 0;
    const killed = count('Killed');
    const survived = count('Survived');
    const timeout = count('Timeout');
    const noCoverage = count('NoCoverage');
    const errors = count('CompileError') + count('RuntimeError');
    const detected = killed + timeout;
    const valid = detected + survived + noCoverage;
    const score = valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(2)}%`;
    return `${file}: score ${score}, killed ${killed}, survived ${survived}, timeout ${timeout}, no coverage ${noCoverage}, compile/runtime errors ${errors}`;
  });
  for (const row of rows) console.log(row);
}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const flag = (name: string) => {
    const i = args.indexOf(name);
    if (i >= 0) args.splice(i, 1);
    return i >= 0;
  };
  const related = flag('--related');
  const list = flag('--list');
  const importers = flag('--importers');
  const incremental = flag('--incremental');
  const noTypecheck = flag('--no-typecheck');
  const explicit = option(args, '--tests');
  const concurrency = option(args, '--concurrency') ?? '2';
  const maxMinutes = Number(option(args, '--max-minutes') ?? '40');
  const unknown = args.find((a) => a.startsWith('--'));
  if (unknown) throw new Error(`unknown option ${unknown}`);
  const files = args.map((f) => path.relative(ROOT, path.resolve(f)));
  if (files.length === 0) throw new Error('usage: npm run mutate -- <file> [<file> ...] [--related] [--importers] [--tests a,b] [--concurrency N] [--max-minutes M] [--no-typecheck] [--incremental]');
  for (const f of files) if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f}: no such file`);

  const env: NodeJS.ProcessEnv = { ...process.env };
  const name = files.map((f) => f.replace(/\.ts$/, '').replace(/[/\\]/g, '-')).join('+');
  env.MUTATE_REPORT = name.length > 100 ? 'mutation' : name;
  if (noTypecheck) env.MUTATE_NO_TYPECHECK = '1';
  if (!related) {
    const tests = explicit ? explicit.split(',') : [...new Set(files.flatMap((f) => nearestTests(f, importers)))].sort();
    if (tests.length === 0) throw new Error(`no test file imports ${files.join(', ')} directly (use --related or --tests)`);
    env.MUTATE_TESTS = JSON.stringify(tests);
    console.log(`mutate: ${files.join(', ')}\ntests: ${tests.join(', ')}`);
    if (list) return 0;
  } else {
    console.log(`mutate: ${files.join(', ')}\ntests: jest --findRelatedTests`);
  }

  // A sandbox folder of its own per set of files (.stryker-tmp-<name>): two runs of different files may go at once.
  const tempArgs = ['--tempDirName', `.stryker-tmp-${env.MUTATE_REPORT}`];
  const incrementalArgs = incremental ? ['--incremental', '--incrementalFile', path.join('reports', 'mutation', `${env.MUTATE_REPORT}.incremental.json`)] : [];
  const child = spawn(
    path.join(ROOT, 'node_modules', '.bin', 'stryker'),
    ['run', 'stryker.config.mjs', '--mutate', files.join(','), '--concurrency', concurrency, ...tempArgs, ...incrementalArgs],
    { cwd: ROOT, env, stdio: 'inherit', detached: true },
  );
  const timer = setTimeout(() => {
    console.error(`mutate: stopped after ${maxMinutes} minutes`);
    process.kill(-child.pid!, 'SIGTERM');
  }, maxMinutes * 60_000);
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  clearTimeout(timer);
  const report = path.join(ROOT, 'reports', 'mutation', `${env.MUTATE_REPORT}.json`);
  if (code === 0 && fs.existsSync(report)) summarise(report, files);
  return code;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`mutate: ${error.message}`);
    process.exitCode = 1;
  },
);
