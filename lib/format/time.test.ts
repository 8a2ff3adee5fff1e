import { describe, expect, it } from "vitest";
import { formatClock, formatDateTime, formatRelative, ISO_TIMESTAMP, splitTimestamps, toDate } from "./time";

const utc = { locale: "en-US", timeZone: "UTC" };

describe("time formatting", () => {
  it("uses one clock style for times and date-times", () => {
    const date = new Date("2026-12-12T06:12:25.951Z");
    expect(formatClock(date, utc)).toBe("6:12 AM");
    expect(formatDateTime(date, utc)).toBe("Dec 12, 2026, 6:12 AM");
    expect(formatClock(date, { locale: "de-DE", timeZone: "Europe/Berlin" })).toBe("7:12");
  });

  it("reads ISO strings and epoch milliseconds; rejects nonsense", () => {
    expect(toDate("2026-12-12T06:12:25Z")?.getTime()).toBe(Date.UTC(2026, 11, 12, 6, 12, 25));
    expect(toDate(0)?.getTime()).toBe(0);
    expect(toDate("soon")).toBeNull();
    expect(toDate(undefined)).toBeNull();
  });

  it("says relative times in the largest unit, never overstating what is left", () => {
    const now = new Date("2026-11-30T00:00:00Z");
    expect(formatRelative(new Date("2026-12-12T06:00:00Z"), now)).toBe("in 12 days");
    expect(formatRelative(new Date("2026-11-29T21:00:00Z"), now)).toBe("3 hours ago");
    expect(formatRelative(new Date("2026-11-30T00:00:00.400Z"), now)).toBe("now");
    expect(formatRelative(new Date("2026-11-30T00:00:59Z"), now)).toBe("in 59 seconds");
    expect(formatRelative(new Date("2027-03-01T00:00:00Z"), now)).toBe("in 3 months");
    expect(formatRelative(new Date("2026-12-01T00:00:00Z"), now)).toBe("in 1 day");
  });

  it("finds ISO timestamps inside upstream messages", () => {
    const parts = splitTimestamps("Cancellation scheduled for the end of the period (2026-12-12T06:12:25.951Z)");
    expect(parts).toHaveLength(3);
    expect(parts[0]).toEqual({ text: "Cancellation scheduled for the end of the period (" });
    expect(parts[1]).toMatchObject({ raw: "2026-12-12T06:12:25.951Z" });
    expect(parts[2]).toEqual({ text: ")" });
    expect(splitTimestamps("no time here")).toEqual([{ text: "no time here" }]);
    expect("2026-12-12".match(ISO_TIMESTAMP)).toBeNull();
    expect("at 2026-12-12T06:12+01:00".match(ISO_TIMESTAMP)).toEqual(["2026-12-12T06:12+01:00"]);
  });
});
