import { describe, expect, it } from "vitest";
import ipaddr from "ipaddr.js";
import { allowListContains, displayAddress, ipv4Number, ipv6Compressed, ipv6Expanded, ipv6Groups, isPublicAddress, normalizeAddress, parseRange } from "./ip";

describe("the IP module", () => {
  it("normalises every written form to one", () => {
    expect(normalizeAddress("2001:DB8:4B:0:0:0:0:1131")).toBe("2001:db8:4b::1131");
    expect(normalizeAddress("[2001:db8::1]")).toBe("2001:db8::1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("1")).toBeNull();
    expect(normalizeAddress("300.1.1.1")).toBeNull();
    expect(displayAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(displayAddress("unknown")).toBe("unknown");
  });

  it("reads ranges and refuses prefixes that do not fit", () => {
    expect(parseRange("10.0.0.0/8")?.prefix).toBe(8);
    expect(parseRange("2001:db8::/129")).toBeNull();
    expect(parseRange("10.0.0.0/33")).toBeNull();
    expect(parseRange("10.0.0.0/x")).toBeNull();
  });

  it("matches allow lists, mapped IPv4 as IPv4", () => {
    const allow = ["127.0.0.0/8", "::1", "2001:db8:ffff::/48"];
    expect(allowListContains(allow, "127.0.0.1")).toBe(true);
    expect(allowListContains(allow, "::ffff:127.0.0.1")).toBe(true);
    expect(allowListContains(allow, "::1")).toBe(true);
    expect(allowListContains(allow, "2001:db8:ffff:1::5")).toBe(true);
    expect(allowListContains(allow, "203.0.113.9")).toBe(false);
    expect(allowListContains(["not an address"], "127.0.0.1")).toBe(false);
  });

  it("tells public addresses from private and special ones", () => {
    expect(isPublicAddress("8.8.8.8")).toBe(true);
    expect(isPublicAddress("2a00:1450::1")).toBe(true);
    expect(isPublicAddress("10.1.2.3")).toBe(false);
    expect(isPublicAddress("fd00:10::1")).toBe(false);
    expect(isPublicAddress("100.64.0.1")).toBe(false);
  });
});

describe("the inventory's fast scanner agrees with ipaddr.js", () => {
  const samples = ["2001:db8:4b::1131", "2001:0DB8:004B:0000:0000:0000:0000:1131", "::1", "::", "fd00:10::", "::ffff:192.0.2.1", "1::", "1:2:3:4:5:6:7:8", "2001:db8:0:0:1::", "fe80::1:2:3:4:5"];
  it.each(samples)("%s", (text) => {
    const reference = ipaddr.IPv6.parse(text);
    expect(ipv6Groups(text)).toEqual(reference.parts);
    expect(ipv6Compressed(reference.parts)).toBe(reference.toRFC5952String());
    expect(ipv6Expanded(reference.parts)).toBe((reference as unknown as { toFixedLengthString(): string }).toFixedLengthString());
  });

  it("refuses what ipaddr.js refuses", () => {
    for (const bad of ["", "10.0.0.1", "2001:db8", "1::2::3", "1:2:3:4:5:6:7:8:9", "g::1", "12345::1", ":1", "1:", ":::1"]) {
      expect(ipv6Groups(bad), bad).toBeNull();
      expect(ipaddr.IPv6.isValid(bad), bad).toBe(false);
    }
    expect(ipv4Number("10.0.0.10")).toBe(ipaddr.IPv4.parse("10.0.0.10").toByteArray().reduce((v, b) => v * 256 + b, 0));
  });
});
