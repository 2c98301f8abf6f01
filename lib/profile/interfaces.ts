/**
 * Walks over a host's interfaces, once for every reader (nova's PCI whitelist, neutron's agent
 * mappings, the profile checks): a vf sits on the interface named first in its `uses`.
 */
import { Host, Interface } from './profile';

/** The interface a vf sits on (its first `uses`); undefined for other types or an unknown name. */
function vfParent(host: Host, iface: Interface): Interface | undefined {
  if (iface.type !== 'vf' || iface.uses[0] === undefined) return undefined;
  return host.interfaces.find((i) => i.name === iface.uses[0]);
}

/**
 * The interface a vf is carved from, through any vfs between: the first one on its `uses` chain
 * that is not a vf; the interface itself when it is not a vf. Undefined when the chain names an
 * unknown interface or comes back on itself (profile errors the checks report; here, no answer).
 */
export function vfBase(host: Host, iface: Interface): Interface | undefined {
  const seen = new Set<string>();
  let current: Interface | undefined = iface;
  while (current?.type === 'vf') {
    if (seen.has(current.name)) return undefined;
    seen.add(current.name);
    current = vfParent(host, current);
  }
  return current;
}

/**
 * The VF PCI addresses each interface keeps: an interface with a port starts with its
 * `sriovVfAddresses`, and each vf on it takes the last `sriovNumVfs` of what remains of its
 * parent's, in interface order. Vfs on a `uses` loop reach no port and keep none.
 */
export function vfAddresses(host: Host): Map<string, string[]> {
  const out = new Map<string, string[]>();
  // Each vf has one parent, so the walk down from a port is a tree and cannot loop.
  const assign = (iface: Interface, addresses: readonly string[]) => {
    let remaining = [...addresses];
    for (const child of host.interfaces.filter((i) => vfParent(host, i) === iface)) {
      const n = Math.min(child.sriovNumVfs ?? 0, remaining.length);
      const taken = n > 0 ? remaining.slice(remaining.length - n) : [];
      remaining = remaining.slice(0, remaining.length - n);
      assign(child, taken);
    }
    out.set(iface.name, remaining);
  };
  for (const iface of host.interfaces) {
    if (iface.type !== 'vf' && iface.port) assign(iface, iface.port.sriovVfAddresses);
  }
  return out;
}
