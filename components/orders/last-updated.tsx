import { Clock } from "@/components/ui/time";

/**
 * "Updated 6:15 AM" and whether the page is still watching. Not a live region: it changes
 * every few seconds and would drown out everything else for screen readers.
 */
export function LastUpdated({ updatedAt, live, fetching }: { updatedAt: number; live: boolean; fetching: boolean }) {
  if (!updatedAt) return null;
  return (
    <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="last-updated">
      Updated <Clock value={updatedAt} />
      {" · "}
      {live ? (fetching ? "checking for changes…" : "live: checking while orders are in progress") : "all shown orders have settled"}
    </p>
  );
}
