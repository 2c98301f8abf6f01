/**
 * `npm run diff -- [<git-rev>] [--stack S] [--dist DIR] [--rendered --charts CHARTS]`: the effective
 * values of every release, the working tree's dist/ against dist/ at a git revision (default HEAD);
 * with --rendered, the objects Helm renders from them with the charts of CHARTS (a folder, an app
 * tarball, an index.yaml or a repository URL; default STX_CHARTS), credentials masked. Exit 0 when
 * nothing changed, 1 when something did, 2 on error (so CI can tell a change from a failure).
 */
import { runDiff } from '../lib/commands/diff';
import { parseCommandLine, runCommand, UsageError } from '../lib/commands/cli';
import { runRenderedDiff } from '../lib/commands/rendered-diff';
import { openChartSet } from '../lib/validate/chart-source';

const USAGE = 'usage: npm run diff -- [<git-rev>] [--stack <stack>] [--dist <dir>] [--rendered --charts <folder|app-tarball|index.yaml|url>]';

// Exit 1 means "values changed", so every error (a bad flag too) exits 2.
runCommand(
  'diff',
  USAGE,
  () => {
    const { values, positionals } = parseCommandLine(
      process.argv.slice(2),
      { stack: { type: 'string' }, dist: { type: 'string' }, rendered: { type: 'boolean' }, charts: { type: 'string' } },
      { min: 0, max: 1, name: 'revision' },
    );
    if (!values.rendered) {
      if (values.charts !== undefined) throw new UsageError('--charts goes with --rendered');
      const result = runDiff({ rev: positionals[0], stack: values.stack, dist: values.dist });
      process.stdout.write(result.text);
      return result.code;
    }
    const charts = values.charts ?? process.env.STX_CHARTS;
    if (!charts) throw new UsageError('--rendered needs --charts (or STX_CHARTS): a chart folder, an app tarball, an index.yaml or a repository URL');
    return runRenderedDiff({ rev: positionals[0], stack: values.stack, dist: values.dist, charts: openChartSet(charts) }).then((result) => {
      process.stdout.write(result.text);
      return result.code;
    });
  },
  2,
);
