/**
 * Dates and times, one way everywhere: the viewer's locale and time zone, one clock style
 * (hours and minutes, the locale's own 12/24-hour habit), and relative phrases ("ends in 12
 * days") with the exact date kept for a tooltip. Pure functions with the locale and zone as
 * arguments, so they are unit-tested without a browser; components/ui/time.tsx applies them.
 */

export type Where = { locale?: string; timeZone?: string };

/** The one clock style: "5:42 AM" in en-US, "05:42" in de-DE. */
const CLOCK: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };
const DATE: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric" };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "clock" | "date" | "dateTime", where: Where): Intl.DateTimeFormat {
  const key = `${kind}|${where.locale ?? ""}|${where.timeZone ?? ""}`;
  let f = formatters.get(key);
  if (!f) {
    const options = kind === "clock" ? CLOCK : kind === "date" ? DATE : { ...DATE, ...CLOCK };
    f = new Intl.DateTimeFormat(where.locale, { ...options, timeZone: where.timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** A date from an ISO string or epoch milliseconds; null when it is not a valid time. */
export function toDate(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Dec 12, 2026, 6:12 AM" */
export function formatDateTime(date: Date, where: Where = {}): string {
  return formatter("dateTime", where).format(date);
}

/** "Dec 12, 2026" */
export function formatDate(date: Date, where: Where = {}): string {
  return formatter("date", where).format(date);
}

/** "6:12 AM" */
export function formatClock(date: Date, where: Where = {}): string {
  return formatter("clock", where).format(date);
}

/** Days up to two months ("in 45 days" says more than "next month"), then months and years. */
const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ["year", 365 * 24 * 3600_000, 2],
  ["month", 30 * 24 * 3600_000, 2],
  ["day", 24 * 3600_000, 1],
  ["hour", 3600_000, 1],
  ["minute", 60_000, 1],
  ["second", 1000, 1],
];

// One per locale, as for the formatters above: an order list calls this once per row.
const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormatter(locale: string): Intl.RelativeTimeFormat {
  let f = relativeFormatters.get(locale);
  if (!f) relativeFormatters.set(locale, (f = new Intl.RelativeTimeFormat(locale, { numeric: "always" })));
  return f;
}

/**
 * "in 12 days", "3 hours ago", "now": the largest unit that fits, rounded towards zero so
 * "ends in 12 days" never overstates how long is left. English phrases: the dashboard's text is
 * English, and a sentence mixing languages reads worse than an English date.
 */
export function formatRelative(date: Date, now: Date, locale = "en"): string {
  const diff = date.getTime() - now.getTime();
  const rtf = relativeFormatter(locale);
  for (const [unit, ms, least] of UNITS) {
    const amount = Math.trunc(diff / ms);
    if (Math.abs(amount) >= least) return rtf.format(amount, unit);
  }
  return "now";
}

/**
 * Any ISO 8601 timestamp inside a text, as upstream messages carry them ("Cancellation
 * scheduled for the end of the period (2026-12-12T06:12:25.951Z)"). Date-only strings are left
 * alone; a timestamp needs a time part.
 */
export const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g;

/** Splits a text into plain parts and the timestamps inside it, in order. */
export function splitTimestamps(text: string): ({ text: string } | { date: Date; raw: string })[] {
  const parts: ({ text: string } | { date: Date; raw: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(ISO_TIMESTAMP)) {
    const date = toDate(match[0]);
    if (!date) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ date, raw: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
