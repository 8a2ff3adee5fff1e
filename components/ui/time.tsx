"use client";

import { useSyncExternalStore } from "react";
import { formatClock, formatDateTime, formatRelative, splitTimestamps, toDate, type Where } from "@/lib/format/time";

const subscribeNever = () => () => {};

/**
 * The server renders the page before it knows the browser's locale and zone, so the HTML and
 * the hydration render say times in UTC, saying so; right after hydration every time switches
 * to the viewer's own locale and zone. Rendering local times on the server would either show
 * the server's zone or make React throw away the HTML on a mismatch.
 */
function useWhere(): { where: Where; suffix: string } {
  const hydrated = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  return hydrated ? { where: {}, suffix: "" } : { where: { locale: "en-US", timeZone: "UTC" }, suffix: " UTC" };
}

type Value = string | number | Date | null | undefined;

/**
 * One shared "now" for relative phrases, moved on every 30 s while anything shows one, so
 * "in 12 minutes" does not stand still and every phrase on the page agrees.
 */
const clock = {
  now: 0,
  listeners: new Set<() => void>(),
  timer: null as ReturnType<typeof setInterval> | null,
};
function subscribeNow(listener: () => void) {
  clock.listeners.add(listener);
  if (!clock.timer) {
    clock.now = Date.now();
    clock.timer = setInterval(() => {
      clock.now = Date.now();
      for (const l of clock.listeners) l();
    }, 30_000);
  }
  return () => {
    clock.listeners.delete(listener);
    if (clock.listeners.size === 0 && clock.timer) {
      clearInterval(clock.timer);
      clock.timer = null;
    }
  };
}
function useNow(): number {
  return useSyncExternalStore(
    subscribeNow,
    () => clock.now || (clock.now = Date.now()),
    () => 0,
  );
}

function Missing() {
  return <span className="text-slate-600 dark:text-slate-300">not given</span>;
}

/** "Dec 12, 2026, 6:12 AM", kept exact in `<time dateTime>`. */
export function DateTime({ value }: { value: Value }) {
  const { where, suffix } = useWhere();
  const date = toDate(value);
  if (!date) return <Missing />;
  return (
    <time dateTime={date.toISOString()}>
      {formatDateTime(date, where)}
      {suffix}
    </time>
  );
}

/** "6:12 AM": for times of today, such as when a list was last updated. */
export function Clock({ value }: { value: Value }) {
  const { where, suffix } = useWhere();
  const date = toDate(value);
  if (!date) return <Missing />;
  return (
    <time dateTime={date.toISOString()}>
      {formatClock(date, where)}
      {suffix}
    </time>
  );
}

/** "in 12 days" / "3 hours ago"; the exact date and time on hover (title) and in `dateTime`. */
export function Relative({ value }: { value: Value }) {
  const { where, suffix } = useWhere();
  const now = useNow();
  const date = toDate(value);
  if (!date) return <Missing />;
  const exact = `${formatDateTime(date, where)}${suffix}`;
  // "Now" differs between the server and the browser, so the HTML carries the exact time and
  // the phrase follows on hydration.
  return (
    <time dateTime={date.toISOString()} title={exact}>
      {suffix ? exact : formatRelative(date, new Date(now))}
    </time>
  );
}

/**
 * A text from the API with any ISO timestamps in it said as dates: "Cancellation scheduled for
 * the end of the period (in 12 days)" with the date on hover.
 */
export function ApiText({ text }: { text: string | undefined }) {
  if (!text) return null;
  const parts = splitTimestamps(text);
  if (parts.length === 1 && "text" in parts[0]!) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) => ("text" in part ? <span key={i}>{part.text}</span> : <Relative key={i} value={part.date} />))}
    </>
  );
}
