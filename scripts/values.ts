/**
 * `npm run values -- <stack-dir-or-name> <release> [--source] [--json]`: the values Helm will
 * receive for one HelmRelease of a written tree (lib/commands/values.ts).
 */
import { formatValues, readStack, releaseValues, resolveStackDir } from '../lib/commands/values';
import { parseCommandLine, runCommand } from '../lib/commands/cli';

const USAGE = 'usage: npm run values -- <stack-dir-or-name> <release> [--source] [--json]';

runCommand('values', USAGE, () => {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), { source: { type: 'boolean' }, json: { type: 'boolean' } }, { min: 2, max: 2, name: 'argument' });
  const [stack, release] = positionals;
  const ev = releaseValues(readStack(resolveStackDir(stack)), release);
  process.stdout.write(formatValues(ev, { source: values.source, json: values.json }));
});
