import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next";

describe("safeNextPath", () => {
  it.each([
    ["/orders?status=payment", "/orders?status=payment"],
    ["/servers/4401#disks", "/servers/4401#disks"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([null, "", "https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "/login", "/login?next=/x", "orders", "/\u0000x"])(
    "falls back to / for %s",
    (input) => {
      expect(safeNextPath(input)).toBe("/");
    },
  );
});
