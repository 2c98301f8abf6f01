import { defineRelease, NO_WAIT, storageClassCheck } from '../define';
import { Value, Values } from '../../lib/engine/values';
import { cinderStaticValues } from '../../overrides/cinder';
import { credential } from '../../overrides/credentials';
import {
  CA_PATH,
  httpsServiceValues,
  identityAuth,
  notificationUrl,
  osloCache,
  osloDbAuth,
  osloMessaging,
  publicEndpoint,
  rookImages,
  serviceRegion,
} from '../../overrides/system';
import { DeploymentContext } from '../../lib/profile/context';
import {
  availability,
  cephFsid,
  cephMonitors,
  chunkSize,
  cinderBackendProtocol,
  cinderVolumeBackends,
  isNetappBackend,
  isSanProtocol,
  NetappBackend,
  netappProfileKey,
  storageSelection,
} from '../../lib/profile/storage';

export const cinder = defineRelease({
  name: 'cinder',
  dependsOn: ['glance'],
  ...NO_WAIT,
  checks: (ctx, values) => [
    ...storageClassCheck(
      'cinder',
      ['backup', 'posix', 'volume', 'class_name'],
      'storage.selection.cinder.backupPriority',
      false,
    )(ctx, values),
    ...extraMountProblems(ctx),
  ],
  staticValues: cinderStaticValues,
  systemValues: cinderSystemValues,
});

// -- Ceph --------------------------------------------------------------------------------------------

interface CephBackend {
  /** Cinder backend (and volume type) name. */
  readonly name: string;
  readonly pool: string;
  readonly crushRule: string;
}

/** The ceph backends cinder creates: host ceph's primary tier plus secondary tiers, or rook's one. */
function cephBackends(ctx: DeploymentContext): CephBackend[] {
  const ceph = ctx.profile.storage.ceph;
  if (ceph.kind === 'rook') return [{ name: 'ceph-rook-store', pool: 'cinder-volumes', crushRule: 'kube-rbd' }];
  if (ceph.kind !== 'host') return [];
  return [
    { name: 'ceph-store', pool: 'cinder-volumes', crushRule: 'storage_tier_ruleset' },
    // Tier rules are `<tier>-tier-ruleset` with every dash made an underscore.
    ...ceph.secondaryTiers.map((t) => ({
      name: t.backendName,
      pool: `cinder-volumes-${t.tierName}`,
      crushRule: `${t.tierName}-tier-ruleset`.replace(/-/g, '_'),
    })),
  ];
}

/** `conf.backends.<name>` of a ceph backend. */
function cephBackendSection(ctx: DeploymentContext, backend: CephBackend): Values {
  const fsid = cephFsid(ctx);
  return {
    image_volume_cache_enabled: 'True', // a string, as the original writes it (§6-11)
    volume_backend_name: backend.name,
    volume_driver: 'cinder.volume.drivers.rbd.RBDDriver',
    rbd_pool: backend.pool,
    rbd_user: 'cinder',
    rbd_ceph_conf: '/etc/ceph/ceph.conf',
    ...(fsid ? { rbd_secret_uuid: fsid } : {}),
  };
}

/** `conf.ceph`: monitors, admin keyring and the pools the storage init job creates. */
function cephConf(ctx: DeploymentContext, backends: readonly CephBackend[]): Values {
  const replication = ctx.derived.cephReplication;
  const rook = ctx.profile.storage.ceph.kind === 'rook';
  const pools: Values = {};
  for (const b of backends) {
    pools[b.pool] = { replication, crush_rule: b.crushRule, chunk_size: chunkSize(ctx, 512), app_name: 'cinder-volumes' };
  }
  // Backups share the primary backend's replication and crush rule.
  pools.backup = { replication, crush_rule: backends[0].crushRule, chunk_size: chunkSize(ctx, 256), app_name: 'cinder-backup' };
  return rook
    ? { admin_keyring: credential.cephAdminKeyring(), monitors: [], pools }
    : { monitors: cephMonitors(ctx), admin_keyring: 'null', pools };
}

// -- NetApp and ESB (P2) -----------------------------------------------------------------------------

/**
 * `conf.backends.<netapp-x>`: the NetApp unified driver on the profile's SVM. The ONTAP login and
 * password, which StarlingX reads from the Trident backend Secret, are credential leaves read from
 * the `credentialsRef` Secret; without one they are left to user values, as the platform does.
 */
function netappSection(ctx: DeploymentContext, name: NetappBackend): Values {
  const protocol = netappProfileKey(name);
  const backend = ctx.profile.storage.netapp?.[protocol];
  return {
    volume_backend_name: name,
    volume_driver: 'cinder.volume.drivers.netapp.common.NetAppDriver',
    netapp_storage_family: 'ontap_cluster',
    netapp_storage_protocol: protocol,
    ...(backend?.managementLif ? { netapp_server_hostname: backend.managementLif } : {}),
    ...(backend?.svm ? { netapp_vserver: backend.svm } : {}),
    ...(backend?.credentialsRef
      ? {
          netapp_login: credential.netappLogin(protocol, backend.credentialsRef.secretName, backend.credentialsRef.usernameKey),
          netapp_password: credential.netappPassword(protocol, backend.credentialsRef.secretName, backend.credentialsRef.passwordKey),
        }
      : {}),
  };
}

/** A JSON-like profile value as a values-tree value. */
function toValue(value: unknown, path: string): Value {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v, i) => toValue(v, `${path}[${i}]`));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toValue(v, `${path}.${k}`)]));
  throw new Error(`${path}: expected plain data (string, number, boolean, list or map), got ${typeof value}`);
}

/**
 * `conf.backends.<esb>`: the entry's own volume backend settings, with each `secretRef` field a
 * credential leaf read from the entry's Secret; a literal field of the same name wins, as on the
 * platform.
 */
function esbSection(ctx: DeploymentContext, name: string): Values {
  const index = ctx.profile.storage.esb.findIndex((e) => e.name === name);
  const esb = ctx.profile.storage.esb[index];
  const literal = toValue(esb.volumeBackend, `storage.esb[${index}].volumeBackend`) as Values;
  const secret: Values = {};
  for (const [field, key] of Object.entries(esb.secretRef?.keys ?? {})) {
    if (!(field in literal)) secret[field] = credential.esbField(name, field, esb.secretRef!.secretName, key);
  }
  return { volume_backend_name: name, ...secret, ...literal };
}

// -- Backup -------------------------------------------------------------------------------------------

const BACKUP_DRIVERS: Readonly<Record<string, string | undefined>> = {
  rbd: 'cinder.backup.drivers.ceph.CephBackupDriver',
  nfs: 'cinder.backup.drivers.nfs.NFSBackupDriver',
  iscsi: 'cinder.backup.drivers.posix.PosixBackupDriver',
  fcp: 'cinder.backup.drivers.posix.PosixBackupDriver',
  local: undefined,
};

// -- Mounts (spec §3.8 pod.mounts) ----------------------------------------------------------------------

/** The Secret with the storage arrays' CA, created out of band (the platform copies the host file into it). */
export const STORAGE_CA_SECRET = 'storage-ca-cert';
const STORAGE_CA_KEY = 'ca.crt';

type CinderPod = 'cinder_volume' | 'cinder_backup';
const EXTRA_MOUNT_LISTS = ['volumes', 'volumeMounts'] as const;

/** The user's `storage_conf.extra_mounts.<pod>` lists (from cinder's user values, where StarlingX reads them). */
function extraMounts(ctx: DeploymentContext, pod: CinderPod): Record<(typeof EXTRA_MOUNT_LISTS)[number], Values[]> {
  const entry = at(ctx.profile.userOverrides.cinder, ['storage_conf', 'extra_mounts', pod]);
  const list = (key: string) => {
    const value = entry && typeof entry === 'object' ? (entry as Record<string, unknown>)[key] : undefined;
    return Array.isArray(value) && value.every(isMap) ? (value as Values[]) : [];
  };
  return { volumes: list('volumes'), volumeMounts: list('volumeMounts') };
}

/** `storage_conf.extra_mounts` entries that are not lists of maps (the platform would fail on them). */
function extraMountProblems(ctx: DeploymentContext): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  for (const pod of ['cinder_volume', 'cinder_backup'] as const) {
    const entry = at(ctx.profile.userOverrides.cinder, ['storage_conf', 'extra_mounts', pod]);
    for (const key of EXTRA_MOUNT_LISTS) {
      const value = entry && typeof entry === 'object' ? (entry as Record<string, unknown>)[key] : undefined;
      if (value !== undefined && !(Array.isArray(value) && value.every(isMap))) {
        problems.push({
          field: `userOverrides.cinder.storage_conf.extra_mounts.${pod}.${key}`,
          message: 'expected a list of Kubernetes volume or volumeMount maps',
        });
      }
    }
  }
  return problems;
}

function isMap(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (isMap(node) ? (node as Record<string, unknown>)[key] : undefined), value);
}

/**
 * `pod.mounts.<pod>.<pod>`: the image conversion folder, the storage CA (one mount per container
 * path, when `storage.caCert` is set), then the user's extra mounts appended.
 */
function podMounts(ctx: DeploymentContext, pod: CinderPod): Values {
  const volumes: Values[] = [{ name: 'imageconversion', hostPath: { path: '/opt/conversion' } }];
  const volumeMounts: Values[] = [{ name: 'imageconversion', mountPath: '/opt/conversion' }];
  const caPaths = ctx.profile.storage.caCert?.containerPaths ?? [];
  if (caPaths.length > 0) {
    volumes.push({
      name: STORAGE_CA_SECRET,
      secret: { secretName: STORAGE_CA_SECRET, items: [{ key: STORAGE_CA_KEY, path: STORAGE_CA_KEY }] },
    });
    for (const mountPath of caPaths) volumeMounts.push({ name: STORAGE_CA_SECRET, mountPath, subPath: STORAGE_CA_KEY, readOnly: true });
  }
  const extra = extraMounts(ctx, pod);
  return {
    volumes: [...volumes, ...structuredClone(extra.volumes)],
    volumeMounts: [...volumeMounts, ...structuredClone(extra.volumeMounts)],
  };
}

// -- System values -------------------------------------------------------------------------------------

/** Cinder's system values (spec §3.8). */
function cinderSystemValues(ctx: DeploymentContext): Values {
  const { profile, derived } = ctx;
  const C = derived.controllers;
  const selection = storageSelection(ctx, 'cinder');
  const avail = availability(ctx, 'cinder');
  const priority = [...new Set(selection.priority)];
  const active = cinderVolumeBackends(ctx);
  const cephAvail = !!avail.get('ceph');
  const ceph = cephAvail ? cephBackends(ctx) : [];
  const cephInPriority = cephAvail && priority.includes('ceph');

  // Volume backends: ceph's (when ceph is in the priority) plus each available NetApp/ESB entry.
  const others = active.filter((name) => name !== 'ceph');
  const enabledBackends = [...(cephInPriority ? ceph.map((b) => b.name) : []), ...others].sort();
  const defaultBackend = active[0];
  const defaultVolumeType = defaultBackend === 'ceph' ? ceph[0].name : defaultBackend;

  const backends: Values = {};
  if (cephInPriority) for (const b of ceph) backends[b.name] = cephBackendSection(ctx, b);
  for (const name of others) backends[name] = isNetappBackend(name) ? netappSection(ctx, name) : esbSection(ctx, name);

  // Backup: the first available entry of the backup priority picks the driver.
  const backupBackend = [...new Set(selection.backupPriority ?? [])].find((name) => !!avail.get(name));
  const backupProtocol = backupBackend ? cinderBackendProtocol(ctx, backupBackend) : 'rbd';
  const backupDriver = BACKUP_DRIVERS[backupProtocol ?? 'rbd'];
  const posixBackup = backupDriver === BACKUP_DRIVERS.iscsi;
  const backupReplicas = backupBackend === 'netapp-iscsi' || backupBackend === 'netapp-fc' ? 1 : C;

  const protocols = [...new Set(active.map((name) => cinderBackendProtocol(ctx, name)).filter((p): p is string => !!p))].sort();
  const hasSan = protocols.some(isSanProtocol);
  const nfsActive = protocols.includes('nfs');
  const netappNfs = !!avail.get('netapp-nfs') && (priority.includes('netapp-nfs') || backupBackend === 'netapp-nfs');
  const NFS_SHARE = '127.0.0.1:/nfs_volume\n';

  const controllers = profile.hosts.filter((h) => h.personality === 'controller');
  const imageConversion = controllers.length > 0 && controllers.every((h) => h.imageConversionFs);

  const DEFAULT: Values = {
    os_region_name: serviceRegion(ctx, 'cinder'),
    state_path: '/var/lib/cinder',
    ...(imageConversion ? { image_conversion_dir: '/opt/conversion' } : {}),
    ...(enabledBackends.length > 0 ? { enabled_backends: enabledBackends.join(',') } : {}),
    ...(defaultVolumeType ? { default_volume_type: defaultVolumeType } : {}),
    ...(backupDriver ? { backup_driver: backupDriver } : {}),
    ...(netappNfs ? { backup_share: NFS_SHARE } : {}),
  };

  return {
    pod: {
      replicas: { api: C, volume: C, scheduler: C, backup: backupReplicas },
      useHostNetwork: { volume: hasSan, backup: hasSan },
      security_context: {
        cinder_backup: { container: { cinder_backup: { privileged: hasSan } } },
        cinder_volume: { container: { cinder_volume: { readOnlyRootFilesystem: !hasSan || nfsActive } } },
      },
      mounts: {
        cinder_volume: { cinder_volume: podMounts(ctx, 'cinder_volume') },
        cinder_backup: { cinder_backup: podMounts(ctx, 'cinder_backup') },
      },
    },
    conf: {
      enable_iscsi: hasSan,
      cinder: {
        DEFAULT,
        oslo_messaging_notifications: { transport_url: notificationUrl('/cinder') },
        ...(derived.https ? { keystone_authtoken: { cafile: CA_PATH } } : {}),
      },
      backends,
      ceph: cephAvail ? cephConf(ctx, ceph) : {},
      ...(netappNfs ? { nfs_shares: NFS_SHARE } : {}),
    },
    ceph_client: cephAvail ? { user_secret_name: 'ceph-admin', internal_ceph_backend: ceph[0].name } : {},
    storage_conf: { active_protocols: protocols },
    backup: posixBackup && backupBackend ? { posix: { volume: { class_name: avail.get(backupBackend) ?? '' } } } : {},
    endpoints: {
      identity: { auth: identityAuth(ctx, 'cinder', ['cinder'], ['glance', 'nova', 'swift', 'service']) },
      oslo_db: { auth: osloDbAuth(['cinder']) },
      oslo_messaging: osloMessaging(ctx, ['cinder']),
      oslo_cache: osloCache(),
      volumev3: publicEndpoint(ctx, 'cinder'),
    },
    ...httpsServiceValues(ctx),
    ...(cephAvail ? rookImages(ctx, ['cinder_backup_storage_init', 'cinder_storage_init']) : {}),
  };
}
