/**
 * Semantic rules of a profile that its schema cannot say: the pre-apply checks of StarlingX
 * (spec §1.3) and the generator's own (host names, controller counts, references between fields).
 * Each problem reads `field.path: what is wrong (got ...; expected ...)`.
 */
import { POLICY_SET_NAMES } from '../../policies';
import { CredentialRef } from '../engine/credentials';
import { MissingEdge } from '../engine/depends-on';
import { ReleaseName } from '../../releases/names';
import { Derived, vswitchOfLabels } from '../profile/derived';
import { DeploymentProfile } from '../profile/profile';
import { checkProfileSemantics } from '../profile/semantics';
import { esbStorageClass } from '../profile/storage';

const show = (value: unknown) => JSON.stringify(value);

/**
 * What sysinv's host API (`_validate_hostname`) refuses in a host name of a personality, or
 * undefined: controllers are controller-0 or controller-1, storage hosts storage-<n>, and a worker
 * takes neither name (nor one starting with "storage").
 */
function hostnameRule(personality: DeploymentProfile['hosts'][number]['personality'], hostname: string): string | undefined {
  const controllerNames = ['controller-0', 'controller-1'];
  if (personality === 'controller' && !controllerNames.includes(hostname))
    return `a controller is named controller-0 or controller-1 (got ${show(hostname)})`;
  if (personality === 'storage' && !/^storage-[0-9]+$/.test(hostname))
    return `a storage host is named storage-<number> (got ${show(hostname)})`;
  if (personality === 'worker' && (controllerNames.includes(hostname) || hostname.startsWith('storage'))) {
    return `a worker is not named controller-0, controller-1 or storage... (got ${show(hostname)})`;
  }
  return undefined;
}

/**
 * The rules that need no computed values, for the releases `enabled` by the enablement rules.
 * Each problem reads `field.path: what is wrong`.
 */
export function checkProfileRules(profile: DeploymentProfile, derived: Derived, enabled: ReadonlySet<ReleaseName>): string[] {
  const problems: string[] = [];
  const add = (path: string, message: string) => problems.push(`${path}: ${message}`);
  const { system, hosts } = profile;

  // §1.3-1: the app cannot run on a distributed-cloud central cloud.
  if (system.distributedCloudRole === 'systemcontroller') {
    add(
      'system.distributedCloudRole',
      'stx-openstack cannot be deployed on a distributed-cloud system controller (got "systemcontroller"; expected "none" or "subcloud")',
    );
  }

  // Host names and controller counts.
  const seen = new Map<string, number>();
  hosts.forEach((host, i) => {
    const rule = hostnameRule(host.personality, host.hostname);
    if (rule) add(`hosts[${i}].hostname`, rule);
    const first = seen.get(host.hostname);
    if (first !== undefined)
      add(`hosts[${i}].hostname`, `duplicate host name ${show(host.hostname)} (also hosts[${first}]; expected unique names)`);
    else seen.set(host.hostname, i);
  });
  const controllers = hosts.filter((h) => h.personality === 'controller');
  const maxControllers = system.mode === 'simplex' ? 1 : 2;
  if (controllers.length > maxControllers) {
    add('hosts', `${controllers.length} controllers for system mode ${show(system.mode)} (expected at most ${maxControllers})`);
  }
  if (system.type === 'standard' && system.mode === 'simplex') {
    add('system.mode', 'a standard system is duplex (got "simplex"; expected "duplex" or "duplex-direct")');
  }
  if (system.type === 'aio' && system.mode === 'simplex') {
    hosts.forEach((h, i) => {
      if (h.personality !== 'controller')
        add(`hosts[${i}].personality`, `an AIO simplex system has no ${h.personality} hosts (got ${show(h.personality)})`);
    });
  }
  // §1.3-7
  if (derived.controllers < 1)
    add('hosts', 'no available controller (expected at least one host with personality controller and available: true)');

  // §1.3-2: compute hosts and one vswitch.
  const computes = derived.computeHosts;
  if (computes.length === 0) {
    add('hosts', 'no compute host (expected a provisioned host with the worker function labelled openstack-compute-node=enabled)');
  } else if (!profile.vswitch) {
    const kinds = computes.map((h) => `${h.hostname}=${vswitchOfLabels(h.labels) ?? 'none'}`);
    if (derived.vswitch === 'none') {
      add(
        'hosts',
        `compute hosts do not agree on one vswitch label set (got ${kinds.join(', ')}; expected every compute host labelled openvswitch=enabled, or all also dpdk=enabled)`,
      );
    }
  }

  // Datanetworks: unique, known, one per interface (§1.3-3).
  const dnNames = new Set<string>();
  profile.datanetworks.forEach((dn, i) => {
    if (dnNames.has(dn.name)) add(`datanetworks[${i}].name`, `duplicate datanetwork ${show(dn.name)}`);
    dnNames.add(dn.name);
  });
  hosts.forEach((host, h) => {
    host.interfaces.forEach((itf, j) => {
      itf.datanetworks.forEach((dn, k) => {
        if (!dnNames.has(dn))
          add(`hosts[${h}].interfaces[${j}].datanetworks[${k}]`, `unknown datanetwork ${show(dn)} (expected one of ${show([...dnNames])})`);
      });
      if (itf.datanetworks.length > 1 && (itf.class === 'data' || itf.class === 'pci-sriov')) {
        add(`hosts[${h}].interfaces[${j}].datanetworks`, `an interface carries at most one datanetwork (got ${show(itf.datanetworks)})`);
      }
    });
    if (computes.includes(host) && !host.interfaces.some((itf) => itf.datanetworks.length > 0)) {
      add(`hosts[${h}].interfaces`, `compute host ${show(host.hostname)} has no interface with a datanetwork (expected at least one)`);
    }
  });

  // §1.3-4: a storage backend.
  const ceph = profile.storage.ceph;
  const hasNetapp = Object.values(profile.storage.netapp ?? {}).some(Boolean);
  const hasEsb = profile.storage.esb.some((e) => esbStorageClass(e) !== '');
  if (!(ceph.kind !== 'none' && ceph.fsid) && !hasNetapp && !hasEsb) {
    add('storage', 'no storage backend available (expected ceph with an fsid, a NetApp backend, or an ESB entry with a k8sStorageClass)');
  }

  // Network fields that other fields require.
  if (profile.https.enabled && !profile.https.certRef)
    add('https.certRef', 'required when https.enabled is true (the Secret with the public certificate)');
  if (!system.fqdnReady && !profile.network.mgmt) add('network.mgmt.floatingAddress', 'required when system.fqdnReady is false');
  const families = profile.network.clusterService.families;
  if (new Set(families).size !== families.length) add('network.clusterService.families', `duplicate family (got ${show(families)})`);

  problems.push(...checkProfileSemantics(profile));

  // §1.3-6: DEX.
  if (profile.keystone.dex?.enabled) {
    if (!profile.endpoints.domain) add('endpoints.domain', 'required when keystone.dex.enabled is true');
    if (!profile.platform.oidcIssuerUrl) add('platform.oidcIssuerUrl', 'required when keystone.dex.enabled is true');
  }

  // Chart selection and user values against what is emitted.
  for (const [name, values] of Object.entries(profile.userOverrides)) {
    // A restore leaves most releases out; their user values stay for the normal apply.
    if (!enabled.has(name as ReleaseName) && profile.applyMode === 'normal') {
      add(
        `userOverrides.${name}`,
        `user values for release ${show(name)}, which is not deployed (enable it in charts.enabled or remove the values)`,
      );
    }
    checkReplicas(values, `userOverrides.${name}`, add);
  }
  profile.policies.forEach((set, i) => {
    if (!POLICY_SET_NAMES.includes(set))
      add(`policies[${i}]`, `unknown policy set ${show(set)} (expected one of ${show(POLICY_SET_NAMES)})`);
  });
  return problems;
}

/** A dependsOn edge onto a release this deployment does not emit, as a profile problem. */
export function missingDependencyProblem(edge: MissingEdge): string {
  if (edge.unknown)
    return `charts: release ${show(edge.release)} depends on ${show(edge.target)}, which is not a release of this deployment`;
  const { release, target } = edge;
  return `charts.enabled.${target}: release ${show(release)} depends on ${show(target)}, which is disabled (enable ${show(target)}, disable ${show(release)}, or set charts.repairDependsOn: true)`;
}

/** Credential overrides must name credentials this deployment reads (a typo would be ignored). */
export function checkCredentialOverrides(profile: DeploymentProfile, credentials: readonly CredentialRef[]): string[] {
  const used = new Set(credentials.map((ref) => ref.id));
  return Object.keys(profile.credentials.overrides)
    .filter((id) => !used.has(id))
    .map((id) => {
      const close = [...used]
        .filter((u) => u.split('.')[0] === id.split('.')[0] || u.startsWith(id.slice(0, 5)))
        .sort()
        .slice(0, 5);
      return `credentials.overrides.${id}: no credential of this deployment has the id ${show(id)} (expected one of the ids of npm run credentials${close.length ? `, such as ${close.join(', ')}` : ''})`;
    });
}

/** `pod.replicas.*` in user values must be positive integers. */
function checkReplicas(values: Record<string, unknown>, path: string, add: (path: string, message: string) => void): void {
  const pod = values.pod;
  if (typeof pod !== 'object' || pod === null) return;
  const replicas = (pod as Record<string, unknown>).replicas;
  if (typeof replicas !== 'object' || replicas === null) return;
  for (const [key, value] of Object.entries(replicas)) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      add(`${path}.pod.replicas.${key}`, `expected a whole number of replicas, at least 1 (got ${show(value)})`);
    }
  }
}
