/**
 * Credentials for test renders: those `npm run credentials` makes for a deployment, plus realistic
 * stand-ins for what the operator provides (Ceph keyrings, TLS material). Test values only.
 */
import { generateKeyPairSync, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { generateValues, valuesDocuments } from './credentials';
import { ExternalLookup } from './values';
import { ResolvedDeployment } from '../deployment/resolve';

/** A PEM block of `bytes` random bytes: the shape of real material, for renders only. */
function pemBlock(label: string, bytes: number): string {
  const body = randomBytes(bytes)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trim();
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** A Ceph key as `ceph auth get-key` prints it (a base64 of 28 bytes: type, created, length, 16-byte secret). */
function cephKey(): string {
  const buf = Buffer.alloc(28);
  buf.writeUInt16LE(1, 0);
  buf.writeUInt32LE(Math.floor(Date.now() / 1000), 2);
  buf.writeUInt16LE(16, 10);
  randomBytes(16).copy(buf, 12);
  return buf.toString('base64');
}

let testKey: string | undefined;

/** Realistic stand-in for a value the operator provides, by its key name. */
export function providedTestValue(key: string): string {
  if (/keyring|ceph.*key/i.test(key)) return cephKey();
  if (/(^|[._-])(tls|ssl)?[._-]?key$|private/i.test(key)) {
    testKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    return testKey;
  }
  if (/crt|cert|(^|[._-])ca($|[._-])/i.test(key)) return pemBlock('CERTIFICATE', 900);
  return randomBytes(18).toString('base64url');
}

/**
 * The lookup a test render uses: the credentials `npm run credentials` makes for the deployment
 * (when given), and realistic stand-ins for what the operator provides. Like the credentials
 * command, it keeps what exists: with `keepIn`, a JSON file (under node_modules/.cache for tests)
 * holds the values between runs, so renders stay cached. Test values only, never a site's.
 */
export function testCredentials(deployment?: ResolvedDeployment, keepIn?: string): ExternalLookup {
  let kept: Record<string, Record<string, string>> = {};
  if (keepIn && fs.existsSync(keepIn)) kept = JSON.parse(fs.readFileSync(keepIn, 'utf8')) as Record<string, Record<string, string>>;
  const existing = new Map(Object.entries(kept));
  const secrets = deployment ? generateValues(deployment, existing, false).secrets : new Map<string, Record<string, string>>();
  const all: Record<string, Record<string, string>> = { ...kept };
  for (const [name, data] of secrets) all[name] = { ...(all[name] ?? {}), ...data };
  // The releases read their credentials as one values document each (helm-values.<release>.yaml),
  // which the credentials command builds from the values; what the operator provides is filled in.
  if (deployment) {
    for (const name of secrets.keys()) {
      const values = all[name];
      const filled = new Proxy(values, { get: (target, key: string) => target[key] ?? (target[key] = providedTestValue(key)) });
      Object.assign(values, valuesDocuments(deployment, name, filled).data);
    }
  }
  const save = () => {
    if (!keepIn) return;
    fs.mkdirSync(path.dirname(keepIn), { recursive: true });
    const tmp = `${keepIn}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    fs.renameSync(tmp, keepIn);
  };
  save();
  return (kind, name, key) => {
    const store = (all[`${kind}/${name}`] ??= {});
    const made = kind === 'Secret' ? all[name]?.[key] : undefined;
    if (made !== undefined) return made;
    if (store[key] === undefined) {
      store[key] = providedTestValue(key);
      save();
    }
    return store[key];
  };
}
