/**
 * `npm run bench [-- RUNS]`: the synth's speed and memory, measured (not asserted by tests), as
 * whole processes, each the median of RUNS (default 5) after one warm-up run:
 * - the built-in stacks: `npx cdk8s synth` as an operator runs it, the app alone as cdk8s.yaml runs it
 *   (`node scripts/app.cjs`: main.ts bundled once), and the sources through tsx for comparison;
 * - the start-up costs it contains: `npx cdk8s --version`, `npx tsx -e 1`;
 * - fleets of 10, 100 and 1000 generated subclouds (scripts/make-fleet.ts, seed 1): time, peak
 *   RSS (of the process tree, /usr/bin/time -v where it exists) and bytes written;
 * - the yardstick: `kubectl kustomize dist/starlingx-app`;
 * - rendering every release of every built-in stack of dist/ with the charts of ../shared/charts
 *   (`STX_CHARTS`), render cache off, against the sum of the `helm template` processes alone
 *   (target ≤ 1.5×; skipped without the charts or Helm).
 * Prints the table and writes BENCHMARKS.md with the machine it ran on.
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
import { toYamlFile } from '../lib/engine/yaml';
import { fleetInventory } from './make-fleet';

export const USAGE = 'usage: npm run bench [-- RUNS]   (RUNS: a positive whole number, default 5)';

/** The command line (without node and the script): how many runs; throws UsageError or HelpRequested. */
export function parseBenchArgs(argv: readonly string[]): number {
  const { positionals } = parseCommandLine(argv, {}, { min: 0, max: 1, name: 'run count' });
  if (positionals.length === 0) return 5;
  if (!/^[1-9][0-9]*$/.test(positionals[0])) throw new UsageError(`RUNS must be a positive whole number, got '${positionals[0]}'`);
  return Number(positionals[0]);
}

const ROOT = path.resolve(__dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Measure {
  /** Milliseconds, one per run. */
  readonly times: number[];
  /** Peak RSS of the process tree in KiB (largest over the runs), when /usr/bin/time exists. */
  readonly rssKiB?: number;
  /** Bytes of the files written under `<out>/dist/fleet` (fleets). */
  readonly bytes?: number;
}

function duBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? duBytes(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size;
  return n;
}

/** Runs `command` (with `<out>` replaced by a fresh folder) once to warm up, then `runs` times. */
function measure(runs: number, command: string, args: string[], env: Record<string, string> = {}): Measure {
  const times: number[] = [];
  let rssKiB: number | undefined;
  let bytes: number | undefined;
  for (let i = 0; i <= runs; i++) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
    const sub = (s: string) => s.replace('<out>', out);
    const [cmd, argv] = TIME ? [TIME, ['-v', command, ...args.map(sub)]] : [command, args.map(sub)];
    const start = process.hrtime.bigint();
    const run = spawnSync(cmd, argv, { cwd: ROOT, env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false', ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, sub(v)])) }, encoding: 'utf8', maxBuffer: 256 << 20 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr.slice(-2000)}`);
    if (i > 0) {
      times.push(ms);
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
      if (rss) rssKiB = Math.max(rssKiB ?? 0, Number(rss[1]));
      bytes = duBytes(path.join(out, 'dist', 'fleet'));
    }
    fs.rmSync(out, { recursive: true, force: true });
  }
  return { times, rssKiB, bytes };
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
export async function renderBench(charts = process.env.STX_CHARTS ?? path.resolve(ROOT, '..', 'shared', 'charts')): Promise<RenderBench | string> {
  if (!fs.existsSync(charts)) return `skipped: no chart set at ${charts} (set STX_CHARTS)`;
  try {
    helmBinary();
  } catch (error) {
    return `skipped: ${(error as Error).message}`;
  }
  const dist = path.join(ROOT, 'dist');
  const stacks = fs.readdirSync(dist).filter((d) => fs.existsSync(path.join(dist, d, 'kustomization.yaml'))).sort();
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

async function main(runs: number): Promise<void> {
  const rows: Array<[string, Measure]> = [];
  const row = (name: string, m: Measure) => {
    rows.push([name, m]);
    console.error(`${name}: median ${median(m.times).toFixed(0)} ms (${m.times.map((t) => t.toFixed(0)).join(', ')})${m.rssKiB ? `, peak RSS ${(m.rssKiB / 1024).toFixed(0)} MiB` : ''}${m.bytes ? `, ${(m.bytes / 1e6).toFixed(1)} MB written` : ''}`);
  };
  const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
  if (kubectl) row('kubectl kustomize dist/starlingx-app (yardstick)', measure(runs, 'kubectl', ['kustomize', 'dist/starlingx-app']));
  row('npx cdk8s --version (CLI start)', measure(runs, 'npx', ['cdk8s', '--version']));
  row('npx tsx -e 1 (TypeScript loading)', measure(runs, 'npx', ['tsx', '-e', '1']));
  row('npx cdk8s synth --output (built-in stacks, whole)', measure(runs, 'npx', ['cdk8s', 'synth', '--output', '<out>/dist']));
  row('node scripts/app.cjs (built-in stacks, app alone, bundled)', measure(runs, 'node', ['scripts/app.cjs'], { CDK8S_OUTDIR: '<out>/dist' }));
  row('npx tsx main.ts (built-in stacks, app alone, through tsx)', measure(runs, 'npx', ['tsx', 'main.ts'], { CDK8S_OUTDIR: '<out>/dist' }));
  const fleets = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fleets-'));
  const fleetRows: Array<[number, Measure]> = [];
  // The fleets' app: the one profile they extend, the fleet, nothing else.
  fs.mkdirSync(path.join(fleets, 'none'), { recursive: true });
  const base = measure(runs, 'node', ['scripts/app.cjs'], { STX_OUTPUT: '<out>/dist', STX_PROFILES: 'deployments/aio-sx-subcloud.yaml', STX_FLEETS: path.join(fleets, 'none') });
  row('app with one profile, no fleet (fleet baseline)', base);
  for (const count of [10, 100, 1000]) {
    const file = path.join(fleets, `fleet${count}.yaml`);
    fs.writeFileSync(file, toYamlFile([fleetInventory(count, 1)]));
    const m = measure(runs, 'node', ['scripts/app.cjs'], { STX_OUTPUT: '<out>/dist', STX_PROFILES: 'deployments/aio-sx-subcloud.yaml', STX_FLEETS: file });
    row(`fleet of ${count} subclouds (app, whole process)`, m);
    fleetRows.push([count, m]);
  }
  fs.rmSync(fleets, { recursive: true, force: true });

  const yard = kubectl ? median(rows[0][1].times) : undefined;
  const perSite = (count: number, m: Measure) => (median(m.times) - median(base.times)) / count;
  const m100 = fleetRows.find(([c]) => c === 100)![1];
  const m1000 = fleetRows.find(([c]) => c === 1000)![1];
  const load = os.loadavg().map((l) => l.toFixed(2)).join(', ');
  const lines = [
    '# Benchmarks',
    '',
    `\`npm run bench\` (scripts/bench.ts), ${new Date().toISOString().slice(0, 10)}: whole processes, median of ${runs} after one warm-up.`,
    `Machine: ${os.cpus().length} CPUs (nproc), ${os.cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, load average at the end ${load}.`,
    'Absolute times on shared machines swing by tens of percent from day to day; the ratios are measured in one run.',
    '',
    '| what | median ms | runs (ms) | peak RSS | written | ratio to kubectl kustomize |',
    '| --- | ---: | --- | ---: | ---: | ---: |',
    ...rows.map(([name, m]) => `| ${name} | ${median(m.times).toFixed(0)} | ${m.times.map((t) => t.toFixed(0)).join(', ')} | ${m.rssKiB ? `${(m.rssKiB / 1024).toFixed(0)} MiB` : '-'} | ${m.bytes ? `${(m.bytes / 1e6).toFixed(1)} MB` : '-'} | ${yard ? (median(m.times) / yard).toFixed(1) + '×' : '-'} |`),
    '',
    'Fleet, time per subcloud over the baseline (app with the one profile the fleet extends):',
    '',
    '| subclouds | ms per subcloud | bytes per subcloud |',
    '| ---: | ---: | ---: |',
    ...fleetRows.map(([count, m]) => `| ${count} | ${perSite(count, m).toFixed(1)} | ${m.bytes ? (m.bytes / count).toFixed(0) : '-'} |`),
    '',
    ...(await renderLines()),
    `Targets: 1000 subclouds ≤ 30 s: ${(median(m1000.times) / 1000).toFixed(1)} s; ≤ 1 GiB peak RSS: ${m1000.rssKiB ? `${(m1000.rssKiB / 1024).toFixed(0)} MiB` : 'not measured'}; ≤ 100 MB written: ${((m1000.bytes ?? 0) / 1e6).toFixed(1)} MB; per subcloud 100 → 1000: ${perSite(100, m100).toFixed(1)} → ${perSite(1000, m1000).toFixed(1)} ms.`,
    '',
  ];
  fs.writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), lines.join('\n'));
  console.log(lines.join('\n'));
}

/** The render measurement's lines of BENCHMARKS.md. */
async function renderLines(): Promise<string[]> {
  const bench = await renderBench();
  if (typeof bench === 'string') return [`Rendering the built-in stacks: ${bench}.`, ''];
  const ratio = bench.wallMs / bench.helmMs;
  return [
    `Rendering every release of the built-in stacks of dist/ (${bench.releases} renders, ${bench.failed} failed, ${bench.objects} objects; render cache off; helm processes ${os.availableParallelism()} at a time):`,
    `${bench.wallMs.toFixed(0)} ms wall against ${bench.helmMs.toFixed(0)} ms summed over the helm template processes alone: ${ratio.toFixed(2)}× (target ≤ 1.5×).`,
    '',
  ];
}

if (require.main === module) runCommand('bench', USAGE, () => main(parseBenchArgs(process.argv.slice(2))));
