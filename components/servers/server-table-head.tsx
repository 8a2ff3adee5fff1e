"use client";

import { memo } from "react";
import type { SortDir, SortKey } from "@/lib/servers/view-state";

type Column = { key: SortKey; label: string; width: string; align?: "right" };

export const COLUMNS: Column[] = [
  { key: "name", label: "Name", width: "w-[200px]" },
  { key: "state", label: "State", width: "w-[112px]" },
  { key: "cpu", label: "vCPUs", width: "w-[84px]", align: "right" },
  { key: "memory", label: "Memory", width: "w-[104px]", align: "right" },
  { key: "storage", label: "Storage", width: "w-[112px]", align: "right" },
  { key: "ipv4", label: "IPv4", width: "w-[136px]" },
  { key: "ipv6", label: "IPv6", width: "w-[220px]" },
  { key: "profile", label: "Profile", width: "w-[112px]" },
  { key: "order", label: "Order", width: "w-[150px]" },
];
/** With several accounts in the session (issue 15) an Account column comes before Profile. */
const ACCOUNT_COLUMN: Column = { key: "account", label: "Account", width: "w-[140px]" };
export const COLUMNS_WITH_ACCOUNT: Column[] = [...COLUMNS.slice(0, 7), ACCOUNT_COLUMN, ...COLUMNS.slice(7)];

type Props = { columns: readonly Column[]; sort: SortKey; dir: SortDir; onSort: (key: SortKey) => void };

/**
 * The server table's column widths and sortable headers. Memoised apart from the table, which
 * renders again on every search keystroke: the headers change only with the sort, so a
 * keystroke no longer reconciles and commits their 9 buttons, 10 with the Account column (a new
 * click handler each time).
 */
export const ServerTableHead = memo(function ServerTableHead({ columns, sort, dir, onSort }: Props) {
  return (
    <>
      <colgroup>
        {columns.map((column) => (
          <col key={column.key} className={column.width} />
        ))}
      </colgroup>
      <thead>
        <tr aria-rowindex={1}>
          {columns.map((column) => {
            const active = column.key === sort;
            return (
              <th
                key={column.key}
                scope="col"
                aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
                className={`sticky top-0 z-10 border-b border-slate-300 bg-slate-100 p-0 text-xs font-semibold uppercase tracking-wide text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 ${column.align === "right" ? "text-right" : "text-left"}`}
              >
                <button
                  type="button"
                  onClick={() => onSort(column.key)}
                  className={`flex w-full items-center gap-1 px-3 py-2.5 uppercase hover:bg-slate-200 dark:hover:bg-slate-700 ${column.align === "right" ? "justify-end" : ""}`}
                >
                  {column.label}
                  <span aria-hidden="true" className={active ? "" : "opacity-40"}>
                    {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
                  </span>
                  <span className="sr-only">{active ? `, sorted ${dir === "asc" ? "ascending" : "descending"}; sort ${dir === "asc" ? "descending" : "ascending"}` : ", sort"}</span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
    </>
  );
});
