/**
 * `npm run diff -- [<git-rev>] [--stack S] [--dist DIR]`: the effective values of every release,
 * the working tree's dist/ against dist/ at a git revision (default HEAD). Exit 0 when nothing
 * changed, 1 when something did, 2 on error (so CI can tell a change from a failure).
 */
import { runDiff } from '../lib/commands/diff';
import { parseCommandLine, runCommand } from '../lib/commands/cli';

const USAGE = 'usage: npm run diff -- [<git-rev>] [--stack <stack>] [--dist <dir>]';

// Exit 1 means "values changed", so every error (a bad flag too) exits 2.
runCommand(
  'diff',
  USAGE,
  () => {
    const { values, positionals } = parseCommandLine(process.argv.slice(2), { stack: { type: 'string' }, dist: { type: 'string' } }, { min: 0, max: 1, name: 'revision' });
    const result = runDiff({ rev: positionals[0], stack: values.stack, dist: values.dist });
    process.stdout.write(result.text);
    return result.code;
  },
  2,
);
