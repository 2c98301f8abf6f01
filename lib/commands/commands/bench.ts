/** `bench [RUNS]`: launches scripts/bench.ts (through tsx): the synth's speed and memory, written to BENCHMARKS.md. */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { CommandSpec, ROOT } from '../command';
import { UsageError } from '../cli';
import { childEnv } from '../report';

export const bench: CommandSpec = {
  name: 'bench',
  summary: 'measure the synth (built-in stacks, fleets of 10/100/1000) and rendering; writes BENCHMARKS.md',
  description: 'Slow (minutes): each measure is the median of RUNS whole processes after a warm-up run.',
  arguments: [{ name: '[<runs>]', description: 'runs per measure (a positive whole number, default 5)' }],
  positionals: { min: 0, max: 1, name: 'run count' },
  flags: {},
  examples: ['bench', 'bench 3'],
  run({ positionals, report }) {
    if (positionals[0] !== undefined && !/^[1-9][0-9]*$/.test(positionals[0])) throw new UsageError(`RUNS must be a positive whole number, got '${positionals[0]}'`);
    const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'bench.ts'), ...positionals], { cwd: ROOT, stdio: 'inherit', env: childEnv(report.color) });
    if (run.error) throw new Error(`could not start scripts/bench.ts: ${run.error.message}`);
    return run.status ?? 1;
  },
};
