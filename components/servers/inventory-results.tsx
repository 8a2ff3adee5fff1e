"use client";

import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { InventoryPlaceholder } from "@/components/servers/inventory-placeholder";
import { InventorySummary } from "@/components/servers/inventory-summary";
import { ServerCards } from "@/components/servers/server-cards";
import { ServerTable } from "@/components/servers/server-table";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { PHONE_QUERY, useMediaQuery } from "@/components/ui/use-media-query";
import { Button, ButtonLink } from "@/components/ui/button";
import { downloadCsv, downloadJson } from "@/lib/export";
import { useOrdersQuery } from "@/lib/queries/orders";
import { listenToServerDownloads, useServersQuery } from "@/lib/queries/servers";
import { countOf, formatCount, nouns } from "@/lib/format/numbers";
import { inventoryCsvColumns } from "@/lib/servers/columns";
import { refineRows, rowsOf, sortRows, warmSearchText } from "@/lib/servers/inventory";
import type { RunningFilter, SortDir, SortKey } from "@/lib/servers/view-state";
import { orderIdsByItem } from "@/lib/servers/orders";
import { RowsBuilder } from "@/lib/servers/rows-builder";

// This code loads while the list downloads: its rows are made as the servers arrive.
listenToServerDownloads(() => new RowsBuilder());

type Props = {
  orderItemId: number | undefined;
  /** The search box's text. */
  text: string;
  running: RunningFilter;
  profile: string;
  account: string;
  sort: SortKey;
  dir: SortDir;
  onSort: (key: SortKey) => void;
  onClearFilters: () => void;
  /** Labels for an Account column and chart; null when the session has one account. */
  accountLabel: ((key: string) => string) | null;
};

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Everything of the inventory that needs the servers: rows, sort and search, the table or the
 * cards, the totals and the exports. Loaded apart from the page (server-inventory.tsx), and it
 * reads the server list itself, so the list arriving while this part is still hydrating does
 * not pass it new props.
 */
export function InventoryResults({ orderItemId, text, running, profile, account, sort, dir, onSort, onClearFilters, accountLabel }: Props) {
  const serversQuery = useServersQuery(orderItemId);
  const ordersQuery = useOrdersQuery();
  const phone = useMediaQuery(PHONE_QUERY);

  // Once per data load: the rows. Once per sort: the order. Per keystroke a linear filter over
  // precomputed strings, over what the previous key left when the query grew (refineRows). It
  // runs in the keystroke's own render, not a deferred one: at a few milliseconds for 20,000
  // servers, deferring only added a task and usually a frame (the input's) before the table.
  const data = serversQuery.data;
  const rows = useMemo(() => (data ? rowsOf(data) : []), [data]);
  const sorted = useMemo(() => sortRows(rows, sort, dir), [rows, sort, dir]);
  const visible = useMemo(() => refineRows(sorted, { query: text, running, profile, account }), [sorted, text, running, profile, account]);
  const orders = ordersQuery.data;
  const orderIds = useMemo(() => (orders ? orderIdsByItem(orders) : new Map<number, number>()), [orders]);
  const filtered = visible.length !== rows.length;
  // The totals follow in a render of their own, after the table: a keystroke's render shows the
  // rows a person is looking for without first summing up to 20,000 servers' resources (the
  // summary is folded under the list, and memoised on its rows, so the urgent render skips it).
  const summaryRows = useDeferredValue(visible);

  // Build the search index in idle slices after the first paint, so the first keystroke finds it ready.
  useEffect(() => {
    if (rows.length === 0) return;
    const schedule =
      typeof window.requestIdleCallback === "function"
        ? (next: () => void) => void window.requestIdleCallback(next, { timeout: 500 })
        : (next: () => void) => void setTimeout(next, 0);
    return warmSearchText(rows, schedule, 8, () => performance.mark("inventory:search-ready"));
  }, [rows]);

  // Marks for `npm run bench:inventory`: when the data arrived and when its first rows were in
  // the DOM (the table's or cards' own layout effects have run by now).
  const dataUpdatedAt = serversQuery.dataUpdatedAt;
  const marked = useRef(false);
  useLayoutEffect(() => {
    if (marked.current || rows.length === 0) return;
    marked.current = true;
    performance.mark("inventory:data", { startTime: Math.max(0, dataUpdatedAt - performance.timeOrigin) });
    performance.mark("inventory:rows-committed");
    requestAnimationFrame(() => setTimeout(() => performance.mark("inventory:rows-painted"), 0));
  }, [rows, dataUpdatedAt]);

  const csvColumns = useMemo(() => inventoryCsvColumns(orderIds, accountLabel ?? undefined), [orderIds, accountLabel]);
  const scope = orderItemId !== undefined ? `-item-${orderItemId}` : "";

  if (serversQuery.isPending) return <InventoryPlaceholder />;
  if (serversQuery.isError && !data) return <QueryErrorAlert title="The servers could not be loaded" query={serversQuery} />;

  const countText =
    rows.length === 0 ? "" : filtered ? `Showing ${formatCount(visible.length)} of ${countOf(rows.length, nouns.server)}` : rows.length === 1 ? "Showing the only server" : `Showing all ${countOf(rows.length, nouns.server)}`;

  return (
    <>
      {serversQuery.isError ? (
        <QueryErrorAlert tone="warning" title="Could not refresh the servers" query={serversQuery} note="The list shows what was loaded before." className="mb-4" />
      ) : null}
      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-600">
          <h2 className="text-lg font-semibold">{orderItemId !== undefined ? `No servers for order item ${orderItemId} yet` : "No servers yet"}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            {orderItemId !== undefined ? "A server appears here once its order item is completed." : "Servers appear here once an order is completed."}
          </p>
          <ButtonLink href="/orders/new" className="mt-4">
            Order a server
          </ButtonLink>
        </div>
      ) : (
        <>
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <p role="status" aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300" data-testid="result-count">
              {countText}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" size="sm" pending={serversQuery.isFetching} onClick={() => void serversQuery.refetch()}>
                Refresh
              </Button>
              <Button variant="secondary" size="sm" disabled={visible.length === 0} onClick={() => downloadCsv(`servers${scope}-${today()}.csv`, visible, csvColumns)}>
                Export CSV
              </Button>
              <Button variant="secondary" size="sm" disabled={visible.length === 0} onClick={() => downloadJson(`servers${scope}-${today()}.json`, visible.map((r) => r.server))}>
                Export JSON
              </Button>
            </div>
          </div>
          {visible.length === 0 ? (
            <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-600">
              <h2 className="text-lg font-semibold">No servers match</h2>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Nothing matches the search and filters. Check the spelling or show everything again.</p>
              <Button variant="secondary" className="mt-4" onClick={onClearFilters}>
                Clear search and filters
              </Button>
            </div>
          ) : (
            <>
              {/* Until the width is known (server, hydration) both are rendered and CSS picks one. */}
              {phone !== true ? (
                <ServerTable
                  rows={visible}
                  allRowCount={rows.length}
                  sort={sort}
                  dir={dir}
                  onSort={onSort}
                  orderIds={orderIds}
                  accountLabel={accountLabel}
                  className={phone === null ? "hidden sm:block" : ""}
                  caption={`Servers: ${countText}. Column headers sort the table; the button before each name shows its networks and disks.`}
                />
              ) : null}
              {phone !== false ? <ServerCards rows={visible} orderIds={orderIds} accountLabel={accountLabel} className={phone === null ? "sm:hidden" : ""} /> : null}
            </>
          )}
          {/* After the list, folded: on a phone the servers come first, the figures on demand. */}
          <InventorySummary rows={summaryRows} filtered={summaryRows.length !== rows.length} accountLabel={accountLabel} />
        </>
      )}
    </>
  );
}
