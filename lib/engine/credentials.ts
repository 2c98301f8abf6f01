/**
 * Credentials in system values. A system value function never sees a password: where one goes it
 * puts a {@link CredentialRef}, and the stack turns each into a `valuesFrom` entry with
 * `targetPath` and `literal: true`, reading a Secret that is created out of band
 * (`npm run credentials`), never a file in `dist/`.
 */

/** What a credential is, which decides how `npm run credentials` makes one. */
export type CredentialKind =
  /** Random password (letters and digits). */
  | 'password'
  /** Random hex key (memcache secret key). */
  | 'hex-key'
  /** Random Django secret key. */
  | 'django-secret-key'
  /** Private half of an SSH key pair (PEM). */
  | 'ssh-private-key'
  /** Public half of the same pair (OpenSSH format). */
  | 'ssh-public-key'
  /** Ceph keyring secret, provided by the storage backend (not generated). */
  | 'ceph-keyring'
  /** RabbitMQ notification URL, built from the rabbit admin password. */
  | 'rabbit-url'
  /** TLS material from the profile's certificate Secret (not generated). */
  | 'tls'
  /** Built from platform secrets this tool does not know (distributed-cloud URLs): provided by hand. */
  | 'external';

/** A credential leaf in a values tree: the logical id of the credential that goes there. */
export class CredentialRef {
  constructor(
    /** Logical id, also the default Secret data key: `admin-password`, `db-password.nova`, ... */
    public readonly id: string,
    public readonly kind: CredentialKind,
    /** For derived credentials: what they are built from (the rabbit URL's vhost). */
    public readonly detail?: string,
  ) {
    if (!/^[-._a-zA-Z0-9]+$/.test(id)) throw new Error(`credential id "${id}" is not a valid Secret data key`);
  }
}

/** Logical credentials, one value per deployment (spec §2.8). */
export const credential = {
  adminPassword: () => new CredentialRef('admin-password', 'password'),
  stxAdminPassword: () => new CredentialRef('stx-admin-password', 'password'),
  testPassword: (service: string) => new CredentialRef(`test-password.${service}`, 'password'),
  /** A service user's Keystone password, shared by every chart that uses that user. */
  userPassword: (user: string) => new CredentialRef(`user-password.${user}`, 'password'),
  /** A Keystone user private to one chart (clients' nova, horizon's admin, the exporter's user). */
  chartUserPassword: (chart: string, user: string) => new CredentialRef(`chart-user-password.${chart}.${user}`, 'password'),
  dbAdminPassword: () => new CredentialRef('db-admin-password', 'password'),
  dbPassword: (service: string) => new CredentialRef(`db-password.${service}`, 'password'),
  rabbitAdminPassword: () => new CredentialRef('rabbit-admin-password', 'password'),
  rabbitPassword: (service: string) => new CredentialRef(`rabbit-password.${service}`, 'password'),
  /** The Erlang cookie the RabbitMQ cluster members share (not in the spec's catalogue). */
  rabbitErlangCookie: () => new CredentialRef('rabbit-erlang-cookie', 'password'),
  memcacheSecretKey: () => new CredentialRef('memcache-secret-key', 'hex-key'),
  horizonSecretKey: () => new CredentialRef('horizon-secret-key', 'django-secret-key'),
  novaSshPrivateKey: () => new CredentialRef('nova-ssh-private-key', 'ssh-private-key'),
  novaSshPublicKey: () => new CredentialRef('nova-ssh-public-key', 'ssh-public-key'),
  cephAdminKeyring: () => new CredentialRef('ceph-admin-keyring', 'ceph-keyring'),
  cephGlanceKeyring: () => new CredentialRef('ceph-glance-keyring', 'ceph-keyring'),
  /** `rabbit://rabbitmq-admin:<password>@rabbitmq.openstack.svc.cluster.local:5672<vhost>` (spec §2.4). */
  notificationUrl: (vhost: string) => new CredentialRef(`notification-url.${vhost.replace(/^\//, '') || 'root'}`, 'rabbit-url', vhost),
  tlsCertificate: () => new CredentialRef('tls.crt', 'tls', 'crt'),
  tlsKey: () => new CredentialRef('tls.key', 'tls', 'key'),
  tlsCa: () => new CredentialRef('tls.ca', 'tls', 'ca'),
} as const;

/** A credential leaf found in a values tree, with the Helm `--set` path that reaches it. */
export interface CredentialLeaf {
  readonly targetPath: string;
  readonly ref: CredentialRef;
}

/** Escapes a key for a Helm `--set` path (`.`, `,`, `=`, `[` and `\` are special). */
function setPathKey(key: string): string {
  return key.replace(/[\\.,=[\]]/g, (c) => `\\${c}`);
}

/**
 * Splits a values tree into the plain values (safe for git) and the credential leaves, each with
 * its `targetPath`. Mappings left empty by the split are dropped, except where they were empty
 * to begin with.
 */
export function splitCredentials(values: unknown): { plain: unknown; leaves: CredentialLeaf[] } {
  const leaves: CredentialLeaf[] = [];
  const walk = (value: unknown, path: string): { keep: boolean; value: unknown } => {
    if (value instanceof CredentialRef) {
      leaves.push({ targetPath: path, ref: value });
      return { keep: false, value: undefined };
    }
    if (Array.isArray(value)) {
      const items = value.map((item, i) => walk(item, `${path}[${i}]`));
      if (items.some((i) => !i.keep)) {
        // A list with a credential item is set item by item through targetPath.
        const plainItems = items.filter((i) => i.keep);
        return plainItems.length === 0 ? { keep: false, value: undefined } : { keep: true, value: items.map((i) => (i.keep ? i.value : null)) };
      }
      return { keep: true, value: items.map((i) => i.value) };
    }
    if (typeof value === 'object' && value !== null) {
      const entries = Object.entries(value);
      if (entries.length === 0) return { keep: true, value: {} };
      const out: Record<string, unknown> = {};
      for (const [k, v] of entries) {
        const r = walk(v, path ? `${path}.${setPathKey(k)}` : setPathKey(k));
        if (r.keep) out[k] = r.value;
      }
      return Object.keys(out).length === 0 ? { keep: false, value: undefined } : { keep: true, value: out };
    }
    return { keep: true, value };
  };
  const result = walk(values, '');
  return { plain: result.keep ? result.value : {}, leaves };
}
