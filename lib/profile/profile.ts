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
const netdevName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$/, 'expected a Linux interface name: up to 15 letters, digits, ".", "_" or "-"');
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
  .regex(/^(?=.{1,15}$)(?=.*[a-z])[a-z0-9_][a-z0-9_.-]*$/, 'expected an interface name: up to 15 lower-case letters, digits, "_", "." or "-", with at least one letter, not starting with "." or "-"');
/**
 * A datanetwork name as sysinv's API takes it (`_check_datanetwork_name`): letters, digits, "_",
 * "." and "-" (up to its 255-character column), never `none` in any case.
 */
const datanetworkName = z
  .string()
  .regex(/^(?![Nn][Oo][Nn][Ee]$)[A-Za-z0-9_.-]{1,255}$/, 'expected a datanetwork name: up to 255 letters, digits, "_", "." or "-", not "none"');
/** A name spliced into config strings (`physnet0:br-phy0,` in neutron's bridge_mappings): no separators. */
const configName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/, 'expected letters, digits, ".", "_" or "-", starting with a letter or digit');
/** Kubernetes label key (optional DNS-subdomain prefix, then a name of up to 63 characters) and value. */
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const labelKey = z.string().refine((k) => {
  const slash = k.lastIndexOf('/');
  const [prefix, name] = slash < 0 ? [undefined, k] : [k.slice(0, slash), k.slice(slash + 1)];
  return LABEL_NAME.test(name) && (prefix === undefined || DNS_SUBDOMAIN.test(prefix));
}, 'expected a Kubernetes label key such as openstack-compute-node or example.com/role');
const labelValue = z.string().regex(/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/, 'expected a Kubernetes label value (up to 63 letters, digits, "-", "_" or ".")');
/** A Keystone name written into the charts' values (user, project, domain). */
const keystoneName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.@+-]{0,63}$/, 'expected a Keystone name: letters, digits, "_", ".", "@", "+" or "-"');
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
  const hostOk = isIP(host.replace(/^\[|\]$/g, '')) !== 0 || host.split('.').every((label) => /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(label));
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
const regionName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/, 'expected a region name: up to 255 letters, digits, "_", "." or "-", starting with a letter or digit');

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
      .describe('Kubernetes node labels (openstack-control-plane, openstack-compute-node, openvswitch, dpdk, remote-storage, ...); the values of the last four in any case, lower-cased'),
    cpus: z
      .object({ platform: cpuList, application: cpuList, isolated: cpuList.default([]) })
      .strict()
      .optional()
      .describe('logical CPU ids per function'),
    numa: z
      .array(
        z
          .object({
            node: z.number().int().nonnegative(),
            platformReservedMiB: z.number().int().nonnegative(),
            vswitchHugepageSizeMiB: z.number().int().positive().default(2),
            vswitchHugepageCount: z.number().int().nonnegative().default(0),
          })
          .strict(),
      )
      .optional(),
    interfaces: z
      .array(
        z
          .object({
            name: interfaceName,
            type: z.enum(['ethernet', 'ae', 'vlan', 'vf']),
            class: z.enum(['data', 'pci-sriov', 'pci-passthrough', 'platform', 'none']),
            port: z
              .object({ name: netdevName, pciAddress, sriovVfAddresses: z.array(pciAddress).default([]) })
              .strict()
              .optional()
              .describe('ethernet interfaces only'),
            uses: z.array(interfaceName).default([]).describe('lower interfaces (ae members, vlan or vf parent)'),
            sriovNumVfs: z.number().int().nonnegative().optional(),
            datanetworks: z.array(datanetworkName).default([]),
            addresses: z.array(ip).default([]),
          })
          .strict()
          .superRefine((itf, ctx) => {
            // sysinv refuses every punctuation character but "_" and "." in a vlan interface name.
            if (itf.type === 'vlan' && itf.name.includes('-')) ctx.addIssue({ code: 'custom', path: ['name'], message: 'a vlan interface name has no "-", only letters, digits, "_" or "."' });
          }),
      )
      .default([]),
    pciDevices: z.array(z.object({ address: pciAddress, enabled: z.boolean() }).strict()).default([]),
    imageConversionFs: z.boolean().default(false),
  })
  .strict();

const cephSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z
    .object({
      kind: z.enum(['host', 'rook']),
      storageClass: z.string().regex(DNS_SUBDOMAIN).default('general'),
      fsid: z.uuid().optional().describe('ceph cluster fsid; without it the secret-uuid keys are omitted'),
      replication: z.number().int().min(1).max(3).optional().describe('default 1 on AIO simplex, else 2'),
      osdCount: z.number().int().min(1).default(1).describe('host ceph: for the pool chunk-size estimate'),
      monitors: z.array(ip).default([]).describe('host ceph: monitor addresses (on AIO only the first, the floating monitor, is used)'),
      secondaryTiers: z.array(z.object({ tierName: configName, backendName: configName }).strict()).default([]),
      externalEphemeralPool: configName
        .optional()
        .describe('RBD pool of an external ceph cluster that serves nova: the compute hosts put ephemeral disks there instead of "ephemeral"'),
      externalCephConf: z
        .string()
        .regex(/^(?!\.\.?$)[A-Za-z0-9_.-]{1,255}$/, 'expected a file name (the platform keeps the uploaded file in /etc/ceph/ under its base name)')
        .optional()
        .describe('conf file of the external ceph cluster that serves nova (ceph-external backend): nova reads /etc/ceph/<name> instead of /etc/ceph/ceph.conf'),
    })
    .strict(),
]);

const netappBackend = z
  .object({
    storageClass: z.string().regex(DNS_SUBDOMAIN),
    managementLif: z.string().optional(),
    svm: z.string().optional(),
    credentialsRef: z
      .object({
        secretName: z.string().regex(DNS_SUBDOMAIN, 'expected a Kubernetes object name').describe('Secret in the openstack namespace (the Trident backend Secret copied there)'),
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
    backends: z.array(z.object({ name: z.string().min(1), enabled: z.boolean() }).strict()).optional(),
    priority: z.array(z.string().min(1)).optional(),
    backupPriority: z.array(z.string().min(1)).optional(),
    pvc: z
      .object({
        priority: z.array(z.string()).optional(),
        size: quantity.optional(),
        accessModes: z.array(z.enum(['ReadWriteOnce', 'ReadWriteMany', 'ReadOnlyMany', 'ReadWriteOncePod'])).optional(),
        name: z.string().regex(DNS_LABEL, 'expected a PVC name (lower-case DNS label)').optional(),
        instancesPath: absolutePath.optional(),
      })
      .strict()
      .optional(),
    nfs: z
      .object({
        server: z.string().refine((v) => isIP(v) !== 0 || DNS_SUBDOMAIN.test(v), 'expected an IP address or a DNS name'),
        path: absolutePath,
        instancesPath: absolutePath,
      })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

const storageSchema = z
  .object({
    ceph: cephSchema.default({ kind: 'none' }),
    netapp: z.object({ nfs: netappBackend.optional(), iscsi: netappBackend.optional(), fc: netappBackend.optional() }).strict().optional(),
    esb: z
      .array(
        z
          .object({
            name: configName,
            protocol: z.enum(['iscsi', 'fcp', 'nfs', 'local']),
            k8sStorageClass: z
              .string()
              .regex(ESB_STORAGE_CLASS, 'expected a StorageClass name, or none')
              .optional()
              .describe('StorageClass of the backend for PVCs; none (any case) or absent: cinder only'),
            volumeBackend: z.record(z.string(), z.unknown()).default({}).describe('the cinder.conf section of the backend, as given'),
            secretRef: z
              .object({
                secretName: z.string().regex(DNS_SUBDOMAIN, 'expected a Kubernetes object name').describe('Secret in the openstack namespace'),
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
              .describe('credentials of the backend: each field is read from the Secret (a literal volumeBackend field of the same name wins)'),
          })
          .strict(),
      )
      .default([]),
    caCert: z
      .object({
        hostPath: absolutePath.default('/var/opt/openstack/certs/storage.pem').describe('where the CA file lies on the controllers (informational: the Secret storage-ca-cert holds it)'),
        containerPaths: z.array(absolutePath).default(['/usr/lib/ssl/cert.pem']).describe('where cinder-volume and cinder-backup see it'),
      })
      .strict()
      .optional()
      .describe('CA of the storage arrays: the Secret storage-ca-cert (key ca.crt, created out of band) is mounted into cinder-volume and cinder-backup'),
    selection: z
      .object({ cinder: selection, glance: selection, nova: selection, mariadb: selection, rabbitmq: selection })
      .partial()
      .strict()
      .default({}),
  })
  .strict();

const imagesSchema = z
  .object({
    imagePrefix: z.string().regex(/^[A-Za-z0-9_.-]+$/).default(DEFAULT_IMAGE_BUILD.imagePrefix),
    os: z.string().regex(/^[A-Za-z0-9_.-]+$/).default(DEFAULT_IMAGE_BUILD.os),
    osCodename: z.string().regex(/^[A-Za-z0-9_.-]+$/).default(DEFAULT_IMAGE_BUILD.osCodename),
    osArch: z.string().regex(/^[A-Za-z0-9_.-]+$/).default(DEFAULT_IMAGE_BUILD.osArch),
    buildStream: z.string().regex(/^[A-Za-z0-9_.-]+$/).default(DEFAULT_IMAGE_BUILD.buildStream),
    imageSuffix: z.string().regex(/^[A-Za-z0-9_.-]+$/).default(DEFAULT_IMAGE_BUILD.imageSuffix),
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
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, 'expected one exact chart version such as 2026.1.0 or 4.15.1+STX.1 (no range)');

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
    .object({ helmController: controllerVersion, sourceController: controllerVersion, kustomizeController: controllerVersion.optional() })
    .strict()
    .describe('explicit controller versions (a cluster whose Flux the operator installs)'),
]);

/** How Flux runs a release (spec fields of the HelmRelease CRD). */
const helmReleaseSettings = z
  .object({
    interval: duration.optional(),
    timeout: duration.optional(),
    install: z
      .object({
        remediation: z
          .object({ retries: z.number().int().min(-1).max(100).optional(), remediateLastFailure: z.boolean().optional(), ignoreTestFailures: z.boolean().optional() })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    upgrade: z
      .object({
        remediation: z
          .object({
            retries: z.number().int().min(-1).max(100).optional(),
            remediateLastFailure: z.boolean().optional(),
            ignoreTestFailures: z.boolean().optional(),
            strategy: z.enum(['rollback', 'uninstall']).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    driftDetection: z
      .object({
        mode: z.enum(['enabled', 'warn', 'disabled']),
        ignore: z
          .array(
            z
              .object({
                paths: z.array(z.string().min(1)).min(1).describe('JSON pointers, e.g. /spec/replicas'),
                target: z
                  .object({ group: z.string().optional(), version: z.string().optional(), kind: z.string().optional(), name: z.string().optional(), namespace: z.string().optional() })
                  .strict()
                  .optional(),
              })
              .strict(),
          )
          .optional(),
      })
      .strict()
      .optional(),
    test: z.object({ enable: z.boolean() }).strict().optional(),
  })
  .strict();

export const deploymentProfileSchema = z
  .object({
    name: z.string().regex(DNS_LABEL, 'expected a lower-case DNS label (it names the output folder)').describe('stack name: dist/<name>/'),
    description: z.string().optional(),
    system: z
      .object({
        type: z.enum(['aio', 'standard']),
        mode: z.enum(['simplex', 'duplex', 'duplex-direct']),
        regionName: regionName.default('RegionOne'),
        distributedCloudRole: z.enum(['none', 'subcloud', 'systemcontroller']).default('none'),
        virtual: z.boolean().default(false).describe('nova virt_type qemu instead of kvm'),
        fqdnReady: z.boolean().default(true).describe('use controller.internal instead of the management floating address'),
        regionConfig: z
          .object({
            services: z
              .record(configName, z.object({ regionName: regionName }).strict())
              .default({})
              .describe('per service (keystone name: cinder, nova, ...): the region its users and client settings use'),
          })
          .strict()
          .optional()
          .describe('a system installed with a region configuration (P3): per-service regions; horizon lists the region (not on a subcloud)'),
      })
      .strict(),
    network: z
      .object({
        clusterService: z
          .object({ families: z.array(z.enum(['ipv4', 'ipv6'])).min(1).max(2).default(['ipv4']).describe('first = primary') })
          .strict()
          .prefault({}),
        clusterHost: z.object({ subnet: cidr.optional(), floatingAddress: ip }).strict(),
        oam: z.object({ floatingAddress: ip }).strict(),
        mgmt: z.object({ floatingAddress: ip }).strict().optional(),
        ironic: z
          .object({ cidr: cidr, gateway: ip, rangeStart: ip, rangeEnd: ip, portName: z.string().min(1) })
          .strict()
          .optional(),
        platformHttpPort: z.number().int().min(1).max(65535).default(8080),
      })
      .strict(),
    endpoints: z
      .object({
        domain: z
          .string()
          .regex(DNS_DOMAIN_ANY_CASE, 'expected a DNS domain such as openstack.example.com')
          // DNS names are case-insensitive: the platform lower-cases the endpoint domain (spec §2.2).
          .transform((domain) => domain.toLowerCase())
          .optional()
          .describe('public endpoint domain; any case, lower-cased'),
        fqdnPattern: z.string().default('{service_name}.{endpoint_domain}'),
      })
      .strict()
      .prefault({}),
    https: z
      .object({
        enabled: z.boolean().default(false),
        certRef: z
          .object({
            secretName: z.string().regex(DNS_SUBDOMAIN),
            crtKey: z.string().default('tls.crt'),
            keyKey: z.string().default('tls.key'),
            caKey: z.string().optional(),
          })
          .strict()
          .optional()
          .describe('Secret with the public TLS certificate, key and CA (created out of band)'),
      })
      .strict()
      .prefault({}),
    hosts: z.array(hostSchema).min(1),
    datanetworks: z
      .array(z.object({ name: datanetworkName, type: z.enum(['flat', 'vlan', 'vxlan']), mtu: z.number().int().min(576).max(9216) }).strict())
      .default([]),
    storage: storageSchema,
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
      .prefault({}),
    userOverrides: byRelease(z.record(z.string(), z.unknown())).default({}).describe('Helm values merged over the system values'),
    keystone: z
      .object({
        admin: z
          .object({ userName: keystoneName.default('admin'), projectName: keystoneName.default('admin'), userDomain: keystoneName.default('default'), projectDomain: keystoneName.default('default') })
          .strict()
          .prefault({}),
        passwordRules: z
          .object({ uniqueLastPasswordCount: z.number().int().nonnegative(), regex: z.string(), regexDescription: z.string() })
          .strict()
          .optional(),
        dex: z
          .object({
            enabled: z.boolean().default(false),
            providerName: keystoneName.default('dex').describe('Keystone identity provider of Dex (horizon idp_mapping idp, keystone dex_idp.provider_name)'),
            protocolName: keystoneName.default('openid').describe('Keystone federation protocol (horizon idp_mapping protocol, keystone dex_idp.protocol_name)'),
            // Free text, as the platform takes it: the chart quotes it into Horizon's settings.
            webssoLabel: z
              .string()
              .default('Login with DEX SSO')
              .describe('the login choice Horizon shows'),
            webssoInitialChoice: z.enum(['credentials', 'dex_oidc']).default('credentials').describe('the login choice Horizon selects first'),
          })
          .strict()
          .optional()
          .describe('OIDC login through Dex (spec §3.7, §3.17)'),
      })
      .strict()
      .prefault({}),
    platform: z.object({ oidcIssuerUrl: httpUrl.optional() }).strict().default({}),
    horizon: z.object({ lockout: z.object({ retries: z.number().int().positive(), seconds: z.number().int().positive() }).strict().optional() }).strict().default({}),
    aodh: z.object({ restNotifierCaCert: z.boolean().default(false) }).strict().prefault({}),
    images: imagesSchema.prefault({}),
    helmRepository: z
      .object({
        url: chartRepositoryUrl
          .optional()
          .describe('default: http://<cluster-host floating address>:<platformHttpPort>/helm_charts/starlingx; oci://registry/path for an OCI registry'),
        secretName: z.string().regex(DNS_SUBDOMAIN).optional().describe('Secret with the repository login (created out of band in the release namespace)'),
      })
      .strict()
      .default({}),
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
          .describe(`the Flux the tree runs on: a StarlingX release (${FLUX_TARGET_NAMES.filter((n) => n !== 'kubernetes').join(', ')}: the platform's controllers in flux-helm), kubernetes (plain Kubernetes, the newest Flux from flux bootstrap), or explicit controller versions; the synth emits only what those controllers honour`),
        gitRepository: z.string().regex(DNS_SUBDOMAIN).default('flux-system').describe('the GitRepository of this repository (flux bootstrap names it flux-system)'),
        gitRepositoryNamespace: z.string().regex(DNS_LABEL).default('flux-system'),
        interval: duration.default('10m'),
        timeout: duration.default('60m').describe('how long the openstack Kustomization waits for the releases'),
        sopsSecret: z.string().regex(DNS_SUBDOMAIN).default('sops-age').describe('Secret in flux-system with the age key that decrypts the credentials'),
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
        secretName: z.string().regex(DNS_SUBDOMAIN).default('stx-openstack-credentials').describe('the Secret that holds every credential (created by npm run credentials)'),
        overrides: z.record(z.string(), secretKeyRef).default({}).describe('per logical credential id: another Secret and key'),
      })
      .strict()
      .prefault({}),
    policies: z.array(z.string()).default([]).describe('RBAC policy sets to apply (see policies/)'),
    applyMode: z
      .enum(['normal', 'restore_db', 'restore_storage'])
      .default('normal')
      .describe('restore_db: only ingress, nginx-ports-control, mariadb, garbd; restore_storage: also memcached, rabbitmq, keystone, keystone-api-proxy, glance, cinder (spec §4.3)'),
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
