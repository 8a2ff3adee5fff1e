import { describe, expect, it } from "vitest";
import { mergeSearch, readSearch } from "./search-state";

const defaults = { status: "all", q: "", sort: "newest" };

describe("list state in the URL", () => {
  it("reads values with defaults for what the URL leaves out", () => {
    expect(readSearch(new URLSearchParams("status=payment"), defaults)).toEqual({ status: "payment", q: "", sort: "newest" });
  });

  it("drops defaults and empty values, keeps unrelated parameters", () => {
    expect(mergeSearch("status=payment&orderItemId=7", { status: "all", q: "" }, defaults)).toBe("orderItemId=7");
    expect(mergeSearch("", { q: "web 1" }, defaults)).toBe("q=web+1");
  });

  it("two quick changes both land: each merges into the URL the previous one wrote", () => {
    // The hook reads window.location.search, which pushState updates synchronously; this is
    // the same sequence without a browser: the second change starts from the first's result.
    let location = "";
    const update = (changes: Partial<typeof defaults>) => (location = mergeSearch(location, changes, defaults));
    update({ status: "completed" });
    update({ sort: "id-asc" });
    expect(location).toBe("status=completed&sort=id-asc");
    // A stale copy of the URL (what a render-time snapshot would hold) would have lost the filter.
    expect(mergeSearch("", { sort: "id-asc" }, defaults)).toBe("sort=id-asc");
  });
});
