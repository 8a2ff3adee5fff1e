/**
 * Live status of orders: what is still moving, the polling back-off and a fingerprint of every
 * status. Its own module, with nothing but the status codes behind it, because the app-wide
 * watcher (components/notifications/order-watcher) puts it on every page's first load.
 */
import type { OrderStatus } from "@/lib/klikk/schemas";
import { isSettled } from "@/lib/klikk/status";

/** True while the order or any of its items is still moving (1xx or 2xx). */
export function orderInProgress(order: OrderStatus): boolean {
  return !isSettled(order.status) || order.order_items.some((item) => !isSettled(item.status));
}

export const POLL_MIN_MS = 3_000;
export const POLL_MAX_MS = 30_000;

/** Delay before the next poll after `step` polls without any change: 3 s growing 1.5x to 30 s. */
export function pollDelay(step: number): number {
  return Math.min(POLL_MAX_MS, Math.round(POLL_MIN_MS * 1.5 ** Math.max(0, step)));
}

/** A short fingerprint of every status, so the back-off restarts when anything moved. */
export function statusSignature(orders: readonly OrderStatus[]): string {
  return orders.map((o) => `${o.order_id}:${o.status}:${o.order_items.map((i) => i.status).join(".")}`).join(",");
}
