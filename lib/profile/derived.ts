/**
 * Quantities derived once from a profile (spec §1.2: docs/system-values.md) and shared by every
 * release's system values.
 */
import { createHash } from 'crypto';
import { DeploymentProfile, Host } from './profile';

export type Vswitch = 'ovs' | 'ovs-dpdk' | 'none';

export interface Derived {
  /** Available controllers: the replica count of every control-plane service. */
  readonly controllers: number;
  /** Hosts that carry the `openstack-control-plane` label key (value ignored, spec §6-9). */
  readonly controlPlaneHosts: number;
  /** Hosts that run VMs, in profile order. */
  readonly computeHosts: readonly Host[];
  readonly vswitch: Vswitch;
  readonly ipv4Only: boolean;
  readonly primaryIPv6: boolean;
  readonly https: boolean;
  readonly aio: boolean;
  /** AIO platform resource limits (controller-0's platform CPUs and reserved memory). */
  readonly platformLimits: { readonly enabled: boolean; readonly cpus: number; readonly memMiB: number };
  /** The ceph replication factor (profile value, else 1 on AIO simplex and 2 elsewhere). */
  readonly cephReplication: number;
}

/** True for hosts with the worker function: workers, and controllers of an AIO system. */
export function hasWorkerFunction(host: Host, profile: DeploymentProfile): boolean {
  return host.personality === 'worker' || (host.personality === 'controller' && profile.system.type === 'aio');
}

/** Compute hosts: worker function, labelled `openstack-compute-node=enabled`, provisioned. */
export function computeHosts(profile: DeploymentProfile): Host[] {
  return profile.hosts.filter((h) => hasWorkerFunction(h, profile) && h.labels['openstack-compute-node'] === 'enabled' && h.provisioned);
}

/** The vswitch a host's labels ask for, or undefined when its label set is not an allowed one. */
export function vswitchOfLabels(labels: Readonly<Record<string, string>>): Vswitch | undefined {
  const ovs = labels.openvswitch === 'enabled';
  const dpdk = labels.dpdk === 'enabled';
  if (ovs && dpdk) return 'ovs-dpdk';
  if (ovs && !('dpdk' in labels)) return 'ovs';
  return undefined;
}

/** The deployment's vswitch: explicit, else the one label set every compute host agrees on. */
export function deriveVswitch(profile: DeploymentProfile, computes: readonly Host[]): Vswitch {
  if (profile.vswitch) return profile.vswitch;
  const kinds = new Set(computes.map((h) => vswitchOfLabels(h.labels)));
  if (kinds.size !== 1) return 'none';
  return [...kinds][0] ?? 'none';
}

export function derive(profile: DeploymentProfile): Derived {
  const computes = computeHosts(profile);
  const controllers = profile.hosts.filter((h) => h.personality === 'controller' && h.available).length;
  const families = profile.network.clusterService.families;
  const aio = profile.system.type === 'aio';
  const controller0 = profile.hosts.find((h) => h.hostname === 'controller-0');
  const platformLimits = aio
    ? {
        enabled: true,
        cpus: Math.max(1, controller0?.cpus?.platform.length ?? 0),
        memMiB: (controller0?.numa ?? []).reduce((sum, n) => sum + n.platformReservedMiB, 0),
      }
    : { enabled: false, cpus: 0, memMiB: 0 };
  const ceph = profile.storage.ceph;
  const cephReplication =
    ceph.kind !== 'none' && ceph.replication !== undefined ? ceph.replication : aio && profile.system.mode === 'simplex' ? 1 : 2;
  return {
    controllers,
    controlPlaneHosts: profile.hosts.filter((h) => 'openstack-control-plane' in h.labels).length,
    computeHosts: computes,
    vswitch: deriveVswitch(profile, computes),
    ipv4Only: families.includes('ipv4') && !families.includes('ipv6'),
    primaryIPv6: families[0] === 'ipv6',
    https: profile.https.enabled,
    aio,
    platformLimits,
    cephReplication,
  };
}

/** A host's UUID: the profile's, else a UUIDv5-style hash of deployment and host name (stable). */
export function hostUuid(profile: DeploymentProfile, host: Host): string {
  if (host.uuid) return host.uuid;
  const hex = createHash('sha1').update(`stx-openstack-gitops/${profile.name}/${host.hostname}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
