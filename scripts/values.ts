/**
 * `npm run values -- <stack-dir-or-name> <release> [--source] [--json]`: the values Helm will
 * receive for one HelmRelease of a written tree (lib/commands/values.ts).
 */
import { formatValues, readStack, releaseValues, resolveStackDir } from '../lib/commands/values';
import { parseCommandLine, runMain } from './cli';

const USAGE = 'usage: npm run values -- <stack-dir-or-name> <release> [--source] [--json]';

runMain('values', (argv) => {
  const parsed = parseCommandLine('values', USAGE, argv, { source: { type: 'boolean' }, json: { type: 'boolean' } });
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length !== 2) {
    console.error(USAGE);
    return 1;
  }
  const [stack, release] = parsed.positionals;
  const ev = releaseValues(readStack(resolveStackDir(stack)), release);
  process.stdout.write(formatValues(ev, { source: parsed.values.source, json: parsed.values.json }));
  return 0;
});
