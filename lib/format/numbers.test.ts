import { describe, expect, it } from "vitest";
import { countOf, formatMemory, formatStorage, nouns } from "./numbers";

describe("counts and sizes", () => {
  it("plurals follow Intl.PluralRules", () => {
    expect(countOf(1, nouns.server)).toBe("1 server");
    expect(countOf(0, nouns.server)).toBe("0 servers");
    expect(countOf(20013, nouns.server)).toBe("20,013 servers");
    expect(countOf(1, nouns.entry)).toBe("1 entry");
  });

  it("memory and disks both read in the GB the wizard orders in", () => {
    expect(formatMemory(2048)).toBe("2 GB");
    expect(formatMemory(512)).toBe("0.5 GB");
    expect(formatStorage(20000)).toBe("20 GB");
    expect(formatStorage(25600)).toBe("25.6 GB");
  });
});
