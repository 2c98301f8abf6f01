/**
 * `npm run credentials -- <site | inventory | inventory/subcloud | subcloud> [--rotate ID[,ID...] | --rotate-all]
 *   [--force] [--dry-run] [--encrypt] [--age-identity FILE] [--age-recipient AGE | --new-age-key FILE] [--out DIR]`
 *
 * Writes `credentials/<site>/<secret>.yaml` (git ignores them; mode 0600) with every credential
 * the site reads, keeping every existing value and every key it does not know; with `--encrypt`,
 * `<secret>.sops.yaml` encrypted for the age recipients of `.sops.yaml` instead, and no plaintext.
 * An inventory of deployments/fleets/ names every subcloud: each gets its own folder
 * `credentials/<subcloud>/` and its own values. See lib/commands/credentials.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { defaultProfileLocations, loadDeployments } from '../lib/deployment/app';
import { defaultFleetLocations, inventoryFiles, loadInventory, profileInputs, resolveSubcloud } from '../lib/deployment/fleet';
import { ResolvedDeployment } from '../lib/deployment/resolve';
import { parseCommandLine, runCommand, UsageError } from '../lib/commands/cli';
import { gitWouldTrack, runCredentials } from '../lib/commands/credentials';
import { newAgeKey, parseAgeIdentities } from '../lib/commands/sops';
import { distance } from '../lib/profile/loader';

export { credentialsOf, generateValues, randomPassword } from '../lib/commands/credentials';

export const USAGE =
  'usage: npm run credentials -- <site | inventory | inventory/subcloud | subcloud> [--rotate ID[,ID...] | --rotate-all] [--force] [--dry-run] [--encrypt] [--age-identity FILE] [--age-recipient AGE | --new-age-key FILE] [--out DIR]';

export interface CredentialsArgs {
  /** A site (profile), an inventory, `inventory/subcloud` or a subcloud's name. */
  readonly deployment: string;
  /** Credential ids to rotate, or all of them. */
  readonly rotate?: ReadonlySet<string> | 'all';
  readonly force: boolean;
  readonly dryRun: boolean;
  readonly encrypt: boolean;
  readonly ageRecipient?: string;
  readonly ageIdentityFile?: string;
  readonly newAgeKeyFile?: string;
  /** The folder under which `<site>/` is written. */
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
      encrypt: { type: 'boolean' },
      'age-recipient': { type: 'string' },
      'age-identity': { type: 'string' },
      'new-age-key': { type: 'string' },
      out: { type: 'string' },
    },
    { min: 1, max: 1, name: 'deployment' },
  );
  if (values.rotate !== undefined && values['rotate-all']) throw new UsageError('--rotate and --rotate-all exclude each other');
  const ids = values.rotate?.split(',').map((s) => s.trim()).filter(Boolean);
  if (values.rotate !== undefined && ids?.length === 0) throw new UsageError('--rotate needs credential ids (e.g. --rotate db-password.nova)');
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out needs a folder (the default is credentials)');
  if (values['new-age-key'] !== undefined && values['age-recipient'] !== undefined) throw new UsageError('--new-age-key and --age-recipient exclude each other (the new key is the recipient)');
  for (const flag of ['age-identity', 'new-age-key'] as const) if (values[flag] !== undefined && values[flag].trim() === '') throw new UsageError(`--${flag} needs a file`);
  return {
    deployment: positionals[0],
    rotate: values['rotate-all'] ? 'all' : ids ? new Set(ids) : undefined,
    force: values.force ?? false,
    dryRun: values['dry-run'] ?? false,
    encrypt: values.encrypt ?? false,
    ageRecipient: values['age-recipient'],
    ageIdentityFile: values['age-identity'],
    newAgeKeyFile: values['new-age-key'],
    outRoot: values.out ?? 'credentials',
  };
}

/** A resolved site with the name it is shown under (`inventory/subcloud` for a subcloud). */
export interface NamedDeployment {
  readonly shown: string;
  readonly deployment: ResolvedDeployment;
}

/**
 * The sites a command-line name means: a profile, every subcloud of an inventory, one subcloud
 * (`inventory/subcloud`, or its name where no other inventory has it). Unknown names get the
 * closest known ones.
 */
export function resolveTargets(name: string, profileLocations: readonly string[], fleetLocations: readonly string[]): NamedDeployment[] {
  const profiles = loadDeployments(profileLocations);
  const profile = profiles.find((p) => p.profile.name === name);
  if (profile) return [{ shown: name, deployment: profile }];
  const inputs = profileInputs(profileLocations);
  const inventories = fleetLocations.flatMap((l) => inventoryFiles(l)).map((f) => loadInventory(f, inputs));
  const subcloudName = (s: { input: unknown }) => String((s.input as { name?: unknown }).name);
  const all = inventories.flatMap((inv) => inv.subclouds.map((s) => ({ inv, s, full: `${inv.name}/${subcloudName(s)}` })));
  const inventory = inventories.find((inv) => inv.name === name);
  if (inventory) return inventory.subclouds.map((s) => ({ shown: `${inventory.name}/${subcloudName(s)}`, deployment: resolveSubcloud(s) }));
  const matches = all.filter((x) => x.full === name || subcloudName(x.s) === name);
  if (matches.length === 1) return [{ shown: matches[0].full, deployment: resolveSubcloud(matches[0].s) }];
  if (matches.length > 1) throw new Error(`"${name}" is a subcloud of several inventories: name one of ${matches.map((m) => m.full).join(', ')}`);
  const known = [...profiles.map((p) => p.profile.name), ...inventories.map((i) => i.name), ...all.map((x) => x.full)];
  const close = known.filter((k) => distance(k, name) <= 3 || distance(k.split('/').pop()!, name) <= 2).slice(0, 3);
  throw new Error(`no site, inventory or subcloud named "${name}"${close.length ? ` (did you mean ${close.join(', ')}?)` : ''} (known: ${known.join(', ')})`);
}

/** The age identities that open existing encrypted files: --age-identity, else SOPS_AGE_KEY_FILE, else SOPS_AGE_KEY. */
function loadIdentities(file: string | undefined): { identities: string[]; source?: string } {
  const from = file ?? process.env.SOPS_AGE_KEY_FILE;
  if (from) {
    const st = fs.statSync(from);
    if (!st.isFile() || st.size > 64 * 1024) throw new Error(`${from}: expected an age key file (age-keygen -o FILE)`);
    return { identities: parseAgeIdentities(fs.readFileSync(from, 'utf8'), from), source: from };
  }
  if (process.env.SOPS_AGE_KEY) return { identities: parseAgeIdentities(process.env.SOPS_AGE_KEY, 'SOPS_AGE_KEY'), source: 'SOPS_AGE_KEY' };
  return { identities: [] };
}

async function main(argv: readonly string[]): Promise<void> {
  const args = parseCredentialsArgs(argv);
  const targets = resolveTargets(args.deployment, defaultProfileLocations(), defaultFleetLocations());
  const root = path.resolve(__dirname, '..');
  let { identities, source } = loadIdentities(args.ageIdentityFile);
  let ageRecipient = args.ageRecipient;
  let newKeyFile: string | undefined;
  if (args.newAgeKeyFile) {
    if (fs.existsSync(args.newAgeKeyFile)) throw new Error(`--new-age-key: ${args.newAgeKeyFile} exists; refusing to replace a key (use it with --age-identity)`);
    const tracked = gitWouldTrack(args.newAgeKeyFile);
    if (tracked) throw new Error(`--new-age-key: refusing to write the private key to ${args.newAgeKeyFile}: ${tracked}`);
    const key = await newAgeKey();
    if (!args.dryRun) {
      fs.writeFileSync(args.newAgeKeyFile, `# created: ${new Date().toISOString()}\n# public key: ${key.recipient}\n${key.identity}\n`, { mode: 0o600, flag: 'wx' });
      newKeyFile = args.newAgeKeyFile;
    }
    ageRecipient = key.recipient;
    identities = [...identities, key.identity];
    source = source ?? args.newAgeKeyFile;
  }
  const request = (deployment: ResolvedDeployment, dryRun: boolean) => ({
    deployment,
    dir: path.join(args.outRoot, deployment.profile.name),
    rotate: args.rotate,
    force: args.force,
    dryRun,
    encrypt: args.encrypt,
    ageIdentities: identities,
    ageIdentitySource: source,
    generatedRoot: path.join(root, 'dist'),
    sops: { configFile: path.join(root, '.sops.yaml'), ageRecipient },
  });
  // A fleet is all or nothing for what can be known before writing (an id a subcloud lacks, a
  // file it cannot read, a missing age key): every subcloud is tried without writing first.
  if (targets.length > 1 && !args.dryRun) {
    for (const { shown, deployment } of targets) {
      await runCredentials(request(deployment, true)).catch((error: Error) => {
        if (newKeyFile) fs.rmSync(newKeyFile, { force: true });
        throw new Error(`${shown}: ${error.message} (no subcloud was written)`);
      });
    }
  }
  let done = 0;
  try {
    for (const { shown, deployment } of targets) {
      if (targets.length > 1) console.error(`${shown}:`);
      const { lines } = await runCredentials(request(deployment, args.dryRun));
      done++;
      for (const line of lines) console.error(targets.length > 1 ? `  ${line}` : line);
    }
  } catch (error) {
    // A new key that encrypted nothing is not kept; one that did is needed to decrypt.
    if (newKeyFile && done === 0) fs.rmSync(newKeyFile, { force: true });
    if (targets.length > 1 && error instanceof Error) error.message = `${targets[done].shown}: ${error.message}${done > 0 ? ` (the ${done} subcloud(s) before it are written)` : ''}`;
    throw error;
  }
  if (newKeyFile) console.error(`new age key ${newKeyFile} (public key ${ageRecipient}): keep it safe, out of git; the cluster needs it as flux-system/sops-age (kubectl -n flux-system create secret generic sops-age --from-file=age.agekey=${newKeyFile})`);
}

if (require.main === module) runCommand('credentials', USAGE, () => main(process.argv.slice(2)));
