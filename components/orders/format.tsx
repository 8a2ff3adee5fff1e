/** Dates shown in the viewer's locale, always inside <time dateTime> so the exact value is kept. */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

export function OrderTime({ iso }: { iso: string | undefined }) {
  if (!iso) return <span className="text-slate-600 dark:text-slate-300">Not given</span>;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  return <time dateTime={date.toISOString()}>{dateTime.format(date)}</time>;
}

/**
 * "Updated hh:mm:ss" and whether the page is still watching. Not a live region: it changes
 * every few seconds and would drown out everything else for screen readers.
 */
export function LastUpdated({ updatedAt, live, fetching }: { updatedAt: number; live: boolean; fetching: boolean }) {
  if (!updatedAt) return null;
  const date = new Date(updatedAt);
  return (
    <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="last-updated">
      Updated <time dateTime={date.toISOString()}>{clock.format(date)}</time>
      {" · "}
      {live ? (fetching ? "checking for changes…" : "live: checking while orders are in progress") : "all shown orders have settled"}
    </p>
  );
}
