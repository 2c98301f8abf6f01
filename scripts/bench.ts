/**
 * `npm run bench [-- RUNS]`: the synth's speed and memory, measured (not asserted by tests).
 * - whole process: `npx cdk8s synth --output <tmp>` as an operator runs it, RUNS times (default 5);
 * - app only: `npx tsx main.ts` with CDK8S_OUTDIR=<tmp> (no cdk8s CLI start-up);
 * - in process: render every stack in memory, after a warm-up, and the heap it takes.
 * Prints the median and the range of each.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildApp } from '../lib/deployment/app';
import { renderApp } from '../lib/engine/synth';
import { parseCommandLine, runCommand, UsageError } from '../lib/commands/cli';

export const USAGE = 'usage: npm run bench [-- RUNS]   (RUNS: a positive whole number, default 5)';

/** The command line (without node and the script): how many runs; throws UsageError or HelpRequested. */
export function parseBenchArgs(argv: readonly string[]): number {
  const { positionals } = parseCommandLine(argv, {}, { min: 0, max: 1, name: 'run count' });
  if (positionals.length === 0) return 5;
  if (!/^[1-9][0-9]*$/.test(positionals[0])) throw new UsageError(`RUNS must be a positive whole number, got '${positionals[0]}'`);
  return Number(positionals[0]);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;

function timeCommand(runs: number, command: string, args: string[], env: Record<string, string>): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
    const start = process.hrtime.bigint();
    const run = spawnSync(command, args.map((a) => a.replace('<out>', out)), { env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false', ...env, CDK8S_OUTDIR: env.CDK8S_OUTDIR?.replace('<out>', out) ?? '' }, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr}`);
    fs.rmSync(out, { recursive: true, force: true });
  }
  return times;
}

function main(runs: number): void {
  console.log(`whole process (npx cdk8s synth): ${fmt(timeCommand(runs, 'npx', ['cdk8s', 'synth', '--output', '<out>/dist'], {}))}`);
  console.log(`app only (npx tsx main.ts):      ${fmt(timeCommand(runs, 'npx', ['tsx', 'main.ts'], { CDK8S_OUTDIR: '<out>/dist' }))}`);

  renderApp(buildApp()); // warm-up: module loading and JIT
  const inProcess: number[] = [];
  let heap = 0;
  for (let i = 0; i < runs; i++) {
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const start = process.hrtime.bigint();
    const stacks = renderApp(buildApp());
    inProcess.push(Number(process.hrtime.bigint() - start) / 1e6);
    heap = Math.max(heap, process.memoryUsage().heapUsed - before);
    if (stacks.length === 0) throw new Error('no stack');
  }
  console.log(`in process (render all stacks):  ${fmt(inProcess)}; heap growth up to ${(heap / 1048576).toFixed(0)} MiB; rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
}

if (require.main === module) runCommand('bench', USAGE, () => main(parseBenchArgs(process.argv.slice(2))));
