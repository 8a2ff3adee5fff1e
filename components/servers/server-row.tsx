"use client";

import { lazy, memo, Suspense } from "react";
import { RunningBadge } from "@/components/ui/status-badge";
import type { InventoryRow } from "@/lib/servers/inventory";
import { formatCount } from "@/lib/format/numbers";
import { formatMemory, formatStorage } from "@/lib/format/sizes";
import { profileLabel } from "@/lib/servers/profiles";

/** An expanded row's details: not in the first load, which shows no expanded row. */
const ServerDetails = lazy(() => import("@/components/servers/server-details").then((m) => ({ default: m.ServerDetails })));

const cell = "truncate px-3 py-2.5 align-middle";

type RowProps = {
  row: InventoryRow;
  rowIndex: number;
  dataIndex: number;
  expanded: boolean;
  orderId: number | undefined;
  /** The account's label when the table has an Account column, else null. */
  accountLabel: string | null;
  onToggle: (id: number) => void;
  measure: (node: Element | null) => void;
};

/**
 * Memoised: typing in the search box re-renders the table, but rows that stay keep their DOM.
 * Its links are plain <a> elements, followed client-side by one handler on the table's body
 * (ServerTable): a next/link per link ran its hooks and registered its element on every render
 * that changed the row's server, about 2 ms of a search keystroke over 17 rows
 * (bench:compare --first-keystroke). They do not prefetch, as before: every scroll or keystroke
 * brings new rows into view, and prefetching each one's route would cost requests and
 * main-thread time while the user types.
 */
export const ServerRow = memo(function ServerRow({ row, rowIndex, dataIndex, expanded, orderId, accountLabel, onToggle, measure }: RowProps) {
  return (
    <tr ref={measure} data-index={dataIndex} aria-rowindex={rowIndex} data-server-id={row.id} className="border-t border-slate-200 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800/60">
      <th scope="row" className={`${cell} text-left font-medium`}>
        <span className="flex min-w-0 items-center gap-1">
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls={expanded ? `server-detail-${row.id}` : undefined}
            aria-label={`Details of ${row.name}`}
            onClick={() => onToggle(row.id)}
            className="inline-flex size-7 shrink-0 items-center justify-center rounded text-slate-700 hover:bg-slate-200 dark:text-slate-200 dark:hover:bg-slate-700"
          >
            <span aria-hidden="true" className={`inline-block transition-transform ${expanded ? "rotate-90" : ""}`}>
              ▶
            </span>
          </button>
          <a href={`/servers/${row.id}`} className="truncate text-blue-700 underline decoration-blue-700/40 hover:decoration-current dark:text-blue-300 dark:decoration-blue-300/40">
            {row.name}
          </a>
        </span>
      </th>
      <td className={cell}>
        <RunningBadge running={row.running} />
      </td>
      <td className={`${cell} text-right tabular-nums`}>{formatCount(row.cpu)}</td>
      <td className={`${cell} text-right tabular-nums`}>{formatMemory(row.memoryMiB)}</td>
      <td className={`${cell} text-right tabular-nums`}>{formatStorage(row.storageMB)}</td>
      <td className={`${cell} font-mono text-[13px]`} title={row.ipv4 || undefined}>
        {row.ipv4 || <span className="font-sans text-slate-600 dark:text-slate-300">none</span>}
      </td>
      <td className={`${cell} font-mono text-[13px]`} title={row.ipv6 || undefined}>
        {row.ipv6 || <span className="font-sans text-slate-600 dark:text-slate-300">none</span>}
      </td>
      {accountLabel === null ? null : <td className={cell}>{accountLabel}</td>}
      <td className={cell}>{profileLabel(row.profile)}</td>
      <td className={cell}>
        {row.orderItemId === null ? (
          <span className="text-slate-600 dark:text-slate-300">unknown</span>
        ) : orderId !== undefined ? (
          <a href={`/orders/${orderId}`} className="text-blue-700 underline decoration-blue-700/40 hover:decoration-current dark:text-blue-300 dark:decoration-blue-300/40">
            Order {orderId}
            <span className="text-slate-700 dark:text-slate-300"> · item {row.orderItemId}</span>
          </a>
        ) : (
          <span>Item {row.orderItemId}</span>
        )}
      </td>
    </tr>
  );
});

export const DetailRow = memo(function DetailRow({ row, rowIndex, dataIndex, columnCount, measure }: { row: InventoryRow; rowIndex: number; dataIndex: number; columnCount: number; measure: (node: Element | null) => void }) {
  return (
    <tr ref={measure} data-index={dataIndex} aria-rowindex={rowIndex} id={`server-detail-${row.id}`} className="bg-slate-50 dark:bg-slate-950/60">
      <td colSpan={columnCount} className="px-4 py-3 whitespace-normal">
        <Suspense fallback={<p className="text-sm text-slate-600 dark:text-slate-300">Loading details…</p>}>
          <ServerDetails server={row.server} showPageLink />
        </Suspense>
      </td>
    </tr>
  );
});
