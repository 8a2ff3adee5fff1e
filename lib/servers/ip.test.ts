import { describe, expect, it } from "vitest";
import { addressSearchText, compressIpv6, expandIpv6, ipv4SortKey, ipv6SortKey, parseIpv4, parseIpv6 } from "./ip";

describe("parseIpv6", () => {
  it("reads compressed, expanded, mixed-case and embedded-IPv4 forms", () => {
    expect(parseIpv6("2001:db8:4b::1131")).toEqual([0x2001, 0xdb8, 0x4b, 0, 0, 0, 0, 0x1131]);
    expect(parseIpv6("2001:0DB8:004B:0000:0000:0000:0000:1131")).toEqual([0x2001, 0xdb8, 0x4b, 0, 0, 0, 0, 0x1131]);
    expect(parseIpv6("::1")).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6("::")).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIpv6("fd00:10::")).toEqual([0xfd00, 0x10, 0, 0, 0, 0, 0, 0]);
    expect(parseIpv6("::ffff:192.0.2.1")).toEqual([0, 0, 0, 0, 0, 0xffff, 0xc000, 0x201]);
    expect(parseIpv6("[fe80::1%eth0]")).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6("1:2:3:4:5:6:7:8")).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIpv6("1::")).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("refuses what is not an IPv6 address", () => {
    for (const bad of ["", "10.0.0.1", "2001:db8", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "g::1", "12345::1", "::1.2.3", ":1", "1:", ":::1", "1:::2", "1:2:3:4:5:6:7:8::", ":"]) {
      expect(parseIpv6(bad), bad).toBeNull();
    }
  });
});

describe("IPv6 forms", () => {
  it("compresses the longest zero run as RFC 5952 says", () => {
    expect(compressIpv6([0x2001, 0xdb8, 0, 0, 1, 0, 0, 0])).toBe("2001:db8:0:0:1::");
    expect(compressIpv6([0x2001, 0xdb8, 0, 1, 1, 1, 1, 1])).toBe("2001:db8:0:1:1:1:1:1");
    expect(compressIpv6([0, 0, 0, 0, 0, 0, 0, 1])).toBe("::1");
    expect(compressIpv6([0, 0, 0, 0, 0, 0, 0, 0])).toBe("::");
  });

  it("expands to eight four-digit groups", () => {
    expect(expandIpv6([0x2001, 0xdb8, 0x4b, 0, 0, 0, 0, 0x1131])).toBe("2001:0db8:004b:0000:0000:0000:0000:1131");
  });

  it("gives every search form of an address", () => {
    expect(addressSearchText("2001:DB8:4B::1131")).toBe("2001:db8:4b::1131\n2001:0db8:004b:0000:0000:0000:0000:1131");
    expect(addressSearchText("2001:DB8:4B:0::1131")).toBe("2001:db8:4b:0::1131\n2001:db8:4b::1131\n2001:0db8:004b:0000:0000:0000:0000:1131");
    expect(addressSearchText("100.64.17.49")).toBe("100.64.17.49");
    expect(addressSearchText("")).toBe("");
  });
});

describe("sort keys", () => {
  it("orders IPv4 numerically and puts missing addresses last", () => {
    expect(parseIpv4("10.0.0.10")).toBe(167772170);
    expect(parseIpv4("256.0.0.1")).toBeNull();
    const sorted = ["10.0.0.10", "", "10.0.0.9", "9.255.255.255"].sort((a, b) => ipv4SortKey(a) - ipv4SortKey(b) || 0);
    expect(sorted).toEqual(["9.255.255.255", "10.0.0.9", "10.0.0.10", ""]);
  });

  it("orders IPv6 numerically whatever the written form", () => {
    const sorted = ["2001:db8::10", "", "2001:db8::9", "2001:DB8::A"].sort((a, b) => (ipv6SortKey(a) < ipv6SortKey(b) ? -1 : 1));
    expect(sorted).toEqual(["2001:db8::9", "2001:DB8::A", "2001:db8::10", ""]);
  });
});
