/**
 * The credential lifecycle of a deployment (`npm run credentials`): make every credential its
 * releases read, keep what exists, rotate only what is asked for, and never lose an operator's
 * data: keys added by hand are kept in the form they were in, a file that cannot be read whole
 * stops the run before anything is written, nothing is written under the generated tree.
 *
 * Files: `credentials/<site>/<secret>.yaml` holds the plain Secret manifest (git ignores it, mode
 * 0600); `<secret>.sops.yaml` its SOPS-encrypted copy, which git keeps and the site's
 * `<site>-credentials` Flux Kustomization decrypts (its `kustomization.yaml` lists them). With
 * `encrypt`, the command writes the encrypted file itself and no plaintext file at all.
 */
import { spawnSync } from 'child_process';
import { generateKeyPairSync, randomBytes, randomInt } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { credentialSource, DEPLOYMENT_INTERVALS, ResolvedDeployment } from '../deployment/resolve';
import { CredentialRef, credentialValuesDocument, credentialValuesKey, splitCredentials } from '../engine/credentials';
import { featuresOf, HELM_CONTROLLER_FEATURES, WATCH_LABEL } from '../engine/flux-features';
import { parseYaml12, toYamlBody, toYamlFile } from '../engine/yaml';
import { fluxTarget, targetLabel } from '../profile/targets';
import {
  encryptedSecretName,
  isCredentialFileName,
  isEncryptedFileName,
  lockFolder,
  readSecretFile,
  SecretFile,
  SecretFileError,
  secretValues,
  SecretValues,
  withValues,
  writeAtomically,
} from './secret-files';
import { checkAgeRecipient, sopsDecrypt, sopsEncrypt } from './sops';
import { distance } from '../profile/loader';
import { renderNotificationUrl } from '../../overrides/system';
import { STORAGE_CA_SECRET } from '../../releases/cinder';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random password of `length` letters and digits (about 5.8 bits each). */
export function randomPassword(length = 32): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** OpenSSH `ssh-rsa` public key from a JWK's modulus and exponent. */
function opensshPublicKey(n: string, e: string, comment: string): string {
  const mpint = (b64url: string) => {
    let bytes = Buffer.from(b64url, 'base64url');
    if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
    return bytes;
  };
  const field = (buf: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(buf.length);
    return Buffer.concat([len, buf]);
  };
  const blob = Buffer.concat([field(Buffer.from('ssh-rsa')), field(mpint(e)), field(mpint(n))]);
  return `ssh-rsa ${blob.toString('base64')} ${comment}`;
}

/** Where a credential that this command does not make comes from. */
const EXTERNAL_ORIGIN: Readonly<Record<string, string>> = {
  tls: 'TLS material of https.certRef',
  external: 'built from platform secrets',
  'ceph-keyring': 'Ceph keyring from the storage backend',
  'storage-secret': 'storage array credential named in storage.netapp or storage.esb',
};

/** Every credential the deployment's emitted releases read, with where it lives. */
export function credentialsOf(deployment: ResolvedDeployment): Map<string, { ref: CredentialRef; secret: string; key: string }> {
  const out = new Map<string, { ref: CredentialRef; secret: string; key: string }>();
  for (const ref of deployment.credentials) {
    const source = deployment.credentialSources.get(ref.id)!;
    out.set(`${source.name}/${source.key}`, { ref, secret: source.name, key: source.key });
  }
  return out;
}

/** Generates values for every generated credential, keeping `existing` ones unless rotating. */
export function generateValues(
  deployment: ResolvedDeployment,
  existing: ReadonlyMap<string, Record<string, string>>,
  rotate: boolean | ReadonlySet<string>,
): { secrets: Map<string, Record<string, string>>; external: string[] } {
  const needed = credentialsOf(deployment);
  const secrets = new Map<string, Record<string, string>>();
  const external: string[] = [];
  const rotating = (id: string) => rotate === true || (rotate !== false && rotate.has(id));
  const keep = (id: string, secret: string, key: string) => (rotating(id) ? undefined : existing.get(secret)?.[key]);
  const put = (secret: string, key: string, value: string) => {
    if (!secrets.has(secret)) secrets.set(secret, {});
    secrets.get(secret)![key] = value;
  };
  let sshPair: { privateKey: string; publicKey: string } | undefined;
  const ssh = () => {
    if (!sshPair) {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const jwk = publicKey.export({ format: 'jwk' });
      sshPair = {
        privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
        publicKey: opensshPublicKey(jwk.n as string, jwk.e as string, `nova@${deployment.profile.name}`),
      };
    }
    return sshPair;
  };
  // Base credentials first: derived ones (URLs) are built from them.
  const entries = [...needed.values()].sort(
    (a, b) => Number(a.ref.kind === 'rabbit-url') - Number(b.ref.kind === 'rabbit-url') || a.key.localeCompare(b.key),
  );
  for (const { ref, secret, key } of entries) {
    const current = keep(ref.id, secret, key);
    switch (ref.kind) {
      case 'tls':
      case 'ceph-keyring':
      case 'external':
      case 'storage-secret':
        external.push(`${secret}/${key} (${EXTERNAL_ORIGIN[ref.kind]})`);
        break;
      case 'rabbit-url': {
        const admin = credentialSource(deployment.profile, new CredentialRef('rabbit-admin-password', 'password'));
        const password = secrets.get(admin.name)?.[admin.key] ?? keep('rabbit-admin-password', admin.name, admin.key) ?? randomPassword();
        put(admin.name, admin.key, password);
        put(secret, key, renderNotificationUrl(password, ref.detail ?? ''));
        break;
      }
      case 'ssh-private-key':
        put(secret, key, current ?? ssh().privateKey);
        break;
      case 'ssh-public-key':
        put(secret, key, current ?? ssh().publicKey);
        break;
      case 'hex-key':
        put(secret, key, current ?? randomBytes(32).toString('hex'));
        break;
      case 'django-secret-key':
        put(secret, key, current ?? randomBytes(48).toString('base64url'));
        break;
      case 'password':
        if (!secrets.get(secret)?.[key]) put(secret, key, current ?? randomPassword());
        break;
    }
  }
  // The storage arrays' CA is mounted from a Secret, not read through values.
  const caCert = deployment.profile.storage.caCert;
  if (caCert && caCert.containerPaths.length > 0 && deployment.releases.some((r) => r.definition.name === 'cinder')) {
    external.push(
      `${STORAGE_CA_SECRET}/ca.crt (CA of the storage arrays, mounted by cinder; the platform copies it from ${caCert.hostPath})`,
    );
  }
  return { secrets, external };
}

/**
 * Credentials whose rotation needs more than a values change (the charts read them only when the
 * service is created, or several hosts must change together), with what the operator must do.
 */
export const ROTATION_NEEDS_FORCE: Readonly<Record<string, string>> = {
  'db-admin-password':
    'MariaDB sets its root password when the database is created: change it in MariaDB first (ALTER USER on every Galera node), then apply the new Secret',
  'rabbit-admin-password':
    'RabbitMQ creates its admin user at bootstrap: change it in RabbitMQ first (rabbitmqctl change_password rabbitmq-admin), then apply the new Secret; the notification URLs follow it',
  'rabbit-erlang-cookie': 'RabbitMQ members must share the cookie: scale rabbitmq to 0, apply the new Secret, scale it back',
  'nova-ssh-private-key':
    'compute hosts trust each other by this key pair: live migrations fail until every nova-compute pod restarted with the new pair; do it in a maintenance window',
  'nova-ssh-public-key':
    'compute hosts trust each other by this key pair: live migrations fail until every nova-compute pod restarted with the new pair; do it in a maintenance window',
};

const isValuesDocumentKey = (key: string) => /^helm-values\..+\.yaml$/.test(key);

/**
 * The values documents of one Secret: for each release that reads credentials from it, its
 * credentials at their paths as YAML (what the release's valuesFrom merges; no `--set` parsing).
 * Also the credentials no value is known for yet (to be provided by hand, then run again).
 */
export function valuesDocuments(
  deployment: ResolvedDeployment,
  secret: string,
  data: Readonly<Record<string, string>>,
): { data: Record<string, string>; lacking: string[] } {
  const out: Record<string, string> = {};
  const lacking: string[] = [];
  for (const release of deployment.releases) {
    const leaves = splitCredentials(release.systemValues).leaves.filter((leaf) => {
      const source = deployment.credentialSources.get(leaf.ref.id);
      return source?.inValuesDocument && source.name === secret;
    });
    if (leaves.length === 0) continue;
    const key = credentialValuesKey(release.definition.name);
    const valueOf = (ref: CredentialRef) => data[deployment.credentialSources.get(ref.id)!.key];
    const missing = [...new Set(leaves.filter((leaf) => valueOf(leaf.ref) === undefined).map((leaf) => leaf.ref.id))];
    if (missing.length > 0)
      lacking.push(`${key} lacks ${missing.join(', ')}: add ${missing.length === 1 ? 'it' : 'them'} to this file and run again`);
    const included = new Set(leaves.map((leaf) => leaf.ref.id));
    out[key] = toYamlBody(credentialValuesDocument(release.systemValues, (ref) => included.has(ref.id), valueOf));
  }
  return { data: out, lacking };
}

/**
 * What a rotation needs on the deployment's Flux target before the releases run with the new
 * values, for the command to print.
 */
export function rotationNeeds(deployment: ResolvedDeployment, secrets: readonly string[]): string {
  const target = fluxTarget(deployment.profile.flux.target);
  const readers = deployment.releases
    .filter((r) =>
      splitCredentials(r.systemValues).leaves.some((leaf) => secrets.includes(deployment.credentialSources.get(leaf.ref.id)?.name ?? '')),
    )
    .map((r) => r.definition.name);
  if (featuresOf(target).watchLabel) {
    return `on ${targetLabel(deployment.profile.flux.target)} (helm-controller ${target.helmController}) the Secrets carry ${WATCH_LABEL}: Enabled: once the new Secret is applied, helm-controller upgrades the releases that read it (${readers.join(', ')})`;
  }
  return (
    `on ${targetLabel(deployment.profile.flux.target)} helm-controller ${target.helmController} ignores ${WATCH_LABEL} (it needs >= ${HELM_CONTROLLER_FEATURES.watchLabel.since}): ` +
    `after the new Secret is applied, each release that reads it upgrades at its next reconcile (interval ${DEPLOYMENT_INTERVALS.helmRelease} unless helmReleases sets another); to upgrade now: ` +
    `kubectl -n openstack annotate --overwrite helmrelease ${readers.join(' ')} reconcile.fluxcd.io/requestedAt="$(date +%s)"`
  );
}

/** What `npm run credentials` is asked to do. */
export interface CredentialsRequest {
  readonly deployment: ResolvedDeployment;
  /** The deployment's folder: `credentials/<site>`. */
  readonly dir: string;
  /** Credential ids to rotate, or every one. @default - none */
  readonly rotate?: ReadonlySet<string> | 'all';
  /** Allow rotations that need more than a values change. @default false */
  readonly force?: boolean;
  /** Say what would change, write nothing. @default false */
  readonly dryRun?: boolean;
  /** The generated tree, where credentials must never go. */
  readonly generatedRoot: string;
  /** The repository's SOPS configuration and the age recipient to put in it. @default - none */
  readonly sops?: { readonly configFile: string; readonly ageRecipient?: string };
  /** Write `<secret>.sops.yaml` encrypted for the recipients of the SOPS configuration, no plaintext. @default false */
  readonly encrypt?: boolean;
  /** age identities (AGE-SECRET-KEY-1...) that open the existing encrypted files. @default - none */
  readonly ageIdentities?: readonly string[];
  /** Where the identities came from, for messages. @default - none */
  readonly ageIdentitySource?: string;
}

export interface CredentialsResult {
  /** What happened, one line each, for stderr. */
  readonly lines: string[];
  /** Files written (none on a dry run). */
  readonly written: string[];
}

/** The real path of `p`, following symlinks of the part that exists. */
function realPath(p: string): string {
  let existing = path.resolve(p);
  const rest: string[] = [];
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) {
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  return path.join(fs.realpathSync(existing), ...rest);
}

const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);

const HEADER = (site: string) =>
  `Credentials of deployment ${site}. Never commit this file: encrypt it (npm run credentials -- ${site} --encrypt) into <name>.sops.yaml.`;
const KUSTOMIZATION_HEADER =
  'Written by npm run credentials: the encrypted Secrets of this site, for its <site>-credentials Flux Kustomization.';
const DEFAULT_ENCRYPTED_REGEX = '^(data|stringData)$';
/** Kernel file systems: nothing there is a folder for credentials (and reading them can block). */
const PSEUDO_FILESYSTEMS = ['/proc', '/sys', '/dev'];

/** The known ids closest to a typo (edit distance at most 3), nearest first. */
function closeIds(id: string, known: readonly string[]): string[] {
  return known
    .map((k) => [k, distance(k, id)] as const)
    .filter(([, d]) => d <= 3)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([k]) => k);
}

/** Masks a value for a dry run: its length only. */
const masked = (value: string) => `<${value.length} characters>`;

/**
 * Why git would keep `file` (a plaintext credential) if it were written, or undefined when git
 * ignores it or the folder is not in a git work tree.
 */
export function gitWouldTrack(file: string): string | undefined {
  let existing = path.dirname(path.resolve(file));
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  const top = spawnSync('git', ['-C', existing, 'rev-parse', '--show-toplevel'], { encoding: 'utf8' });
  if (top.error || top.status !== 0) return undefined;
  const root = top.stdout.trim();
  const rel = path.relative(fs.realpathSync(root), realPath(file));
  const check = spawnSync('git', ['-C', root, 'check-ignore', '-q', '--no-index', '--', rel], { encoding: 'utf8' });
  if (check.status === 0) return undefined;
  return check.status === 1 ? `git does not ignore ${rel} in ${root}` : `git check-ignore failed on ${rel}: ${check.stderr.trim()}`;
}

/** The creation rule of a SOPS configuration that applies to `file`: its age recipients and encrypted_regex. */
function sopsRule(configFile: string, file: string): { recipients: string[]; encryptedRegex: string } | string {
  if (!fs.existsSync(configFile)) return `there is no ${configFile} (give --age-recipient AGE once to write it, or --new-age-key FILE)`;
  const config = parseYaml12(fs.readFileSync(configFile, 'utf8'), configFile)[0] as { creation_rules?: unknown } | null;
  const rules = config && Array.isArray(config.creation_rules) ? (config.creation_rules as Array<Record<string, unknown>>) : undefined;
  if (!rules) return `${configFile} has no creation_rules list`;
  const rel = path
    .relative(path.dirname(path.resolve(configFile)), path.resolve(file))
    .split(path.sep)
    .join('/');
  // sops takes the first rule whose path_regex matches (a rule without one matches every file).
  const rule = rules.find((r) => r && typeof r === 'object' && (r.path_regex === undefined || new RegExp(String(r.path_regex)).test(rel)));
  if (!rule) return `no creation rule of ${configFile} matches ${rel}`;
  const ageField = rule.age;
  const recipients = (Array.isArray(ageField) ? ageField.map(String) : typeof ageField === 'string' ? ageField.split(',') : [])
    .map((r) => r.trim())
    .filter(Boolean);
  if (recipients.length === 0)
    return `the creation rule of ${configFile} for ${rel} names no age recipient (this command encrypts for age only)`;
  for (const r of recipients) {
    const problem = checkAgeRecipient(r);
    if (problem) return `${configFile}: age recipient "${r}": ${problem}`;
  }
  return { recipients, encryptedRegex: typeof rule.encrypted_regex === 'string' ? rule.encrypted_regex : DEFAULT_ENCRYPTED_REGEX };
}

/** Where one Secret of the site is read from: a document of a plain file, of an encrypted one, or both. */
interface SecretSource {
  plain?: { file: SecretFile; index: number; values: SecretValues };
  encrypted?: { file: SecretFile; index: number };
}

/** Reads every credential file of the folder; refuses a file that cannot be read whole or a Secret held twice. */
function readFolder(dir: string): Map<string, SecretSource> {
  const sources = new Map<string, SecretSource>();
  if (!fs.existsSync(dir)) return sources;
  for (const entry of fs.readdirSync(dir).filter(isCredentialFileName).sort()) {
    const file = readSecretFile(path.join(dir, entry));
    const docs = file.docs.map((d, i) => [d, i] as const).filter(([d]) => d !== null) as Array<readonly [Record<string, unknown>, number]>;
    if (file.encrypted && docs.length !== 1) {
      throw new SecretFileError(
        `${file.file}: an encrypted file with ${docs.length} documents; this command reads one Secret per encrypted file (split it with sops). Nothing was written`,
      );
    }
    if (isEncryptedFileName(entry) && !file.encrypted) {
      throw new SecretFileError(
        `${file.file}: named as encrypted but has no sops: block (plaintext where git keeps files?). Nothing was written`,
      );
    }
    for (const [doc, index] of docs) {
      const where = `${file.file}${file.docs.length > 1 ? ` (document ${index + 1})` : ''}`;
      // An encrypted document's values are ciphertext: check its shape and name only.
      const values = file.encrypted ? undefined : secretValues(doc, where);
      const name = values?.name ?? encryptedSecretName(doc, file.file);
      const source = sources.get(name) ?? {};
      const slot = file.encrypted ? 'encrypted' : 'plain';
      const other = source[slot];
      if (other) throw new SecretFileError(`two files hold Secret ${name}: ${other.file.file} and ${where}; keep one. Nothing was written`);
      if (values) source.plain = { file, index, values };
      else source.encrypted = { file, index };
      sources.set(name, source);
    }
  }
  return sources;
}

/** The document with the label that makes Flux upgrade the releases reading it when a value changes. */
function labelled(doc: Record<string, unknown>): Record<string, unknown> {
  const metadata = (doc.metadata ?? {}) as Record<string, unknown>;
  const labels = (metadata.labels ?? {}) as Record<string, string>;
  if (labels[WATCH_LABEL] === 'Enabled') return doc;
  return { ...doc, metadata: { ...metadata, labels: { ...labels, [WATCH_LABEL]: 'Enabled' } } };
}

/** Runs the credential lifecycle of one deployment (see the module comment). Rejects, writing nothing, on refusal. */
export async function runCredentials(request: CredentialsRequest): Promise<CredentialsResult> {
  const { deployment } = request;
  const site = deployment.profile.name;
  const dir = realPath(request.dir);
  const generated = realPath(request.generatedRoot);
  if (inside(dir, generated) || inside(generated, dir)) {
    throw new Error(
      `refusing to write credentials to ${request.dir}: it is ${dir}, ${inside(dir, generated) ? 'inside' : 'around'} the generated tree ${generated}`,
    );
  }
  const pseudo = PSEUDO_FILESYSTEMS.find((p) => inside(dir, p));
  if (pseudo) throw new Error(`refusing to write credentials to ${request.dir}: it is ${dir}, on the kernel's ${pseudo} file system`);
  const needed = credentialsOf(deployment);
  // The ids this command makes: every one but those that come from elsewhere.
  const ids = [...new Set([...needed.values()].filter((c) => !(c.ref.kind in EXTERNAL_ORIGIN)).map((c) => c.ref.id))].sort();

  // Which rotations, and are they allowed.
  const rotate =
    request.rotate === 'all' ? new Set(ids.filter((id) => !id.startsWith('notification-url.'))) : new Set(request.rotate ?? []);
  for (const id of rotate) {
    if (!ids.includes(id)) {
      const close = closeIds(id, ids);
      throw new Error(`--rotate: no credential of ${site} has the id "${id}"${close.length ? ` (did you mean ${close.join(', ')}?)` : ''}`);
    }
    if (id.startsWith('notification-url.'))
      throw new Error(`--rotate: "${id}" is built from rabbit-admin-password; rotate that one (with --force)`);
  }
  const risky = [...rotate].filter((id) => ROTATION_NEEDS_FORCE[id]);
  if (risky.length > 0 && !request.force) {
    throw new Error(
      `rotating ${risky.join(', ')} needs more than a new value, so it needs --force; before you do:\n` +
        risky.map((id) => `  ${id}: ${ROTATION_NEEDS_FORCE[id]}`).join('\n'),
    );
  }
  if (request.sops?.ageRecipient) {
    const problem = checkAgeRecipient(request.sops.ageRecipient);
    if (problem) throw new Error(`--age-recipient "${request.sops.ageRecipient}": ${problem}`);
  }

  // One run at a time per folder, from reading to the last write.
  const created = !request.dryRun && !fs.existsSync(dir);
  if (!request.dryRun) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const unlock = request.dryRun ? () => undefined : lockFolder(dir);
  try {
    return await runLocked(request, dir, needed, rotate, risky);
  } finally {
    unlock();
    if (created && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  }
}

async function runLocked(
  request: CredentialsRequest,
  dir: string,
  needed: ReturnType<typeof credentialsOf>,
  rotate: ReadonlySet<string>,
  risky: readonly string[],
): Promise<CredentialsResult> {
  const { deployment } = request;
  const site = deployment.profile.name;
  const encrypt = request.encrypt ?? false;
  const identities = request.ageIdentities ?? [];
  const secretNames = [...new Set([...needed.values()].map((c) => c.secret))].sort();
  const sources = readFolder(dir);

  // The values each Secret has now, decrypted in memory where they exist only encrypted.
  const decrypted = new Map<string, Record<string, unknown>>();
  const current = new Map<string, SecretValues>();
  for (const [name, source] of sources) {
    if (source.encrypted && secretNames.includes(name) && (encrypt || !source.plain)) {
      const { file } = source.encrypted;
      if (!encrypt) {
        throw new Error(
          isEncryptedFileName(path.basename(file.file))
            ? `the values of Secret ${name} exist only encrypted (${file.file}); run with --encrypt and its age key (--age-identity FILE or SOPS_AGE_KEY_FILE) to keep them, or decrypt them first (sops --decrypt ${file.file} > ${path.join(dir, `${name}.yaml`)}). Nothing was written`
            : `${file.file} is encrypted with SOPS (it has a sops: block), so it cannot be read or rewritten as plaintext; run with --encrypt and its age key (--age-identity FILE), or decrypt it first (sops --decrypt --in-place ${file.file}) or change values with sops edit. Nothing was written`,
        );
      }
      if (identities.length === 0) {
        throw new Error(
          `${file.file} is encrypted: to keep its values, re-encrypting needs the age key that opens it (--age-identity FILE or SOPS_AGE_KEY_FILE). Nothing was written`,
        );
      }
      const plain = await sopsDecrypt(file.docs[source.encrypted.index]!, identities, file.file).catch((e: Error) => {
        throw new Error(
          `${e.message}${request.ageIdentitySource ? ` (identities from ${request.ageIdentitySource})` : ''}. Nothing was written`,
        );
      });
      const values = secretValues(plain, `${file.file} (decrypted)`);
      if (source.plain) {
        const a = source.plain.values.values;
        const differ = [...new Set([...a.keys(), ...values.values.keys()])].filter((k) => a.get(k) !== values.values.get(k)).sort();
        if (differ.length > 0) {
          throw new Error(
            `${source.plain.file.file} and ${file.file} hold different values of Secret ${name} (${differ.join(', ')}); delete the one that is wrong. Nothing was written`,
          );
        }
      }
      decrypted.set(name, plain);
      current.set(name, values);
    } else if (source.plain) current.set(name, source.plain.values);
  }
  const existing = new Map([...current].map(([name, v]) => [name, Object.fromEntries(v.values)]));
  const { secrets, external } = generateValues(deployment, existing, rotate);

  // Encryption needs its recipients before anything is decided.
  let rule: { recipients: string[]; encryptedRegex: string } | undefined;
  const sopsConfig = request.sops?.configFile;
  const encryptedFile = (name: string) => sources.get(name)?.encrypted?.file ?? undefined;
  if (encrypt) {
    const probe = encryptedFile(secretNames[0])?.file ?? path.join(dir, `${secretNames[0] ?? 'x'}.sops.yaml`);
    const found =
      sopsConfig && fs.existsSync(sopsConfig)
        ? sopsRule(sopsConfig, probe)
        : request.sops?.ageRecipient
          ? { recipients: [request.sops.ageRecipient], encryptedRegex: DEFAULT_ENCRYPTED_REGEX }
          : sopsRule(sopsConfig ?? '.sops.yaml', probe);
    if (typeof found === 'string') throw new Error(`--encrypt: ${found}. Nothing was written`);
    rule = found;
  }

  const lines: string[] = [];
  const written: string[] = [];
  const writes: Array<{ target: string; text: () => Promise<string>; mode: number; shown: string }> = [];
  const verb = request.dryRun ? 'would write' : 'wrote';
  // Plain files are rewritten whole: every document, only the changed Secret documents changed.
  const plainEdits = new Map<SecretFile, Array<Record<string, unknown> | null>>();
  const listed = new Map<string, string>();
  for (const name of [...secrets.keys()].sort()) {
    const before = current.get(name)?.values ?? new Map<string, string>();
    const binary = current.get(name)?.binary ?? new Set<string>();
    const fresh = secrets.get(name)!;
    const clash = Object.keys(fresh).filter((k) => binary.has(k));
    if (clash.length > 0)
      throw new Error(
        `Secret ${name}: ${clash.join(', ')} hold binary data, not the text credential this deployment reads; fix them by hand. Nothing was written`,
      );
    // The values documents the releases read (helm-values.<release>.yaml), rebuilt from the values on every run.
    const valuesNow: Record<string, string> = {};
    for (const [k, v] of before) if (!isValuesDocumentKey(k)) valuesNow[k] = v;
    Object.assign(valuesNow, fresh);
    const documents = valuesDocuments(deployment, name, valuesNow);
    const changes = new Map(Object.entries({ ...fresh, ...documents.data }).filter(([k, v]) => before.get(k) !== v));
    const all = new Set([...before.keys(), ...Object.keys(fresh), ...binary].filter((k) => !isValuesDocumentKey(k)));
    const added = [...changes.keys()].filter((k) => !before.has(k) && !isValuesDocumentKey(k)).sort();
    const changed = [...changes.keys()].filter((k) => before.has(k) && !isValuesDocumentKey(k)).sort();
    const read = new Set([...needed.values()].filter((c) => c.secret === name).map((c) => c.key));
    const unknown = [...before.keys(), ...binary].filter((k) => fresh[k] === undefined && !read.has(k) && !isValuesDocumentKey(k)).sort();
    const source = sources.get(name);
    const fresher = (base: Record<string, unknown> | undefined) =>
      labelled(
        withValues(base ?? { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'openstack' }, type: 'Opaque' }, changes),
      );

    let shown: string;
    if (encrypt) {
      const target = encryptedFile(name);
      shown = target?.file ?? path.join(dir, `${name}.sops.yaml`);
      listed.set(name, path.basename(shown));
      const base =
        decrypted.get(name) ?? (source?.plain ? (source.plain.file.docs[source.plain.index] as Record<string, unknown>) : undefined);
      const doc = fresher(base);
      // An encrypted file whose values did not change stays byte for byte (no new IVs, no new MAC).
      if (target && changes.size === 0 && base && labelled(base) === base) {
        lines.push(`kept ${shown}: ${all.size} values, nothing new or rotated`);
      } else {
        // The files written are YAML: a JSON one is read, but rewriting it would change its format.
        if (target && /\.json$/i.test(target.file))
          throw new Error(
            `${target.file}: re-encrypting a JSON SOPS file is not supported; convert it to ${name}.sops.yaml with sops first. Nothing was written`,
          );
        const r = rule!;
        writes.push({
          target: target?.target ?? shown,
          shown,
          mode: 0o644,
          text: async () =>
            toYamlFile(
              [await sopsEncrypt(doc, r.recipients, r.encryptedRegex)],
              `SOPS-encrypted credentials of ${site}, written by npm run credentials -- ${site} --encrypt`,
            ),
        });
        lines.push(
          `${verb} ${shown} (encrypted for ${r.recipients.length} age recipient${r.recipients.length === 1 ? '' : 's'}): ${all.size} values (${added.length} new, ${changed.length} rotated, ${all.size - added.length - changed.length} kept)`,
        );
        if (source?.plain && !request.dryRun)
          lines.push(`  the plaintext ${source.plain.file.file} is no longer needed: delete it (rm ${source.plain.file.file})`);
      }
    } else {
      shown = source?.plain?.file.file ?? path.join(dir, `${name}.yaml`);
      listed.set(name, source?.encrypted ? path.basename(source.encrypted.file.file) : `${name}.sops.yaml`);
      if (source?.plain) {
        const { file, index } = source.plain;
        const docs = plainEdits.get(file) ?? [...file.docs];
        const old = file.docs[index]!;
        if (changes.size > 0 || labelled(old) !== old) {
          docs[index] = fresher(old);
          plainEdits.set(file, docs);
        }
      } else {
        if (fs.existsSync(shown)) throw new Error(`${shown} exists but holds no Secret ${name}; move it away. Nothing was written`);
        const problem = gitWouldTrack(shown);
        if (problem)
          throw new Error(
            `refusing to write plaintext credentials to ${shown}: ${problem} (write them under credentials/, or use --encrypt). Nothing was written`,
          );
        const doc = fresher(undefined);
        writes.push({ target: shown, shown, mode: 0o600, text: async () => toYamlFile([doc], HEADER(site)) });
      }
      lines.push(
        `${verb} ${shown}: ${all.size} values (${added.length} new, ${changed.length} rotated, ${all.size - added.length - changed.length} kept)`,
      );
    }
    lines.push(`  ${Object.keys(documents.data).length} release values documents (helm-values.<release>.yaml), rebuilt from these values`);
    for (const line of documents.lacking) lines.push(`  ${line}`);
    // A new Secret is all new: list keys only where something existed before, or on a dry run.
    if (current.has(name) || request.dryRun)
      for (const k of added) lines.push(`  new ${k}${request.dryRun ? `: ${masked(fresh[k])}` : ''}`);
    for (const k of changed) lines.push(`  rotated ${k}${request.dryRun ? `: ${masked(before.get(k)!)} -> ${masked(fresh[k])}` : ''}`);
    if (unknown.length > 0) lines.push(`  kept keys this deployment does not read (added by hand?): ${unknown.join(', ')}`);
  }
  for (const [file, docs] of plainEdits) {
    const problem = gitWouldTrack(file.target);
    if (problem) throw new Error(`refusing to write plaintext credentials to ${file.file}: ${problem}. Nothing was written`);
    writes.push({
      target: file.target,
      shown: file.file,
      mode: 0o600,
      text: async () =>
        toYamlFile(
          docs.filter((d) => d !== null),
          HEADER(site),
        ),
    });
  }
  for (const id of risky) lines.push(`rotated ${id}: now ${ROTATION_NEEDS_FORCE[id]}`);
  const rotatedSecrets = [...secrets.keys()].filter((n) =>
    Object.entries(secrets.get(n)!).some(([k, v]) => current.get(n)?.values.has(k) && current.get(n)?.values.get(k) !== v),
  );
  if (rotatedSecrets.length > 0) lines.push(`rotation: ${rotationNeeds(deployment, rotatedSecrets)}`);
  for (const item of external) {
    // `secret/key (origin)`: already in the file (put there by hand) is said as such.
    const [secret, key] = item.slice(0, item.indexOf(' (')).split('/');
    lines.push(existing.get(secret)?.[key] ? `provided by you, kept: ${item}` : `provide yourself: ${item}`);
  }
  if (deployment.profile.helmRepository.secretName)
    lines.push(`provide yourself: ${deployment.profile.helmRepository.secretName} (login of the Helm repository, in namespace openstack)`);

  // The encrypted Secrets the site's credentials Kustomization applies.
  const kustomizationFile = path.join(dir, 'kustomization.yaml');
  const ownKustomization = !fs.existsSync(kustomizationFile) || fs.readFileSync(kustomizationFile, 'utf8').includes(KUSTOMIZATION_HEADER);
  if (ownKustomization) {
    for (const [name, source] of sources)
      if (!listed.has(name)) listed.set(name, source.encrypted ? path.basename(source.encrypted.file.file) : `${name}.sops.yaml`);
    const resources = [...listed.keys()].sort().map((n) => listed.get(n)!);
    const text = toYamlFile([{ resources }], KUSTOMIZATION_HEADER);
    if (!fs.existsSync(kustomizationFile) || fs.readFileSync(kustomizationFile, 'utf8') !== text)
      writes.push({ target: kustomizationFile, shown: kustomizationFile, mode: 0o644, text: async () => text });
  } else {
    lines.push(`kept ${kustomizationFile} as it is (not written by this command): list the .sops.yaml files in it yourself`);
  }

  if (request.sops?.ageRecipient) {
    const { configFile, ageRecipient } = request.sops;
    const rule = { path_regex: '^credentials/.*\\.ya?ml$', encrypted_regex: DEFAULT_ENCRYPTED_REGEX, age: ageRecipient };
    if (!fs.existsSync(configFile))
      writes.push({
        target: configFile,
        shown: configFile,
        mode: 0o644,
        text: async () => toYamlFile([{ creation_rules: [rule] }], 'SOPS creation rules written by npm run credentials'),
      });
    else if (!fs.readFileSync(configFile, 'utf8').includes(ageRecipient)) {
      lines.push(`kept ${configFile} as it is; add this creation rule to it yourself: ${JSON.stringify(rule)}`);
    }
  }

  if (!request.dryRun) {
    // Every text first (encryption may fail), then the renames.
    const texts = await Promise.all(writes.map((w) => w.text()));
    writes.forEach((w, i) => {
      writeAtomically(w.target, texts[i], w.mode);
      written.push(w.shown);
    });
    const rel = (f: string) => path.relative(process.cwd(), f);
    if (encrypt)
      lines.push(
        `next: commit the encrypted files and the kustomization: git add ${rel(dir)}${request.sops?.ageRecipient ? ` ${rel(request.sops.configFile)}` : ''}`,
      );
    else {
      const plain = [...secrets.keys()].sort().map((n) => sources.get(n)?.plain?.file.file ?? path.join(dir, `${n}.yaml`));
      lines.push(
        `next: encrypt (run again with --encrypt, or: ${plain.map((f) => `sops --encrypt ${rel(f)} > ${rel(f).replace(/\.ya?ml$/, '.sops.yaml')}`).join('; ')}), commit the .sops.yaml files (git ignores the plain ones)`,
      );
    }
  }
  return { lines, written };
}
