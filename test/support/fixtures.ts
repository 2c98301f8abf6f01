/**
 * Profile fixtures for tests, after the spec's test fixtures (§5): IPv4 cluster-host
 * 192.168.206.0/24, OAM 10.10.10.0/24, controllers labelled control-plane (and compute on AIO),
 * workers labelled compute, datanetworks data0 and data1 (vlan, mtu 1500).
 *
 * Light on purpose: it loads the profile schema and nothing of the deployment model, so a suite
 * of one release (test/releases/) pays for that release's module and this, not for the whole app
 * (test/support/profiles.ts adds what needs the registry of every release and the validation).
 */
import { derive } from '../../lib/profile/derived';
import { deploymentProfileSchema, DeploymentProfile, DeploymentProfileInput } from '../../lib/profile/profile';
import { DeploymentContext } from '../../lib/profile/context';
import { Values } from '../../lib/engine/values';
import { imageRefs } from '../../overrides/images';
import { Enablement, ReleaseDefinition } from '../../releases/define';
import { RELEASE_NAMES, ReleaseName } from '../../releases/names';

type HostInput = DeploymentProfileInput['hosts'][number];
export type InterfaceInput = NonNullable<HostInput['interfaces']>[number];
export type StorageInput = DeploymentProfileInput['storage'];

/** A data interface on `port` carrying one datanetwork. */
export function dataInterface(name: string, datanetwork: string, pciAddress = '0000:18:00.0'): InterfaceInput {
  return { name, type: 'ethernet', class: 'data', port: { name, pciAddress }, datanetworks: [datanetwork] };
}

export function controller(n: number, aio: boolean, extra: Partial<HostInput> = {}): HostInput {
  return {
    hostname: `controller-${n}`,
    personality: 'controller',
    labels: aio
      ? { 'openstack-control-plane': 'enabled', 'openstack-compute-node': 'enabled', openvswitch: 'enabled' }
      : { 'openstack-control-plane': 'enabled' },
    interfaces: aio ? [dataInterface('data0', 'data0', '0000:18:00.0'), dataInterface('data1', 'data1', '0000:18:00.1')] : [],
    ...extra,
  };
}

export function worker(n: number, extra: Partial<HostInput> = {}): HostInput {
  return {
    hostname: `worker-${n}`,
    personality: 'worker',
    labels: { 'openstack-compute-node': 'enabled', openvswitch: 'enabled' },
    interfaces: [dataInterface('data0', 'data0', '0000:18:00.0'), dataInterface('data1', 'data1', '0000:18:00.1')],
    ...extra,
  };
}

/** AIO simplex, one controller, IPv4, host ceph with an fsid. */
export function aioSimplex(overrides: Partial<DeploymentProfileInput> = {}): DeploymentProfileInput {
  return {
    name: 'test-aio-sx',
    system: { type: 'aio', mode: 'simplex' },
    network: {
      clusterHost: { subnet: '192.168.206.0/24', floatingAddress: '192.168.206.1' },
      oam: { floatingAddress: '10.10.10.2' },
    },
    hosts: [controller(0, true)],
    datanetworks: [
      { name: 'data0', type: 'vlan', mtu: 1500 },
      { name: 'data1', type: 'vlan', mtu: 1500 },
    ],
    storage: { ceph: { kind: 'host', storageClass: 'general', fsid: '89bd29e9-c505-4170-a097-04dc8e43c897', monitors: ['192.168.204.2'] } },
    ...overrides,
  };
}

/** AIO duplex: two controllers. */
export function aioDuplex(overrides: Partial<DeploymentProfileInput> = {}): DeploymentProfileInput {
  return aioSimplex({
    name: 'test-aio-dx',
    system: { type: 'aio', mode: 'duplex' },
    hosts: [controller(0, true), controller(1, true)],
    ...overrides,
  });
}

/** Standard: two controllers and `workers` workers. */
export function standard(workers = 2, overrides: Partial<DeploymentProfileInput> = {}): DeploymentProfileInput {
  return aioSimplex({
    name: 'test-standard',
    system: { type: 'standard', mode: 'duplex' },
    hosts: [controller(0, false), controller(1, false), ...Array.from({ length: workers }, (_, i) => worker(i))],
    ...overrides,
  });
}

/** Validates a profile input (throws on error) with defaults applied. */
export function parseProfile(input: DeploymentProfileInput): DeploymentProfile {
  return deploymentProfileSchema.parse(input);
}

/**
 * The deployment context of a profile, with every release enabled unless told otherwise: what
 * lib/deployment/resolve.ts's deploymentContext gives (test/system-values/upstream-features.test.ts
 * checks that they agree), without loading the deployment model.
 */
export function contextOf(input: DeploymentProfileInput, enabled: readonly ReleaseName[] = RELEASE_NAMES): DeploymentContext {
  const profile = parseProfile(input);
  return { profile, derived: derive(profile), enabled: new Set(enabled), images: imageRefs(profile.images) };
}

/** Given a profile, the system values of a release (credential leaves still as CredentialRef). */
export function valuesOf(definition: ReleaseDefinition, input: DeploymentProfileInput, enabled?: readonly ReleaseName[]): Values {
  const fn = definition.systemValues;
  if (!fn) throw new Error(`release ${definition.name} has no system values`);
  return fn(contextOf(input, enabled));
}

/** `valuesOf` bound to one release: `const novaValues = releaseValues(nova)`. */
export function releaseValues(definition: ReleaseDefinition): (input: DeploymentProfileInput, enabled?: readonly ReleaseName[]) => Values {
  return (input, enabled) => valuesOf(definition, input, enabled);
}

/** https on, with the certificate Secret the spec's examples use. */
export const HTTPS = { enabled: true, certRef: { secretName: 'openstack-tls', caKey: 'ca.crt' } };
/** The CA file every https release points its clients at (spec §2.5). */
export const CA = '/etc/ssl/certs/openstack-helm.crt';
export const DOMAIN = 'openstack.example.com';
/** The OIDC issuer of the platform's Dex. */
export const ISSUER = 'https://oam.example.com:30556/dex';

export const FSID = '89bd29e9-c505-4170-a097-04dc8e43c897';
type Ceph<Kind> = Extract<StorageInput['ceph'], { kind: Kind }>;
export const NO_CEPH: Ceph<'none'> = { kind: 'none' };
export const HOST_CEPH: Ceph<'host' | 'rook'> = {
  kind: 'host',
  storageClass: 'general',
  fsid: FSID,
  monitors: ['192.168.204.2', '192.168.204.3'],
};
export const ROOK_CEPH: Ceph<'host' | 'rook'> = { kind: 'rook', storageClass: 'general', fsid: FSID };
export const NETAPP_NFS = { nfs: { storageClass: 'netapp-nas-backend' } };
export const ROOK_IMAGE = 'registry.local:9001/docker.io/openstackhelm/ceph-config-helper:ubuntu_jammy_18.2.2-1-20240312';

export function storage(ceph: StorageInput['ceph'], extra: Partial<StorageInput> = {}): StorageInput {
  return { ceph, ...extra };
}

/** NetApp NFS and iSCSI backends whose credentials Trident keeps in Secrets (spec §2.8). */
export const NETAPP_WITH_CREDENTIALS = {
  nfs: {
    storageClass: 'netapp-nas-backend',
    managementLif: '10.0.0.10',
    svm: 'svm_nfs',
    credentialsRef: { secretName: 'ontap-nas-creds' },
  },
  iscsi: {
    storageClass: 'netapp-san-backend',
    credentialsRef: { secretName: 'ontap-san-creds', usernameKey: 'user', passwordKey: 'pass' },
  },
};

type EsbInput = NonNullable<StorageInput['esb']>[number];

/** AIO without ceph whose cinder, mariadb and rabbitmq use one iSCSI ESB backend (spec §2.8). */
export function esbProfile(
  secretRef?: EsbInput['secretRef'],
  volumeBackend: object = { volume_driver: 'cinder.volume.drivers.dell_emc.powerstore.driver.PowerStoreDriver', san_ip: '10.0.0.9' },
): DeploymentProfileInput {
  return aioSimplex({
    storage: {
      ceph: NO_CEPH,
      esb: [
        {
          name: 'dell-iscsi',
          protocol: 'iscsi',
          k8sStorageClass: 'dell-sc',
          volumeBackend,
          ...(secretRef ? { secretRef } : {}),
        } as EsbInput,
      ],
      selection: { cinder: { priority: ['dell-iscsi'] }, mariadb: { priority: ['dell-iscsi'] }, rabbitmq: { priority: ['dell-iscsi'] } },
    },
  });
}

/** AIO with a domain, the platform's OIDC issuer and keystone's Dex settings `dex` (enabled). */
export function dexProfile(dex: object): DeploymentProfileInput {
  return aioSimplex({
    keystone: { dex: { enabled: true, ...dex } },
    endpoints: { domain: 'example.com' },
    platform: { oidcIssuerUrl: ISSUER },
  });
}

/** Whether a release is emitted for a profile (spec §4.1), asked for by the app defaults or not. */
export function enablementOf(definition: ReleaseDefinition, input: DeploymentProfileInput, requested = true): Enablement {
  const { profile, derived } = contextOf(input);
  return definition.enabled ? definition.enabled({ profile, derived }, requested) : { on: requested };
}

/** A Standard system that is a distributed cloud's system controller. */
export function systemController(overrides: Partial<DeploymentProfileInput> = {}): DeploymentProfileInput {
  return standard(2, { system: { type: 'standard', mode: 'duplex', distributedCloudRole: 'systemcontroller' }, ...overrides });
}
