import { DateTime } from "@/components/ui/time";
import { ACTIVITY_KINDS, type ActivityEntry } from "@/lib/activity/kinds";

/** The recorded events of one order, oldest first (see OrderActivity). */
export function OrderActivityList({ events }: { events: readonly ActivityEntry[] }) {
  return (
    <section aria-labelledby="order-activity-title" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <h2 id="order-activity-title" className="text-base font-semibold">
        From this dashboard
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {[...events].reverse().map((event) => (
          <li key={event.id}>
            {ACTIVITY_KINDS[event.kind]}
            {event.itemId ? ` (item ${event.itemId})` : ""} by {event.username ?? "the account token"} on <DateTime value={event.at} />
            <span className="text-slate-600 dark:text-slate-300"> · {[event.browser, event.clientAddress].filter(Boolean).join(", ")}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
