"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import { useAccountLabels } from "@/components/accounts/session-accounts";
import { useEffect, useRef } from "react";
import { StatusBadge } from "@/components/ui/status-badge";
import { ApiText, DateTime } from "@/components/ui/time";
import { countOf, nouns } from "@/lib/format/numbers";
import type { OrderStatus } from "@/lib/klikk/schemas";
import { isCancellable, itemLabel } from "@/lib/orders/order-facts";
import { type CancelRequest } from "@/lib/orders/cancel-targets";
import { OrderActions } from "./order-actions";

type Order = OrderStatus & { account?: string };

export type OrderListViewProps = {
  orders: Order[];
  selectable: Order[];
  selected: ReadonlySet<number>;
  onToggle: (orderId: number, on: boolean) => void;
  onToggleAll: (on: boolean) => void;
  onCancel: (request: CancelRequest) => void;
};

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300";
const td = "px-3 py-2 align-top";

/** The orders as a table, from 640 px up (below that they are cards, see order-cards.tsx). */
export function OrderTable({ orders, selectable, selected, onToggle, onToggleAll, onCancel }: OrderListViewProps) {
  const allSelected = selectable.length > 0 && selectable.every((o) => selected.has(o.order_id));
  const someSelected = selectable.some((o) => selected.has(o.order_id));
  const allRef = useRef<HTMLInputElement>(null);
  const { several, label } = useAccountLabels();
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = someSelected && !allSelected;
  }, [someSelected, allSelected]);

  return (
    // Between 640 px and a wide screen the table scrolls inside its own box; the page never
    // scrolls sideways. `relative` keeps the sr-only texts inside that box.
    <div
      className="relative hidden overflow-x-auto rounded-lg border border-slate-200 bg-white sm:block dark:border-slate-700 dark:bg-slate-900"
      tabIndex={0}
      role="region"
      aria-label="Orders table"
    >
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
            {several ? (
              <th scope="col" className={th}>
                Account
              </th>
            ) : null}
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
            <OrderRow
              key={order.order_id}
              order={order}
              accountLabel={several ? label(order.account) : null}
              selected={selected.has(order.order_id)}
              onToggle={onToggle}
              onCancel={onCancel}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

type OrderRowProps = { order: Order; accountLabel: string | null; selected: boolean; onToggle: (orderId: number, on: boolean) => void; onCancel: (request: CancelRequest) => void };

function OrderRow({ order, accountLabel, selected, onToggle, onCancel }: OrderRowProps) {
  const count = order.order_items.length;
  return (
    <tr data-order-id={order.order_id}>
      <td className={td}>
        {isCancellable(order.status) ? (
          <input type="checkbox" className="size-4" aria-label={`Select order ${order.order_id}`} checked={selected} onChange={(e) => onToggle(order.order_id, e.target.checked)} />
        ) : null}
      </td>
      <th scope="row" className={`${td} whitespace-nowrap text-left font-medium`}>
        <Link href={`/orders/${order.order_id}`} className="text-blue-700 underline hover:no-underline dark:text-blue-300">
          Order {order.order_id}
        </Link>
      </th>
      {accountLabel === null ? null : <td className={td}>{accountLabel}</td>}
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
        <OrderActions order={order} onCancel={onCancel} />
      </td>
    </tr>
  );
}
