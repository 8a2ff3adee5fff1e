"use client";

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * A moment in the browser's locale and time zone. The server renders it in its own, so the text
 * may change on hydration; React is told that this is expected.
 */
export function LocalTime({ at }: { at: number }) {
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()} suppressHydrationWarning>
      {dateTime.format(date)}
    </time>
  );
}
