/**
 * IP address arithmetic for the profile checks: an address as a number of its family, and whether
 * it lies inside a subnet. No dependency: Node's `net.isIP` decides the syntax.
 */
import { isIP } from 'net';

export type Family = 4 | 6;

/** An address with its family and numeric value. */
export interface Address {
  readonly family: Family;
  readonly value: bigint;
}

/** Parses an IPv4 or IPv6 address (no zone id); undefined when it is not one. */
export function parseAddress(text: string): Address | undefined {
  if (text.includes('%')) return undefined;
  const family = isIP(text);
  if (family === 4) {
    return { family, value: text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n) };
  }
  if (family !== 6) return undefined;
  let head = text;
  let tail4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    // An embedded IPv4 tail (::ffff:1.2.3.4) is two groups.
    tail4 = parseAddress(text.slice(lastColon + 1))!.value;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [left, right] = head.includes('::') ? head.split('::') : [head, undefined];
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const l = groups(left);
  const r = groups(right);
  const all = right === undefined ? l : [...l, ...Array(8 - l.length - r.length).fill('0'), ...r];
  let value = all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
  if (tail4 !== undefined) value = (value & ~0xffffffffn) | tail4;
  return { family: 6, value };
}

/** A subnet `network/prefix`. */
export interface Subnet {
  readonly family: Family;
  readonly network: bigint;
  readonly prefix: number;
  /** The address as written, with host bits possibly set. */
  readonly written: bigint;
}

export function parseSubnet(text: string): Subnet | undefined {
  const [address, prefix] = text.split('/');
  const parsed = parseAddress(address);
  if (!parsed || prefix === undefined) return undefined;
  const bits = parsed.family === 4 ? 32 : 128;
  const p = Number(prefix);
  const mask = ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - p)) - 1n);
  return { family: parsed.family, network: parsed.value & mask, prefix: p, written: parsed.value };
}

function width(family: Family): number {
  return family === 4 ? 32 : 128;
}

/** True when `address` lies inside `subnet` (same family, same network bits). */
export function inSubnet(address: Address, subnet: Subnet): boolean {
  if (address.family !== subnet.family) return false;
  const hostBits = BigInt(width(subnet.family) - subnet.prefix);
  return address.value >> hostBits === subnet.network >> hostBits;
}

/** The subnet's broadcast address (IPv4) or its highest address (IPv6). */
export function lastAddress(subnet: Subnet): bigint {
  const hostBits = BigInt(width(subnet.family) - subnet.prefix);
  return subnet.network | ((1n << hostBits) - 1n);
}

/** Formats a numeric address of a family (for messages). */
export function formatAddress(family: Family, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => Number((value >> s) & 255n)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  return groups
    .join(':')
    .replace(/(^|:)0(:0)+(:|$)/, '::')
    .replace(/:{3,}/, '::');
}

/**
 * The form of an address as the host of a URL or a `host:port` pair: an IPv6 address in brackets,
 * an IPv4 address or a name as it is. An address already in brackets is kept. `bracket` overrides
 * the address's own family where a chart decides by another (nova's OAM follows the cluster family).
 */
export function urlHost(address: string, bracket: boolean = isIP(address) === 6): string {
  if (address.startsWith('[') && address.endsWith(']')) return address;
  return bracket ? `[${address}]` : address;
}
