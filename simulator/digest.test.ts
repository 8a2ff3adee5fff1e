import { describe, expect, it } from "vitest";
import { NonceService, computeDigestResponse, digestHa1, parseAlgorithm, parseAuthParams, safeEqual } from "./digest.ts";

describe("RFC 7616 section 3.9.1 example", () => {
  const v = {
    username: "Mufasa",
    password: "Circle of Life",
    realm: "http-auth@example.org",
    uri: "/dir/index.html",
    nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
    cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
    nc: "00000001",
    method: "GET",
  };
  it.each([
    ["SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"],
    ["MD5", "8ca523f5e9506fed4657c9700eebdbec"],
  ] as const)("verifies the %s response", (algorithm, expected) => {
    const ha1 = digestHa1(algorithm, v.username, v.realm, v.password);
    const response = computeDigestResponse({ algorithm, ha1, nonce: v.nonce, cnonce: v.cnonce, nc: v.nc, qop: "auth", method: v.method, uri: v.uri });
    expect(response).toBe(expected);
    expect(safeEqual(response, expected)).toBe(true);
    expect(safeEqual(response, expected.replace(/.$/, "0"))).toBe(false);
  });

  it("parses the example Authorization header", () => {
    const p = parseAuthParams(
      `username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`,
    );
    expect(p).toMatchObject({ username: "Mufasa", algorithm: "SHA-256", nc: "00000001", qop: "auth", opaque: "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS" });
  });
});

describe("parseAuthParams", () => {
  it("handles escapes, spaces and empty items", () => {
    expect(parseAuthParams(`a="x\\"y", , b=tok ,c = "z"`)).toEqual({ a: 'x"y', b: "tok", c: "z" });
  });
  it.each([`a="open`, `a`, `=x`, `a=1 b=2`, `a=1, a=2`])("refuses %j", (s) => expect(parseAuthParams(s)).toBeNull());
});

describe("parseAlgorithm", () => {
  it("defaults to MD5 and is case-insensitive", () => {
    expect(parseAlgorithm(undefined)).toBe("MD5");
    expect(parseAlgorithm("sha-256-SESS")).toBe("SHA-256-sess");
    expect(parseAlgorithm("SHA-512-256")).toBeNull();
  });
});

describe("NonceService", () => {
  it("issues nonces it recognises, and only those", () => {
    let now = 1_000_000;
    const s = new NonceService({ ttlMs: 1000, now: () => now });
    const n = s.issue();
    expect(s.check(n)).toBe("ok");
    expect(s.check(n.slice(0, -2) + (n.endsWith("A") ? "BB" : "AA"))).toBe("invalid");
    expect(s.check("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v")).toBe("invalid");
    expect(new NonceService({ ttlMs: 1000, now: () => now }).check(n)).toBe("invalid");
    now += 1001;
    expect(s.check(n)).toBe("stale");
  });
  it("requires nc to grow per nonce", () => {
    const s = new NonceService({ ttlMs: 1000, now: () => 5 });
    const a = s.issue();
    const b = s.issue();
    expect(s.useNc(a, 1)).toBe(true);
    expect(s.useNc(a, 1)).toBe(false);
    expect(s.useNc(b, 1)).toBe(true);
    expect(s.useNc(a, 3)).toBe(true);
    expect(s.useNc(a, 2)).toBe(false);
  });
  it("stays bounded, and an evicted nonce can never be replayed", () => {
    let now = 10;
    const s = new NonceService({ ttlMs: 100_000, now: () => now, maxTracked: 3 });
    const first = s.issue();
    s.useNc(first, 1);
    for (let i = 0; i < 5; i++) {
      now++;
      s.useNc(s.issue(), 1);
    }
    expect(s.trackedCount).toBe(3);
    expect(s.check(first)).toBe("stale");
    now++;
    expect(s.check(s.issue())).toBe("ok");
  });
});
