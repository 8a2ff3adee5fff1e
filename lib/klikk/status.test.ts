import { describe, expect, it } from "vitest";
import { isSettled, statusClass, statusLabel, statusTone } from "./status.ts";

describe("statusClass", () => {
  it.each([
    [0, "completed"],
    [100, "payment"],
    [110, "payment"],
    [150, "payment"],
    [199, "payment"],
    [200, "pending"],
    [210, "pending"],
    [299, "pending"],
    [900, "cancelled"],
    [910, "cancelled"],
    [999, "cancelled"],
  ] as const)("%i is %s", (code, cls) => {
    expect(statusClass(code)).toBe(cls);
  });

  it.each([-1, 1, 42, 99, 300, 404, 500, 899, 1000, 1.5, Number.NaN])("%d is unknown", (code) => {
    expect(statusClass(code)).toBe("unknown");
  });
});

describe("statusLabel", () => {
  it.each([
    [0, "Completed"],
    [100, "Payment required"],
    [110, "Processing"],
    [120, "Payment or processing"],
    [200, "Pending creation"],
    [210, "Being provisioned"],
    [250, "Pending creation"],
    [900, "Cancellation scheduled"],
    [910, "Cancelled"],
    [950, "Cancelled"],
    [300, "Unknown (code 300)"],
    [-5, "Unknown (code -5)"],
  ] as const)("%i reads %s", (code, label) => {
    expect(statusLabel(code)).toBe(label);
  });
});

describe("isSettled", () => {
  it("is false while payment or creation is pending", () => {
    for (const code of [100, 110, 199, 200, 210, 299]) expect(isSettled(code)).toBe(false);
  });
  it("is true for completed, cancelled and unknown codes", () => {
    for (const code of [0, 900, 910, 999, 300, 7]) expect(isSettled(code)).toBe(true);
  });
});

describe("statusTone", () => {
  it("tells an open invoice from a paid order being processed; the rest look like their class", () => {
    expect(statusTone(100)).toBe("payment-required");
    expect(statusTone(110)).toBe("processing");
    expect(statusTone(150)).toBe("payment");
    expect(statusTone(210)).toBe("pending");
    expect(statusTone(0)).toBe("completed");
  });
});
