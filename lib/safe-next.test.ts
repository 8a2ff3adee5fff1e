import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next";

describe("safeNextPath", () => {
  it.each([
    ["/orders?status=payment", "/orders?status=payment"],
    ["/servers/4401#disks", "/servers/4401#disks"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([null, "", "https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "/login", "/login?next=/x", "orders", "/\u0000x", "/.//evil.example/x", "/..//evil.example/x", "/%2e//evil.example/x", "/%2E%2E//evil.example", "/./\\evil.example"])(
    "falls back to / for %s",
    (input) => {
      expect(safeNextPath(input)).toBe("/");
    },
  );
});
