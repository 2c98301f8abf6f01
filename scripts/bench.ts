/**
 * `npm run bench [-- RUNS] [--only PARTS] [--sizes N,N] [--output FILE]`: the synth's speed and
 * memory (issue 21), measured as whole processes, each the median of RUNS (default 5) after one
 * warm-up run (fleets of 1,000 and more: no warm-up). Parts (all by default):
 * - `synth`: the built-in synth (`npx cdk8s synth`) against the cdk8s CLI's own start
 *   (`npx cdk8s --version`) and the app alone (`node scripts/app.cjs`, as cdk8s.yaml runs it)
 *   against `kubectl kustomize` of one stack (skipped without kubectl), each two ways: the
 *   operator's default (no `--output`: the CLI empties its scratch folder and the app replaces
 *   the output folder through its swap, the previous tree present; pointed at a temporary folder
 *   with STX_OUTPUT), which the targets' verdicts use, and `--output <empty folder>` (the CLI
 *   deletes an `--output` folder before the app runs: every file and folder is created anew);
 * - `fleet`: fleets of SIZES generated subclouds (default 10, 100, 1000, 5000; written by
 *   `stx-openstack-gitops fleet new`, seed 1) synthesised through the public entry (STX_FLEETS,
 *   STX_PROFILES, STX_OUTPUT), against the one profile they extend: time, CPU, peak RSS (of the
 *   largest process, /usr/bin/time -v), bytes and files written, time per subcloud;
 * - `change`: a one-subcloud change on the 1,000 fleet (the largest size below it when 1,000 is not
 *   among SIZES): the fleet synthesised once, then each run changes one subcloud's inventory entry
 *   and synthesises into the same folder;
 * - `render`: every release of every built-in stack of dist/ rendered with the charts of
 *   ../shared/charts (STX_CHARTS), render cache off, against the helm template processes alone;
 * - `test`: `npm test` once (not a median: minutes).
 * Prints the tables and writes them to FILE (default BENCHMARKS.md) with every target met or not,
 * the command, the machine and the load average; what FILE holds below NOTES_MARKER is kept.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseCommandLine, runCommand, UsageError } from '../lib/commands/cli';
import { helmBinary } from '../lib/commands/helm-template';
import { renderStackReleases } from '../lib/commands/render';
import { readStack } from '../lib/commands/values';
import { openChartSet } from '../lib/validate/chart-source';
import { parseYaml12, toYamlFile } from '../lib/engine/yaml';

export const USAGE =
  'usage: npm run bench [-- RUNS] [--only synth,fleet,change,render,test] [--sizes 10,100,1000,5000] [--output FILE]   (RUNS: a positive whole number, default 5)';

export const PARTS = ['synth', 'fleet', 'change', 'render', 'test'] as const;
export type Part = (typeof PARTS)[number];

export interface BenchOptions {
  readonly runs: number;
  readonly parts: readonly Part[];
  readonly sizes: readonly number[];
  /** Where the report goes, relative to the project. */
  readonly output: string;
}

const wholeNumber = (text: string, what: string): number => {
  if (!/^[1-9][0-9]*$/.test(text)) throw new UsageError(`${what} must be a positive whole number, got '${text}'`);
  return Number(text);
};

/** The command line (without node and the script); throws UsageError or HelpRequested. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values, positionals } = parseCommandLine(
    argv,
    { only: { type: 'string' }, sizes: { type: 'string' }, output: { type: 'string' } },
    { min: 0, max: 1, name: 'run count' },
  );
  const runs = positionals.length === 0 ? 5 : wholeNumber(positionals[0], 'RUNS');
  const parts = values.only === undefined ? [...PARTS] : values.only.split(',').map((p) => p.trim());
  const unknown = parts.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0 || parts.length === 0) throw new UsageError(`--only takes parts among ${PARTS.join(', ')}, got '${values.only}'`);
  const sizes =
    values.sizes === undefined ? [10, 100, 1000, 5000] : values.sizes.split(',').map((s) => wholeNumber(s.trim(), 'each of --sizes'));
  return { runs, parts: parts as Part[], sizes: [...new Set(sizes)].sort((a, b) => a - b), output: values.output ?? 'BENCHMARKS.md' };
}

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'scripts', 'stx-openstack-gitops.cjs');
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const MiB = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;

interface Measure {
  /** Wall milliseconds, one per run. */
  readonly times: number[];
  /** User plus system CPU milliseconds of the process tree, one per run (with /usr/bin/time). */
  readonly cpu: number[];
  /** Peak RSS of the largest process in KiB, the largest over the runs (with /usr/bin/time). */
  readonly rssKiB?: number;
  /** Bytes and files under the output folder `<out>/dist` after the last run. */
  readonly bytes: number;
  readonly files: number;
}

function treeSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!fs.existsSync(dir)) return { bytes, files };
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      const sub = treeSize(path.join(dir, e.name));
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += fs.lstatSync(path.join(dir, e.name)).size;
      files++;
    }
  }
  return { bytes, files };
}

interface Run {
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

/** One process; `<out>` in its arguments and environment is `out`. Throws when it fails. */
function once(run: Run, out: string): { ms: number; cpuMs?: number; rssKiB?: number } {
  const sub = (s: string) => s.replace('<out>', out);
  const args = run.args.map(sub);
  const [cmd, argv] = TIME ? [TIME, ['-v', run.command, ...args]] : [run.command, args];
  const env = {
    ...process.env,
    CDK8S_CHECK_UPGRADE: 'false',
    ...Object.fromEntries(Object.entries(run.env ?? {}).map(([k, v]) => [k, sub(v)])),
  };
  const start = process.hrtime.bigint();
  const done = spawnSync(cmd, argv, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 256 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (done.status !== 0) throw new Error(`${run.command} ${args.join(' ')} failed: ${(done.stderr ?? '').slice(-2000)}`);
  const field = (name: string) => new RegExp(`${name}: ([0-9.]+)`).exec(done.stderr)?.[1];
  const [user, system, rss] = [
    field('User time \\(seconds\\)'),
    field('System time \\(seconds\\)'),
    field('Maximum resident set size \\(kbytes\\)'),
  ];
  return { ms, ...(user && system ? { cpuMs: (Number(user) + Number(system)) * 1000 } : {}), ...(rss ? { rssKiB: Number(rss) } : {}) };
}

/**
 * Runs `run` (a warm-up unless `warmUp` is false, then `runs` times), each in a fresh `<out>`
 * folder unless `out` is given; `between` runs before each measured run.
 */
function measure(runs: number, run: Run, options: { warmUp?: boolean; out?: string; between?: (i: number) => void } = {}): Measure {
  const times: number[] = [];
  const cpu: number[] = [];
  let rssKiB: number | undefined;
  let size = { bytes: 0, files: 0 };
  for (let i = options.warmUp === false ? 1 : 0; i <= runs; i++) {
    const out = options.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
    try {
      if (i > 0) options.between?.(i);
      const r = once(run, out);
      if (i === 0) continue;
      times.push(r.ms);
      if (r.cpuMs !== undefined) cpu.push(r.cpuMs);
      if (r.rssKiB !== undefined) rssKiB = Math.max(rssKiB ?? 0, r.rssKiB);
      // The output folder only: an incremental fleet synth keeps its previous tree beside it (.dist.spare).
      size = treeSize(path.join(out, 'dist'));
    } finally {
      if (options.out === undefined) fs.rmSync(out, { recursive: true, force: true });
    }
  }
  return { times, cpu, rssKiB, ...size };
}

/** One render of every built-in stack: wall time, the helm processes' summed time, what rendered. */
export interface RenderBench {
  readonly wallMs: number;
  readonly helmMs: number;
  readonly releases: number;
  readonly failed: number;
  readonly objects: number;
}

/** Renders every release of every stack folder of dist/ (fleets and entry points aside), cache off, helm processes in parallel. */
export async function renderBench(
  charts = process.env.STX_CHARTS ?? path.resolve(ROOT, '..', 'shared', 'charts'),
): Promise<RenderBench | string> {
  if (!fs.existsSync(charts)) return `skipped: no chart set at ${charts} (set STX_CHARTS)`;
  try {
    helmBinary();
  } catch (error) {
    return `skipped: ${(error as Error).message}`;
  }
  const dist = path.join(ROOT, 'dist');
  const stacks = fs
    .readdirSync(dist)
    .filter((d) => fs.existsSync(path.join(dist, d, 'kustomization.yaml')))
    .sort();
  const start = process.hrtime.bigint();
  const set = openChartSet(charts);
  // One stack after another, its releases as many at once as there are cores: more helm processes
  // than cores would only slow each one down.
  const rendered = [];
  for (const s of stacks) rendered.push(await renderStackReleases(readStack(path.join(dist, s)), { charts: set, cache: false }));
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const releases = rendered.flatMap((r) => r.releases);
  return {
    wallMs,
    helmMs: releases.reduce((n, r) => n + r.ms, 0),
    releases: releases.length,
    failed: releases.filter((r) => r.error).length,
    objects: releases.reduce((n, r) => n + r.objects.length, 0),
  };
}

/** A target of issue 21: what, the measured value, met or not (undefined: not measured in this run). */
interface Target {
  readonly what: string;
  readonly measured: string;
  readonly met?: boolean;
  /** The same ratio in CPU time, which a loaded machine distorts less: told where it disagrees. */
  readonly cpuMet?: boolean;
}

/** Fleet size, and ms, bytes and files per subcloud over the baseline. */
type PerSubcloud = [count: number, ms: number, bytes: number, files: number];

const SYNTH_TARGET = 'built-in synth ≤ CLI start + 0.7 s';
const APP_TARGET = 'app alone ≤ 3× kubectl kustomize of one stack';
/** The two ways a synth writes, as the targets name them. */
const DEFAULT_PATH = "the operator's `npx cdk8s synth`, previous tree present";
const COLD_PATH = '`--output` into an emptied folder (reported, not the verdict)';
const RENDER_TARGET = 'rendering every built-in stack ≤ 1.5× the helm processes alone';
const TEST_TARGET = 'npm test ≤ 60 s on an idle 2-core machine';

/** A row of the process table. */
interface Row {
  readonly name: string;
  readonly command: string;
  readonly m: Measure;
}

const ms = (m: Measure) => median(m.times);
const seconds = (n: number) => `${(n / 1000).toFixed(2)} s`;

/** The one profile the generated fleets extend, and the environment of a synth of that profile and `fleets`. */
const FLEET_PROFILE = 'deployments/aio-sx-subcloud.yaml';
const fleetRun = (fleets: string): Run => ({
  command: 'node',
  args: ['scripts/app.cjs'],
  env: { STX_OUTPUT: '<out>/dist', STX_PROFILES: FLEET_PROFILE, STX_FLEETS: fleets },
});

/** Writes a generated inventory through the public command (`fleet new`). */
function newFleet(count: number, file: string): void {
  const made = spawnSync('node', [BIN, 'fleet', 'new', String(count), file], { cwd: ROOT, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`fleet new ${count} failed: ${made.stderr}`);
}

/** Changes one subcloud of an inventory file (its MTU, alternating), as an operator would edit it. */
function changeOneSubcloud(file: string, i: number): void {
  const [inventory] = parseYaml12(fs.readFileSync(file, 'utf8'), file) as Array<{ subclouds: Array<Record<string, unknown>> }>;
  const site = inventory.subclouds[Math.floor(inventory.subclouds.length / 2)];
  site.datanetworks = [{ name: 'physnet0', type: 'vlan', mtu: i % 2 === 0 ? 9000 : 1500 }];
  fs.writeFileSync(file, toYamlFile([inventory]));
}

async function main(options: BenchOptions): Promise<void> {
  const { runs, parts, sizes } = options;
  const rows: Row[] = [];
  const targets: Target[] = [];
  const fleets = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fleets-'));
  const add = (name: string, run: Run, m: Measure) => {
    const command = `${Object.entries(run.env ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')} ${run.command} ${run.args.join(' ')}`
      .trim()
      .replaceAll(fleets, '<fleets>');
    rows.push({ name, command, m });
    console.error(
      `${name}: median ${ms(m).toFixed(0)} ms (${m.times.map((t) => t.toFixed(0)).join(', ')})${m.cpu.length ? `, CPU ${median(m.cpu).toFixed(0)} ms` : ''}${m.rssKiB ? `, peak RSS ${MiB(m.rssKiB)}` : ''}${m.files ? `, ${m.files} files, ${(m.bytes / 1e6).toFixed(1)} MB` : ''}`,
    );
    return m;
  };
  const bench = (name: string, run: Run, opts?: Parameters<typeof measure>[2]) => add(name, run, measure(runs, run, opts));

  const paths = [DEFAULT_PATH, COLD_PATH];
  if (!parts.includes('synth'))
    targets.push(
      ...[SYNTH_TARGET, APP_TARGET].flatMap((what) =>
        paths.map((way) => ({ what: `${what}: ${way}`, measured: 'not measured in this run' })),
      ),
    );
  if (parts.includes('synth')) {
    const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
    const yard = kubectl
      ? bench('kubectl kustomize of one stack (yardstick)', { command: 'kubectl', args: ['kustomize', 'dist/starlingx-app'] })
      : undefined;
    const cli = bench('cdk8s CLI start', { command: 'npx', args: ['cdk8s', '--version'] });
    // The operator's default: one output folder for every run, the warm-up writing the first tree.
    const synthOut = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
    const appOut = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-app-'));
    let ways: Array<{ way: string; synth: Measure; app: Measure }>;
    try {
      ways = [
        {
          way: DEFAULT_PATH,
          synth: bench(
            'built-in synth, whole: npx cdk8s synth (scratch output; previous tree present)',
            { command: 'npx', args: ['cdk8s', 'synth'], env: { STX_OUTPUT: '<out>/dist' } },
            { out: synthOut },
          ),
          app: bench(
            'built-in synth, app alone as cdk8s.yaml runs it (previous tree present)',
            { command: 'node', args: ['scripts/app.cjs'], env: { STX_OUTPUT: '<out>/dist' } },
            { out: appOut },
          ),
        },
        {
          way: COLD_PATH,
          synth: bench('built-in synth, whole: npx cdk8s synth --output (emptied folder)', {
            command: 'npx',
            args: ['cdk8s', 'synth', '--output', '<out>/dist'],
          }),
          app: bench('built-in synth, app alone as cdk8s.yaml runs it (emptied folder)', {
            command: 'node',
            args: ['scripts/app.cjs'],
            env: { CDK8S_OUTDIR: '<out>/dist' },
          }),
        },
      ];
    } finally {
      for (const out of [synthOut, appOut]) fs.rmSync(out, { recursive: true, force: true });
    }
    const cpu = (m: Measure) => (m.cpu.length > 0 ? median(m.cpu) : NaN);
    for (const { way, synth } of ways) {
      targets.push({
        what: `${SYNTH_TARGET}: ${way}`,
        measured: `${seconds(ms(synth))} against ${seconds(ms(cli))} + 0.70 s (CPU: ${seconds(cpu(synth))} against ${seconds(cpu(cli))} + 0.70 s)`,
        met: ms(synth) <= ms(cli) + 700,
        cpuMet: cpu(synth) <= cpu(cli) + 700,
      });
    }
    for (const { way, app } of ways) {
      targets.push(
        yard
          ? {
              what: `${APP_TARGET}: ${way}`,
              measured: `${seconds(ms(app))}, ${(ms(app) / ms(yard)).toFixed(1)}× ${seconds(ms(yard))} (CPU: ${(cpu(app) / cpu(yard)).toFixed(1)}×)`,
              met: ms(app) <= 3 * ms(yard),
              cpuMet: cpu(app) <= 3 * cpu(yard),
            }
          : { what: `${APP_TARGET}: ${way}`, measured: `${seconds(ms(app))}; kubectl not found, no yardstick` },
      );
    }
  }

  // Per fleet size: ms, bytes and files per subcloud over the baseline.
  let perSubcloud: PerSubcloud[] = [];
  try {
    const fleetRows: Array<[number, Measure]> = [];
    let base: Measure | undefined;
    if (parts.includes('fleet')) {
      fs.mkdirSync(path.join(fleets, 'none'));
      base = bench("one profile, no fleet (the fleets' baseline)", fleetRun(path.join(fleets, 'none')));
      for (const count of sizes) {
        const file = path.join(fleets, `fleet${count}.yaml`);
        newFleet(count, file);
        fleetRows.push([count, bench(`fleet of ${count} subclouds`, fleetRun(file), { warmUp: count < 1000 })]);
      }
    }
    let change: Measure | undefined;
    const changeSize = sizes.includes(1000) ? 1000 : ([...sizes].reverse().find((s) => s < 1000) ?? sizes[0]);
    if (parts.includes('change')) {
      const file = path.join(fleets, `change${changeSize}.yaml`);
      newFleet(changeSize, file);
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-change-'));
      try {
        once(fleetRun(file), out);
        change = bench(`one-subcloud change on the fleet of ${changeSize}`, fleetRun(file), {
          warmUp: false,
          out,
          between: (i) => changeOneSubcloud(file, i),
        });
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    }
    targets.push(...fleetTargets(fleetRows, base, change, changeSize));
    if (fleetRows.length > 0 && base)
      perSubcloud = fleetRows.map(([count, m]) => [
        count,
        (ms(m) - ms(base!)) / count,
        (m.bytes - base!.bytes) / count,
        (m.files - base!.files) / count,
      ]);
  } finally {
    fs.rmSync(fleets, { recursive: true, force: true });
  }

  const renderLines = parts.includes('render') ? await renderPart(targets) : [];
  if (!parts.includes('render')) targets.push({ what: RENDER_TARGET, measured: 'not measured in this run' });
  if (parts.includes('test')) {
    const test = add(
      'npm test (once)',
      { command: 'npm', args: ['test'] },
      measure(1, { command: 'npm', args: ['test'] }, { warmUp: false }),
    );
    targets.push({
      what: TEST_TARGET,
      measured: `${seconds(ms(test))} (load average ${os.loadavg()[0].toFixed(2)} at the end)`,
      met: ms(test) <= 60_000,
    });
  } else {
    targets.push({ what: TEST_TARGET, measured: 'not measured in this run' });
  }
  const report = reportLines(options, rows, targets, perSubcloud, renderLines).join('\n');
  const file = path.resolve(ROOT, options.output);
  fs.writeFileSync(file, report + keptNotes(file));
  console.log(report);
}

function fleetTargets(
  fleetRows: ReadonlyArray<[number, Measure]>,
  base: Measure | undefined,
  change: Measure | undefined,
  changeSize: number,
): Target[] {
  const out: Target[] = [];
  const at = (n: number) => fleetRows.find(([c]) => c === n)?.[1];
  const k1 = at(1000);
  const k5 = at(5000);
  out.push(
    k1
      ? { what: 'fleet of 1,000 ≤ 15 s whole process', measured: seconds(ms(k1)), met: ms(k1) <= 15_000 }
      : { what: 'fleet of 1,000 ≤ 15 s whole process', measured: 'not measured in this run' },
  );
  out.push(
    k1?.rssKiB !== undefined
      ? { what: 'fleet of 1,000 ≤ 500 MiB peak RSS', measured: MiB(k1.rssKiB), met: k1.rssKiB <= 500 * 1024 }
      : { what: 'fleet of 1,000 ≤ 500 MiB peak RSS', measured: 'not measured in this run' },
  );
  out.push(
    k1 && base
      ? {
          what: 'fleet of 1,000 ≤ 5,000 files',
          measured: `${k1.files - base.files} files (${k1.files} in the output, ${base.files} of them the profile's own stack)`,
          met: k1.files - base.files <= 5000,
        }
      : { what: 'fleet of 1,000 ≤ 5,000 files', measured: 'not measured in this run' },
  );
  if (k1 && k5 && base) {
    const per1 = (ms(k1) - ms(base)) / 1000;
    const per5 = (ms(k5) - ms(base)) / 5000;
    out.push({
      what: 'fleet of 5,000 linear: time per subcloud at 5,000 ≤ at 1,000',
      measured: `${per5.toFixed(1)} ms against ${per1.toFixed(1)} ms`,
      met: per5 <= per1,
    });
  } else {
    out.push({ what: 'fleet of 5,000 linear: time per subcloud at 5,000 ≤ at 1,000', measured: 'not measured in this run' });
  }
  out.push(
    change
      ? {
          what: 'one-subcloud change on the 1,000 fleet ≤ 2 s',
          measured: `${seconds(ms(change))}${changeSize === 1000 ? '' : ` (on a fleet of ${changeSize}, not 1,000)`}`,
          met: changeSize === 1000 ? ms(change) <= 2000 : undefined,
        }
      : { what: 'one-subcloud change on the 1,000 fleet ≤ 2 s', measured: 'not measured in this run' },
  );
  return out;
}

/** The render measurement's lines; its target goes to `targets`. */
async function renderPart(targets: Target[]): Promise<string[]> {
  const bench = await renderBench();
  if (typeof bench === 'string') {
    targets.push({ what: RENDER_TARGET, measured: bench });
    return [`Rendering the built-in stacks: ${bench}.`, ''];
  }
  const ratio = bench.wallMs / bench.helmMs;
  targets.push({ what: RENDER_TARGET, measured: `${ratio.toFixed(2)}×`, met: ratio <= 1.5 });
  return [
    `Rendering every release of the built-in stacks of dist/ (${bench.releases} renders, ${bench.failed} failed, ${bench.objects} objects; render cache off; helm processes ${os.availableParallelism()} at a time):`,
    `${bench.wallMs.toFixed(0)} ms wall against ${bench.helmMs.toFixed(0)} ms summed over the helm template processes alone: ${ratio.toFixed(2)}×.`,
    '',
  ];
}

/** What follows this line in the report is written by hand (where the time goes) and kept by every run. */
export const NOTES_MARKER = '<!-- Written by hand below this line; npm run bench keeps it. -->';

/** The hand-written notes of an existing report, from the marker on (the marker alone when there are none). */
function keptNotes(file: string): string {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const at = text.indexOf(NOTES_MARKER);
  return `\n${at === -1 ? `${NOTES_MARKER}\n` : text.slice(at)}`;
}

function reportLines(
  options: BenchOptions,
  rows: readonly Row[],
  targets: readonly Target[],
  perSubcloud: readonly PerSubcloud[],
  renderLines: readonly string[],
): string[] {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
  const said = (met: boolean) => (met ? 'met' : 'not met');
  const verdict = (t: Target) =>
    t.met === undefined ? '-' : said(t.met) + (t.cpuMet !== undefined && t.cpuMet !== t.met ? ` (by CPU time: ${said(t.cpuMet)})` : '');
  const argv = process.argv.slice(2).join(' ');
  return [
    '# Benchmarks',
    '',
    `\`npm run bench${argv ? ` -- ${argv}` : ''}\` (scripts/bench.ts), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: whole processes, median of ${options.runs} (after one warm-up run, but for fleets of 1,000 and more); parts: ${options.parts.join(', ')}.`,
    `Machine: ${os.cpus().length} CPUs (nproc), ${os.cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, load average at the end ${load}.`,
    'Absolute times on shared machines swing by tens of percent; the targets are ratios measured in one run. CPU is user plus system time of the process tree (what a loaded machine inflates least).',
    '',
    '## Targets (issue 21)',
    '',
    '| target | measured | verdict |',
    '| --- | --- | --- |',
    ...targets.map((t) => `| ${t.what} | ${t.measured} | ${verdict(t)} |`),
    '',
    '## Processes',
    '',
    '| what | median ms | runs (ms) | CPU ms | peak RSS | files | bytes written | command |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      ({ name, command, m }) =>
        `| ${name} | ${ms(m).toFixed(0)} | ${m.times.map((t) => t.toFixed(0)).join(', ')} | ${m.cpu.length ? median(m.cpu).toFixed(0) : '-'} | ${m.rssKiB ? MiB(m.rssKiB) : '-'} | ${m.files || '-'} | ${m.bytes ? `${(m.bytes / 1e6).toFixed(1)} MB` : '-'} | \`${command}\` |`,
    ),
    '',
    ...(perSubcloud.length > 0
      ? [
          'Fleets over their baseline (the one profile they extend), per subcloud:',
          '',
          '| subclouds | ms | bytes | files |',
          '| ---: | ---: | ---: | ---: |',
          ...perSubcloud.map(([count, t, b, f]) => `| ${count} | ${t.toFixed(1)} | ${b.toFixed(0)} | ${f.toFixed(1)} |`),
          '',
        ]
      : []),
    ...renderLines,
  ];
}

if (require.main === module) runCommand('bench', USAGE, () => main(parseBenchArgs(process.argv.slice(2))));
