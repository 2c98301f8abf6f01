/**
 * `npm run credentials -- <deployment> [--rotate ID[,ID...] | --rotate-all] [--force] [--dry-run]
 *   [--age-recipient AGE] [--out DIR]`
 *
 * Writes `credentials/<deployment>/<secret>.yaml` (git ignores them; mode 0600) with every
 * credential the deployment reads, keeping every existing value and every key it does not know.
 * Encrypt each with `sops` into `<secret>.sops.yaml` and commit those: the site's
 * `<site>-credentials` Flux Kustomization decrypts them. See lib/commands/credentials.ts.
 */
import * as path from 'path';
import { defaultProfileLocations, loadDeployments } from '../lib/deployment/app';
import { parseCommandLine, runCommand, UsageError } from '../lib/commands/cli';
import { runCredentials } from '../lib/commands/credentials';

export { credentialsOf, generateValues, randomPassword } from '../lib/commands/credentials';

export const USAGE =
  'usage: npm run credentials -- <deployment> [--rotate ID[,ID...] | --rotate-all] [--force] [--dry-run] [--age-recipient AGE] [--out DIR]';

export interface CredentialsArgs {
  readonly deployment: string;
  /** Credential ids to rotate, or all of them. */
  readonly rotate?: ReadonlySet<string> | 'all';
  readonly force: boolean;
  readonly dryRun: boolean;
  readonly ageRecipient?: string;
  /** The folder under which `<deployment>/` is written. */
  readonly outRoot: string;
}

/** The command line (without node and the script); throws UsageError or HelpRequested. */
export function parseCredentialsArgs(argv: readonly string[]): CredentialsArgs {
  const { values, positionals } = parseCommandLine(
    argv,
    {
      rotate: { type: 'string' },
      'rotate-all': { type: 'boolean' },
      force: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      'age-recipient': { type: 'string' },
      out: { type: 'string' },
    },
    { min: 1, max: 1, name: 'deployment' },
  );
  if (values.rotate !== undefined && values['rotate-all']) throw new UsageError('--rotate and --rotate-all exclude each other');
  const ids = values.rotate?.split(',').map((s) => s.trim()).filter(Boolean);
  if (values.rotate !== undefined && ids?.length === 0) throw new UsageError('--rotate needs credential ids (e.g. --rotate db-password.nova)');
  return {
    deployment: positionals[0],
    rotate: values['rotate-all'] ? 'all' : ids ? new Set(ids) : undefined,
    force: values.force ?? false,
    dryRun: values['dry-run'] ?? false,
    ageRecipient: values['age-recipient'],
    outRoot: values.out ?? 'credentials',
  };
}

function main(argv: readonly string[]): void {
  const args = parseCredentialsArgs(argv);
  const profiles = loadDeployments(defaultProfileLocations());
  const deployment = profiles.find((p) => p.profile.name === args.deployment);
  if (!deployment) throw new Error(`no deployment named "${args.deployment}" (known: ${profiles.map((p) => p.profile.name).join(', ')})`);
  const root = path.resolve(__dirname, '..');
  const { lines } = runCredentials({
    deployment,
    dir: path.join(args.outRoot, deployment.profile.name),
    rotate: args.rotate,
    force: args.force,
    dryRun: args.dryRun,
    generatedRoot: path.join(root, 'dist'),
    sops: { configFile: path.join(root, '.sops.yaml'), ageRecipient: args.ageRecipient },
  });
  for (const line of lines) console.error(line);
}

if (require.main === module) runCommand('credentials', USAGE, () => main(process.argv.slice(2)));
