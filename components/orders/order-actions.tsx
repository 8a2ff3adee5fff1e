"use client";

import { Menu, type MenuItem } from "@/components/ui/menu";
import type { OrderStatus } from "@/lib/klikk/schemas";
import { useReadOnly } from "@/lib/queries/account";
import { isCancellable, itemLabel } from "@/lib/orders/order-facts";
import { itemTarget, orderCancelRequest, type CancelRequest } from "@/lib/orders/cancel-targets";

/** The actions one order offers: cancelling it, or one of its items when it has several. */
export function orderActions(order: OrderStatus, onCancel: (request: CancelRequest) => void): MenuItem[] {
  const items: MenuItem[] = [];
  if (isCancellable(order.status)) {
    items.push({ key: "order", label: `Cancel order ${order.order_id}`, danger: true, onSelect: () => onCancel(orderCancelRequest(order)) });
  }
  if (order.order_items.length > 1) {
    for (const item of order.order_items) {
      if (!isCancellable(item.status)) continue;
      items.push({
        key: `item-${item.id}`,
        label: `Cancel item ${itemLabel(item)} (item ${item.id})`,
        danger: true,
        onSelect: () => onCancel({ targets: [itemTarget(order, item)] }),
      });
    }
  }
  return items;
}

/**
 * A row's quiet action menu. An order with nothing left to cancel offers nothing, so no button
 * is shown at all rather than a disabled one.
 */
export function OrderActions({ order, onCancel }: { order: OrderStatus & { account?: string }; onCancel: (request: CancelRequest) => void }) {
  const readOnly = useReadOnly(order.account);
  const items = orderActions(order, onCancel);
  if (items.length === 0) return null;
  return (
    <Menu
      label={`Actions for order ${order.order_id}`}
      disabled={readOnly}
      items={items}
      triggerClassName="inline-flex min-h-8 items-center gap-1 rounded-md border border-slate-300 px-2.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
      trigger={
        <>
          Actions <span aria-hidden="true">▾</span>
        </>
      }
    />
  );
}
