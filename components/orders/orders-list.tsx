"use client";

import Link from "next/link";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClasses } from "@/components/ui/field";
import { SkeletonRows } from "@/components/ui/skeleton";
import { StatusBadge } from "@/components/ui/status-badge";
import { downloadCsv, downloadJson } from "@/lib/export";
import type { OrderStatus } from "@/lib/klikk/schemas";
import { useOrdersQuery } from "@/lib/queries/orders";
import { useSearchState } from "@/lib/use-search-state";
import type { CancelRequest } from "./cancel-dialog";
import { useCancelFlow } from "./use-cancel-flow";
import { ApiText, DateTime } from "@/components/ui/time";
import { countOf, nouns } from "@/lib/format/numbers";
import { LastUpdated } from "./last-updated";
import {
  isCancellable,
  itemLabel,
  orderCsvColumns,
  orderInProgress,
  orderListDefaults,
  parseSort,
  parseStatusFilter,
  sortOptions,
  statusFilterOptions,
  statusSignature,
  visibleOrders,
  type CancelTarget,
} from "./order-view";
import { useLiveInterval } from "./use-live-interval";

type Order = OrderStatus;

export function orderTarget(order: Order): CancelTarget {
  return { orderId: order.order_id, label: order.reference ? `order ${order.order_id} (${order.reference})` : `order ${order.order_id}` };
}

export function orderCancelRequest(order: Order): CancelRequest {
  return { targets: [orderTarget(order)], contents: order.order_items.map(itemLabel) };
}

export function itemTarget(order: Order, item: Order["order_items"][number]): CancelTarget {
  return { orderId: order.order_id, itemId: item.id, label: `${itemLabel(item)} (item ${item.id} of order ${order.order_id})` };
}

/** The orders list: filter, search and sort kept in the URL; live status; cancel one or many. */
export function OrdersList() {
  const [params, update] = useSearchState(orderListDefaults);
  const status = parseStatusFilter(params.status);
  const sort = parseSort(params.sort);
  const q = params.q;

  const [active, setActive] = useState(false);
  const refetchInterval = useLiveInterval(active, statusSignature);
  const query = useOrdersQuery({ refetchInterval });
  const shown = useMemo(() => (query.data ? visibleOrders(query.data, { status, q, sort }) : []), [query.data, status, q, sort]);
  const anyInProgress = shown.some(orderInProgress);
  // Live status follows the orders on screen: polling stops once every shown order has settled.
  if (anyInProgress !== active) setActive(anyInProgress);

  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const { openCancel, notice, dialog } = useCancelFlow((settled) => {
    const ids = new Set(settled.map((result) => result.target.orderId));
    setSelected((prev) => new Set([...prev].filter((id) => !ids.has(id))));
  });

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
      <ListControls params={{ status, q, sort }} onChange={update} />

      {notice}

      {query.isPending ? (
        <Card aria-label="Orders">
          <SkeletonRows rows={6} label="Loading orders…" />
        </Card>
      ) : query.isLoadingError ? (
        <Alert tone="error" title="Orders could not be loaded">
          <p>{query.error.message}</p>
          <Button variant="secondary" size="sm" className="mt-2" onClick={() => void query.refetch()} pending={query.isFetching}>
            Try again
          </Button>
        </Alert>
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
                Showing {shown.length} of {countOf(query.data.length, nouns.order)}
              </p>
              <LastUpdated updatedAt={query.dataUpdatedAt} live={active} fetching={query.isFetching} />
            </div>
            <div className="flex flex-wrap gap-2">
              <Button
                variant="danger"
                size="sm"
                disabled={selectedShown.length === 0}
                onClick={() => openCancel({ targets: selectedShown.map(orderTarget) })}
              >
                Cancel selected ({selectedShown.length})
              </Button>
              <Button variant="secondary" size="sm" disabled={shown.length === 0} onClick={() => downloadCsv("orders.csv", shown, orderCsvColumns)}>
                Export CSV
              </Button>
              <Button variant="secondary" size="sm" disabled={shown.length === 0} onClick={() => downloadJson("orders.json", shown)}>
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
              <Button variant="secondary" className="mt-4" onClick={() => update({ status: "all", q: "" })}>
                Show all orders
              </Button>
            </Card>
          ) : (
            <OrdersTable
              orders={shown}
              selectable={selectable}
              selected={selected}
              onToggle={toggle}
              onToggleAll={(on) => setSelected(on ? new Set(selectable.map((o) => o.order_id)) : new Set())}
              onCancel={openCancel}
            />
          )}
        </>
      )}

      {dialog}
    </div>
  );
}

function ListControls({ params, onChange }: { params: { status: string; q: string; sort: string }; onChange: ReturnType<typeof useSearchState<"status" | "q" | "sort">>[1] }) {
  const id = useId();
  // The box keeps its own text while typing; the URL follows (replace: one history entry per
  // search). When the URL changes on its own (back button, shared link) the box follows it.
  const [text, setText] = useState(params.q);
  const [urlQ, setUrlQ] = useState(params.q);
  if (params.q !== urlQ) {
    setUrlQ(params.q);
    setText(params.q);
  }
  return (
    <form role="search" aria-label="Orders" onSubmit={(e) => e.preventDefault()} className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr]">
      <div className="space-y-1">
        <label htmlFor={`${id}-q`} className="block text-sm font-medium">
          Search
        </label>
        <input
          id={`${id}-q`}
          type="search"
          className={inputClasses}
          placeholder="Order id, reference or server name"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            onChange({ q: e.target.value }, { replace: true });
          }}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-status`} className="block text-sm font-medium">
          Status
        </label>
        <select id={`${id}-status`} className={inputClasses} value={params.status} onChange={(e) => onChange({ status: e.target.value })}>
          {statusFilterOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-sort`} className="block text-sm font-medium">
          Sort by
        </label>
        <select id={`${id}-sort`} className={inputClasses} value={params.sort} onChange={(e) => onChange({ sort: e.target.value })}>
          {sortOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

type TableProps = {
  orders: Order[];
  selectable: Order[];
  selected: ReadonlySet<number>;
  onToggle: (orderId: number, on: boolean) => void;
  onToggleAll: (on: boolean) => void;
  onCancel: (request: CancelRequest) => void;
};

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300";
const td = "px-3 py-2 align-top";

function OrdersTable({ orders, selectable, selected, onToggle, onToggleAll, onCancel }: TableProps) {
  const allSelected = selectable.length > 0 && selectable.every((o) => selected.has(o.order_id));
  const someSelected = selectable.some((o) => selected.has(o.order_id));
  const allRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = someSelected && !allSelected;
  }, [someSelected, allSelected]);

  return (
    // Wide tables scroll inside their own box; the page itself never scrolls sideways. `relative`
    // keeps the sr-only (absolutely positioned) texts inside that box instead of widening the page.
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900" tabIndex={0} role="region" aria-label="Orders table">
      <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-700">
        <caption className="sr-only">Orders, with status and message</caption>
        <thead className="bg-slate-50 dark:bg-slate-800">
          <tr>
            <th scope="col" className={th}>
              <input
                ref={allRef}
                type="checkbox"
                className="size-4"
                aria-label="Select all shown orders that can be cancelled"
                checked={allSelected}
                disabled={selectable.length === 0}
                onChange={(e) => onToggleAll(e.target.checked)}
              />
            </th>
            <th scope="col" className={th}>
              Order
            </th>
            <th scope="col" className={th}>
              Reference
            </th>
            <th scope="col" className={th}>
              Created
            </th>
            <th scope="col" className={th}>
              Items
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={th}>
              Message
            </th>
            <th scope="col" className={th}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-700">
          {orders.map((order) => (
            <OrderRow key={order.order_id} order={order} selected={selected.has(order.order_id)} onToggle={onToggle} onCancel={onCancel} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OrderRow({ order, selected, onToggle, onCancel }: { order: Order; selected: boolean; onToggle: (orderId: number, on: boolean) => void; onCancel: (request: CancelRequest) => void }) {
  const cancellable = isCancellable(order.status);
  const count = order.order_items.length;
  return (
    <tr data-order-id={order.order_id}>
      <td className={td}>
        {cancellable ? (
          <input type="checkbox" className="size-4" aria-label={`Select order ${order.order_id}`} checked={selected} onChange={(e) => onToggle(order.order_id, e.target.checked)} />
        ) : null}
      </td>
      <th scope="row" className={`${td} whitespace-nowrap text-left font-medium`}>
        <Link href={`/orders/${order.order_id}`} className="text-blue-700 underline hover:no-underline dark:text-blue-300">
          Order {order.order_id}
        </Link>
      </th>
      <td className={td}>{order.reference || <span className="text-slate-600 dark:text-slate-300">None</span>}</td>
      <td className={`${td} whitespace-nowrap`}>
        <DateTime value={order.created} />
      </td>
      <td className={`${td} min-w-56`}>
        {count === 0 ? (
          countOf(0, nouns.item)
        ) : (
          <details>
            <summary className="cursor-pointer whitespace-nowrap">{countOf(count, nouns.item)}</summary>
            <ul className="mt-2 space-y-2">
              {order.order_items.map((item) => (
                <li key={item.id} className="flex flex-wrap items-center gap-x-2 gap-y-1 whitespace-nowrap">
                  <span className="font-medium">{itemLabel(item)}</span>
                  <StatusBadge code={item.status} />
                  {isCancellable(item.status) ? (
                    <Button
                      variant="ghost"
                      size="sm"
                      className="text-red-700 dark:text-red-300"
                      aria-label={`Cancel ${itemLabel(item)} (item ${item.id} of order ${order.order_id})`}
                      onClick={() => onCancel({ targets: [itemTarget(order, item)] })}
                    >
                      Cancel
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          </details>
        )}
      </td>
      <td className={td}>
        <StatusBadge code={order.status} />
      </td>
      <td className={`${td} min-w-48`}>
        <ApiText text={order.message} />
      </td>
      <td className={td}>
        {cancellable ? (
          <Button variant="secondary" size="sm" className="whitespace-nowrap" aria-label={`Cancel order ${order.order_id}`} onClick={() => onCancel(orderCancelRequest(order))}>
            Cancel order
          </Button>
        ) : null}
      </td>
    </tr>
  );
}
