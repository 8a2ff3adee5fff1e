import { describe, expect, it } from "vitest";
import { compareNames, naturalKey } from "./natural-order";

const byKey = (a: string, b: string) => Math.sign(naturalKey(a) < naturalKey(b) ? -1 : naturalKey(a) > naturalKey(b) ? 1 : 0);

describe("compareNames", () => {
  it("orders digit runs by value and letters without case", () => {
    const names = ["web-10", "Web-2", "web-1", "edge-1", "web-02", "WEB-1a", "web-1b", "web", "web-", "db9", "db10"];
    expect([...names].sort(compareNames)).toEqual([...names].sort(byKey));
    expect(compareNames("web-2", "web-10")).toBe(-1);
    expect(compareNames("web-02", "web-2")).toBe(0);
  });

  it("agrees with the padded keys on every pair of tricky names", () => {
    // Leading zeros, runs at and beyond the padding, non-ASCII case mapping, punctuation
    // either side of the digits and prefixes of one another.
    const names = [
      "", "a", "A", "a0", "a00", "a1", "a01", "a9", "a10", "a-1", "a_1", "a/1", "a 1", "1", "01", "001a", "0", "00",
      "x123456789012", "x123456789012a", "x1234567890123", "x99999999999", "x000000000001", "x0000000000001",
      "Ärger-1", "ärger-2", "İstanbul", "istanbul", "Σίσυφος", "server-ß", "server-ss", "zz", "~", "{", "@",
    ];
    for (const a of names) for (const b of names) expect(compareNames(a, b), `${a} / ${b}`).toBe(byKey(a, b));
  });

  it("agrees with the padded keys on random names", () => {
    const alphabet = "aAbZ09-1_.é5";
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const random = () => Array.from({ length: Math.floor(next() * 16) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
    for (let n = 0; n < 5_000; n++) {
      const a = random();
      const b = random();
      expect(compareNames(a, b), `${a} / ${b}`).toBe(byKey(a, b));
    }
  });
});
