"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import { Button } from "@/components/ui/button-core";
import { activityCsvColumns } from "@/lib/activity/columns";
import { ACTIVITY_KINDS, type ActivityEntry, type ActivityKind } from "@/lib/activity/kinds";
import { downloadCsv } from "@/lib/export";
import { DateTime } from "@/components/ui/time";

/** What an event was about, in a few words: the order and its servers, or the detail. */
function subject(entry: ActivityEntry) {
  const parts: string[] = [];
  if (entry.orderId) parts.push(`Order ${entry.orderId}${entry.itemId ? `, item ${entry.itemId}` : ""}`);
  if (entry.items?.length) parts.push(entry.items.join(", "));
  if (entry.reference) parts.push(`reference “${entry.reference}”`);
  if (entry.detail) parts.push(entry.detail);
  return parts.join(" · ");
}

export function ActivityList({ entries, kind }: { entries: ActivityEntry[]; kind: ActivityKind | null }) {
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600 dark:text-slate-300" role="status">
          {entries.length === 0 ? "No events" : entries.length === 1 ? "1 event" : `${entries.length} events`}
          {kind ? ` of the kind “${ACTIVITY_KINDS[kind]}”` : ""}, newest first.
        </p>
        <Button variant="secondary" size="sm" disabled={entries.length === 0} onClick={() => downloadCsv(`klikk-activity${kind ? `-${kind}` : ""}.csv`, entries, activityCsvColumns)}>
          Export CSV
        </Button>
      </div>
      {entries.length > 0 ? (
        <ol aria-label="Activity" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-700 dark:border-slate-700 dark:bg-slate-900">
          {entries.map((entry) => (
            <li key={entry.id} className="grid gap-1 p-3 sm:grid-cols-[11rem_12rem_1fr] sm:gap-3">
              <span className="text-sm text-slate-600 dark:text-slate-300">
                <DateTime value={entry.at} />
              </span>
              <span className="font-medium">{ACTIVITY_KINDS[entry.kind]}</span>
              <span className="min-w-0 text-sm break-words">
                {entry.orderId ? (
                  <Link className="text-blue-700 underline dark:text-blue-300" href={`/orders/${entry.orderId}`}>
                    {subject(entry)}
                  </Link>
                ) : (
                  subject(entry)
                )}
                <span className="block text-xs text-slate-600 dark:text-slate-300">
                  {[entry.accountLabel ? `Account: ${entry.accountLabel}` : null, entry.username, entry.browser, entry.clientAddress].filter(Boolean).join(" · ")}
                </span>
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
