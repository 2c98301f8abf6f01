/**
 * Profile rules that span fields, for what a cloud can run: addresses inside their subnets and in
 * the cluster's families, CPU and NUMA layouts a host can have, identifiers unique where the
 * platform needs them, and endpoint patterns that give DNS names. Each problem reads
 * `field.path: what is wrong (got ...; expected ...)`.
 */
import { Address, Family, formatAddress, inSubnet, lastAddress, parseAddress, parseSubnet, Subnet } from './addresses';
import { computeHosts } from './derived';
import { vfBase } from './interfaces';
import { DeploymentProfile, Host } from './profile';

const show = (value: unknown) => JSON.stringify(value);

/** Highest logical CPU id accepted (StarlingX hosts have at most a few hundred). */
export const MAX_CPU_ID = 4095;
/** Highest NUMA node id accepted. */
export const MAX_NUMA_NODE = 63;

type Add = (path: string, message: string) => void;

const FAMILY_NAME: Record<Family, string> = { 4: 'ipv4', 6: 'ipv6' };

export function checkProfileSemantics(profile: DeploymentProfile): string[] {
  const problems: string[] = [];
  const add: Add = (path, message) => problems.push(`${path}: ${message}`);
  checkAddresses(profile, add);
  const computes = new Set(computeHosts(profile));
  profile.hosts.forEach((host, h) => {
    checkCpus(host, `hosts[${h}]`, computes.has(host), add);
    checkInterfaces(host, `hosts[${h}]`, add);
  });
  const uuids = new Map<string, number>();
  profile.hosts.forEach((host, h) => {
    if (!host.uuid) return;
    const first = uuids.get(host.uuid.toLowerCase());
    if (first !== undefined)
      add(`hosts[${h}].uuid`, `duplicate host uuid ${show(host.uuid)} (also hosts[${first}]; expected unique uuids)`);
    else uuids.set(host.uuid.toLowerCase(), h);
  });
  checkFqdnPattern(profile.endpoints.fqdnPattern, add);
  return problems;
}

/** A subnet and an address inside it: not the network address, not the broadcast address. */
function checkInSubnet(address: Address, text: string, subnet: Subnet, subnetText: string, path: string, add: Add): void {
  if (!inSubnet(address, subnet)) {
    add(path, `${show(text)} is outside the subnet ${subnetText} (expected an address inside it)`);
    return;
  }
  if (address.value === subnet.network && subnet.prefix < (subnet.family === 4 ? 31 : 127)) {
    add(path, `${show(text)} is the network address of ${subnetText} (expected a host address)`);
  }
  if (subnet.family === 4 && subnet.prefix < 31 && address.value === lastAddress(subnet)) {
    add(path, `${show(text)} is the broadcast address of ${subnetText} (expected a host address)`);
  }
}

/** A subnet written with host bits set is refused: the platform stores the network address. */
function checkSubnetBits(subnet: Subnet, text: string, path: string, add: Add): void {
  if (subnet.written !== subnet.network) {
    add(path, `${show(text)} has host bits set (expected ${formatAddress(subnet.family, subnet.network)}/${subnet.prefix})`);
  }
}

function checkAddresses(profile: DeploymentProfile, add: Add): void {
  const { network } = profile;
  const families = network.clusterService.families.map((f) => (f === 'ipv4' ? 4 : 6) as Family);
  const primary = families[0];
  const inFamilies = (address: Address | undefined, text: string, path: string, mustBePrimary: boolean) => {
    if (!address) return;
    const ok = mustBePrimary ? address.family === primary : families.includes(address.family);
    if (!ok) {
      const expected = mustBePrimary ? `the primary family ${FAMILY_NAME[primary]}` : `one of ${show(network.clusterService.families)}`;
      add(path, `${show(text)} is ${FAMILY_NAME[address.family]} (expected ${expected} of network.clusterService.families)`);
    }
  };

  const floating = parseAddress(network.clusterHost.floatingAddress);
  inFamilies(floating, network.clusterHost.floatingAddress, 'network.clusterHost.floatingAddress', true);
  if (network.clusterHost.subnet) {
    const subnet = parseSubnet(network.clusterHost.subnet);
    if (subnet) {
      checkSubnetBits(subnet, network.clusterHost.subnet, 'network.clusterHost.subnet', add);
      if (floating)
        checkInSubnet(
          floating,
          network.clusterHost.floatingAddress,
          subnet,
          network.clusterHost.subnet,
          'network.clusterHost.floatingAddress',
          add,
        );
    }
  }
  if (network.mgmt)
    inFamilies(parseAddress(network.mgmt.floatingAddress), network.mgmt.floatingAddress, 'network.mgmt.floatingAddress', true);

  if (network.ironic) {
    const { cidr, gateway, rangeStart, rangeEnd } = network.ironic;
    const subnet = parseSubnet(cidr);
    if (subnet) {
      checkSubnetBits(subnet, cidr, 'network.ironic.cidr', add);
      for (const [key, text] of [
        ['gateway', gateway],
        ['rangeStart', rangeStart],
        ['rangeEnd', rangeEnd],
      ] as const) {
        const address = parseAddress(text);
        if (address) checkInSubnet(address, text, subnet, cidr, `network.ironic.${key}`, add);
      }
      const start = parseAddress(rangeStart);
      const end = parseAddress(rangeEnd);
      if (start && end && start.family === end.family && start.value > end.value) {
        add('network.ironic.rangeEnd', `${show(rangeEnd)} comes before rangeStart ${show(rangeStart)} (expected rangeStart <= rangeEnd)`);
      }
    }
  }

  const ceph = profile.storage.ceph;
  if (ceph.kind !== 'none') {
    ceph.monitors.forEach((m, i) => inFamilies(parseAddress(m), m, `storage.ceph.monitors[${i}]`, false));
  }
}

function checkCpus(host: Host, path: string, runsCompute: boolean, add: Add): void {
  if (host.cpus) {
    const owner = new Map<number, string>();
    for (const fn of ['platform', 'application', 'isolated'] as const) {
      const seen = new Set<number>();
      host.cpus[fn].forEach((cpu, i) => {
        if (cpu > MAX_CPU_ID) add(`${path}.cpus.${fn}[${i}]`, `CPU id ${cpu} is out of range (expected 0 to ${MAX_CPU_ID})`);
        if (seen.has(cpu)) add(`${path}.cpus.${fn}[${i}]`, `CPU ${cpu} is listed twice in ${fn}`);
        seen.add(cpu);
        const other = owner.get(cpu);
        if (other && other !== fn)
          add(`${path}.cpus.${fn}[${i}]`, `CPU ${cpu} is both ${other} and ${fn} (expected each CPU in one function)`);
        if (!other) owner.set(cpu, fn);
      });
    }
    if (runsCompute && host.cpus.platform.length === 0) {
      add(`${path}.cpus.platform`, `compute host ${show(host.hostname)} has no platform CPU (expected at least one)`);
    }
  }
  const nodes = new Map<number, number>();
  (host.numa ?? []).forEach((n, i) => {
    if (n.node > MAX_NUMA_NODE) add(`${path}.numa[${i}].node`, `NUMA node ${n.node} is out of range (expected 0 to ${MAX_NUMA_NODE})`);
    const first = nodes.get(n.node);
    if (first !== undefined) add(`${path}.numa[${i}].node`, `NUMA node ${n.node} is listed twice (also numa[${first}])`);
    else nodes.set(n.node, i);
  });
}

function checkInterfaces(host: Host, path: string, add: Add): void {
  const names = new Map<string, number>();
  const ports = new Map<string, number>();
  const pci = new Map<string, string>();
  const claimPci = (address: string, where: string) => {
    const key = address.toLowerCase();
    const first = pci.get(key);
    if (first) add(where, `PCI address ${show(address)} is used twice on host ${show(host.hostname)} (also ${first})`);
    else pci.set(key, where);
  };
  host.interfaces.forEach((itf, j) => {
    const at = `${path}.interfaces[${j}]`;
    const first = names.get(itf.name);
    if (first !== undefined)
      add(`${at}.name`, `duplicate interface name ${show(itf.name)} on host ${show(host.hostname)} (also interfaces[${first}])`);
    else names.set(itf.name, j);
    if (itf.port) {
      const other = ports.get(itf.port.name);
      if (other !== undefined) add(`${at}.port.name`, `port ${show(itf.port.name)} is used by two interfaces (also interfaces[${other}])`);
      else ports.set(itf.port.name, j);
      claimPci(itf.port.pciAddress, `${at}.port.pciAddress`);
      itf.port.sriovVfAddresses.forEach((a, k) => claimPci(a, `${at}.port.sriovVfAddresses[${k}]`));
    }
  });
  host.interfaces.forEach((itf, j) => {
    itf.uses.forEach((lower, k) => {
      if (lower === itf.name) add(`${path}.interfaces[${j}].uses[${k}]`, `interface ${show(itf.name)} uses itself`);
      else if (!names.has(lower))
        add(
          `${path}.interfaces[${j}].uses[${k}]`,
          `unknown interface ${show(lower)} on host ${show(host.hostname)} (expected one of ${show([...names.keys()])})`,
        );
    });
  });
  host.pciDevices.forEach((d, i) => claimPci(d.address, `${path}.pciDevices[${i}].address`));
  checkPciPorts(host, path, add);
}

/**
 * An SR-IOV or passthrough interface reaches an ethernet port (a vf through its `uses`): nova's
 * plugin reads the port's PCI and VF addresses for the whitelist and fails without one, and on
 * the platform every ethernet interface has its port.
 */
function checkPciPorts(host: Host, path: string, add: Add): void {
  const reachesPort = (itf: Host['interfaces'][number]): boolean => {
    const base = vfBase(host, itf);
    return base?.type === 'ethernet' && base.port !== undefined;
  };
  host.interfaces.forEach((itf, j) => {
    if (itf.class !== 'pci-sriov' && itf.class !== 'pci-passthrough') return;
    if (itf.type !== 'ethernet' && itf.type !== 'vf') return;
    if (!reachesPort(itf)) {
      const what = itf.type === 'ethernet' ? 'has no port' : 'uses no ethernet interface with a port';
      add(
        `${path}.interfaces[${j}]`,
        `${itf.class} interface ${show(itf.name)} ${what} (expected port: {name, pciAddress, sriovVfAddresses} on its ethernet interface)`,
      );
    }
  });
}

/** The placeholders `fqdnPattern` may hold. */
const FQDN_PLACEHOLDERS = ['{service_name}', '{endpoint_domain}'];

function checkFqdnPattern(pattern: string, add: Add): void {
  const unknown = (pattern.match(/\{[^}]*\}?/g) ?? []).filter((p) => !FQDN_PLACEHOLDERS.includes(p));
  if (unknown.length > 0) {
    add('endpoints.fqdnPattern', `unknown placeholder ${show(unknown[0])} (expected only ${FQDN_PLACEHOLDERS.join(' and ')})`);
    return;
  }
  if (!pattern.includes('{service_name}')) {
    add('endpoints.fqdnPattern', `${show(pattern)} has no {service_name} (every service would get the same host name)`);
    return;
  }
  const sample = pattern.replaceAll('{service_name}', 'keystone').replaceAll('{endpoint_domain}', 'example.com').toLowerCase();
  if (!/^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(sample)) {
    add('endpoints.fqdnPattern', `${show(pattern)} does not give a DNS name (got ${show(sample)} for keystone in example.com)`);
  }
}
