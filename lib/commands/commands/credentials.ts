/**
 * `credentials`: writes `credentials/<site>/<secret>.yaml` (git ignores them; mode 0600) with every
 * credential the site reads, keeping every existing value and every key it does not know; with
 * `--encrypt`, `<secret>.sops.yaml` encrypted for the age recipients of `.sops.yaml` instead, and
 * no plaintext. An inventory names every subcloud: each gets its own folder `credentials/<subcloud>/`
 * and its own values. See lib/commands/credentials.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  CommandSpec,
  FlagValues,
  listFlag,
  parseSpec,
  printJson,
  PROFILE_FLAGS,
  Reporter,
  ROOT,
  schema,
  stringFlag,
  usageLine,
} from '../command';
import { UsageError } from '../cli';
import { gitWouldTrack, runCredentials } from '../credentials';
import { newAgeKey, parseAgeIdentities } from '../sops';
import { defaultProfileLocations, loadDeployments } from '../../deployment/app';
import { defaultFleetLocations, resolveSubcloud } from '../../deployment/fleet';
import { inventorySubclouds, loadInventories, subcloudsNamed } from '../inventories';
import { ResolvedDeployment } from '../../deployment/resolve';
import { distance } from '../../profile/loader';

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
  /** --profile / --fleet. @default STX_PROFILES / STX_FLEETS, else deployments/ */
  readonly profiles?: readonly string[];
  readonly fleets?: readonly string[];
}

function credentialsArgs(values: FlagValues, positionals: readonly string[]): CredentialsArgs {
  const rotate = stringFlag(values, 'rotate');
  if (rotate !== undefined && values['rotate-all']) throw new UsageError('--rotate and --rotate-all exclude each other');
  const ids = rotate
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (rotate !== undefined && ids?.length === 0) throw new UsageError('--rotate needs credential ids (e.g. --rotate db-password.nova)');
  const out = stringFlag(values, 'out');
  if (out !== undefined && out.trim() === '') throw new UsageError('--out needs a folder (the default is credentials)');
  if (values['new-age-key'] !== undefined && values['age-recipient'] !== undefined)
    throw new UsageError('--new-age-key and --age-recipient exclude each other (the new key is the recipient)');
  for (const flag of ['age-identity', 'new-age-key'] as const)
    if (values[flag] !== undefined && stringFlag(values, flag)!.trim() === '') throw new UsageError(`--${flag} needs a file`);
  return {
    deployment: positionals[0],
    rotate: values['rotate-all'] ? 'all' : ids ? new Set(ids) : undefined,
    force: values.force === true,
    dryRun: values['dry-run'] === true,
    encrypt: values.encrypt === true,
    ageRecipient: stringFlag(values, 'age-recipient'),
    ageIdentityFile: stringFlag(values, 'age-identity'),
    newAgeKeyFile: stringFlag(values, 'new-age-key'),
    outRoot: out ?? 'credentials',
    profiles: listFlag(values, 'profile'),
    fleets: listFlag(values, 'fleet'),
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
  const inventories = loadInventories(profileLocations, fleetLocations);
  const all = inventorySubclouds(inventories);
  const inventory = inventories.find((inv) => inv.name === name);
  if (inventory) return all.filter((x) => x.inventory === inventory).map((x) => ({ shown: x.full, deployment: resolveSubcloud(x.site) }));
  const matches = subcloudsNamed(name, all);
  if (matches.length === 1) return [{ shown: matches[0].full, deployment: resolveSubcloud(matches[0].site) }];
  if (matches.length > 1)
    throw new Error(`"${name}" is a subcloud of several inventories: name one of ${matches.map((m) => m.full).join(', ')}`);
  const known = [...profiles.map((p) => p.profile.name), ...inventories.map((i) => i.name), ...all.map((x) => x.full)];
  const close = known.filter((k) => distance(k, name) <= 3 || distance(k.split('/').pop()!, name) <= 2).slice(0, 3);
  throw new Error(
    `no site, inventory or subcloud named "${name}"${close.length ? ` (did you mean ${close.join(', ')}?)` : ''} (known: ${known.join(', ')})`,
  );
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

async function credentialsMain(args: CredentialsArgs, report: Reporter): Promise<void> {
  const targets = resolveTargets(args.deployment, args.profiles ?? defaultProfileLocations(), args.fleets ?? defaultFleetLocations());
  const root = ROOT;
  const plan: { site: string; lines: string[] }[] = [];
  let { identities, source } = loadIdentities(args.ageIdentityFile);
  let ageRecipient = args.ageRecipient;
  let newKeyFile: string | undefined;
  if (args.newAgeKeyFile) {
    if (fs.existsSync(args.newAgeKeyFile))
      throw new Error(`--new-age-key: ${args.newAgeKeyFile} exists; refusing to replace a key (use it with --age-identity)`);
    const tracked = gitWouldTrack(args.newAgeKeyFile);
    if (tracked) throw new Error(`--new-age-key: refusing to write the private key to ${args.newAgeKeyFile}: ${tracked}`);
    const key = await newAgeKey();
    if (!args.dryRun) {
      fs.writeFileSync(args.newAgeKeyFile, `# created: ${new Date().toISOString()}\n# public key: ${key.recipient}\n${key.identity}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
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
    for (const [i, { shown, deployment }] of targets.entries()) {
      report.progress(i, targets.length, `checking ${shown}`);
      await runCredentials(request(deployment, true)).catch((error: Error) => {
        if (newKeyFile) fs.rmSync(newKeyFile, { force: true });
        throw new Error(`${shown}: ${error.message} (no subcloud was written)`);
      });
    }
  }
  let done = 0;
  try {
    for (const { shown, deployment } of targets) {
      if (targets.length > 1) report.note(`${shown}:`);
      const { lines } = await runCredentials(request(deployment, args.dryRun));
      done++;
      plan.push({ site: shown, lines });
      for (const line of lines) report.note(targets.length > 1 ? `  ${line}` : line);
    }
  } catch (error) {
    // A new key that encrypted nothing is not kept; one that did is needed to decrypt.
    if (newKeyFile && done === 0) fs.rmSync(newKeyFile, { force: true });
    if (targets.length > 1 && error instanceof Error)
      error.message = `${targets[done].shown}: ${error.message}${done > 0 ? ` (the ${done} subcloud(s) before it are written)` : ''}`;
    throw error;
  }
  if (report.json)
    printJson({ dryRun: args.dryRun, sites: plan, ...(newKeyFile ? { newAgeKey: { file: newKeyFile, recipient: ageRecipient } } : {}) });
  if (newKeyFile)
    console.error(
      `new age key ${newKeyFile} (public key ${ageRecipient}): keep it safe, out of git; the cluster needs it as flux-system/sops-age (kubectl -n flux-system create secret generic sops-age --from-file=age.agekey=${newKeyFile})`,
    );
}

export const credentials: CommandSpec = {
  name: 'credentials',
  summary: 'write (or rotate, or encrypt) the credentials every site reads, keeping existing values',
  description:
    'Writes credentials/<site>/<secret>.yaml (git ignores them; mode 0600) with every credential the site reads, keeping every existing value; with --encrypt, <secret>.sops.yaml for the age recipients of .sops.yaml instead. An inventory gives every subcloud its own folder.',
  arguments: [
    {
      name: '<site>',
      description: 'a site (profile name: aio-sx), an inventory (every subcloud), inventory/subcloud, or a subcloud name where unique',
      complete: 'target',
    },
  ],
  positionals: { min: 1, max: 1, name: 'deployment' },
  flags: {
    rotate: {
      type: 'string',
      value: 'ID[,ID...]',
      default: 'rotate nothing',
      description: 'new values for these credential ids (db-password.nova)',
      complete: 'credential',
    },
    'rotate-all': { type: 'boolean', default: 'off', description: 'new values for every credential' },
    force: { type: 'boolean', default: 'off', description: 'write even where a file was changed by hand' },
    'dry-run': { type: 'boolean', default: 'off', description: 'say what would be written, write nothing (new values masked)' },
    encrypt: { type: 'boolean', default: 'off', description: 'write SOPS files encrypted for the age recipients of .sops.yaml' },
    'age-identity': {
      type: 'string',
      value: 'FILE',
      default: 'SOPS_AGE_KEY_FILE, else SOPS_AGE_KEY',
      description: 'the age key that opens existing encrypted files',
      complete: 'file',
    },
    'age-recipient': {
      type: 'string',
      value: 'AGE',
      default: 'the recipients of .sops.yaml',
      description: 'encrypt for this age public key',
    },
    'new-age-key': {
      type: 'string',
      value: 'FILE',
      default: 'none',
      description: 'create an age key in FILE and encrypt for it',
      complete: 'file',
    },
    out: {
      type: 'string',
      value: 'DIR',
      default: 'credentials',
      description: 'the folder under which <site>/ is written',
      complete: 'folder',
    },
    ...PROFILE_FLAGS,
  },
  examples: [
    'credentials aio-sx',
    'credentials aio-sx --rotate db-password.nova --dry-run --json',
    'credentials sample --encrypt --new-age-key age.agekey',
  ],
  json: schema.object(
    {
      dryRun: schema.boolean,
      sites: { type: 'array', items: schema.object({ site: schema.string, lines: schema.strings }) },
      newAgeKey: schema.object({ file: schema.string, recipient: schema.string }),
    },
    ['dryRun', 'sites'],
  ),
  run({ values, positionals, report }) {
    return credentialsMain(credentialsArgs(values, positionals), report);
  },
};

/** The command line (without the bin and `credentials`); throws UsageError or HelpRequested. */
export function parseCredentialsArgs(argv: readonly string[]): CredentialsArgs {
  const { values, positionals } = parseSpec(credentials, argv);
  return credentialsArgs(values, positionals);
}

export const USAGE = usageLine(credentials);
