import { describe, expect, it } from "vitest";
import { medians } from "./bench-inventory.ts";

describe("bench:inventory's first render figures", () => {
  it("takes the time from the navigation per load, not as the sum of two medians", () => {
    // Loads whose last byte came at 100, 300 and 200 ms and whose rows painted 300, 100 and 250 ms
    // later: 400, 400 and 450 ms from the navigation. The sum of the medians would say 450.
    const figures = medians([
      { responseEnd: 100, paint: 300, commit: 280, dataToRows: 60 },
      { responseEnd: 300, paint: 100, commit: 90, dataToRows: 40 },
      { responseEnd: 200, paint: 250, commit: 230, dataToRows: 50 },
    ]);
    expect(figures).toEqual({ commitMs: 230, paintMs: 250, dataToRowsMs: 50, navigationToPaintMs: 400, responseEndMs: 200 });
  });
});
