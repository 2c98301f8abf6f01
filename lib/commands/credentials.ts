/**
 * The credential lifecycle of a deployment (`npm run credentials`): make every credential its
 * releases read, keep what exists, rotate only what is asked for, and never lose an operator's
 * data: keys added by hand are kept, a SOPS-encrypted file is never rewritten, nothing is written
 * under the generated tree.
 *
 * Files: `credentials/<site>/<secret>.yaml` holds the plain Secret manifest (git ignores it, mode
 * 0600); the operator encrypts it with `sops` into `<secret>.sops.yaml`, which git keeps and the
 * site's `<site>-credentials` Flux Kustomization decrypts (its `kustomization.yaml` lists them).
 */
import { generateKeyPairSync, randomBytes, randomInt } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { credentialSource, DEPLOYMENT_INTERVALS, ResolvedDeployment } from '../deployment/resolve';
import { CredentialRef, credentialValuesDocument, credentialValuesKey, splitCredentials } from '../engine/credentials';
import { featuresOf, HELM_CONTROLLER_FEATURES, WATCH_LABEL } from '../engine/flux-features';
import { parseYaml12, toYamlBody, toYamlFile } from '../engine/yaml';
import { fluxTarget, targetLabel } from '../profile/targets';
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
  const entries = [...needed.values()].sort((a, b) => Number(a.ref.kind === 'rabbit-url') - Number(b.ref.kind === 'rabbit-url') || a.key.localeCompare(b.key));
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
    external.push(`${STORAGE_CA_SECRET}/ca.crt (CA of the storage arrays, mounted by cinder; the platform copies it from ${caCert.hostPath})`);
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
  'nova-ssh-private-key': 'compute hosts trust each other by this key pair: live migrations fail until every nova-compute pod restarted with the new pair; do it in a maintenance window',
  'nova-ssh-public-key': 'compute hosts trust each other by this key pair: live migrations fail until every nova-compute pod restarted with the new pair; do it in a maintenance window',
};

const isValuesDocumentKey = (key: string) => /^helm-values\..+\.yaml$/.test(key);

/**
 * The values documents of one Secret: for each release that reads credentials from it, its
 * credentials at their paths as YAML (what the release's valuesFrom merges; no `--set` parsing).
 * Also the credentials no value is known for yet (to be provided by hand, then run again).
 */
export function valuesDocuments(deployment: ResolvedDeployment, secret: string, data: Readonly<Record<string, string>>): { data: Record<string, string>; lacking: string[] } {
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
    if (missing.length > 0) lacking.push(`${key} lacks ${missing.join(', ')}: add ${missing.length === 1 ? 'it' : 'them'} to this file and run again`);
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
    .filter((r) => splitCredentials(r.systemValues).leaves.some((leaf) => secrets.includes(deployment.credentialSources.get(leaf.ref.id)?.name ?? '')))
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

interface SecretDoc {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; [k: string]: unknown };
  stringData?: Record<string, string>;
  sops?: unknown;
  [k: string]: unknown;
}

const HEADER = (site: string) => `Credentials of deployment ${site}. Never commit this file: encrypt it with sops into <name>.sops.yaml.`;
const KUSTOMIZATION_HEADER = 'Written by npm run credentials: the encrypted Secrets of this site, for its <site>-credentials Flux Kustomization.';

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

/** Writes a file through a temporary sibling and a rename, so a crash never leaves half a file. */
function writeAtomically(file: string, text: string, mode: number): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text, { mode });
  fs.renameSync(tmp, file);
}

/** Runs the credential lifecycle of one deployment (see the module comment). Throws, writing nothing, on refusal. */
export function runCredentials(request: CredentialsRequest): CredentialsResult {
  const { deployment } = request;
  const site = deployment.profile.name;
  const dir = realPath(request.dir);
  const generated = realPath(request.generatedRoot);
  if (inside(dir, generated) || inside(generated, dir)) {
    throw new Error(`refusing to write credentials to ${request.dir}: it is ${dir}, ${inside(dir, generated) ? 'inside' : 'around'} the generated tree ${generated}`);
  }
  const needed = credentialsOf(deployment);
  // The ids this command makes: every one but those that come from elsewhere.
  const ids = [...new Set([...needed.values()].filter((c) => !(c.ref.kind in EXTERNAL_ORIGIN)).map((c) => c.ref.id))].sort();

  // Which rotations, and are they allowed.
  const rotate = request.rotate === 'all' ? new Set(ids.filter((id) => !id.startsWith('notification-url.'))) : new Set(request.rotate ?? []);
  for (const id of rotate) {
    if (!ids.includes(id)) {
      const close = closeIds(id, ids);
      throw new Error(`--rotate: no credential of ${site} has the id "${id}"${close.length ? ` (did you mean ${close.join(', ')}?)` : ''}`);
    }
    if (id.startsWith('notification-url.')) throw new Error(`--rotate: "${id}" is built from rabbit-admin-password; rotate that one (with --force)`);
  }
  const risky = [...rotate].filter((id) => ROTATION_NEEDS_FORCE[id]);
  if (risky.length > 0 && !request.force) {
    throw new Error(
      `rotating ${risky.join(', ')} needs more than a new value, so it needs --force; before you do:\n` +
        risky.map((id) => `  ${id}: ${ROTATION_NEEDS_FORCE[id]}`).join('\n'),
    );
  }

  // What exists: plain files kept whole; encrypted ones never touched.
  const existingDocs = new Map<string, { file: string; doc: SecretDoc }>();
  const secretNames = [...new Set([...needed.values()].map((c) => c.secret))].sort();
  if (fs.existsSync(dir)) {
    for (const file of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml' && !/\.sops\.ya?ml$/.test(f)).sort()) {
      const full = path.join(dir, file);
      const doc = parseYaml12(fs.readFileSync(full, 'utf8'), full)[0] as SecretDoc | null;
      if (doc && typeof doc === 'object' && 'sops' in doc) {
        throw new Error(`${full} is encrypted with SOPS (it has a sops: block), so it cannot be read or rewritten here; decrypt it first (sops --decrypt --in-place ${full}) or change values with sops edit. Nothing was written`);
      }
      const name = doc?.metadata?.name;
      if (name) existingDocs.set(name, { file: full, doc });
    }
    for (const name of secretNames) {
      const encrypted = path.join(dir, `${name}.sops.yaml`);
      if (!existingDocs.has(name) && fs.existsSync(encrypted)) {
        throw new Error(`the values of Secret ${name} exist only encrypted (${encrypted}); decrypt them first (sops --decrypt ${encrypted} > ${path.join(dir, `${name}.yaml`)}) so that they are kept. Nothing was written`);
      }
    }
  }
  const existing = new Map([...existingDocs].map(([name, { doc }]) => [name, { ...(doc.stringData ?? {}) }]));
  const { secrets, external } = generateValues(deployment, existing, rotate);

  const lines: string[] = [];
  const written: string[] = [];
  const writes: Array<[string, string, number]> = [];
  for (const name of [...secrets.keys()].sort()) {
    const before = existing.get(name) ?? {};
    const fresh = secrets.get(name)!;
    const data: Record<string, string> = { ...before, ...fresh };
    const added = Object.keys(fresh).filter((k) => before[k] === undefined).sort();
    const changed = Object.keys(fresh).filter((k) => before[k] !== undefined && before[k] !== fresh[k]).sort();
    const read = new Set([...needed.values()].filter((c) => c.secret === name).map((c) => c.key));
    const unknown = Object.keys(before).filter((k) => fresh[k] === undefined && !read.has(k) && !isValuesDocumentKey(k)).sort();
    // The values documents the releases read, rebuilt from the values above on every run.
    for (const k of Object.keys(data)) if (isValuesDocumentKey(k)) delete data[k];
    const documents = valuesDocuments(deployment, name, data);
    const valueCount = Object.keys(data).length;
    Object.assign(data, documents.data);
    const old = existingDocs.get(name)?.doc;
    const doc: SecretDoc = {
      ...(old ?? {}),
      apiVersion: 'v1',
      kind: 'Secret',
      // The label makes Flux upgrade the releases that read this Secret when a value is rotated.
      metadata: { ...(old?.metadata ?? {}), name, namespace: old?.metadata?.namespace ?? 'openstack', labels: { ...(old?.metadata?.labels ?? {}), 'reconcile.fluxcd.io/watch': 'Enabled' } },
      type: (old?.type as string | undefined) ?? 'Opaque',
      stringData: Object.fromEntries(Object.entries(data).sort(([a], [b]) => a.localeCompare(b))),
    };
    const file = existingDocs.get(name)?.file ?? path.join(dir, `${name}.yaml`);
    const verb = request.dryRun ? 'would write' : 'wrote';
    lines.push(`${verb} ${file}: ${valueCount} values (${added.length} new, ${changed.length} rotated, ${valueCount - added.length - changed.length} kept)`);
    lines.push(`  ${Object.keys(documents.data).length} release values documents (helm-values.<release>.yaml), rebuilt from these values`);
    for (const line of documents.lacking) lines.push(`  ${line}`);
    // A new Secret is all new: list keys only where something existed before, or on a dry run.
    if (old || request.dryRun) for (const k of added) lines.push(`  new ${k}${request.dryRun ? `: ${masked(data[k])}` : ''}`);
    for (const k of changed) lines.push(`  rotated ${k}${request.dryRun ? `: ${masked(before[k])} -> ${masked(data[k])}` : ''}`);
    if (unknown.length > 0) lines.push(`  kept keys this deployment does not read (added by hand?): ${unknown.join(', ')}`);
    writes.push([file, toYamlFile([doc], HEADER(site)), 0o600]);
  }
  for (const id of risky) lines.push(`rotated ${id}: now ${ROTATION_NEEDS_FORCE[id]}`);
  const rotatedSecrets = [...secrets.keys()].filter((name) => Object.keys(secrets.get(name)!).some((k) => existing.get(name)?.[k] !== undefined && existing.get(name)?.[k] !== secrets.get(name)![k]));
  if (rotatedSecrets.length > 0) lines.push(`rotation: ${rotationNeeds(deployment, rotatedSecrets)}`);
  for (const item of external) {
    // `secret/key (origin)`: already in the file (put there by hand) is said as such.
    const [secret, key] = item.slice(0, item.indexOf(' (')).split('/');
    lines.push(existing.get(secret)?.[key] ? `provided by you, kept: ${item}` : `provide yourself: ${item}`);
  }
  if (deployment.profile.helmRepository.secretName) lines.push(`provide yourself: ${deployment.profile.helmRepository.secretName} (login of the Helm repository, in namespace openstack)`);

  // The encrypted Secrets the site's credentials Kustomization applies.
  const kustomizationFile = path.join(dir, 'kustomization.yaml');
  const ownKustomization = !fs.existsSync(kustomizationFile) || fs.readFileSync(kustomizationFile, 'utf8').includes(KUSTOMIZATION_HEADER);
  if (ownKustomization) {
    const names = [...new Set([...secrets.keys(), ...existingDocs.keys()])].sort();
    writes.push([kustomizationFile, toYamlFile([{ resources: names.map((n) => `${n}.sops.yaml`) }], KUSTOMIZATION_HEADER), 0o644]);
  } else {
    lines.push(`kept ${kustomizationFile} as it is (not written by this command): list the .sops.yaml files in it yourself`);
  }

  if (request.sops?.ageRecipient) {
    const { configFile, ageRecipient } = request.sops;
    if (!/^age1[0-9a-z]{20,}$/.test(ageRecipient)) throw new Error(`--age-recipient: expected an age public key (age1...), got "${ageRecipient}"`);
    const rule = { path_regex: '^credentials/.*\\.ya?ml$', encrypted_regex: '^(data|stringData)$', age: ageRecipient };
    if (!fs.existsSync(configFile)) writes.push([configFile, toYamlFile([{ creation_rules: [rule] }], 'SOPS creation rules written by npm run credentials'), 0o644]);
    else if (!fs.readFileSync(configFile, 'utf8').includes(ageRecipient)) {
      lines.push(`kept ${configFile} as it is; add this creation rule to it yourself: ${JSON.stringify(rule)}`);
    }
  }

  if (!request.dryRun) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const [file, text, mode] of writes) {
      writeAtomically(file, text, mode);
      written.push(file);
    }
    const plain = [...secrets.keys()].sort().map((n) => existingDocs.get(n)?.file ?? path.join(dir, `${n}.yaml`));
    lines.push(`next: encrypt, commit the .sops.yaml files (git ignores the plain ones): ${plain.map((f) => `sops --encrypt ${path.relative(process.cwd(), f)} > ${path.relative(process.cwd(), f).replace(/\.ya?ml$/, '.sops.yaml')}`).join('; ')}`);
  }
  return { lines, written };
}
