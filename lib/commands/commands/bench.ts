/**
 * `bench [RUNS] [--only PARTS] [--sizes N,N] [--output FILE]`: launches scripts/bench.ts (through
 * tsx): the synth's speed and memory against the targets of issue 21, written to BENCHMARKS.md.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { CommandSpec, ROOT, stringFlag } from '../command';
import { UsageError } from '../cli';
import { childEnv } from '../report';

export const bench: CommandSpec = {
  name: 'bench',
  summary: 'measure the synth (built-in stacks, fleets of 10 to 5,000, a one-subcloud change) and rendering; writes BENCHMARKS.md',
  description:
    'Slow (the whole run: an hour or more): each measure is the median of RUNS whole processes after a warm-up run. --only and --sizes make a quick run.',
  arguments: [{ name: '[<runs>]', description: 'runs per measure (a positive whole number, default 5)' }],
  positionals: { min: 0, max: 1, name: 'run count' },
  flags: {
    only: {
      type: 'string',
      value: 'PARTS',
      default: 'synth,fleet,change,render,test',
      description: 'the parts to measure, comma-separated',
      complete: ['synth', 'fleet', 'change', 'render', 'test'],
    },
    sizes: {
      type: 'string',
      value: 'N,N',
      default: '10,100,1000,5000',
      description: 'the fleet sizes (the change is measured on 1,000, or the largest size below it)',
    },
    output: { type: 'string', value: 'FILE', default: 'BENCHMARKS.md', description: 'where the report goes' },
  },
  examples: ['bench', 'bench 3 --only synth', 'bench 1 --only fleet,change --sizes 10,100 --output /tmp/bench.md'],
  run({ positionals, values, report }) {
    if (positionals[0] !== undefined && !/^[1-9][0-9]*$/.test(positionals[0]))
      throw new UsageError(`RUNS must be a positive whole number, got '${positionals[0]}'`);
    const flags = (['only', 'sizes', 'output'] as const).flatMap((f) => {
      const value = stringFlag(values, f);
      // The script runs in the project folder; a report file named here is where the operator stands.
      return value === undefined ? [] : [`--${f}`, f === 'output' ? path.resolve(value) : value];
    });
    const run = spawnSync(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      [path.join(ROOT, 'scripts', 'bench.ts'), ...positionals, ...flags],
      { cwd: ROOT, stdio: 'inherit', env: childEnv(report.color) },
    );
    if (run.error) throw new Error(`could not start scripts/bench.ts: ${run.error.message}`);
    return run.status ?? 1;
  },
};
