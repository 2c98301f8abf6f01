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
  // In a fleet, a subcloud may not enable the release: said so on its line; none enabling it is an error.
  const having = targets.filter((t) => !many || trees.get(t.name)!.releases.some((r) => r.name === release));
  if (having.length === 0) throw new Error(`no subcloud of ${stack} has a HelmRelease "${release}"`);
  const texts = targets.map((t) => {
    if (!having.includes(t)) return values.json ? JSON.stringify({ subcloud: t.name, release, enabled: false }) : `# ${t.kind} ${t.name}: no HelmRelease ${release} (not enabled there)\n`;
    const text = formatValues(releaseValues(trees.get(t.name)!, release), { source: values.source, json: values.json });
    return many && !values.json ? `# ${t.kind} ${t.name}\n${text}` : text;
  });
  process.stdout.write(values.json && many ? `[${texts.map((t) => t.trimEnd()).join(',\n')}]\n` : texts.join(many ? '\n' : ''));
});
