/**
 * The deployment profile: everything StarlingX's plugins read from the platform at apply time,
 * as one typed, validated object. This zod schema is the single source of truth: it gives the
 * TypeScript type, the runtime validation (TS and YAML profiles alike) and the published JSON
 * Schema (`npm run schema`).
 */
import { isIP } from 'net';
import { z } from 'zod';
import { DEFAULT_IMAGE_BUILD } from '../../overrides/images';
import { APP_BUILD_NAMES, DEFAULT_APP_BUILD } from '../../releases/chart-versions';
import { isImageReference } from '../engine/oci';
import { RELEASE_NAMES } from '../../releases/names';
import { DEFAULT_FLUX_TARGET, FLUX_TARGET_NAMES, FluxTargetName } from './targets';

const DNS_LABEL = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A DNS domain in any case (the JSON Schema keeps no regex flags, so both cases are spelled out). */
const DNS_DOMAIN_ANY_CASE = /^(?=.{1,253}$)[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?)*$/;

const ip = z.string().refine((v) => isIP(v) !== 0 && !v.includes('%'), { message: 'expected an IPv4 or IPv6 address' });

/** A Linux network device name (IFNAMSIZ: at most 15 characters); it is written into OVS and neutron config. */
const netdevName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$/, 'expected a Linux interface name: up to 15 letters, digits, ".", "_" or "-"');
/** A PCI address `domain:bus:device.function`, as nova's whitelist and neutron's SR-IOV agent read it. */
const pciAddress = z.string().regex(/^[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]$/, 'expected a PCI address such as 0000:18:00.0');
/**
 * An interface name as sysinv's API takes it (`_check_interface_name`): at most 15 characters, in
 * lower case with at least one letter (Python's `islower()`), no punctuation but "-", "_" and ".".
 * Stricter: ASCII only, and no leading "." or "-" (a Linux device name, and an argument of the
 * `ip`/`ovs-vsctl` commands that set it up). vlan names: see {@link interfaceSchema}.
 */
const interfaceName = z
  .string()
  .regex(
    /^(?=.{1,15}$)(?=.*[a-z])[a-z0-9_][a-z0-9_.-]*$/,
    'expected an interface name: up to 15 lower-case letters, digits, "_", "." or "-", with at least one letter, not starting with "." or "-"',
  );
/**
 * A datanetwork name as sysinv's API takes it (`_check_datanetwork_name`): letters, digits, "_",
 * "." and "-" (up to its 255-character column), never `none` in any case.
 */
const datanetworkName = z
  .string()
  .regex(
    /^(?![Nn][Oo][Nn][Ee]$)[A-Za-z0-9_.-]{1,255}$/,
    'expected a datanetwork name: up to 255 letters, digits, "_", "." or "-", not "none"',
  );
/** A name spliced into config strings (`physnet0:br-phy0,` in neutron's bridge_mappings): no separators. */
const configName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/, 'expected letters, digits, ".", "_" or "-", starting with a letter or digit');
/** Kubernetes label key (optional DNS-subdomain prefix, then a name of up to 63 characters) and value. */
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const labelKey = z.string().refine((k) => {
  const slash = k.lastIndexOf('/');
  const [prefix, name] = slash < 0 ? [undefined, k] : [k.slice(0, slash), k.slice(slash + 1)];
  return LABEL_NAME.test(name) && (prefix === undefined || DNS_SUBDOMAIN.test(prefix));
}, 'expected a Kubernetes label key such as openstack-compute-node or example.com/role');
const labelValue = z
  .string()
  .regex(
    /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/,
    'expected a Kubernetes label value (up to 63 letters, digits, "-", "_" or ".")',
  );
/** A Keystone name written into the charts' values (user, project, domain). */
const keystoneName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.@+-]{0,63}$/, 'expected a Keystone name: letters, digits, "_", ".", "@", "+" or "-"');
/** An absolute path without whitespace or the separators of the config strings it goes into. */
const absolutePath = z.string().regex(/^\/[A-Za-z0-9_./-]*$/, 'expected an absolute path of letters, digits, "_", ".", "/" or "-"');
/** A Kubernetes quantity for a volume size (`10Gi`, `500M`). */
const quantity = z.string().regex(/^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/, 'expected a Kubernetes quantity such as 10Gi');

/** `network/prefix`, IPv4 or IPv6, with a prefix length that fits the family. */
const cidr = z.string().refine(
  (v) => {
    const [address, prefix, ...rest] = v.split('/');
    if (rest.length > 0 || prefix === undefined || !/^\d{1,3}$/.test(prefix)) return false;
    const family = isIP(address);
    return family !== 0 && Number(prefix) <= (family === 4 ? 32 : 128);
  },
  { message: 'expected a CIDR such as 192.168.206.0/24 or fd02::/64' },
);

const releaseName = z.enum(RELEASE_NAMES);

/** `host[:port][/path]`: DNS labels (or an IP address), a port from 1 to 65535, lower-case path parts. */
function isRegistryReference(value: string): boolean {
  const match = /^(\[[0-9a-f:]+\]|[^/:]+)(?::(\d{1,5}))?((?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*)$/.exec(value);
  if (!match) return false;
  const [, host, port] = match;
  const hostOk =
    isIP(host.replace(/^\[|\]$/g, '')) !== 0 || host.split('.').every((label) => /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(label));
  return hostOk && (port === undefined || (Number(port) >= 1 && Number(port) <= 65535));
}

/** A map keyed by release name, with unknown names refused. */
function byRelease<T extends z.ZodTypeAny>(value: T) {
  return z.partialRecord(releaseName, value);
}

const secretDataKey = z.string().regex(/^[-._a-zA-Z0-9]+$/, 'expected a Secret data key');
const secretKeyRef = z
  .object({
    secretName: z.string().regex(DNS_SUBDOMAIN, 'expected a Kubernetes object name').describe('Secret in the release namespace'),
    key: secretDataKey.describe('data key in that Secret'),
  })
  .strict();

/** A cinder.conf option name (`san_password`, `san_login`). */
const cinderOption = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'expected a cinder.conf option name: letters, digits and "_"');
/** An ESB StorageClass: a Kubernetes object name, or `none` in any case. */
const ESB_STORAGE_CLASS = /^(?:[Nn][Oo][Nn][Ee]|(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$/;

/**
 * A region name. Keystone takes any region id of up to 255 characters, and distributed cloud names
 * each new subcloud's region with 32 hexadecimal characters (dcmanager, `uuid4().hex`), so a digit
 * may come first. Stricter than keystone: letters, digits, "_", "." and "-" starting with a letter
 * or digit, as the name is written unquoted into the services' INI files (where oslo.config reads
 * `$` as a substitution) and Horizon's settings.
 */
const regionName = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/,
    'expected a region name: up to 255 letters, digits, "_", "." or "-", starting with a letter or digit',
  );

const cpuList = z.array(z.number().int().nonnegative());

/** Node labels whose value `enabled` switches a host on; the platform reads their value in any case. */
const SWITCH_LABELS: readonly string[] = ['openstack-compute-node', 'openvswitch', 'dpdk', 'remote-storage'];

/** Lower-cases the values of the switch labels (`Enabled` → `enabled`), other labels as written. */
function normalizeSwitchLabels(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([key, value]) => [key, SWITCH_LABELS.includes(key) ? value.toLowerCase() : value]));
}

/**
 * A host name. sysinv takes `controller-0`/`controller-1`, `storage-<n>` and, for workers, up to 255
 * word characters, "." and "-" (checked per personality in lib/deployment/checks.ts). Stricter: the
 * name is the Kubernetes node's, whose per-host values match it through the `kubernetes.io/hostname`
 * label: a lower-case DNS-1123 subdomain within the 63 characters of a label value.
 */
const HOST_NAME = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const hostSchema = z
  .object({
    hostname: z
      .string()
      .regex(HOST_NAME, 'expected a host name: a lower-case DNS name of up to 63 characters (letters, digits, "-" and ".")')
      .describe('e.g. controller-0, worker-3, worker-3.site1; the rules of each personality are checked with the profile'),
    personality: z.enum(['controller', 'worker', 'storage']).describe('AIO controllers also carry the worker sub-function'),
    uuid: z.uuid().optional().describe('nova hosts_uuids; derived deterministically from the hostname when absent'),
    provisioned: z.boolean().default(true).describe('included in per-host compute, network and client lists'),
    provisioning: z.boolean().default(false).describe('being provisioned: counts for the clients chart like a provisioned host'),
    available: z.boolean().default(true).describe('unlocked, enabled and services-enabled: counts as an available controller'),
    labels: z
      .record(labelKey, labelValue)
      .default({})
      .transform(normalizeSwitchLabels)
      .describe(
        'Kubernetes node labels (openstack-control-plane, openstack-compute-node, openvswitch, dpdk, remote-storage, ...); the values of the last four in any case, lower-cased',
      ),
    cpus: z
      .object({
        platform: cpuList.describe('CPUs of the platform services, e.g. [0, 1]'),
        application: cpuList.describe('CPUs for the application (pods, VMs), e.g. [2, 3, 4, 5]'),
        isolated: cpuList.default([]).describe('application CPUs isolated from the kernel scheduler'),
      })
      .strict()
      .optional()
      .describe('logical CPU ids per function'),
    numa: z
      .array(
        z
          .object({
            node: z.number().int().nonnegative().describe('NUMA node id, e.g. 0'),
            platformReservedMiB: z
              .number()
              .int()
              .nonnegative()
              .describe('memory reserved for the platform on this node (nova reserved_host_memory_mb and its huge pages)'),
            vswitchHugepageSizeMiB: z
              .number()
              .int()
              .positive()
              .default(2)
              .describe('size of the vswitch huge pages in MiB, e.g. 2 or 1024'),
            vswitchHugepageCount: z.number().int().nonnegative().default(0).describe('number of vswitch huge pages on this node'),
          })
          .strict(),
      )
      .optional()
      .describe('memory per NUMA node: what nova reserves for the host'),
    interfaces: z
      .array(
        z
          .object({
            name: interfaceName.describe('interface name, e.g. data0 or enp24s0f0'),
            type: z.enum(['ethernet', 'ae', 'vlan', 'vf']).describe('ethernet (a port), ae (aggregated), vlan or vf (on top of `uses`)'),
            class: z
              .enum(['data', 'pci-sriov', 'pci-passthrough', 'platform', 'none'])
              .describe('data: a vswitch port; pci-sriov / pci-passthrough: given to VMs; platform or none: not for OpenStack'),
            port: z
              .object({
                name: netdevName.describe('the port (Linux device) name, e.g. enp24s0f0'),
                pciAddress: pciAddress.describe('PCI address of the port, e.g. 0000:18:00.0'),
                sriovVfAddresses: z
                  .array(pciAddress)
                  .default([])
                  .describe(
                    'PCI addresses of the port virtual functions, e.g. [0000:18:02.0, 0000:18:02.1]: nova whitelists them for a pci-sriov interface; left empty, the whitelist has no VF of it',
                  ),
              })
              .strict()
              .optional()
              .describe('ethernet interfaces only'),
            uses: z.array(interfaceName).default([]).describe('lower interfaces (ae members, vlan or vf parent)'),
            sriovNumVfs: z
              .number()
              .int()
              .nonnegative()
              .optional()
              .describe('number of SR-IOV virtual functions configured on the interface'),
            datanetworks: z
              .array(datanetworkName)
              .default([])
              .describe('names of the datanetworks (physical networks) the interface carries, e.g. [physnet0]'),
            addresses: z.array(ip).default([]).describe('IP addresses of the interface'),
          })
          .strict()
          .superRefine((itf, ctx) => {
            // sysinv refuses every punctuation character but "_" and "." in a vlan interface name.
            if (itf.type === 'vlan' && itf.name.includes('-'))
              ctx.addIssue({
                code: 'custom',
                path: ['name'],
                message: 'a vlan interface name has no "-", only letters, digits, "_" or "."',
              });
          }),
      )
      .default([])
      .describe('network interfaces of the host'),
    pciDevices: z
      .array(
        z
          .object({
            address: pciAddress.describe('PCI address, e.g. 0000:3b:00.0'),
            enabled: z.boolean().describe('whether the device is enabled for use'),
          })
          .strict(),
      )
      .default([])
      .describe('PCI devices of the host'),
    imageConversionFs: z
      .boolean()
      .default(false)
      .describe('the host has the image-conversion filesystem (cinder uses it when every controller has it)'),
  })
  .strict();

const cephSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none').describe('no ceph backend') }).strict(),
  z
    .object({
      kind: z.enum(['host', 'rook']).describe('host: the platform ceph cluster; rook: ceph run by rook-ceph'),
      storageClass: z.string().regex(DNS_SUBDOMAIN).default('general').describe('StorageClass of the ceph backend for PVCs'),
      fsid: z.uuid().optional().describe('ceph cluster fsid; without it the secret-uuid keys are omitted'),
      replication: z.number().int().min(1).max(3).optional().describe('default 1 on AIO simplex, else 2'),
      osdCount: z.number().int().min(1).default(1).describe('host ceph: for the pool chunk-size estimate'),
      monitors: z.array(ip).default([]).describe('host ceph: monitor addresses (on AIO only the first, the floating monitor, is used)'),
      secondaryTiers: z
        .array(
          z
            .object({
              tierName: configName.describe('ceph storage tier, e.g. gold'),
              backendName: configName.describe('cinder backend name of the tier'),
            })
            .strict(),
        )
        .default([])
        .describe('further ceph storage tiers, each a cinder backend'),
      externalEphemeralPool: configName
        .optional()
        .describe(
          'RBD pool of an external ceph cluster that serves nova: the compute hosts put ephemeral disks there instead of "ephemeral"',
        ),
      externalCephConf: z
        .string()
        .regex(
          /^(?!\.\.?$)[A-Za-z0-9_.-]{1,255}$/,
          'expected a file name (the platform keeps the uploaded file in /etc/ceph/ under its base name)',
        )
        .optional()
        .describe(
          'conf file of the external ceph cluster that serves nova (ceph-external backend): nova reads /etc/ceph/<name> instead of /etc/ceph/ceph.conf',
        ),
    })
    .strict(),
]);

const netappBackend = z
  .object({
    storageClass: z.string().regex(DNS_SUBDOMAIN).describe('StorageClass of the backend (Trident), e.g. netapp-nas'),
    managementLif: z.string().optional().describe('ONTAP management LIF (address or name)'),
    svm: z.string().optional().describe('ONTAP storage virtual machine'),
    credentialsRef: z
      .object({
        secretName: z
          .string()
          .regex(DNS_SUBDOMAIN, 'expected a Kubernetes object name')
          .describe('Secret in the openstack namespace (the Trident backend Secret copied there)'),
        usernameKey: secretDataKey.default('username').describe('data key of the ONTAP login'),
        passwordKey: secretDataKey.default('password').describe('data key of the ONTAP password'),
      })
      .strict()
      .optional()
      .describe('Secret with the ONTAP login and password: cinder netapp_login/netapp_password are read from it (never written to git)'),
  })
  .strict();

const selection = z
  .object({
    backends: z
      .array(
        z
          .object({
            name: z.string().min(1).describe('backend name: ceph, netapp-nfs, netapp-iscsi, netapp-fc or an ESB name'),
            enabled: z.boolean().describe('whether the chart may use it'),
          })
          .strict(),
      )
      .optional()
      .describe('the backends the chart may use; absent: every available backend'),
    priority: z
      .array(z.string().min(1))
      .optional()
      .describe('backend names in order of preference, e.g. [ceph, netapp-nfs]; absent: the plugin default'),
    backupPriority: z.array(z.string().min(1)).optional().describe('cinder: backend names for volume backups, in order of preference'),
    pvc: z
      .object({
        priority: z.array(z.string()).optional().describe('backends for the PVC StorageClass, in order of preference'),
        size: quantity.optional().describe('PVC size, e.g. 10Gi'),
        accessModes: z
          .array(z.enum(['ReadWriteOnce', 'ReadWriteMany', 'ReadOnlyMany', 'ReadWriteOncePod']))
          .optional()
          .describe('PVC access modes, e.g. [ReadWriteMany]'),
        name: z
          .string()
          .regex(DNS_LABEL, 'expected a PVC name (lower-case DNS label)')
          .optional()
          .describe('PVC name (nova default: nova-instances)'),
        instancesPath: absolutePath.optional().describe('where the PVC is mounted (nova default: /var/lib/instances)'),
      })
      .strict()
      .optional()
      .describe('a PersistentVolumeClaim as the chart storage'),
    nfs: z
      .object({
        server: z
          .string()
          .refine((v) => isIP(v) !== 0 || DNS_SUBDOMAIN.test(v), 'expected an IP address or a DNS name')
          .describe('NFS server address or name'),
        path: absolutePath.describe('exported path, e.g. /openstack_instances'),
        instancesPath: absolutePath.describe('where the share is mounted (nova default: /var/lib/instances)'),
      })
      .partial()
      .strict()
      .optional()
      .describe('an NFS share as the chart storage'),
  })
  .strict();

const storageSchema = z
  .object({
    ceph: cephSchema.default({ kind: 'none' }).describe('the ceph backend; default: none'),
    netapp: z
      .object({
        nfs: netappBackend.optional().describe('backend netapp-nfs'),
        iscsi: netappBackend.optional().describe('backend netapp-iscsi'),
        fc: netappBackend.optional().describe('backend netapp-fc'),
      })
      .strict()
      .optional()
      .describe('NetApp (Trident) backends, by protocol'),
    esb: z
      .array(
        z
          .object({
            name: configName.describe('backend name (cinder volume type and selection name)'),
            protocol: z.enum(['iscsi', 'fcp', 'nfs', 'local']).describe('storage protocol of the backend'),
            k8sStorageClass: z
              .string()
              .regex(ESB_STORAGE_CLASS, 'expected a StorageClass name, or none')
              .optional()
              .describe('StorageClass of the backend for PVCs; none (any case) or absent: cinder only'),
            volumeBackend: z.record(z.string(), z.unknown()).default({}).describe('the cinder.conf section of the backend, as given'),
            secretRef: z
              .object({
                secretName: z
                  .string()
                  .regex(DNS_SUBDOMAIN, 'expected a Kubernetes object name')
                  .describe('Secret in the openstack namespace'),
                // The platform reads the Secret from any namespace (default openstack); Flux's
                // valuesFrom reads only the HelmRelease's own namespace, so only openstack is served.
                namespace: z
                  .string()
                  .regex(
                    /^openstack$/,
                    'expected openstack, the namespace of the HelmReleases: Flux valuesFrom reads no other; copy the Secret into openstack and name it here without a namespace',
                  )
                  .optional()
                  .describe('namespace of the Secret: only openstack (Flux valuesFrom reads the release namespace alone)'),
                keys: z
                  .record(cinderOption, secretDataKey)
                  .refine((keys) => Object.keys(keys).length > 0, 'expected at least one cinder.conf field')
                  .describe('cinder.conf field of the backend section -> data key in the Secret'),
              })
              .strict()
              .optional()
              .describe(
                'credentials of the backend: each field is read from the Secret (a literal volumeBackend field of the same name wins)',
              ),
          })
          .strict(),
      )
      .default([])
      .describe('external storage backends (ESB) of cinder'),
    caCert: z
      .object({
        hostPath: absolutePath
          .default('/var/opt/openstack/certs/storage.pem')
          .describe('where the CA file lies on the controllers (informational: the Secret storage-ca-cert holds it)'),
        containerPaths: z.array(absolutePath).default(['/usr/lib/ssl/cert.pem']).describe('where cinder-volume and cinder-backup see it'),
      })
      .strict()
      .optional()
      .describe(
        'CA of the storage arrays: the Secret storage-ca-cert (key ca.crt, created out of band) is mounted into cinder-volume and cinder-backup',
      ),
    selection: z
      .object({
        cinder: selection.describe('cinder volumes and backups'),
        glance: selection.describe('glance images'),
        nova: selection.describe('nova ephemeral disks (host-path, nfs, pvc, ceph)'),
        mariadb: selection.describe('mariadb volumes'),
        rabbitmq: selection.describe('rabbitmq volumes'),
      })
      .partial()
      .strict()
      .default({})
      .describe('per chart: which storage backends it uses, in which order'),
  })
  .strict();

const imagesSchema = z
  .object({
    imagePrefix: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/)
      .default(DEFAULT_IMAGE_BUILD.imagePrefix)
      .describe('first part of the image tags (<imagePrefix>-<os>-<osCodename>-<osArch>-<buildStream>-<imageSuffix>)'),
    os: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/)
      .default(DEFAULT_IMAGE_BUILD.os)
      .describe('operating system part of the image tags (<imagePrefix>-<os>-<osCodename>-<osArch>-<buildStream>-<imageSuffix>)'),
    osCodename: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/)
      .default(DEFAULT_IMAGE_BUILD.osCodename)
      .describe('OS codename part of the image tags (<imagePrefix>-<os>-<osCodename>-<osArch>-<buildStream>-<imageSuffix>)'),
    osArch: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/)
      .default(DEFAULT_IMAGE_BUILD.osArch)
      .describe('architecture part of the image tags (<imagePrefix>-<os>-<osCodename>-<osArch>-<buildStream>-<imageSuffix>)'),
    buildStream: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/)
      .default(DEFAULT_IMAGE_BUILD.buildStream)
      .describe('build stream part of the image tags (<imagePrefix>-<os>-<osCodename>-<osArch>-<buildStream>-<imageSuffix>)'),
    imageSuffix: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/)
      .default(DEFAULT_IMAGE_BUILD.imageSuffix)
      .describe('last part of the image tags (<imagePrefix>-<os>-<osCodename>-<osArch>-<buildStream>-<imageSuffix>)'),
    registry: z
      .string()
      .refine(isRegistryReference, 'expected a registry host[:port][/path], e.g. registry.local:9001')
      .optional()
      .describe('mirror every image: <registry>/<source registry>/<repository>:<tag>'),
    rookCephConfigHelper: z
      .string()
      .refine(isImageReference, 'expected an image reference registry/repository:tag (the OCI reference grammar)')
      .default('docker.io/openstackhelm/ceph-config-helper:ubuntu_jammy_18.2.2-1-20240312')
      .describe('image for rook-ceph storage init jobs; prefixed with registry.local:9001/ unless already'),
  })
  .strict();

/**
 * Chart version: one exact semantic version (optional pre-release and build). No range: a range
 * lets a chart upload change what a site installs without a commit.
 */
const chartVersion = z
  .string()
  .regex(
    /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/,
    'expected one exact chart version such as 2026.1.0 or 4.15.1+STX.1 (no range)',
  );

/** A URL that a chart or Flux fetches: http or https only (no file:, javascript:, ...). */
const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http or https URL' });
/** A Helm chart source: an HTTP chart repository or an OCI registry. */
const chartRepositoryUrl = z.url({ protocol: /^(https?|oci)$/, error: 'expected an http, https or oci:// URL' });

/** A Go duration as Flux reads it (`30s`, `10m`, `1h30m`). */
const duration = z.string().regex(/^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/, 'expected a duration such as 30s, 10m or 1h');

/** A controller release (`1.4.5`). */
const controllerVersion = z.string().regex(/^v?\d+\.\d+\.\d+$/, 'expected a controller release such as 1.4.5');
/** `flux.target`: a name of the target table, or the versions of the controllers. */
const fluxTargetSchema = z.union([
  z.enum(FLUX_TARGET_NAMES as [FluxTargetName, ...FluxTargetName[]]),
  z
    .object({
      helmController: controllerVersion.describe('helm-controller version the cluster runs, e.g. 1.4.5'),
      sourceController: controllerVersion.describe('source-controller version the cluster runs, e.g. 1.7.4'),
      kustomizeController: controllerVersion
        .optional()
        .describe('kustomize-controller version, when one runs (none: the stack is applied with kubectl apply -k), e.g. 1.7.3'),
    })
    .strict()
    .describe('explicit controller versions (a cluster whose Flux the operator installs)'),
]);

/** How Flux runs a release (spec fields of the HelmRelease CRD). */
const helmReleaseSettings = z
  .object({
    interval: duration.optional().describe('how often Flux reconciles the release, e.g. 10m'),
    timeout: duration.optional().describe('how long Helm actions may take, e.g. 30m'),
    install: z
      .object({
        remediation: z
          .object({
            retries: z.number().int().min(-1).max(100).optional().describe('install retries after a failure (-1: without end)'),
            remediateLastFailure: z.boolean().optional().describe('remediate the last failure too'),
            ignoreTestFailures: z.boolean().optional().describe('a failed Helm test does not fail the install'),
          })
          .strict()
          .optional()
          .describe('what Flux does when an install fails'),
      })
      .strict()
      .optional()
      .describe('HelmRelease spec.install'),
    upgrade: z
      .object({
        remediation: z
          .object({
            retries: z.number().int().min(-1).max(100).optional().describe('upgrade retries after a failure (-1: without end)'),
            remediateLastFailure: z.boolean().optional().describe('remediate the last failure too'),
            ignoreTestFailures: z.boolean().optional().describe('a failed Helm test does not fail the upgrade'),
            strategy: z.enum(['rollback', 'uninstall']).optional().describe('how a failed upgrade is remediated'),
          })
          .strict()
          .optional()
          .describe('what Flux does when an upgrade fails'),
      })
      .strict()
      .optional()
      .describe('HelmRelease spec.upgrade'),
    driftDetection: z
      .object({
        mode: z.enum(['enabled', 'warn', 'disabled']).describe('enabled: correct drift; warn: only report it; disabled: ignore it'),
        ignore: z
          .array(
            z
              .object({
                paths: z.array(z.string().min(1)).min(1).describe('JSON pointers, e.g. /spec/replicas'),
                target: z
                  .object({
                    group: z.string().optional().describe('API group, e.g. apps'),
                    version: z.string().optional().describe('API version, e.g. v1'),
                    kind: z.string().optional().describe('kind, e.g. Deployment'),
                    name: z.string().optional().describe('object name'),
                    namespace: z.string().optional().describe('object namespace'),
                  })
                  .strict()
                  .optional()
                  .describe('the objects the paths apply to; absent: every object of the release'),
              })
              .strict(),
          )
          .optional()
          .describe('paths whose drift is ignored'),
      })
      .strict()
      .optional()
      .describe('HelmRelease spec.driftDetection: whether Flux corrects changes made to the cluster objects'),
    test: z
      .object({ enable: z.boolean().describe('run the chart Helm tests') })
      .strict()
      .optional()
      .describe('HelmRelease spec.test'),
  })
  .strict();

export const deploymentProfileSchema = z
  .object({
    name: z.string().regex(DNS_LABEL, 'expected a lower-case DNS label (it names the output folder)').describe('stack name: dist/<name>/'),
    description: z.string().optional().describe('what this deployment is, for people'),
    system: z
      .object({
        type: z
          .enum(['aio', 'standard'])
          .describe('aio: all-in-one controllers that also run workloads; standard: separate controllers and workers'),
        mode: z
          .enum(['simplex', 'duplex', 'duplex-direct'])
          .describe('simplex: one controller; duplex: two; duplex-direct: two, connected back to back'),
        regionName: regionName.default('RegionOne').describe('OpenStack region of the services, e.g. RegionOne or subcloud1'),
        distributedCloudRole: z
          .enum(['none', 'subcloud', 'systemcontroller'])
          .default('none')
          .describe('role in a StarlingX distributed cloud'),
        virtual: z.boolean().default(false).describe('nova virt_type qemu instead of kvm'),
        fqdnReady: z.boolean().default(true).describe('use controller.internal instead of the management floating address'),
        regionConfig: z
          .object({
            services: z
              .record(configName, z.object({ regionName: regionName.describe('region of this service, e.g. RegionTwo') }).strict())
              .default({})
              .describe('per service (keystone name: cinder, nova, ...): the region its users and client settings use'),
          })
          .strict()
          .optional()
          .describe(
            'a system installed with a region configuration (P3): per-service regions; horizon lists the region (not on a subcloud)',
          ),
      })
      .strict()
      .describe('the StarlingX system: its type, mode, region and distributed-cloud role'),
    network: z
      .object({
        clusterService: z
          .object({
            families: z
              .array(z.enum(['ipv4', 'ipv6']))
              .min(1)
              .max(2)
              .default(['ipv4'])
              .describe('first = primary'),
          })
          .strict()
          .prefault({})
          .describe('IP families of the Kubernetes cluster services'),
        clusterHost: z
          .object({
            subnet: cidr.optional().describe('cluster-host subnet, e.g. 192.168.206.0/24: nova live migration and hypervisor networks'),
            floatingAddress: ip.describe('floating cluster-host address of the controllers, e.g. 192.168.206.1'),
          })
          .strict()
          .describe('the cluster-host network'),
        oam: z
          .object({ floatingAddress: ip.describe('floating OAM address, e.g. 10.10.10.2: the public endpoints without a domain') })
          .strict()
          .describe('the OAM (external) network'),
        mgmt: z
          .object({ floatingAddress: ip.describe('floating management address, e.g. 192.168.204.2') })
          .strict()
          .optional()
          .describe('the management network; required when system.fqdnReady is false'),
        ironic: z
          .object({
            cidr: cidr.describe('provisioning subnet, e.g. 10.10.20.0/24'),
            gateway: ip.describe('gateway of the provisioning subnet'),
            rangeStart: ip.describe('first address neutron allocates'),
            rangeEnd: ip.describe('last address neutron allocates'),
            portName: z.string().min(1).describe('host interface of the PXE network, e.g. eth1'),
          })
          .strict()
          .optional()
          .describe('the ironic provisioning (PXE) network; absent: ironic gets no provisioning network'),
        platformHttpPort: z
          .number()
          .int()
          .min(1)
          .max(65535)
          .default(8080)
          .describe('port of the platform HTTP server (the default Helm chart repository)'),
      })
      .strict()
      .describe('platform networks and addresses'),
    endpoints: z
      .object({
        domain: z
          .string()
          .regex(DNS_DOMAIN_ANY_CASE, 'expected a DNS domain such as openstack.example.com')
          // DNS names are case-insensitive: the platform lower-cases the endpoint domain (spec §2.2).
          .transform((domain) => domain.toLowerCase())
          .optional()
          .describe('public endpoint domain; any case, lower-cased'),
        fqdnPattern: z
          .string()
          .default('{service_name}.{endpoint_domain}')
          .describe('host name of a public endpoint, from the placeholders {service_name} and {endpoint_domain}'),
      })
      .strict()
      .prefault({})
      .describe('public endpoints'),
    https: z
      .object({
        enabled: z.boolean().default(false).describe('public endpoints over HTTPS'),
        certRef: z
          .object({
            secretName: z.string().regex(DNS_SUBDOMAIN).describe('Secret name, e.g. openstack-tls'),
            crtKey: z.string().default('tls.crt').describe('data key of the certificate'),
            keyKey: z.string().default('tls.key').describe('data key of the private key'),
            caKey: z.string().optional().describe('data key of the CA certificate, e.g. ca.crt'),
          })
          .strict()
          .optional()
          .describe('Secret with the public TLS certificate, key and CA (created out of band)'),
      })
      .strict()
      .prefault({})
      .describe('HTTPS of the public endpoints'),
    hosts: z.array(hostSchema).min(1).describe('the hosts of the system, at least one'),
    datanetworks: z
      .array(
        z
          .object({
            name: datanetworkName.describe('datanetwork (physical network) name, e.g. physnet0'),
            type: z.enum(['flat', 'vlan', 'vxlan']).describe('network type'),
            mtu: z.number().int().min(576).max(9216).describe('MTU, e.g. 1500 or 9000'),
          })
          .strict(),
      )
      .default([])
      .describe('the datanetworks (neutron physical networks) of the system'),
    storage: storageSchema.describe('storage backends and which chart uses which'),
    vswitch: z.enum(['ovs', 'ovs-dpdk', 'none']).optional().describe('derived from the compute hosts labels when absent'),
    charts: z
      .object({
        enabled: byRelease(z.boolean()).default({}).describe('enable or disable releases over the app defaults'),
        appBuild: z
          .enum(APP_BUILD_NAMES)
          .default(DEFAULT_APP_BUILD)
          .describe('the StarlingX build of the app whose charts the site installs: its chart version table (releases/chart-versions.ts)'),
        versions: byRelease(chartVersion).default({}).describe('chart versions over the app build table, one exact version each'),
        repairDependsOn: z
          .boolean()
          .default(false)
          .describe('replace a dependsOn onto a disabled release by that release own dependencies instead of failing'),
      })
      .strict()
      .prefault({})
      .describe('which releases are enabled, and their chart versions'),
    userOverrides: byRelease(z.record(z.string(), z.unknown())).default({}).describe('Helm values merged over the system values'),
    keystone: z
      .object({
        admin: z
          .object({
            userName: keystoneName.default('admin').describe('admin user name'),
            projectName: keystoneName.default('admin').describe('admin project name'),
            userDomain: keystoneName.default('default').describe('domain of the admin user'),
            projectDomain: keystoneName.default('default').describe('domain of the admin project'),
          })
          .strict()
          .prefault({})
          .describe('the Keystone admin account'),
        passwordRules: z
          .object({
            uniqueLastPasswordCount: z.number().int().nonnegative().describe('how many previous passwords may not be reused, e.g. 2'),
            regex: z.string().describe('regular expression every password must match'),
            regexDescription: z.string().describe('the rule of regex in words, shown when a password is refused'),
          })
          .strict()
          .optional()
          .describe('Keystone password rules; absent: the platform rules'),
        dex: z
          .object({
            enabled: z.boolean().default(false).describe('log in through Dex'),
            providerName: keystoneName
              .default('dex')
              .describe('Keystone identity provider of Dex (horizon idp_mapping idp, keystone dex_idp.provider_name)'),
            protocolName: keystoneName
              .default('openid')
              .describe('Keystone federation protocol (horizon idp_mapping protocol, keystone dex_idp.protocol_name)'),
            // Free text, as the platform takes it: the chart quotes it into Horizon's settings.
            webssoLabel: z.string().default('Login with DEX SSO').describe('the login choice Horizon shows'),
            webssoInitialChoice: z
              .enum(['credentials', 'dex_oidc'])
              .default('credentials')
              .describe('the login choice Horizon selects first'),
          })
          .strict()
          .optional()
          .describe('OIDC login through Dex (spec §3.7, §3.17)'),
      })
      .strict()
      .prefault({})
      .describe('Keystone: admin account, password rules, Dex login'),
    platform: z
      .object({ oidcIssuerUrl: httpUrl.optional().describe('OIDC issuer of the platform (Dex), e.g. https://oam.example.com:30556/dex') })
      .strict()
      .default({})
      .describe('facts of the StarlingX platform'),
    horizon: z
      .object({
        lockout: z
          .object({
            retries: z.number().int().positive().describe('failed logins before the lockout, e.g. 3'),
            seconds: z.number().int().positive().describe('length of the lockout in seconds, e.g. 300'),
          })
          .strict()
          .optional()
          .describe('lock a user out of Horizon after failed logins'),
      })
      .strict()
      .default({})
      .describe('Horizon settings'),
    aodh: z
      .object({
        restNotifierCaCert: z.boolean().default(false).describe('the aodh notifier checks REST alarm targets with the platform CA'),
      })
      .strict()
      .prefault({})
      .describe('aodh settings'),
    images: imagesSchema.prefault({}).describe('container images: tag parts and registry mirror'),
    helmRepository: z
      .object({
        url: chartRepositoryUrl
          .optional()
          .describe(
            'default: http://<cluster-host floating address>:<platformHttpPort>/helm_charts/starlingx; oci://registry/path for an OCI registry',
          ),
        secretName: z
          .string()
          .regex(DNS_SUBDOMAIN)
          .optional()
          .describe('Secret with the repository login (created out of band in the release namespace)'),
      })
      .strict()
      .default({})
      .describe('the Helm chart repository of the releases'),
    helmReleases: z
      .object({
        defaults: helmReleaseSettings.optional().describe('over the generator defaults, for every release'),
        releases: byRelease(helmReleaseSettings).default({}).describe('per release, over the defaults'),
      })
      .strict()
      .prefault({})
      .describe('how Flux installs, upgrades, remediates and watches the releases'),
    flux: z
      .object({
        target: fluxTargetSchema
          .default(DEFAULT_FLUX_TARGET)
          .describe(
            `the Flux the tree runs on: a StarlingX release (${FLUX_TARGET_NAMES.filter((n) => n !== 'kubernetes').join(', ')}: the platform's controllers in flux-helm), kubernetes (plain Kubernetes, the newest Flux from flux bootstrap), or explicit controller versions; the synth emits only what those controllers honour`,
          ),
        gitRepository: z
          .string()
          .regex(DNS_SUBDOMAIN)
          .default('flux-system')
          .describe('the GitRepository of this repository (flux bootstrap names it flux-system)'),
        gitRepositoryNamespace: z.string().regex(DNS_LABEL).default('flux-system').describe('namespace of that GitRepository'),
        interval: duration.default('10m').describe('how often Flux reconciles the Kustomizations, e.g. 10m'),
        timeout: duration.default('60m').describe('how long the openstack Kustomization waits for the releases'),
        sopsSecret: z
          .string()
          .regex(DNS_SUBDOMAIN)
          .default('sops-age')
          .describe('Secret in flux-system with the age key that decrypts the credentials'),
        credentialsPath: z
          .string()
          .regex(/^\.\/[A-Za-z0-9_./-]*$/, 'expected a path in the repository such as ./credentials/aio-sx')
          .optional()
          .describe('default: ./credentials/<name>'),
      })
      .strict()
      .prefault({})
      .describe('the Flux Kustomizations of dist/clusters/<name>/'),
    credentials: z
      .object({
        secretName: z
          .string()
          .regex(DNS_SUBDOMAIN)
          .default('stx-openstack-credentials')
          .describe('the Secret that holds every credential (created by npm run credentials)'),
        overrides: z.record(z.string(), secretKeyRef).default({}).describe('per logical credential id: another Secret and key'),
      })
      .strict()
      .prefault({})
      .describe('where the credentials are read from'),
    policies: z.array(z.string()).default([]).describe('RBAC policy sets to apply (see policies/)'),
    applyMode: z
      .enum(['normal', 'restore_db', 'restore_storage'])
      .default('normal')
      .describe(
        'restore_db: only ingress, nginx-ports-control, mariadb, garbd; restore_storage: also memcached, rabbitmq, keystone, keystone-api-proxy, glance, cinder (spec §4.3)',
      ),
  })
  .strict();

/** A profile as written (defaults not yet applied). */
export type DeploymentProfileInput = z.input<typeof deploymentProfileSchema>;
/** A validated profile, defaults applied. */
export type DeploymentProfile = z.output<typeof deploymentProfileSchema>;
export type Host = DeploymentProfile['hosts'][number];
export type Interface = Host['interfaces'][number];
export type StorageSelection = z.output<typeof selection>;

/** The JSON Schema of a profile as written, for YAML editors. */
export function profileJsonSchema(): object {
  return z.toJSONSchema(deploymentProfileSchema, { io: 'input', target: 'draft-2020-12' });
}
