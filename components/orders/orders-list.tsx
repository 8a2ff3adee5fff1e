"use client";

import { useMemo, useState } from "react";
import { AccountFailures } from "@/components/accounts/account-failures";
import { useAccountLabels } from "@/components/accounts/session-accounts";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SkeletonRows } from "@/components/ui/skeleton";
import { countOf, formatCount, nouns } from "@/lib/format/numbers";
import { orderInProgress, statusSignature } from "@/lib/orders/live";
import { isCancellable } from "@/lib/orders/order-facts";
import { orderListDefaults, parseSort, parseStatusFilter, visibleOrders } from "@/lib/orders/list-view";
import { orderTarget } from "@/lib/orders/cancel-targets";
import { useReadOnly } from "@/lib/queries/account";
import { useOrdersQuery } from "@/lib/queries/orders";
import { useSearchState } from "@/lib/url-state/use-search-state";
import { LastUpdated } from "./last-updated";
import { ListControls } from "./list-controls";
import { OrderCards } from "./order-cards";
import { OrderTable } from "./order-table";
import { useCancelFlow } from "./use-cancel-flow";
import { useLiveInterval } from "./use-live-interval";

// The export (the CSV writer and the orders' columns) loads with the first click on it, or when
// the pointer or focus reaches it: most visits export nothing.
const loadExport = () => Promise.all([import("@/lib/export"), import("@/lib/orders/columns")]);
/** Both export buttons start loading the export's code when the pointer or focus reaches them. */
const warmExport = { onPointerEnter: () => void loadExport(), onFocus: () => void loadExport() };

/** The orders list: filter, search and sort kept in the URL; live status; cancel one or many. */
export function OrdersList() {
  const readOnly = useReadOnly();
  const [params, update] = useSearchState(orderListDefaults);
  const status = parseStatusFilter(params.status);
  const sort = parseSort(params.sort);
  const q = params.q;
  const account = params.account;
  const { several, label: accountLabel } = useAccountLabels();

  const [active, setActive] = useState(false);
  const refetchInterval = useLiveInterval(active, statusSignature);
  const query = useOrdersQuery({ refetchInterval });
  const shown = useMemo(() => (query.data ? visibleOrders(query.data, { status, q, sort, account }) : []), [query.data, status, q, sort, account]);
  const anyInProgress = shown.some(orderInProgress);
  // Live status follows the orders on screen: polling stops once every shown order has settled.
  if (anyInProgress !== active) setActive(anyInProgress);

  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const { openCancel, notice, dialog } = useCancelFlow((settled) => {
    const ids = new Set(settled.map((result) => result.target.orderId));
    setSelected((prev) => new Set([...prev].filter((id) => !ids.has(id))));
  });

  const [exportFailed, setExportFailed] = useState(false);
  function exportAs(write: (modules: Awaited<ReturnType<typeof loadExport>>) => void) {
    setExportFailed(false);
    // Should the export's code not load (the dashboard is unreachable), say so instead of doing nothing.
    loadExport().then(write, () => setExportFailed(true));
  }

  // Selection only ever holds rows that are on screen and can still be cancelled.
  const selectable = shown.filter((o) => isCancellable(o.status));
  const selectedShown = selectable.filter((o) => selected.has(o.order_id));

  function toggle(orderId: number, on: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(orderId);
      else next.delete(orderId);
      return next;
    });
  }


  return (
    <div className="space-y-4">
      <ListControls params={{ status, q, sort, account }} onChange={update} />

      <AccountFailures list="orders" />

      {notice}

      {query.isPending ? (
        <Card aria-label="Orders">
          <SkeletonRows rows={6} label="Loading orders…" />
        </Card>
      ) : query.isLoadingError ? (
        <QueryErrorAlert title="Orders could not be loaded" query={query} />
      ) : query.data.length === 0 ? (
        <Card className="text-center">
          <h2 className="text-lg font-semibold">No orders yet</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Servers you order show up here with their status.</p>
          <ButtonLink href="/orders/new" className="mt-4">
            Place your first order
          </ButtonLink>
        </Card>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div className="space-y-1">
              <p role="status" className="text-sm font-medium">
                Showing {formatCount(shown.length)} of {countOf(query.data.length, nouns.order)}
              </p>
              <LastUpdated updatedAt={query.dataUpdatedAt} live={active} fetching={query.isFetching} />
            </div>
            <div className="flex flex-wrap gap-2">
              {exportFailed ? (
                <span role="alert" className="self-center text-sm text-red-700 dark:text-red-300">
                  Could not export; try again.
                </span>
              ) : null}
              {/* Only there while something is selected: an idle red button beside the list read as its main action. */}
              {selectedShown.length > 0 ? (
                <Button
                  variant="secondary"
                  size="sm"
                  className="text-red-700 dark:text-red-300"
                  disabled={readOnly}
                  onClick={() => openCancel({ targets: selectedShown.map(orderTarget) })}
                >
                  Cancel selected ({selectedShown.length})
                </Button>
              ) : null}
              <Button
                variant="secondary"
                size="sm"
                disabled={shown.length === 0}
                {...warmExport}
                onClick={() => exportAs(([{ downloadCsv }, { orderCsvColumns }]) => downloadCsv("orders.csv", shown, orderCsvColumns(several ? accountLabel : undefined)))}
              >
                Export CSV
              </Button>
              <Button
                variant="secondary"
                size="sm"
                disabled={shown.length === 0}
                {...warmExport}
                onClick={() => exportAs(([{ downloadJson }]) => downloadJson("orders.json", shown))}
              >
                Export JSON
              </Button>
            </div>
          </div>
          {query.isRefetchError ? (
            <Alert tone="warning" title="Live update failed">
              <p>{query.error.message} The list shows the last answer; it tries again by itself.</p>
            </Alert>
          ) : null}
          {shown.length === 0 ? (
            <Card className="text-center">
              <h2 className="text-lg font-semibold">No orders match</h2>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Try another status or search.</p>
              <Button variant="secondary" className="mt-4" onClick={() => update({ status: "all", q: "", account: "" })}>
                Show all orders
              </Button>
            </Card>
          ) : (
            <>
              <OrderTable
                orders={shown}
                selectable={selectable}
                selected={selected}
                onToggle={toggle}
                onToggleAll={(on) => setSelected(on ? new Set(selectable.map((o) => o.order_id)) : new Set())}
                onCancel={openCancel}
              />
              <OrderCards orders={shown} selected={selected} onToggle={toggle} onCancel={openCancel} />
            </>
          )}
        </>
      )}

      {dialog}
    </div>
  );
}
