import { CredentialRef } from '../lib/engine/credentials';
/**
 * The credentials of a deployment (spec §2.8): one logical id each, also the default Secret data
 * key. System value functions put these where a password goes; `npm run credentials` makes them.
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
  | 'external'
  /**
   * A storage array's login or secret, read from a Secret the profile names (`detail` is
   * `<secretName>/<key>`): provided by the operator, never generated.
   */
  | 'storage-secret';

/** Logical credentials, one value per deployment (spec §2.8). */
export const credential = {
  adminPassword: () => new CredentialRef<CredentialKind>('admin-password', 'password'),
  stxAdminPassword: () => new CredentialRef<CredentialKind>('stx-admin-password', 'password'),
  testPassword: (service: string) => new CredentialRef<CredentialKind>(`test-password.${service}`, 'password'),
  /** A service user's Keystone password, shared by every chart that uses that user. */
  userPassword: (user: string) => new CredentialRef<CredentialKind>(`user-password.${user}`, 'password'),
  /** A Keystone user private to one chart (clients' nova, horizon's admin, the exporter's user). */
  chartUserPassword: (chart: string, user: string) => new CredentialRef<CredentialKind>(`chart-user-password.${chart}.${user}`, 'password'),
  dbAdminPassword: () => new CredentialRef<CredentialKind>('db-admin-password', 'password'),
  dbPassword: (service: string) => new CredentialRef<CredentialKind>(`db-password.${service}`, 'password'),
  rabbitAdminPassword: () => new CredentialRef<CredentialKind>('rabbit-admin-password', 'password'),
  rabbitPassword: (service: string) => new CredentialRef<CredentialKind>(`rabbit-password.${service}`, 'password'),
  /** The Erlang cookie the RabbitMQ cluster members share (not in the spec's catalogue). */
  rabbitErlangCookie: () => new CredentialRef<CredentialKind>('rabbit-erlang-cookie', 'password'),
  /** Shared by nova's metadata API and neutron's metadata agent (the charts' default is the published "password"). */
  metadataProxySharedSecret: () => new CredentialRef<CredentialKind>('metadata-proxy-shared-secret', 'password'),
  memcacheSecretKey: () => new CredentialRef<CredentialKind>('memcache-secret-key', 'hex-key'),
  horizonSecretKey: () => new CredentialRef<CredentialKind>('horizon-secret-key', 'django-secret-key'),
  novaSshPrivateKey: () => new CredentialRef<CredentialKind>('nova-ssh-private-key', 'ssh-private-key'),
  novaSshPublicKey: () => new CredentialRef<CredentialKind>('nova-ssh-public-key', 'ssh-public-key'),
  cephAdminKeyring: () => new CredentialRef<CredentialKind>('ceph-admin-keyring', 'ceph-keyring'),
  cephGlanceKeyring: () => new CredentialRef<CredentialKind>('ceph-glance-keyring', 'ceph-keyring'),
  /** `rabbit://rabbitmq-admin:<password>@rabbitmq.openstack.svc.cluster.local:5672<vhost>` (spec §2.4). */
  notificationUrl: (vhost: string) =>
    new CredentialRef<CredentialKind>(`notification-url.${vhost.replace(/^\//, '') || 'root'}`, 'rabbit-url', vhost),
  /** NetApp ONTAP login/password of one protocol's backend, from the profile's `credentialsRef` Secret. */
  netappLogin: (protocol: string, secretName: string, key: string) =>
    new CredentialRef<CredentialKind>(`netapp-login.${protocol}`, 'storage-secret', `${secretName}/${key}`),
  netappPassword: (protocol: string, secretName: string, key: string) =>
    new CredentialRef<CredentialKind>(`netapp-password.${protocol}`, 'storage-secret', `${secretName}/${key}`),
  /** A cinder.conf field of an ESB backend, from the entry's `secretRef` Secret. */
  esbField: (backend: string, field: string, secretName: string, key: string) =>
    new CredentialRef<CredentialKind>(`esb.${backend}.${field}`, 'storage-secret', `${secretName}/${key}`),
  tlsCertificate: () => new CredentialRef<CredentialKind>('tls.crt', 'tls', 'crt'),
  tlsKey: () => new CredentialRef<CredentialKind>('tls.key', 'tls', 'key'),
  tlsCa: () => new CredentialRef<CredentialKind>('tls.ca', 'tls', 'ca'),
} as const;
