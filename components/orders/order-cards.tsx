"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import { useAccountLabels } from "@/components/accounts/session-accounts";
import { StatusBadge } from "@/components/ui/status-badge";
import { ApiText, DateTime } from "@/components/ui/time";
import { countOf, nouns } from "@/lib/format/numbers";
import { isCancellable, itemLabel } from "@/lib/orders/order-facts";
import { OrderActions } from "./order-actions";
import type { OrderListViewProps } from "./order-table";

/**
 * The orders as cards below 640 px: the id and the status on the first line, so they are read
 * together, then the figures that matter; nothing is wider than the screen.
 */
export function OrderCards({ orders, selected, onToggle, onCancel }: Omit<OrderListViewProps, "selectable" | "onToggleAll">) {
  const { several, label } = useAccountLabels();
  return (
    <ul aria-label="Orders" className="space-y-3 sm:hidden">
      {orders.map((order) => {
        const headingId = `order-card-${order.order_id}`;
        const names = order.order_items.map(itemLabel);
        return (
          <li key={order.order_id}>
            <article aria-labelledby={headingId} data-order-id={order.order_id} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
              {/* The id and the status on one line that never wraps: they are read together. */}
              <div className="flex items-center gap-2">
                {isCancellable(order.status) ? (
                  <input
                    type="checkbox"
                    className="size-4 shrink-0"
                    aria-label={`Select order ${order.order_id}`}
                    checked={selected.has(order.order_id)}
                    onChange={(e) => onToggle(order.order_id, e.target.checked)}
                  />
                ) : null}
                <h3 id={headingId} className="shrink-0 font-semibold">
                  <Link href={`/orders/${order.order_id}`} className="text-blue-700 underline hover:no-underline dark:text-blue-300">
                    Order {order.order_id}
                  </Link>
                </h3>
                <StatusBadge code={order.status} />
              </div>
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                {several ? <span>Account: {label(order.account)} · </span> : null}
                {order.reference ? <span className="font-medium">{order.reference} · </span> : null}
                <DateTime value={order.created} />
              </p>
              <p className="mt-1 text-sm break-words">
                {countOf(names.length, nouns.item)}
                {names.length > 0 ? `: ${names.join(", ")}` : null}
              </p>
              <div className="mt-1 flex items-end justify-between gap-2">
                <p className="min-w-0 text-sm break-words text-slate-700 dark:text-slate-300">
                  <ApiText text={order.message} />
                </p>
                <OrderActions order={order} onCancel={onCancel} />
              </div>
            </article>
          </li>
        );
      })}
    </ul>
  );
}
