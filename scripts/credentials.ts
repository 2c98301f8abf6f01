/**
 * `npm run credentials -- <deployment> [--rotate] [--out DIR]`
 *
 * Writes, outside dist/ (default `credentials/<deployment>/`, ignored by git), one Secret manifest
 * per credential Secret that the deployment's HelmReleases read through valuesFrom, with fresh
 * crypto-strong values: passwords, the nova SSH key pair, the memcache and Horizon secret keys, and
 * the RabbitMQ notification URLs built from the rabbit admin password. Ready for `kubectl apply -f`
 * or for encryption with SOPS. Existing values are kept unless `--rotate` is given.
 * TLS material (https.certRef) and Ceph keyrings come from elsewhere and are listed, not generated.
 */
import { generateKeyPairSync, randomBytes, randomInt } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { defaultProfileLocations, loadDeployments } from '../lib/deployment/app';
import { credentialSource, ResolvedDeployment } from '../lib/deployment/resolve';
import { parseYaml12, toYamlFile } from '../lib/engine/yaml';
import { CredentialRef } from '../lib/engine/credentials';
import { renderNotificationUrl } from '../overrides/system';
import { STORAGE_CA_SECRET } from '../releases/cinder';

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
  rotate: boolean,
): { secrets: Map<string, Record<string, string>>; external: string[] } {
  const needed = credentialsOf(deployment);
  const secrets = new Map<string, Record<string, string>>();
  const external: string[] = [];
  const keep = (secret: string, key: string) => (rotate ? undefined : existing.get(secret)?.[key]);
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
    const current = keep(secret, key);
    switch (ref.kind) {
      case 'tls':
      case 'ceph-keyring':
      case 'external':
      case 'storage-secret':
        external.push(`${secret}/${key} (${EXTERNAL_ORIGIN[ref.kind]})`);
        break;
      case 'rabbit-url': {
        const admin = credentialSource(deployment.profile, new CredentialRef('rabbit-admin-password', 'password'));
        const password = secrets.get(admin.name)?.[admin.key] ?? existing.get(admin.name)?.[admin.key] ?? randomPassword();
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

function readExisting(dir: string): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  if (!fs.existsSync(dir)) return out;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const doc = parseYaml12(fs.readFileSync(path.join(dir, file), 'utf8'), file)[0] as { metadata?: { name?: string }; stringData?: Record<string, string> };
    if (doc?.metadata?.name && doc.stringData) out.set(doc.metadata.name, doc.stringData);
  }
  return out;
}

function main(argv: string[]): void {
  const rotate = argv.includes('--rotate');
  const outIndex = argv.indexOf('--out');
  const outRoot = outIndex >= 0 ? argv[outIndex + 1] : 'credentials';
  const names = argv.filter((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1));
  if (names.length !== 1) throw new Error('usage: npm run credentials -- <deployment> [--rotate] [--out DIR]');
  const profiles = loadDeployments(defaultProfileLocations());
  const loaded = profiles.find((p) => p.profile.name === names[0]);
  if (!loaded) throw new Error(`no deployment named "${names[0]}" (known: ${profiles.map((p) => p.profile.name).join(', ')})`);
  const dir = path.join(outRoot, loaded.profile.name);
  if (path.resolve(dir).split(path.sep).includes('dist')) throw new Error(`refusing to write credentials under dist/ (${dir})`);
  const existing = readExisting(dir);
  const { secrets, external } = generateValues(loaded, existing, rotate);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const [name, data] of [...secrets.entries()].sort()) {
    const sorted = Object.fromEntries(Object.entries(data).sort(([a], [b]) => a.localeCompare(b)));
    const manifest = {
      apiVersion: 'v1',
      kind: 'Secret',
      // The label makes Flux upgrade the releases that read this Secret when a value is rotated.
      metadata: { name, namespace: 'openstack', labels: { 'reconcile.fluxcd.io/watch': 'Enabled' } },
      type: 'Opaque',
      stringData: sorted,
    };
    const file = path.join(dir, `${name}.yaml`);
    fs.writeFileSync(file, toYamlFile([manifest], `Credentials of deployment ${loaded.profile.name}. Keep out of git (or encrypt with SOPS).`), { mode: 0o600 });
    console.error(`wrote ${file}: ${Object.keys(sorted).length} values${rotate ? ' (rotated)' : ''}`);
  }
  for (const item of external) console.error(`provide yourself: ${item}`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`credentials: ${(error as Error).message}`);
    process.exit(1);
  }
}
