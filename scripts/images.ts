/**
 * `npm run images -- <stack-dir-or-name> [--mirror <registry>]`: every image the stack pulls, unique
 * and sorted; with --mirror, the `skopeo copy` lines that fill an air-gapped registry.
 */
import { mirrorCommands, stackImages } from '../lib/commands/images';
import { readStack, resolveStackDir } from '../lib/commands/values';
import { parseCommandLine, runCommand, UsageError } from '../lib/commands/cli';

const USAGE = 'usage: npm run images -- <stack-dir-or-name> [--mirror <registry>]';

runCommand('images', USAGE, () => {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), { mirror: { type: 'string' } }, { min: 1, max: 1, name: 'stack' });
  if (values.mirror === '') throw new UsageError('--mirror needs a registry');
  const images = stackImages(readStack(resolveStackDir(positionals[0])));
  const lines = values.mirror ? mirrorCommands(images, values.mirror) : images;
  process.stdout.write(lines.map((l) => `${l}\n`).join(''));
});
