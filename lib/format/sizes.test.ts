import { describe, expect, it } from "vitest";
import { formatDecimal, formatMemory, formatStorage } from "./sizes";

describe("sizes", () => {
  it("memory and disks both read in the GB the wizard orders in", () => {
    expect(formatMemory(2048)).toBe("2 GB");
    expect(formatMemory(512)).toBe("0.5 GB");
    expect(formatStorage(20000)).toBe("20 GB");
    expect(formatStorage(25600)).toBe("25.6 GB");
  });
});

describe("formatDecimal writes what Intl.NumberFormat('en') writes", () => {
  const intl = [0, 1, 2, 3].map((digits) => new Intl.NumberFormat("en", { maximumFractionDigits: digits }));
  const same = (n: number) => {
    for (let digits = 0; digits <= 3; digits++) expect(formatDecimal(n, digits), `${n} with ${digits} digits`).toBe(intl[digits]!.format(n));
  };

  it("for counts and the sizes of the inventory", () => {
    for (let n = 0; n <= 25_000; n += 7) same(n);
    for (let mib = 0; mib <= 1_048_576; mib += 257) same(mib / 1024);
    for (let mb = 0; mb <= 4_000_000; mb += 999) same(mb / 1000);
  });

  it("rounding the shortest decimal half away from zero, as ICU does", () => {
    for (const n of [1.005, 1.15, 0.05, 2.5, 0.45, 9.95, 99.995, 999_999.95, 0.0005, 1.0005, 8.345, 1e-7, 1.5e-7, 5e-7, 123_456_789.25]) {
      same(n);
      same(-n);
    }
    expect(formatDecimal(1.005, 2)).toBe("1.01");
    expect(formatDecimal(9.96, 1)).toBe("10");
  });

  it("for signs, zero and what is not a plain decimal", () => {
    for (const n of [0, -0, -0.04, -1_234_567.891, 1e20, 1e21, 2 ** 53 + 2, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, Number.NaN]) same(n);
  });

  it("for random values of every magnitude", () => {
    // A fixed sequence (not Math.random) so that a failure names the same value on every run.
    let seed = 12_345;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5_000; i++) same((next() - 0.3) * 10 ** Math.floor(next() * 12 - 4));
  });
});
