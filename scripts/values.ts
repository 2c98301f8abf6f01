/**
 * `npm run values -- <stack|subcloud|fleet> <release> [--source] [--json]`: the values Helm will
 * receive for one HelmRelease of a written tree (lib/commands/values.ts). A stack is a name under
 * dist/ or a folder; a subcloud is `<inventory>/<subcloud>`, its folder, or its name where unique;
 * a fleet (`<inventory>`) prints the release of every subcloud, one after the other.
 */
import { formatValues, releaseValues } from '../lib/commands/values';
import { readTargets, resolveTargets } from '../lib/commands/targets';
import { parseCommandLine, runCommand } from '../lib/commands/cli';

const USAGE = 'usage: npm run values -- <stack-or-subcloud> <release> [--source] [--json]';

runCommand('values', USAGE, () => {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), { source: { type: 'boolean' }, json: { type: 'boolean' } }, { min: 2, max: 2, name: 'argument' });
  const [stack, release] = positionals;
  const targets = resolveTargets(stack);
  const trees = readTargets(targets);
  const many = targets.length > 1;
  const texts = targets.map((t) => {
    const text = formatValues(releaseValues(trees.get(t.name)!, release), { source: values.source, json: values.json });
    return many && !values.json ? `# ${t.kind} ${t.name}\n${text}` : text;
  });
  process.stdout.write(values.json && many ? `[${texts.map((t) => t.trimEnd()).join(',\n')}]\n` : texts.join(many ? '\n' : ''));
});
