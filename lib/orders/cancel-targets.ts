/**
 * What a cancel is about: orders and items, labelled. How it ended is cancel-outcome.ts, apart:
 * the pages that offer a cancel need only this part in their first load, the dialog both.
 */
import { itemLabel, type Order, type OrderItem } from "./order-facts";

/** `account`: the key of the order's account, so the cancel asks that account first. */
export type CancelTarget = { orderId: number; itemId?: number; label: string; account?: string };

/** What a cancel dialog is about: one order, one item, or several of either. */
export type CancelRequest = {
  targets: CancelTarget[];
  /** For a single whole order: the items it holds, so the dialog names exactly what goes. */
  contents?: string[];
};

export function orderTarget(order: Order): CancelTarget {
  return {
    orderId: order.order_id,
    label: order.reference ? `order ${order.order_id} (${order.reference})` : `order ${order.order_id}`,
    ...(order.account ? { account: order.account } : {}),
  };
}

export function orderCancelRequest(order: Order): CancelRequest {
  return { targets: [orderTarget(order)], contents: order.order_items.map(itemLabel) };
}

export function itemTarget(order: Order, item: OrderItem): CancelTarget {
  return {
    orderId: order.order_id,
    itemId: item.id,
    label: `${itemLabel(item)} (item ${item.id} of order ${order.order_id})`,
    ...(order.account ? { account: order.account } : {}),
  };
}
