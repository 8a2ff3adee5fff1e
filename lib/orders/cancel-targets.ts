/** What a cancel is about (orders and items, labelled) and how its outcome reads. */
import { isApiError } from "@/lib/queries/api-fetch";
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
export type CancelOutcome = { kind: "done" } | { kind: "gone" } | { kind: "failed"; message: string };

/** How a cancel attempt ended: a 404 means the order or item is already gone, which is done too. */
export function cancelOutcome(error: unknown): CancelOutcome {
  if (error === null || error === undefined) return { kind: "done" };
  if (isApiError(error) && error.status === 404) return { kind: "gone" };
  if (isApiError(error)) return { kind: "failed", message: error.message };
  return { kind: "failed", message: "Something unexpected happened. Nothing was changed on this page; try again." };
}

export function outcomeText(outcome: CancelOutcome): string {
  switch (outcome.kind) {
    case "done":
      return "Done: cancellation scheduled for the end of the period";
    case "gone":
      return "Already gone: nothing left to cancel";
    case "failed":
      return `Failed: ${outcome.message}`;
  }
}
