/** `values`: the values Helm will receive for one HelmRelease of a written tree (lib/commands/values.ts). */
import { CommandSpec, TARGET_ARGUMENT } from '../command';
import { readTargets, resolveTargets } from '../targets';
import { formatValues, releaseValues } from '../values';

const VALUES_JSON = {
  type: 'object',
  properties: {
    release: { type: 'string' },
    values: { type: 'object' },
    sources: { type: 'object' },
    notes: { type: 'array', items: { type: 'string' } },
  },
  required: ['release', 'values', 'notes'],
};
const NOT_ENABLED_JSON = {
  type: 'object',
  properties: { subcloud: { type: 'string' }, release: { type: 'string' }, enabled: { const: false } },
  required: ['subcloud', 'release', 'enabled'],
};

export const values: CommandSpec = {
  name: 'values',
  summary: 'the values Helm will receive for one HelmRelease of a written tree',
  description: 'A fleet prints the release of every subcloud, one after the other (with --json: an array).',
  arguments: [TARGET_ARGUMENT, { name: '<release>', description: 'a HelmRelease name (nova, keystone)', complete: 'release' }],
  positionals: { min: 2, max: 2, name: 'argument' },
  flags: { source: { type: 'boolean', default: 'off', description: 'one line per leaf with the layer and file that set it' } },
  examples: ['values aio-sx nova', 'values sample/subcloud1 keystone --source', 'values aio-sx nova --json'],
  json: { oneOf: [VALUES_JSON, { type: 'array', items: { oneOf: [VALUES_JSON, NOT_ENABLED_JSON] } }] },
  run({ values: flags, positionals, report }) {
    const [stack, release] = positionals;
    const json = report.json;
    const source = flags.source === true;
    const targets = resolveTargets(stack);
    const trees = readTargets(targets);
    const many = targets.length > 1;
    // In a fleet, a subcloud may not enable the release: said so on its line; none enabling it is an error.
    const having = targets.filter((t) => !many || trees.get(t.name)!.releases.some((r) => r.name === release));
    if (having.length === 0) throw new Error(`no subcloud of ${stack} has a HelmRelease "${release}"`);
    const texts = targets.map((t) => {
      if (!having.includes(t))
        return json
          ? JSON.stringify({ subcloud: t.name, release, enabled: false })
          : `# ${t.kind} ${t.name}: no HelmRelease ${release} (not enabled there)\n`;
      const text = formatValues(releaseValues(trees.get(t.name)!, release), { source, json });
      return many && !json ? `# ${t.kind} ${t.name}\n${text}` : text;
    });
    process.stdout.write(json && many ? `[${texts.map((t) => t.trimEnd()).join(',\n')}]\n` : texts.join(many ? '\n' : ''));
  },
};
