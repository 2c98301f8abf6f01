/**
 * `npm run diff -- [<git-rev>] [--stack S] [--dist DIR]`: the effective values of every release,
 * the working tree's dist/ against dist/ at a git revision (default HEAD). Exit 0 when nothing
 * changed, 1 when something did, 2 on error (so CI can tell a change from a failure).
 */
import { runDiff } from '../lib/commands/diff';
import { parseCommandLine, runMain } from './cli';

const USAGE = 'usage: npm run diff -- [<git-rev>] [--stack <stack>] [--dist <dir>]';

runMain(
  'diff',
  (argv) => {
    const parsed = parseCommandLine('diff', USAGE, argv, { stack: { type: 'string' }, dist: { type: 'string' } });
    if (typeof parsed === 'number') return parsed === 0 ? 0 : 2;
    if (parsed.positionals.length > 1) {
      console.error(USAGE);
      return 2;
    }
    const result = runDiff({ rev: parsed.positionals[0], stack: parsed.values.stack, dist: parsed.values.dist });
    process.stdout.write(result.text);
    return result.code;
  },
  2,
);
