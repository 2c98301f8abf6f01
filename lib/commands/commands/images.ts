/** `images`: every image a stack or subcloud pulls; with --mirror, the `skopeo copy` lines for an air-gapped registry. */
import { CommandSpec, printJson, schema, stringFlag, TARGET_ARGUMENT } from '../command';
import { UsageError } from '../cli';
import { mirrorCommands, stackImages } from '../images';
import { readTargets, resolveTargets } from '../targets';

export const images: CommandSpec = {
  name: 'images',
  summary: 'every image a stack or subcloud pulls, unique and sorted (or the skopeo lines that mirror them)',
  description: 'A fleet lists each subcloud under a `# subcloud <name>` line.',
  arguments: [TARGET_ARGUMENT],
  positionals: { min: 1, max: 1, name: 'target' },
  flags: {
    mirror: {
      type: 'string',
      value: 'REGISTRY',
      default: 'none: print the images',
      description: 'print `skopeo copy` lines that fill this registry instead',
    },
  },
  examples: ['images aio-sx', 'images sample --mirror registry.local:9001', 'images aio-sx --json'],
  json: {
    type: 'array',
    items: schema.object({ target: schema.string, kind: { enum: ['stack', 'subcloud'] }, images: schema.strings, mirror: schema.strings }, [
      'target',
      'kind',
      'images',
    ]),
  },
  run({ values, positionals, report }) {
    const mirror = stringFlag(values, 'mirror');
    if (mirror === '') throw new UsageError('--mirror needs a registry');
    const targets = resolveTargets(positionals[0]);
    const trees = readTargets(targets);
    const found = targets.map((target) => {
      const list = stackImages(trees.get(target.name)!);
      // An empty list is never printed as nothing: a tree without images is a tree we did not read.
      if (list.length === 0)
        throw new Error(`${target.name}: no image found in the values of its ${trees.get(target.name)!.releases.length} release(s)`);
      return { target: target.name, kind: target.kind, images: list, ...(mirror ? { mirror: mirrorCommands(list, mirror) } : {}) };
    });
    if (report.json) return printJson(found);
    const out: string[] = [];
    for (const f of found) {
      if (targets.length > 1) out.push(`# ${f.kind} ${f.target}`);
      out.push(...(f.mirror ?? f.images));
    }
    process.stdout.write(out.map((l) => `${l}\n`).join(''));
  },
};
