/**
 * `npm run images -- <stack|subcloud|fleet> [--mirror <registry>]`: every image the stack or
 * subcloud pulls, unique and sorted; with --mirror, the `skopeo copy` lines that fill an air-gapped
 * registry. A fleet (`<inventory>`) lists each subcloud under a `# subcloud <name>` line.
 */
import { mirrorCommands, stackImages } from '../lib/commands/images';
import { readTargets, resolveTargets } from '../lib/commands/targets';
import { parseCommandLine, runCommand, UsageError } from '../lib/commands/cli';

const USAGE = 'usage: npm run images -- <stack-or-subcloud> [--mirror <registry>]';

runCommand('images', USAGE, () => {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), { mirror: { type: 'string' } }, { min: 1, max: 1, name: 'stack' });
  if (values.mirror === '') throw new UsageError('--mirror needs a registry');
  const targets = resolveTargets(positionals[0]);
  const trees = readTargets(targets);
  const out: string[] = [];
  for (const target of targets) {
    const images = stackImages(trees.get(target.name)!);
    // An empty list is never printed as nothing: a tree without images is a tree we did not read.
    if (images.length === 0) throw new Error(`${target.name}: no image found in the values of its ${trees.get(target.name)!.releases.length} release(s)`);
    if (targets.length > 1) out.push(`# ${target.kind} ${target.name}`);
    out.push(...(values.mirror ? mirrorCommands(images, values.mirror) : images));
  }
  process.stdout.write(out.map((l) => `${l}\n`).join(''));
});
