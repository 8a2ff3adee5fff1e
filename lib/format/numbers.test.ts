import { describe, expect, it } from "vitest";
import { countOf, formatCount, groupThousands, nouns, pluralForm } from "./numbers";

describe("counts and plurals", () => {
  it("plurals follow Intl.PluralRules('en')", () => {
    const rules = new Intl.PluralRules("en");
    for (const n of [0, 1, -1, 2, 1.5, 0.5, 1.01, 11, 21, 101, 1_000_001, -0, -2]) {
      expect(pluralForm(n, nouns.server), String(n)).toBe(rules.select(n) === "one" ? "server" : "servers");
    }
    expect(countOf(1, nouns.server)).toBe("1 server");
    expect(countOf(0, nouns.server)).toBe("0 servers");
    expect(countOf(20013, nouns.server)).toBe("20,013 servers");
    expect(countOf(2, { one: "entry", other: "entries" })).toBe("2 entries");
  });

  it("counts read as Intl.NumberFormat('en') writes them", () => {
    const intl = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
    for (let n = 0; n <= 1_100_000; n += 37) {
      expect(formatCount(n), String(n)).toBe(intl.format(n));
      expect(formatCount(-n), String(-n)).toBe(intl.format(-n));
    }
    for (const n of [999, 1000, 999_999, 1_000_000, 2 ** 53 - 1, 2.5, -2.5, 0.5, 1234.49]) expect(formatCount(n), String(n)).toBe(intl.format(n));
  });

  it("groups any run of digits by three", () => {
    expect(groupThousands("1")).toBe("1");
    expect(groupThousands("1234567")).toBe("1,234,567");
    expect(groupThousands("100")).toBe("100");
  });
});
