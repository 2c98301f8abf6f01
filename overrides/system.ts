/**
 * Shared building blocks of system values (spec §2 of docs/system-values.md), written once and used
 * by every release whose system values need them. All pure functions of the deployment context.
 */
import { Values } from '../lib/engine/values';
import { CredentialRef } from '../lib/engine/credentials';
import { DeploymentContext } from '../lib/profile/context';
import { credential } from './credentials';
import { rookImage } from '../lib/profile/storage';

/** Where OpenStack-Helm mounts the public CA inside containers. */
export const CA_PATH = '/etc/ssl/certs/openstack-helm.crt';

/** In-cluster RabbitMQ service, family-agnostic. */
const RABBIT_SERVICE = 'rabbitmq.openstack.svc.cluster.local:5672';

/** The notification transport URL of a vhost: `rabbit://rabbitmq-admin:<pw>@rabbitmq...:5672<vhost>`. */
export function notificationUrl(vhost: string): CredentialRef {
  return credential.notificationUrl(vhost);
}

/** Renders a notification URL from the rabbit admin password (used by `npm run credentials`). */
export function renderNotificationUrl(rabbitAdminPassword: string, vhost: string): string {
  return `rabbit://rabbitmq-admin:${encodeURIComponent(rabbitAdminPassword)}@${RABBIT_SERVICE}${vhost}`;
}

/** Options of {@link identityAuth}. */
export interface IdentityAuthOptions {
  /** Users whose password is private to this chart (not shared with other charts). @default - none */
  readonly privateUsers?: readonly string[];
}

/**
 * `endpoints.identity.auth` (spec §2.1): admin, test and stx_admin, then the chart's own users
 * (replacing a same-named entry), then the service users whose passwords other charts own.
 */
export function identityAuth(
  ctx: DeploymentContext,
  service: string,
  users: readonly string[] = [],
  serviceUsers: readonly string[] = [],
  options: IdentityAuthOptions = {},
): Values {
  const region = serviceRegion(ctx, service);
  const auth: Values = {
    admin: { region_name: region, username: ctx.profile.keystone.admin.userName, password: credential.adminPassword() },
    test: { region_name: region, username: 'test', password: credential.testPassword(service) },
    // Project and domains as keystone creates stx_admin (its static values): without them the
    // charts' <svc>-keystone-stx-admin Secrets say OS_PROJECT_NAME=<nil> (StarlingX ships that).
    stx_admin: {
      region_name: region,
      username: 'stx_admin',
      password: credential.stxAdminPassword(),
      project_name: 'admin',
      project_domain_name: 'default',
      user_domain_name: 'default',
    },
  };
  for (const user of users) {
    const password = options.privateUsers?.includes(user) ? credential.chartUserPassword(service, user) : credential.userPassword(user);
    auth[user] = { region_name: region, password };
  }
  for (const user of serviceUsers) auth[user] = { region_name: region, password: credential.userPassword(user) };
  if (ctx.derived.https) {
    for (const entry of Object.values(auth)) (entry as Values).cacert = CA_PATH;
  }
  return auth;
}

/** The region of a service: its regionConfig entry, else the system's region. */
export function serviceRegion(ctx: DeploymentContext, service: string): string {
  return ctx.profile.system.regionConfig?.services[service]?.regionName ?? ctx.profile.system.regionName;
}

/**
 * The public FQDN of a service: the profile's pattern with the endpoint domain, lower-cased. Every
 * public host name goes through here (endpoints, CSRF origins, federation and Dex URLs), as the
 * platform formats each with the same pattern; every occurrence of a placeholder is replaced
 * (Python's `str.format`).
 */
export function publicHost(ctx: DeploymentContext, serviceName: string): string | undefined {
  const domain = ctx.profile.endpoints.domain;
  if (!domain) return undefined;
  return ctx.profile.endpoints.fqdnPattern.replaceAll('{service_name}', serviceName).replaceAll('{endpoint_domain}', domain).toLowerCase();
}

/** A service's external URL `<scheme>://<public host>` (https when the deployment is), or `''` without a domain. */
export function publicUrl(ctx: DeploymentContext, serviceName: string): string {
  const host = publicHost(ctx, serviceName);
  return host ? `${ctx.derived.https ? 'https' : 'http'}://${host}` : '';
}

/** `host_fqdn_override` (spec §2.2): public host when a domain is set, TLS material when https. */
export function fqdnOverride(ctx: DeploymentContext, serviceName: string): Values {
  const publicOverride: Values = {};
  const host = publicHost(ctx, serviceName);
  if (host) publicOverride.host = host;
  if (ctx.derived.https) {
    const tls: Values = { crt: credential.tlsCertificate(), key: credential.tlsKey() };
    if (ctx.profile.https.certRef?.caKey) tls.ca = credential.tlsCa();
    publicOverride.tls = tls;
  }
  return { public: publicOverride };
}

/** `port` of a public endpoint: 443 behind https, else the chart's (empty map). */
export function publicPort(ctx: DeploymentContext, portName = 'api'): Values {
  return ctx.derived.https ? { [portName]: { public: 443 } } : {};
}

/** `scheme` of a public endpoint. */
export function publicScheme(ctx: DeploymentContext): Values {
  return ctx.derived.https ? { public: 'https' } : {};
}

/** An endpoint block with the public FQDN, port and scheme. */
export function publicEndpoint(ctx: DeploymentContext, serviceName: string, portName = 'api'): Values {
  return { host_fqdn_override: fqdnOverride(ctx, serviceName), port: publicPort(ctx, portName), scheme: publicScheme(ctx) };
}

/** `endpoints.oslo_db.auth`: the database admin and each user's own password. */
export function osloDbAuth(users: readonly string[]): Values {
  const auth: Values = { admin: { password: credential.dbAdminPassword() } };
  for (const user of users) auth[user] = { password: credential.dbPassword(user) };
  return auth;
}

/** `endpoints.oslo_messaging.auth`: the RabbitMQ admin and each user's own account. */
export function osloMessagingAuth(users: readonly string[]): Values {
  const auth: Values = { admin: { username: 'rabbitmq-admin', password: credential.rabbitAdminPassword() } };
  for (const user of users) auth[user] = { username: `${user}-rabbitmq-user`, password: credential.rabbitPassword(user) };
  return auth;
}

/**
 * `endpoints.oslo_messaging`: the users' accounts, and as many RabbitMQ members as the rabbitmq
 * release runs (one per controller). The charts list one transport URL host per member
 * (`rabbitmq-0` .. `rabbitmq-<replicas-1>`); StarlingX keeps its static 2 on a simplex, which names
 * `rabbitmq-1`, a pod that does not exist.
 */
export function osloMessaging(ctx: DeploymentContext, users: readonly string[]): Values {
  return { statefulset: { replicas: ctx.derived.controllers }, auth: osloMessagingAuth(users) };
}

/** `endpoints.oslo_cache`: the shared memcache secret key. */
export function osloCache(): Values {
  return { auth: { memcache_secret_key: credential.memcacheSecretKey() } };
}

/** `manifests.certificates: true` behind https (spec §2.5). */
export function certificates(ctx: DeploymentContext): Values {
  return ctx.derived.https ? { certificates: true } : {};
}

/** Options of {@link httpsServiceValues}. */
export interface HttpsServiceOptions {
  /**
   * The `conf` section (the service's config file) whose `keystone_authtoken` verifies the public
   * CA. Only for a release whose system values have no `conf` of their own.
   * @default - none (the release writes its `conf` itself)
   */
  readonly authtokenIn?: string;
  /** `secrets.tls`: the TLS Secrets the chart's endpoints serve. @default - the chart's */
  readonly tls?: Values;
}

/**
 * What an OpenStack service adds behind https (spec §2.5), in the platform's order:
 * `conf.<section>.keystone_authtoken.cafile`, `secrets.tls`, then `manifests.certificates`.
 * Nothing over http. Spread it after the release's own keys.
 */
export function httpsServiceValues(ctx: DeploymentContext, options: HttpsServiceOptions = {}): Values {
  if (!ctx.derived.https) return {};
  const values: Values = {};
  if (options.authtokenIn) values.conf = { [options.authtokenIn]: { keystone_authtoken: { cafile: CA_PATH } } };
  if (options.tls) values.secrets = { tls: options.tls };
  values.manifests = certificates(ctx);
  return values;
}

/** `images.tags` entries swapped to the rook image when ceph is rook. */
export function rookImageTags(ctx: DeploymentContext, tags: readonly string[]): Values {
  if (ctx.profile.storage.ceph.kind !== 'rook') return {};
  return Object.fromEntries(tags.map((tag) => [tag, rookImage(ctx)]));
}

/** `images: {tags}` with the jobs that need rook's ceph image (spec §2.7), or nothing when ceph is not rook. */
export function rookImages(ctx: DeploymentContext, tags: readonly string[]): Values {
  const swapped = rookImageTags(ctx, tags);
  return Object.keys(swapped).length > 0 ? { images: { tags: swapped } } : {};
}

/** A host path mounted into a container: `[volume name, host path, mount path (default: the host path)]`. */
export type HostPathMount = readonly [name: string, hostPath: string, mountPath?: string];

/** UEFI firmware for guests (OVMF), which nova-compute and libvirt read from the host. */
export const OVMF_MOUNTS: readonly HostPathMount[] = [
  ['ovmf', '/usr/share/OVMF'],
  ['qemu-ovmf', '/usr/share/qemu'],
];

/** `{volumes, volumeMounts}` of a container that mounts host paths. */
export function hostPathMounts(mounts: readonly HostPathMount[]): Values {
  return {
    volumes: mounts.map(([name, hostPath]) => ({ name, hostPath: { path: hostPath } })),
    volumeMounts: mounts.map(([name, hostPath, mountPath]) => ({ name, mountPath: mountPath ?? hostPath })),
  };
}

/** Formats sorted CPU ids as ranges: `2-5,8`. */
export function rangeSet(cpus: readonly number[]): string {
  const sorted = [...new Set(cpus)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(',');
}

/** Groups hosts whose per-host conf is identical: `[{name: [hostnames], conf}]`, first-seen order. */
export function groupHosts(entries: ReadonlyArray<{ hostname: string; conf: Values }>): Values[] {
  const groups: Array<{ names: string[]; key: string; conf: Values }> = [];
  for (const { hostname, conf } of entries) {
    const key = stableKey(conf);
    const group = groups.find((g) => g.key === key);
    if (group) group.names.push(hostname);
    else groups.push({ names: [hostname], key, conf });
  }
  return groups.map((g) => ({ name: g.names, conf: g.conf }));
}

/**
 * What the chart's root `conf` must hold for per-host overrides to survive its merge: helm-toolkit's
 * `daemonset_overrides` runs sprig `merge host root`, which fills a host's empty values (`""`, `0`,
 * `false`, `[]`) from the root, so a host's empty string would bring back the chart's sample value
 * (`physnet2:enp3s0f1`). Every empty leaf of any host conf, at its path; hosts that set the key win.
 */
export function emptyHostLeaves(hosts: readonly Values[]): Values {
  const out: Values = {};
  const walk = (conf: Values, into: Values) => {
    for (const [key, value] of Object.entries(conf)) {
      if (value instanceof CredentialRef) continue;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const next = (typeof into[key] === 'object' && into[key] !== null ? into[key] : {}) as Values;
        walk(value as Values, next);
        if (Object.keys(next).length > 0) into[key] = next;
      } else if (value === '' || value === 0 || value === false || (Array.isArray(value) && value.length === 0)) {
        into[key] = value;
      }
    }
  };
  for (const host of hosts) walk(host, out);
  return out;
}

function stableKey(value: unknown): string {
  if (value instanceof CredentialRef) return `cred:${value.id}`;
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableKey((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
