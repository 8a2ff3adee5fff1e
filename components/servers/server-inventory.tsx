"use client";

import Link from "next/link";
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { InventorySummary } from "@/components/servers/inventory-summary";
import { InventoryFilters } from "@/components/servers/inventory-filters";
import { ServerCards } from "@/components/servers/server-cards";
import { ServerTable } from "@/components/servers/server-table";
import { AccountFailures } from "@/components/accounts/account-failures";
import { useAccountLabels } from "@/components/accounts/session-accounts";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { PHONE_QUERY, useMediaQuery } from "@/components/ui/use-media-query";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { downloadCsv, downloadJson } from "@/lib/export";
import { useOrdersQuery } from "@/lib/queries/orders";
import { useServersQuery } from "@/lib/queries/servers";
import { countOf, formatCount, nouns } from "@/lib/format/numbers";
import {
  filterRows,
  inventoryCsvColumns,
  isSortKey,
  orderIdsByItem,
  profilesOf,
  sameRowsOr,
  sortRows,
  rowsOf,
  warmSearchText,
  type RunningFilter,
  type SortKey,
} from "@/lib/servers/inventory";
import { useSearchState } from "@/lib/url-state/use-search-state";

// Module-level so that useSearchState's callback stays stable.
const DEFAULTS = { q: "", state: "all", profile: "all", account: "", sort: "name", dir: "asc", orderItemId: "" };
const SEARCH_URL_DELAY_MS = 250;

function parseOrderItemId(raw: string): number | undefined {
  return /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : undefined;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function ServerInventory() {
  const [values, update] = useSearchState(DEFAULTS);
  const orderItemId = parseOrderItemId(values.orderItemId);
  const serversQuery = useServersQuery(orderItemId);
  const { several, label: labelOfAccount } = useAccountLabels();
  // Stable per set of accounts, so the memoised table and cards skip renders that change nothing.
  const accountLabel = several ? labelOfAccount : null;
  const ordersQuery = useOrdersQuery();
  const phone = useMediaQuery(PHONE_QUERY);

  // The box keeps its own text so typing never waits for the router; the URL follows shortly after.
  const [text, setText] = useState(values.q);
  const pushedQ = useRef(values.q);
  const urlTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    // A q that this box did not write came from outside (back button, a link): adopt it.
    if (values.q === pushedQ.current) return;
    pushedQ.current = values.q;
    setText(values.q);
  }, [values.q]);
  useEffect(
    () => () => {
      if (urlTimer.current) clearTimeout(urlTimer.current);
    },
    [],
  );

  const handleSearch = useCallback((next: string) => {
    setText(next);
    if (urlTimer.current) clearTimeout(urlTimer.current);
    urlTimer.current = setTimeout(() => {
      pushedQ.current = next;
      update({ q: next }, { replace: true });
    }, SEARCH_URL_DELAY_MS);
  }, [update]);

  const query = useDeferredValue(text);
  const running: RunningFilter = values.state === "running" || values.state === "stopped" ? values.state : "all";
  const sort: SortKey = isSortKey(values.sort) ? values.sort : "name";
  const dir = values.dir === "desc" ? "desc" : "asc";

  // Once per data load: rows with their search text. Once per sort: the order. Per keystroke
  // only a linear filter over precomputed strings runs, in a deferred render.
  const data = serversQuery.data;
  const rows = useMemo(() => (data ? rowsOf(data) : []), [data]);
  const sorted = useMemo(() => sortRows(rows, sort, dir), [rows, sort, dir]);
  const result = useMemo(
    () => filterRows(sorted, { query, running, profile: values.profile, account: values.account }),
    [sorted, query, running, values.profile, values.account],
  );
  // A result with the same rows as the one shown keeps the shown array (sameRowsOr), so the
  // summary and the table, memoised on it, skip a keystroke that changed nothing they show.
  // Kept in state, as React advises for information from previous renders; compared once per result.
  const [shown, setShown] = useState({ result, visible: result });
  let visible = shown.visible;
  if (shown.result !== result) {
    visible = sameRowsOr(shown.visible, result);
    setShown({ result, visible });
  }
  const profiles = useMemo(() => profilesOf(rows), [rows]);
  const orders = ordersQuery.data;
  const orderIds = useMemo(() => (orders ? orderIdsByItem(orders) : new Map<number, number>()), [orders]);
  const filtered = visible.length !== rows.length;

  // Build the search index in idle slices after the first paint, so the first keystroke finds it ready.
  useEffect(() => {
    if (rows.length === 0) return;
    const schedule =
      typeof window.requestIdleCallback === "function"
        ? (next: () => void) => void window.requestIdleCallback(next, { timeout: 500 })
        : (next: () => void) => void setTimeout(next, 0);
    return warmSearchText(rows, schedule, 8, () => performance.mark("inventory:search-ready"));
  }, [rows]);

  // Marks for `npm run bench:inventory`: when the data arrived and when its first rows were in the DOM.
  const dataUpdatedAt = serversQuery.dataUpdatedAt;
  const marked = useRef(false);
  useLayoutEffect(() => {
    if (marked.current || !data || typeof performance === "undefined") return;
    marked.current = true;
    performance.mark("inventory:data", { startTime: Math.max(0, dataUpdatedAt - performance.timeOrigin) });
    performance.mark("inventory:rows-committed");
    requestAnimationFrame(() => setTimeout(() => performance.mark("inventory:rows-painted"), 0));
  }, [data, dataUpdatedAt]);

  const handleSort = useCallback(
    (key: SortKey) => {
      const nextDir = key === sort ? (dir === "asc" ? "desc" : "asc") : "asc";
      update({ sort: key, dir: nextDir }, { replace: true });
    },
    [sort, dir, update],
  );

  function clearFilters() {
    handleSearch("");
    update({ q: "", state: "all", profile: "all", account: "" });
  }

  const csvColumns = useMemo(() => inventoryCsvColumns(orderIds, accountLabel ?? undefined), [orderIds, accountLabel]);
  const scope = orderItemId !== undefined ? `-item-${orderItemId}` : "";

  const orderOfItem = orderItemId !== undefined ? orderIds.get(orderItemId) : undefined;
  const countText =
    rows.length === 0 ? "" : filtered ? `Showing ${formatCount(visible.length)} of ${countOf(rows.length, nouns.server)}` : rows.length === 1 ? "Showing the only server" : `Showing all ${countOf(rows.length, nouns.server)}`;

  return (
    <div>
      {values.orderItemId !== "" ? (
        orderItemId === undefined ? (
          <Alert tone="warning" title="This link names no valid order item" className="mb-4">
            <p>
              “{values.orderItemId}” is not an order item id. <Link href="/servers" className="font-medium underline">Show all servers</Link>.
            </p>
          </Alert>
        ) : (
          <Alert tone="info" title={`Servers of order item ${orderItemId}`} className="mb-4">
            <p>
              Only the servers created by order item {orderItemId}
              {orderOfItem !== undefined ? (
                <>
                  {" "}of <Link href={`/orders/${orderOfItem}`} className="font-medium underline">order {orderOfItem}</Link>
                </>
              ) : null}{" "}
              are listed. <Link href="/servers" className="font-medium underline">Show all servers</Link>
            </p>
          </Alert>
        )
      ) : null}

      <InventoryFilters
        text={text}
        onSearch={handleSearch}
        running={running}
        profile={values.profile}
        profiles={profiles}
        account={values.account}
        onChange={(changes) => update(changes)}
      />

      {orderItemId === undefined ? <AccountFailures list="servers" /> : null}

      {serversQuery.isPending ? (
        <div aria-busy="true" aria-live="polite" className="space-y-2">
          <p className="sr-only">Loading servers…</p>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-5">
            {Array.from({ length: 5 }, (_, i) => (
              <div key={i} className="h-14 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
            ))}
          </div>
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="h-10 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
          ))}
        </div>
      ) : serversQuery.isError && !data ? (
        <QueryErrorAlert title="The servers could not be loaded" query={serversQuery} />
      ) : (
        <>
          {serversQuery.isError ? (
            <QueryErrorAlert
              tone="warning"
              title="Could not refresh the servers"
              query={serversQuery}
              note="The list shows what was loaded before."
              className="mb-4"
            />
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
                  {text !== query ? <span className="sr-only"> (updating)</span> : null}
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
                  <Button variant="secondary" className="mt-4" onClick={clearFilters}>
                    Clear search and filters
                  </Button>
                </div>
              ) : (
                <>
                  {/* Until the width is known (server, hydration) both are rendered and CSS picks one. */}
                  {phone !== true ? (
                    <ServerTable
                      rows={visible}
                      sort={sort}
                      dir={dir}
                      onSort={handleSort}
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
              <InventorySummary rows={visible} filtered={filtered} accountLabel={accountLabel} />
            </>
          )}
        </>
      )}
    </div>
  );
}
