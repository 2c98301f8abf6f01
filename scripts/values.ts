/**
 * `npm run values -- <stack-dir-or-name> <release> [--source] [--json]`: the values Helm will
 * receive for one HelmRelease of a written tree (lib/commands/values.ts).
 */
import { parseArgs } from 'util';
import { formatValues, readStack, releaseValues, resolveStackDir } from '../lib/commands/values';

const USAGE = 'usage: npm run values -- <stack-dir-or-name> <release> [--source] [--json]';

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { source: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`values: ${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 2) {
    console.error(USAGE);
    return 1;
  }
  const [stack, release] = parsed.positionals;
  const ev = releaseValues(readStack(resolveStackDir(stack)), release);
  process.stdout.write(formatValues(ev, { source: parsed.values.source, json: parsed.values.json }));
  return 0;
}

// `| head` closes the pipe early: not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`values: ${(error as Error).message}`);
  process.exitCode = 1;
}
