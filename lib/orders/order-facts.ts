/**
 * Small facts about one order or item that nearly every orders view needs: the item's name,
 * whether it waits for payment, whether anything is left to cancel. Apart from the list's
 * filtering and sorting (list-view.ts) because Turbopack bundles a module whole: the order and
 * server pages carried the list's sort and filter tables for these three lines.
 */
import type { OrderStatus } from "@/lib/klikk/schemas";
import { statusClass } from "@/lib/klikk/status";

/** An order, with the key of the session account it belongs to when listed for a session. */
export type Order = OrderStatus & { account?: string };
export type OrderItem = Order["order_items"][number];

/** The name a person gave the server: item `reference`; `name` is the product ("VPS"). */
export function itemLabel(item: OrderItem): string {
  return item.reference?.trim() || item.name || `Item ${item.id}`;
}

/** Waiting for the customer to pay: 1xx except 110, which means the payment has arrived. */
export function awaitingPayment(order: Order): boolean {
  return statusClass(order.status) === "payment" && order.status !== 110;
}

/** A 9xx order or item is cancelled already (or scheduled): nothing to cancel. */
export function isCancellable(code: number): boolean {
  return statusClass(code) !== "cancelled";
}

