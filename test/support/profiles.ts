/**
 * Profile fixtures for tests, after the spec's test fixtures (§5): IPv4 cluster-host
 * 192.168.206.0/24, OAM 10.10.10.0/24, controllers labelled control-plane (and compute on AIO),
 * workers labelled compute, datanetworks data0 and data1 (vlan, mtu 1500).
 */
import { validateProfile } from '../../lib/deployment/app';
import { deploymentContext } from '../../lib/deployment/resolve';
import { ProfileError } from '../../lib/profile/loader';
import { deploymentProfileSchema, DeploymentProfile, DeploymentProfileInput } from '../../lib/profile/profile';
import { Values } from '../../lib/engine/values';
import { RELEASES } from '../../releases';
import { RELEASE_NAMES, ReleaseName } from '../../releases/names';
import { DeploymentContext } from '../../lib/profile/context';

type HostInput = DeploymentProfileInput['hosts'][number];

/** A data interface on `port` carrying one datanetwork. */
export function dataInterface(name: string, datanetwork: string, pciAddress = '0000:18:00.0'): NonNullable<HostInput['interfaces']>[number] {
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
  return aioSimplex({ name: 'test-aio-dx', system: { type: 'aio', mode: 'duplex' }, hosts: [controller(0, true), controller(1, true)], ...overrides });
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

/** The deployment context of a profile, with every release enabled unless told otherwise. */
export function contextOf(input: DeploymentProfileInput, enabled: readonly ReleaseName[] = RELEASE_NAMES): DeploymentContext {
  return deploymentContext(parseProfile(input), new Set(enabled));
}

/** Given a profile, the system values of one release (credential leaves still as CredentialRef). */
export function systemValuesOf(release: ReleaseName, input: DeploymentProfileInput, enabled?: readonly ReleaseName[]): Values {
  const fn = RELEASES[release].systemValues;
  if (!fn) throw new Error(`release ${release} has no system values`);
  return fn(contextOf(input, enabled));
}

/** The problems validation finds in profile input (file `file`), or [] when it is valid. */
export function problemsOf(input: unknown, file = 'deployments/test.yaml'): string[] {
  try {
    validateProfile(input, file);
    return [];
  } catch (error) {
    if (error instanceof ProfileError) return [...error.problems];
    throw error;
  }
}
