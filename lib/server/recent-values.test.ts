import { describe, expect, it } from "vitest";
import { RecentValues } from "./recent-values";

describe("RecentValues", () => {
  it("keeps a value, null included, for its time to live", () => {
    const recent = new RecentValues<string | null>(10, 1_000);
    recent.set("a", null, 0);
    expect(recent.get("a", 999)).toMatchObject({ value: null });
    expect(recent.get("a", 1_000)).toBeUndefined();
    expect(recent.get("b", 0)).toBeUndefined();
  });

  it("drops the oldest once full; setting a key again makes it the newest", () => {
    const recent = new RecentValues<number>(2);
    recent.set("a", 1);
    recent.set("b", 2);
    recent.set("a", 3);
    recent.set("c", 4);
    expect(recent.get("b")).toBeUndefined();
    expect(recent.get("a")?.value).toBe(3);
    expect(recent.get("c")?.value).toBe(4);
  });
});
