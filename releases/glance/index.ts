import { defineRelease, NO_WAIT, storageClassCheck } from '../define';
import { Values } from '../../lib/engine/values';
import { glanceStaticValues } from '../../overrides/glance';
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
  publicHost,
  rookImages,
} from '../../overrides/system';
import { DeploymentContext } from '../../lib/profile/context';
import {
  cephAvailable,
  cephMonitors,
  chunkSize,
  cinderBackendProtocol,
  cinderVolumeBackends,
  crushRule,
  isSanProtocol,
  storageClass,
  storageSelection,
} from '../../lib/profile/storage';

export const glance = defineRelease({
  name: 'glance',
  dependsOn: ['keystone'],
  ...NO_WAIT,
  checks: storageClassCheck('glance', ['volume', 'class_name'], 'storage.selection.glance.pvc', false),
  staticValues: glanceStaticValues,
  systemValues: glanceSystemValues,
});

type GlanceBackend = 'rbd' | 'pvc' | 'cinder';

/** The glance store of each backend. */
const STORE: Readonly<Record<GlanceBackend, string>> = { rbd: 'rbd', pvc: 'file', cinder: 'cinder' };

const DEFAULT_PVC_PRIORITY = ['netapp-nfs', 'netapp-iscsi', 'netapp-fc'];

interface GlanceStorage {
  readonly backend: GlanceBackend;
  /** The images PVC, for the pvc backend. */
  readonly volume?: { readonly class_name: string; readonly size: string; readonly accessModes: string[] };
}

/**
 * Walks glance's priority (spec §3.9): ceph when available, pvc when its own priority resolves a
 * StorageClass, cinder always. Legacy `netapp-*` entries collapse into one pvc entry.
 */
function glanceStorage(ctx: DeploymentContext): GlanceStorage {
  const selection = storageSelection(ctx, 'glance');
  const legacy = selection.priority.filter((name) => name.startsWith('netapp-'));
  const priority = [...new Set(selection.priority.map((name) => (name.startsWith('netapp-') ? 'pvc' : name)))];
  const pvcPriority = selection.pvc?.priority ?? (legacy.length > 0 ? legacy : DEFAULT_PVC_PRIORITY);
  const pvcClass = storageClass(ctx, 'glance', pvcPriority);

  const pvc = (className: string): GlanceStorage => {
    // Legacy NetApp NFS priorities get a shared (RWX) volume by default.
    const netappNfsClass = ctx.profile.storage.netapp?.nfs?.storageClass;
    const rwx = legacy.length > 0 && netappNfsClass !== undefined && className === netappNfsClass;
    const accessModes = selection.pvc?.accessModes ?? [rwx ? 'ReadWriteMany' : 'ReadWriteOnce'];
    return { backend: 'pvc', volume: { class_name: className, size: selection.pvc?.size ?? '2Gi', accessModes: [...accessModes] } };
  };

  for (const name of priority) {
    if (name === 'ceph' && cephAvailable(ctx, 'glance')) return { backend: 'rbd' };
    if (name === 'pvc' && pvcClass) return pvc(pvcClass);
    if (name === 'cinder') return { backend: 'cinder' };
  }
  // Nothing resolves: keep the first entry (a pvc without class fails validation, spec §1.3-5).
  if (priority[0] === 'pvc') return pvc('');
  return { backend: priority[0] === 'ceph' ? 'rbd' : 'cinder' };
}

/** Glance's system values (spec §3.9). */
function glanceSystemValues(ctx: DeploymentContext): Values {
  const { profile, derived } = ctx;
  const https = derived.https;
  const { backend, volume } = glanceStorage(ctx);
  const store = STORE[backend];

  // With the cinder store, glance follows cinder's default backend.
  const cinderDefault = cinderVolumeBackends(ctx)[0];
  const cinderProtocol = cinderDefault ? cinderBackendProtocol(ctx, cinderDefault) : undefined;
  // Not lib/profile/storage's cinderUsesCeph (ceph among cinder's backends): glance's images go to cinder's default backend, ceph.
  const imagesOnCinderCeph = backend === 'cinder' && cinderDefault === 'ceph';
  const cinderSan = backend === 'cinder' && isSanProtocol(cinderProtocol);

  const cephKind = profile.storage.ceph.kind;
  const anyCeph = cephKind !== 'none' && (cephAvailable(ctx, 'glance') || imagesOnCinderCeph);
  const replicas = backend === 'pvc' && !volume?.accessModes.includes('ReadWriteMany') ? 1 : derived.controllers;

  const keystoneHost = https ? publicHost(ctx, 'keystone') : undefined;
  const authAddress = keystoneHost ? `https://${keystoneHost}/v3` : `${https ? 'https' : 'http'}://keystone.openstack.svc.cluster.local/v3`;
  const admin = profile.keystone.admin;

  const cephConf: Values | undefined = !anyCeph
    ? undefined
    : cephKind === 'rook'
      ? { admin_keyring: credential.cephAdminKeyring() }
      : { admin_keyring: credential.cephGlanceKeyring(), monitors: cephMonitors(ctx) };

  return {
    storage: backend,
    pod: {
      replicas: { api: replicas },
      ...(cinderSan
        ? {
            useHostNetwork: { api: true },
            security_context: {
              glance: { container: { glance_api: { readOnlyRootFilesystem: false, privileged: true, allowPrivilegeEscalation: true } } },
            },
          }
        : {}),
    },
    conf: {
      glance: {
        DEFAULT: {
          graceful_shutdown: true,
          show_image_direct_url: false,
          show_multiple_locations: false,
          enabled_backends: `${store}:${store}`,
        },
        glance_store: { default_backend: store, ...(https ? { https_ca_certificates_file: CA_PATH } : {}) },
        oslo_messaging_notifications: { transport_url: notificationUrl('/glance') },
        rbd: {
          rbd_store_pool: anyCeph ? 'images' : '',
          rbd_store_user: anyCeph ? 'images' : '',
          rbd_store_replication: anyCeph ? derived.cephReplication : 1,
          rbd_store_crush_rule: crushRule(ctx),
          // Computed even without ceph (counted as one OSD), as the original does.
          chunk_size: chunkSize(ctx, 256),
        },
        file: { filesystem_store_datadir: '/opt/platform/glance/images' },
        cinder: {
          cinder_api_insecure: !https,
          cinder_catalog_info: 'volumev3:cinderv3:publicURL',
          cinder_store_auth_address: authAddress,
          cinder_store_user_name: admin.userName,
          cinder_store_password: credential.adminPassword(),
          cinder_store_project_name: admin.projectName,
          cinder_store_user_domain_name: admin.userDomain,
          cinder_store_project_domain_name: admin.projectDomain,
          ...(https ? { cinder_ca_certificates_file: CA_PATH } : {}),
        },
        ...(https ? { keystone_authtoken: { cafile: CA_PATH } } : {}),
      },
      ...(https ? { glance_registry: { keystone_authtoken: { cafile: CA_PATH } } } : {}),
      cinder: { cinder_uses_ceph: imagesOnCinderCeph },
      ...(cephConf ? { ceph: cephConf } : {}),
    },
    bootstrap: { enabled: false },
    ceph_client: { user_secret_name: 'ceph-admin' },
    ...(volume ? { volume: { ...volume } } : {}),
    endpoints: {
      identity: { auth: identityAuth(ctx, 'glance', ['glance']) },
      oslo_cache: osloCache(),
      oslo_db: { auth: osloDbAuth(['glance']) },
      oslo_messaging: osloMessaging(ctx, ['glance']),
      image: publicEndpoint(ctx, 'glance'),
    },
    ...httpsServiceValues(ctx),
    ...rookImages(ctx, ['glance_storage_init']),
  };
}
