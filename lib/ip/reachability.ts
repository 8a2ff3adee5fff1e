/**
 * How reachable an address is, without ipaddr.js. The server page picks the address to show and
 * the `ssh` command with this on its first paint; through lib/ip/ip.ts it loaded ipaddr.js
 * (about 3.8 kB gzip of First Load JS) for one classification. This is the only implementation:
 * ip.ts re-exports it for everything else.
 *
 * It answers exactly as `range()` of ipaddr.js on `parseAddress` then `unmap` would: the same
 * text is accepted (including ipaddr.js's quirks, such as `::192.0.2.1` read as IPv4-mapped and
 * hex or zero-padded parts in an embedded IPv4 tail) and the same range names come out of the
 * tables below, copied from ipaddr.js 2.5's `SpecialRanges` in its order (the first match wins).
 * reachability.test.ts compares the tables with ipaddr.js's own and both functions over every
 * range boundary, random addresses and junk, so an upgrade of ipaddr.js that moves a range fails
 * there instead of drifting.
 */
import { scanIpv4, scanIpv6 } from "./scan.ts";

/** ipaddr.js's IPv4 special ranges, `[range() name, CIDR]`, in its order. */
export const IPV4_SPECIAL_RANGES: readonly (readonly [string, string])[] = [
  ["unspecified", "0.0.0.0/8"],
  ["broadcast", "255.255.255.255/32"],
  ["multicast", "224.0.0.0/4"],
  ["linkLocal", "169.254.0.0/16"],
  ["loopback", "127.0.0.0/8"],
  ["carrierGradeNat", "100.64.0.0/10"],
  ["private", "10.0.0.0/8"],
  ["private", "172.16.0.0/12"],
  ["private", "192.168.0.0/16"],
  ["reserved", "192.0.0.0/24"],
  ["reserved", "192.0.2.0/24"],
  ["reserved", "192.88.99.0/24"],
  ["reserved", "198.18.0.0/15"],
  ["reserved", "198.51.100.0/24"],
  ["reserved", "203.0.113.0/24"],
  ["reserved", "240.0.0.0/4"],
  ["as112", "192.175.48.0/24"],
  ["as112", "192.31.196.0/24"],
  ["amt", "192.52.193.0/24"],
];

/** ipaddr.js's IPv6 special ranges, `[range() name, CIDR]`, in its order. */
export const IPV6_SPECIAL_RANGES: readonly (readonly [string, string])[] = [
  ["unspecified", "::/128"],
  ["linkLocal", "fe80::/10"],
  ["multicast", "ff00::/8"],
  ["loopback", "::1/128"],
  ["uniqueLocal", "fc00::/7"],
  ["ipv4Mapped", "::ffff:0:0/96"],
  ["deprecatedSiteLocal", "fec0::/10"],
  ["discard", "100::/64"],
  ["rfc6145", "::ffff:0:0:0/96"],
  ["rfc6052", "64:ff9b::/96"],
  ["rfc6052", "64:ff9b:1::/48"],
  ["6to4", "2002::/16"],
  ["teredo", "2001::/32"],
  ["benchmarking", "2001:2::/48"],
  ["amt", "2001:3::/32"],
  ["as112v6", "2001:4:112::/48"],
  ["as112v6", "2620:4f:8000::/48"],
  ["deprecatedOrchid", "2001:10::/28"],
  ["orchid2", "2001:20::/28"],
  ["droneRemoteIdProtocolEntityTags", "2001:30::/28"],
  ["segmentRouting", "5f00::/16"],
  ["reserved", "2001::/23"],
  ["reserved", "2001:db8::/32"],
  ["reserved", "3fff::/20"],
];

const split = (cidr: string) => {
  const slash = cidr.indexOf("/");
  return [cidr.slice(0, slash), Number(cidr.slice(slash + 1))] as const;
};
const ipv4Table = IPV4_SPECIAL_RANGES.map(([name, cidr]) => {
  const [address, prefix] = split(cidr);
  return { name, base: scanIpv4(address)!, prefix };
});
const ipv6Table = IPV6_SPECIAL_RANGES.map(([name, cidr]) => {
  const [address, prefix] = split(cidr);
  return { name, groups: scanIpv6(address)!, prefix };
});

function ipv4InRange(value: number, base: number, prefix: number): boolean {
  // Every prefix in the table is 1..32; `>>> 32` would be `>>> 0`, so 32 compares whole values.
  return prefix === 32 ? value === base : value >>> (32 - prefix) === base >>> (32 - prefix);
}

function ipv6InRange(groups: readonly number[], base: readonly number[], prefix: number): boolean {
  for (let i = 0, bits = prefix; bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if (((groups[i] ?? 0) & mask) !== ((base[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** ipaddr.js's `range()` of an IPv4 address given as a 32-bit number. */
function ipv4Range(value: number): string {
  return ipv4Table.find((r) => ipv4InRange(value, r.base, r.prefix))?.name ?? "unicast";
}

/** ipaddr.js accepts a four-part IPv4 address without leading zeros (`isValidFourPartDecimal`). */
const FOUR_PART_DECIMAL = /^(0|[1-9]\d*)(\.(0|[1-9]\d*)){3}$/;
/** A part of an IPv4 tail in IPv6 as ipaddr.js's transitional form reads it: any decimal digits or 0x hex. */
const TAIL_PART = /^(\d+|0x[0-9a-f]+)$/i;
const HEX_AND_COLONS = /^[0-9a-f:]*$/i;

/** The IPv4 tail of a transitional IPv6 address as a 32-bit number, or null (parseInt's radix as ipaddr.js uses it). */
function ipv4Tail(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!TAIL_PART.test(part)) return null;
    const n = parseInt(part);
    if (!(n <= 255)) return null;
    value = value * 256 + n;
  }
  return value;
}

/** The eight groups of IPv6 text (no brackets, no zone) that ipaddr.js's `IPv6.parse` accepts, or null. */
function ipv6GroupsAsIpaddr(text: string): number[] | null {
  const lastColon = text.lastIndexOf(":");
  const head = text.slice(0, lastColon + 1);
  const tail = text.slice(lastColon + 1);
  // scanIpv6 also trims and strips brackets and zones; ipaddr.js's grammar takes only these characters.
  if (!HEX_AND_COLONS.test(head)) return null;
  if (!tail.includes(".")) return HEX_AND_COLONS.test(tail) ? scanIpv6(text) : null;
  const v4 = ipv4Tail(tail);
  if (v4 === null) return null;
  const high = Math.floor(v4 / 65536);
  const low = v4 % 65536;
  // ipaddr.js reads the deprecated IPv4-compatible form `::a.b.c.d` as `::ffff:a.b.c.d`.
  if (head === "::") return [0, 0, 0, 0, 0, 0xffff, high, low];
  return scanIpv6(`${head}${high.toString(16)}:${low.toString(16)}`);
}

/**
 * The name ipaddr.js's `range()` gives the address after `unmap` ("unicast", "private",
 * "reserved", ...), or null when `parseAddress` would not read it: brackets around the address
 * and a zone id are allowed, IPv4 must be four decimal parts.
 */
export function addressRange(input: string): string | null {
  let text = input.trim();
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  if (!text.includes(":")) {
    const value = FOUR_PART_DECIMAL.test(text) ? scanIpv4(text) : null;
    return value === null ? null : ipv4Range(value);
  }
  const groups = ipv6GroupsAsIpaddr(text);
  if (!groups) return null;
  const name = ipv6Table.find((r) => ipv6InRange(groups, r.groups, r.prefix))?.name ?? "unicast";
  // `unmap`: an IPv4-mapped address is the IPv4 address it carries.
  return name === "ipv4Mapped" ? ipv4Range((groups[6] ?? 0) * 65536 + (groups[7] ?? 0)) : name;
}

const INTERNAL_RANGES = new Set(["private", "uniqueLocal", "linkLocal", "loopback", "unspecified"]);

/**
 * How likely an address is the one to reach a server from outside: 2 globally routable, 1 not
 * internal either (documentation and CGNAT space, as demo data uses), 0 internal or unparsable.
 */
export function reachability(input: string): 0 | 1 | 2 {
  const range = addressRange(input);
  if (range === null) return 0;
  if (range === "unicast") return 2;
  return INTERNAL_RANGES.has(range) ? 0 : 1;
}
