/**
 * Address forms for the inventory, on the one IP module (lib/ip, ipaddr.js): IPv6 in its full
 * and RFC 5952 compressed forms (so a search finds `2001:DB8:4B:0:0:0:0:1131` and
 * `2001:db8:4b::1131` alike) and sort keys that order addresses numerically instead of as text
 * (10.0.0.9 before 10.0.0.10). The search text is built in idle slices after the first paint
 * (warmSearchText), so parsing with ipaddr.js instead of the former hand-written scanner costs
 * no keystroke.
 */
import { ipv4Number, ipv6Compressed, ipv6Expanded, ipv6Groups } from "@/lib/ip/ip";

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
