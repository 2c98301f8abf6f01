/**
 * `npm run images -- <stack-dir-or-name> [--mirror <registry>]`: every image the stack pulls, unique
 * and sorted; with --mirror, the `skopeo copy` lines that fill an air-gapped registry.
 */
import { mirrorCommands, stackImages } from '../lib/commands/images';
import { readStack, resolveStackDir } from '../lib/commands/values';
import { parseCommandLine, runMain } from './cli';

const USAGE = 'usage: npm run images -- <stack-dir-or-name> [--mirror <registry>]';

runMain('images', (argv) => {
  const parsed = parseCommandLine('images', USAGE, argv, { mirror: { type: 'string' } });
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length !== 1 || parsed.values.mirror === '') {
    console.error(USAGE);
    return 1;
  }
  const images = stackImages(readStack(resolveStackDir(parsed.positionals[0])));
  const lines = parsed.values.mirror ? mirrorCommands(images, parsed.values.mirror) : images;
  process.stdout.write(lines.map((l) => `${l}\n`).join(''));
  return 0;
});
