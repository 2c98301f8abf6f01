/**
 * Storage decisions (spec §1.1 selection defaults, §1.2 backends, §2.6 StorageClass resolution),
 * computed here once for every release that reads them (cinder, glance, nova, libvirt, mariadb,
 * rabbitmq).
 */
import { StorageSelection } from './profile';
import { DeploymentContext } from './context';
import { urlHost } from './addresses';

export type StorageChart = 'cinder' | 'glance' | 'nova' | 'mariadb' | 'rabbitmq';

const SAN_PRIORITY = ['ceph', 'netapp-nfs', 'netapp-iscsi', 'netapp-fc'];
/**
 * The NetApp backends, one table: the key of each under `storage.netapp` of the profile, and its
 * storage protocol as cinder's `active_protocols` names it (`fc` is `fcp` there).
 */
const NETAPP_BACKENDS = {
  'netapp-nfs': { profileKey: 'nfs', protocol: 'nfs' },
  'netapp-iscsi': { profileKey: 'iscsi', protocol: 'iscsi' },
  'netapp-fc': { profileKey: 'fc', protocol: 'fcp' },
} as const;
export type NetappBackend = keyof typeof NETAPP_BACKENDS;

/** True for the name of a NetApp backend (netapp-nfs, netapp-iscsi, netapp-fc). */
export function isNetappBackend(name: string): name is NetappBackend {
  return Object.hasOwn(NETAPP_BACKENDS, name);
}

/** The key of a NetApp backend under `storage.netapp` of the profile. */
export function netappProfileKey(name: NetappBackend): 'nfs' | 'iscsi' | 'fc' {
  return NETAPP_BACKENDS[name].profileKey;
}

/** The chart's storage selection with the plugin defaults filled in. */
export function storageSelection(
  ctx: DeploymentContext,
  chart: StorageChart,
): Required<Pick<StorageSelection, 'priority'>> & StorageSelection {
  const given = ctx.profile.storage.selection[chart] ?? {};
  switch (chart) {
    case 'glance':
      return { ...given, priority: given.priority ?? ['ceph', 'pvc', 'cinder'] };
    case 'nova':
      return { ...given, priority: given.priority ?? ['host-path', 'nfs', 'pvc', 'ceph'] };
    case 'cinder':
      return { ...given, priority: given.priority ?? SAN_PRIORITY, backupPriority: given.backupPriority ?? SAN_PRIORITY };
    default:
      return { ...given, priority: given.priority ?? SAN_PRIORITY };
  }
}

/** True when the chart's backends list allows `name` (no list: ceph and discovered NetApp do). */
function backendAllowed(selection: StorageSelection, name: string): boolean {
  if (!selection.backends) return true;
  return selection.backends.some((b) => b.name === name && b.enabled);
}

/** Ceph is available to a chart (spec §1.2 cephAvail). */
export function cephAvailable(ctx: DeploymentContext, chart: StorageChart): boolean {
  return ctx.profile.storage.ceph.kind !== 'none' && backendAllowed(storageSelection(ctx, chart), 'ceph');
}

/**
 * The availability map of a chart: backend name to StorageClass (`''` when not available).
 * Ceph, the three NetApp protocols, then each ESB entry.
 */
export function availability(ctx: DeploymentContext, chart: StorageChart): Map<string, string> {
  const selection = storageSelection(ctx, chart);
  const ceph = ctx.profile.storage.ceph;
  const map = new Map<string, string>();
  map.set('ceph', ceph.kind !== 'none' && cephAvailable(ctx, chart) ? ceph.storageClass : '');
  for (const [name, { profileKey }] of Object.entries(NETAPP_BACKENDS)) {
    const backend = ctx.profile.storage.netapp?.[profileKey];
    map.set(name, backend && backendAllowed(selection, name) ? backend.storageClass : '');
  }
  for (const esb of ctx.profile.storage.esb) {
    const cls = esbStorageClass(esb);
    map.set(esb.name, backendAllowed(selection, esb.name) || !selection.backends ? cls : '');
  }
  return map;
}

/** An ESB entry's StorageClass, `''` when it has none (absent or `none` in any case). */
export function esbStorageClass(esb: { k8sStorageClass?: string }): string {
  const cls = esb.k8sStorageClass?.trim() ?? '';
  return cls.toLowerCase() === 'none' ? '' : cls;
}

/** Backends the platform knows by name (ceph and NetApp); every other name is an ESB entry's. */
const STRICT_BACKENDS: readonly string[] = ['ceph', ...Object.keys(NETAPP_BACKENDS)];

/**
 * The first backend of `priority` that resolves a StorageClass for a chart (spec §2.6): its value in
 * the chart's availability map, or, for a name that is not ceph or NetApp and has no value there,
 * the `k8sStorageClass` of cinder's ESB entry of that name (even when the chart's backends list
 * does not enable it).
 */
export function firstAvailable(
  ctx: DeploymentContext,
  chart: StorageChart,
  priority: readonly string[],
): { name: string; storageClass: string } | undefined {
  const map = availability(ctx, chart);
  for (const name of priority) {
    let storageClass = map.get(name) ?? '';
    if (!storageClass && !STRICT_BACKENDS.includes(name)) {
      const esb = ctx.profile.storage.esb.find((e) => e.name === name);
      storageClass = esb ? esbStorageClass(esb) : '';
    }
    if (storageClass) return { name, storageClass };
  }
  return undefined;
}

/** `SC(chart)`: the StorageClass a chart's PVCs use, or null when none resolves (a validation error). */
export function storageClass(ctx: DeploymentContext, chart: StorageChart, priority?: readonly string[]): string | null {
  return firstAvailable(ctx, chart, priority ?? storageSelection(ctx, chart).priority)?.storageClass ?? null;
}

/** The rook ceph-config-helper image, from the local registry (spec §2.7). */
export function rookImage(ctx: DeploymentContext): string {
  const image = ctx.profile.images.rookCephConfigHelper;
  return image.startsWith('registry.local:9001/') ? image : `registry.local:9001/${image}`;
}
/** Ceph monitor addresses `ip:6789` (`[ip]:6789` for IPv6); AIO uses only the floating monitor. */
export function cephMonitors(ctx: DeploymentContext): string[] {
  const ceph = ctx.profile.storage.ceph;
  if (ceph.kind !== 'host') return [];
  const monitors = ctx.derived.aio ? ceph.monitors.slice(0, 1) : ceph.monitors;
  return monitors.map((m) => `${urlHost(m)}:6789`);
}

/** Largest power of two ≤ osdCount×100−1 (host ceph pool chunk size estimate), capped. */
export function chunkSize(ctx: DeploymentContext, cap: number): number {
  const ceph = ctx.profile.storage.ceph;
  if (ceph.kind === 'rook') return 0;
  const osds = Math.max(1, ceph.kind === 'host' ? ceph.osdCount : 1);
  const estimate = 2 ** Math.floor(Math.log2(osds * 100 - 1));
  return Math.min(estimate, cap);
}

/** The crush rule of ceph pools: host ceph tiers, or rook's. */
export function crushRule(ctx: DeploymentContext): string {
  return ctx.profile.storage.ceph.kind === 'rook' ? 'kube-rbd' : 'storage_tier_ruleset';
}

/** The ceph cluster's fsid, when ceph is configured and has one. */
export function cephFsid(ctx: DeploymentContext): string | undefined {
  const ceph = ctx.profile.storage.ceph;
  return ceph.kind !== 'none' ? ceph.fsid : undefined;
}

// -- Backend selection, shared with glance, nova and libvirt (spec §1.2 cinderVolumeBackends) ---------

/** The protocol of a cinder backend: ceph `rbd`, NetApp its protocol, an ESB entry its own. */
export function cinderBackendProtocol(ctx: DeploymentContext, name: string): string | undefined {
  if (name === 'ceph') return 'rbd';
  if (isNetappBackend(name)) return NETAPP_BACKENDS[name].protocol;
  return ctx.profile.storage.esb.find((e) => e.name === name)?.protocol;
}

/** A block-storage protocol reached over a SAN (iSCSI or Fibre Channel): the hosts need multipath and iSCSI tools. */
export function isSanProtocol(protocol: string | undefined): boolean {
  return protocol === 'iscsi' || protocol === 'fcp';
}

/** Any SAN storage configured (an ESB entry on iSCSI/FC, or NetApp iSCSI/FC), whether or not cinder selects it. */
export function sanStorageConfigured(ctx: DeploymentContext): boolean {
  const storage = ctx.profile.storage;
  return storage.esb.some((e) => isSanProtocol(e.protocol)) || !!storage.netapp?.iscsi || !!storage.netapp?.fc;
}

/** Cinder priority entries whose backend is available, in priority order (no duplicates). */
export function cinderVolumeBackends(ctx: DeploymentContext): string[] {
  const avail = availability(ctx, 'cinder');
  return [...new Set(storageSelection(ctx, 'cinder').priority)].filter((name) => !!avail.get(name));
}

/** Ceph is in cinder's volume backends: drives `conf.ceph.enabled` of nova and libvirt. */
export function cinderUsesCeph(ctx: DeploymentContext): boolean {
  return cinderVolumeBackends(ctx).includes('ceph');
}

// -- Ephemeral storage, shared with libvirt --------------------------------------------------------------

/**
 * Nova's ephemeral disks: `ceph` (RBD images in the ephemeral pool), `pvc` (the instances PVC) or
 * `default` (local storage on the host: host-path, an `nfs` entry, or a ceph entry with no ceph).
 */
export type NovaEphemeral = 'ceph' | 'pvc' | 'default';
const EPHEMERAL_KINDS: readonly string[] = ['host-path', 'nfs', 'pvc', 'ceph'];

/**
 * The priority entry that decides nova's ephemeral storage: the first one enabled, where without a
 * `backends` list every ephemeral kind counts as enabled (the plugin's default nova set, spec
 * erratum 2026-12-02), so an `nfs` entry stops the search like any other.
 */
function novaEphemeralEntry(ctx: DeploymentContext): string | undefined {
  const selection = storageSelection(ctx, 'nova');
  const enabled = (name: string) => (selection.backends ? backendAllowed(selection, name) : EPHEMERAL_KINDS.includes(name));
  return selection.priority.find(enabled);
}

/**
 * Nova's ephemeral storage. A `ceph` entry without a ceph cluster gives local storage, not the next
 * entry: the plugin's check answers "not ceph" there and looks no further.
 */
export function novaEphemeral(ctx: DeploymentContext): NovaEphemeral {
  const entry = novaEphemeralEntry(ctx);
  if (entry === 'ceph') return ctx.profile.storage.ceph.kind !== 'none' ? 'ceph' : 'default';
  return entry === 'pvc' ? 'pvc' : 'default';
}

/**
 * Whether nova and libvirt mount the instances NFS share. The plugin decides it apart from the
 * ephemeral choice, with other defaults: `nfs` must be in the priority list (default: the volume
 * list, which has no `nfs`) and enabled in the backends list (default: ceph alone), wherever it
 * stands in the list. So without both lists given there is no NFS mount.
 */
export function novaNfsMounted(ctx: DeploymentContext): boolean {
  const given = ctx.profile.storage.selection.nova ?? {};
  const priority = given.priority ?? SAN_PRIORITY;
  const enabled = given.backends ? given.backends.filter((b) => b.enabled).map((b) => b.name) : ['ceph'];
  return priority.includes('nfs') && enabled.includes('nfs');
}

/** The instances PVC settings (defaults of the nova plugin). */
export function novaPvc(ctx: DeploymentContext): { name: string; instancesPath: string; className: string | null } {
  const pvc = storageSelection(ctx, 'nova').pvc ?? {};
  return {
    name: pvc.name ?? 'nova-instances',
    instancesPath: pvc.instancesPath ?? '/var/lib/instances',
    className: storageClass(ctx, 'nova', pvc.priority ?? ['netapp-nfs']),
  };
}

/** The instances NFS share settings (defaults of the nova plugin). */
export function novaNfs(ctx: DeploymentContext): { server: string; path: string; instancesPath: string } {
  const nfs = storageSelection(ctx, 'nova').nfs ?? {};
  return {
    server: nfs.server ?? '127.0.0.1',
    path: nfs.path ?? '/openstack_instances',
    instancesPath: nfs.instancesPath ?? '/var/lib/instances',
  };
}
