/**
 * The one IP module: parsing, matching and normalising addresses, on the `ipaddr.js` package
 * (the parser Node's own ecosystem leans on, e.g. Express's proxy-addr) instead of hand-written
 * scanners. No React and no Node APIs, so the browser, the server and the simulator share it.
 */
import ipaddr from "ipaddr.js";
import { addressRange, reachability } from "./reachability.ts";
import { compressIpv6Groups, expandIpv6Groups, scanIpv4, scanIpv6 } from "./scan.ts";

export type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * An IPv4 or IPv6 address, or null. Accepts `[brackets]` around IPv6 and ignores a zone id
 * (`%eth0`, which names an interface of the machine that wrote it). IPv4 must be four decimal
 * parts (ipaddr.js alone would also take "1" or "0x7f.1" as legacy forms).
 */
export function parseAddress(input: string, { strict = false }: { strict?: boolean } = {}): Address | null {
  let text = input.trim();
  // Strict (what goes to a firewall): exactly an address, no brackets, no zone id.
  if (strict && (text !== input || /[[\]%]/.test(text))) return null;
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  // IPv6 first and only with a colon: ipaddr.js's IPv4 check backtracks badly on IPv6 text
  // (measured: 100 µs per address).
  if (text.includes(":")) {
    try {
      return ipaddr.IPv6.parse(text);
    } catch {
      return null;
    }
  }
  return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : null;
}

/** An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) is the IPv4 address it carries. */
export function unmap(address: Address): Address {
  return address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
}

/** The canonical text: IPv4 dotted, IPv6 in RFC 5952 form, mapped IPv4 as IPv4; null when not an address. */
export function normalizeAddress(input: string): string | null {
  const address = parseAddress(input);
  return address ? formatAddress(unmap(address)) : null;
}

export function formatAddress(address: Address): string {
  return address.kind() === "ipv6" ? (address as ipaddr.IPv6).toRFC5952String() : address.toString();
}

/** A socket's address as people write it: `::ffff:127.0.0.1` -> `127.0.0.1`; other text unchanged. */
export function displayAddress(input: string): string {
  return normalizeAddress(input) ?? input;
}

export type Range = { address: Address; prefix: number };

/** An address (a single-host range) or a CIDR range, or null. The prefix must fit the family. */
export function parseRange(input: string, options: { strict?: boolean } = {}): Range | null {
  const text = options.strict ? input : input.trim();
  const slash = text.indexOf("/");
  if (slash < 0) {
    const address = parseAddress(text, options);
    return address ? { address, prefix: address.kind() === "ipv4" ? 32 : 128 } : null;
  }
  const address = parseAddress(text.slice(0, slash), options);
  const prefixText = text.slice(slash + 1);
  // No leading zeros ("/08"), as for IPv4 parts.
  if (!address || !/^(0|[1-9]\d{0,2})$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > (address.kind() === "ipv4" ? 32 : 128)) return null;
  return { address, prefix };
}

/** Whether `address` lies in `range`; mapped IPv4 on either side compares as IPv4. */
export function rangeContains(range: Range, address: Address): boolean {
  let r = range;
  if (r.address.kind() === "ipv6" && (r.address as ipaddr.IPv6).isIPv4MappedAddress() && r.prefix >= 96) {
    r = { address: (r.address as ipaddr.IPv6).toIPv4Address(), prefix: r.prefix - 96 };
  }
  const a = unmap(address);
  if (a.kind() !== r.address.kind()) return false;
  return a.match(r.address, r.prefix);
}

/** Whether an address is in any of the ranges written as text (an allow list); unparsable entries match nothing. */
export function allowListContains(ranges: readonly string[], addressText: string): boolean {
  const address = parseAddress(addressText);
  if (!address) return false;
  return ranges.some((text) => {
    const range = parseRange(text);
    return range !== null && rangeContains(range, address);
  });
}

/**
 * Globally routable: not private, loopback, link-local, documentation or shared (CGNAT) space.
 * Classified by the one implementation of ranges (reachability.ts), as the pages classify.
 */
export function isPublicAddress(input: string): boolean {
  return reachability(input) === 2;
}

/** The 8 groups of an IPv6 address written any way, or null (for search and sort keys; the fast scanner). */
export function ipv6Groups(input: string): number[] | null {
  return scanIpv6(input);
}

/**
 * Reachability (public, special, internal) has its one implementation in reachability.ts, on the
 * scanners and ipaddr.js's range table, so the server page's first load does not carry ipaddr.js.
 */
export { addressRange, reachability };

/** The RFC 5952 form of eight IPv6 groups: lowercase, no leading zeros, the longest zero run as `::`. */
export const ipv6Compressed = compressIpv6Groups;

/** All eight groups, four hex digits each: `2001:0db8:004b:0000:0000:0000:0000:1131`. */
export const ipv6Expanded = expandIpv6Groups;

/** A dotted IPv4 address as an unsigned 32-bit number (for numeric sorting), or null. */
export const ipv4Number = scanIpv4;
