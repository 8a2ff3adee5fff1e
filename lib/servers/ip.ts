/**
 * Address forms for the inventory, on the one IP module (lib/ip): IPv6 in its full and RFC 5952
 * compressed forms (so a search finds `2001:DB8:4B:0:0:0:0:1131` and `2001:db8:4b::1131` alike)
 * and sort keys that order addresses numerically instead of as text (10.0.0.9 before 10.0.0.10).
 * Only the module's scanners (lib/ip/scan.ts, checked against ipaddr.js in its tests) are used,
 * and imported from there: through lib/ip/ip.ts the inventory page also loaded ipaddr.js
 * (about 4 kB gzip of First Load JS) for nothing it calls.
 */
import { compressIpv6Groups as ipv6Compressed, expandIpv6Groups as ipv6Expanded, scanIpv4 as ipv4Number, scanIpv6 as ipv6Groups } from "@/lib/ip/scan";

/** The eight 16-bit groups of an IPv6 address written any way (brackets and zone allowed), or null. */
export function parseIpv6(input: string): number[] | null {
  return input.includes(":") ? ipv6Groups(input) : null;
}

export const expandIpv6 = ipv6Expanded;
export const compressIpv6 = ipv6Compressed;
export const parseIpv4 = ipv4Number;

/** A sort key for an IPv4 address: numeric order; unparseable text sorts after every address. */
export function ipv4SortKey(address: string): number {
  if (address === "") return Number.POSITIVE_INFINITY;
  return parseIpv4(address) ?? Number.MAX_SAFE_INTEGER;
}

/** A sort key for an IPv6 address: the expanded form orders numerically as text. */
export function ipv6SortKey(address: string): string {
  if (address === "") return "\uffff";
  const groups = parseIpv6(address);
  return groups ? expandIpv6(groups) : `\ufffe${address.toLowerCase()}`;
}

/**
 * The forms of an address a search should match, newline-separated: as given (lowercase), and
 * for IPv6 also the compressed and the fully expanded form.
 */
export function addressSearchText(address: string): string {
  const lower = address.trim().toLowerCase();
  if (lower === "" || !lower.includes(":")) return lower;
  const groups = parseIpv6(lower);
  if (!groups) return lower;
  const compressed = compressIpv6(groups);
  const expanded = expandIpv6(groups);
  return compressed === lower ? `${lower}\n${expanded}` : `${lower}\n${compressed}\n${expanded}`;
}
