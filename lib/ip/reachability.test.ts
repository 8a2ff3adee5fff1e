import { describe, expect, it } from "vitest";
import ipaddr from "ipaddr.js";
import { parseAddress, unmap } from "./ip";
import { IPV4_SPECIAL_RANGES, IPV6_SPECIAL_RANGES, addressRange, reachability } from "./reachability";

/** What reachability was before it left ipaddr.js: `parseAddress`, `unmap`, then ipaddr.js's `range()`. */
function referenceRange(input: string): string | null {
  const address = parseAddress(input);
  return address ? unmap(address).range() : null;
}
function referenceReachability(input: string): 0 | 1 | 2 {
  const range = referenceRange(input);
  if (range === null) return 0;
  if (range === "unicast") return 2;
  return ["private", "uniqueLocal", "linkLocal", "loopback", "unspecified"].includes(range) ? 0 : 1;
}

/** Both the range name and the score must agree; the input is in the message when they do not. */
function expectSame(inputs: Iterable<string>): number {
  let count = 0;
  for (const input of inputs) {
    expect({ input, range: addressRange(input), score: reachability(input) }).toEqual({ input, range: referenceRange(input), score: referenceReachability(input) });
    count++;
  }
  return count;
}

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Subnet = [ipaddr.IPv4 | ipaddr.IPv6, number];
/** ipaddr.js's own table, flattened in its order (a name holds one subnet or a list of them). */
function ipaddrRanges(kind: "ipv4" | "ipv6"): [string, string][] {
  const table = (kind === "ipv4" ? ipaddr.IPv4 : ipaddr.IPv6).prototype as unknown as { SpecialRanges: Record<string, Subnet | Subnet[]> };
  return Object.entries(table.SpecialRanges).flatMap(([name, value]) => {
    const subnets = Array.isArray(value[0]) ? (value as Subnet[]) : [value as Subnet];
    return subnets.map(([address, prefix]): [string, string] => [name, `${address.kind() === "ipv6" ? (address as ipaddr.IPv6).toRFC5952String() : address.toString()}/${prefix}`]);
  });
}

const ipv4Text = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
const ipv4Number = (text: string) => text.split(".").reduce((v, part) => v * 256 + Number(part), 0);
const toGroups = (n: bigint) => Array.from({ length: 8 }, (_, i) => Number((n >> BigInt(112 - 16 * i)) & 0xffffn));
const fromGroups = (groups: readonly number[]) => groups.reduce((v, g) => (v << 16n) | BigInt(g), 0n);
const ALL_IPV6 = (1n << 128n) - 1n;

/** The ways the dashboard meets an IPv4 address: plain, mapped (both spellings), deprecated-compatible, bracketed, with a zone. */
function ipv4Forms(n: number): string[] {
  const text = ipv4Text(n);
  const hex = `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  return [text, `::ffff:${text}`, `::FFFF:${hex}`, `0:0:0:0:0:ffff:${hex}`, `::${text}`, `[::ffff:${text}]`, `::ffff:${text}%eth0`, `[${text}]`, `${text}%1`, ` ${text} `, `::ffff:0:${text}`];
}
function ipv6Forms(groups: readonly number[]): string[] {
  const address = new ipaddr.IPv6([...groups]);
  const compressed = address.toRFC5952String();
  return [compressed, address.toNormalizedString(), compressed.toUpperCase(), `[${compressed}]`, `${compressed}%eth0`, `[${compressed}%25]`];
}

describe("reachability without ipaddr.js", () => {
  it("keeps ipaddr.js's range tables, in its order", () => {
    expect(IPV4_SPECIAL_RANGES.map(([name, cidr]) => [name, cidr])).toEqual(ipaddrRanges("ipv4"));
    expect(IPV6_SPECIAL_RANGES.map(([name, cidr]) => [name, cidr])).toEqual(ipaddrRanges("ipv6"));
  });

  it("scores public, special and internal addresses", () => {
    expect(reachability("8.8.8.8")).toBe(2);
    expect(reachability("2a00:1450::1")).toBe(2);
    expect(reachability("203.0.113.7")).toBe(1); // documentation
    expect(reachability("100.64.0.1")).toBe(1); // CGNAT
    expect(reachability("2001:db8::1")).toBe(1);
    expect(reachability("10.1.2.3")).toBe(0);
    expect(reachability("::ffff:192.168.1.1")).toBe(0);
    expect(reachability("fd00:10::1")).toBe(0);
    expect(reachability("not an address")).toBe(0);
  });

  it("agrees with ipaddr.js at every range boundary, in every form", () => {
    const inputs: string[] = [];
    for (const [, cidr] of ipaddrRanges("ipv4")) {
      const [base, prefixText] = cidr.split("/");
      const first = ipv4Number(base!);
      const last = first + 2 ** (32 - Number(prefixText)) - 1;
      for (const n of [first - 1, first, last, last + 1]) if (n >= 0 && n <= 0xffffffff) inputs.push(...ipv4Forms(n));
    }
    for (const [, cidr] of ipaddrRanges("ipv6")) {
      const [base, prefixText] = cidr.split("/");
      const first = fromGroups(ipaddr.IPv6.parse(base!).parts);
      const last = first + (1n << BigInt(128 - Number(prefixText))) - 1n;
      for (const n of [first - 1n, first, last, last + 1n]) if (n >= 0n && n <= ALL_IPV6) inputs.push(...ipv6Forms(toGroups(n)));
    }
    expect(expectSame(inputs)).toBeGreaterThan(500);
  });

  it("agrees with ipaddr.js on random addresses (seeded), half of them drawn inside special ranges", () => {
    const random = seeded(18);
    const int = (below: number) => Math.floor(random() * below);
    const ranges4 = ipaddrRanges("ipv4");
    const ranges6 = ipaddrRanges("ipv6");
    const inputs: string[] = [];
    for (let i = 0; i < 3000; i++) {
      let n = int(2 ** 32);
      if (i % 2) {
        const [base, prefix] = ranges4[int(ranges4.length)]![1].split("/");
        const size = 2 ** (32 - Number(prefix));
        n = ipv4Number(base!) + (n % size);
      }
      inputs.push(...ipv4Forms(n));
    }
    for (let i = 0; i < 3000; i++) {
      let groups = Array.from({ length: 8 }, () => int(0x10000));
      if (i % 2) {
        const [base, prefix] = ranges6[int(ranges6.length)]![1].split("/");
        const hostBits = BigInt(128 - Number(prefix));
        groups = toGroups(fromGroups(ipaddr.IPv6.parse(base!).parts) | (fromGroups(groups) & ((1n << hostBits) - 1n)));
      }
      inputs.push(...ipv6Forms(groups));
    }
    expect(expectSame(inputs)).toBeGreaterThan(50_000);
  });

  it("refuses what parseAddress refuses, and reads ipaddr.js's odd forms as it does", () => {
    const odd = [
      "", " ", "[]", "[", "]", "%", "::", ":", ":::", "::1", "[::1]", "[[::1]]", "[ ::1 ]", "::1%", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
      "1:2:3:4:5:6:7:8::", "12345::1", "g::1", ":1", "1:", "1::2:", "::1:", "01.2.3.4", "1.2.3", "1.2.3.4.5", "256.1.1.1", "0x7f.0.0.1", "127.1", "2130706433", "1.2.3.4/32",
      "::ffff:0x7f.0.0.1", "::ffff:0008.8.8.8", "::ffff:8.8.8.0010", "::0x8.8.8.8", "::08.8.8.8", "::10.0.0.1", "::8.8.8.8", "::256.0.0.1", "::ffff:1.2.3", "1::1.2.3.4",
      "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "1:2:3:4:5::1.2.3.4", "::1.2.3.4:5", "1.2.3.4:", "::ffff:1.2.3.4%eth0", "fe80::1%eth0", "[fe80::1]%eth0", "FE80::1",
      "::FFFF:0XC0.0XA8.1.1", "::ffff:99999999999.1.1.1", "2001:db8::1 ", "\t8.8.8.8\n", "8.8.8.8 8.8.8.8", "localhost", "example.com", "-1.0.0.0", "+1.0.0.0", "1e2.0.0.0",
    ];
    expectSame(odd);
  });

  it("agrees with ipaddr.js on junk and near-misses (seeded)", () => {
    const random = seeded(2026);
    const int = (below: number) => Math.floor(random() * below);
    const alphabet = "0123456789abcdefABCDEFx:::...[]% g";
    const valid = ["2001:db8:4b::1131", "::ffff:192.0.2.1", "fe80::1%eth0", "[::1]", "10.0.0.1", "203.0.113.9", "::", "64:ff9b::8.8.8.8", "1:2:3:4:5:6:7:8"];
    const inputs: string[] = [];
    for (let i = 0; i < 5000; i++) inputs.push(Array.from({ length: int(24) }, () => alphabet[int(alphabet.length)]).join(""));
    // Near-misses: a valid address with one to three characters inserted, deleted or replaced.
    for (let i = 0; i < 5000; i++) {
      let text = valid[int(valid.length)]!;
      for (let edits = 1 + int(3); edits > 0; edits--) {
        const at = int(text.length + 1);
        const c = alphabet[int(alphabet.length)]!;
        const op = int(3);
        text = op === 0 ? text.slice(0, at) + c + text.slice(at) : op === 1 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + c + text.slice(at + 1);
      }
      inputs.push(text);
    }
    expectSame(inputs);
  });
});
