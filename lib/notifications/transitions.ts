/**
 * Which status changes deserve a notice, detected by comparing two answers of the order list.
 * Pure, so it is unit-tested alone. The first answer a tab sees is only a baseline: whatever was
 * already completed, unpaid or cancelled then is old news and never announced (a reload must not
 * replay yesterday's notices). An order that appears after the baseline was placed since, so its
 * first state counts as a change.
 */
import type { OrderStatus } from "@/lib/klikk/schemas";
import { statusClass } from "@/lib/klikk/status";

export type NoticeKind = "ready" | "payment" | "cancelled" | "failed";

export type Transition = { kind: NoticeKind; orderId: number; itemId?: number; status: number };

/** Status per order (`o:70`) and per item (`i:70:1001`). */
export type StatusSnapshot = ReadonlyMap<string, number>;

/** The payment class's "invoice open" code: only it asks the user to do something. */
const PAYMENT_REQUIRED = 100;
/** "Cancellation scheduled": the server still runs, so nothing is done yet. */
const CANCEL_SCHEDULED = 900;

export function snapshotOf(orders: readonly OrderStatus[]): StatusSnapshot {
  const snapshot = new Map<string, number>();
  for (const order of orders) {
    snapshot.set(`o:${order.order_id}`, order.status);
    for (const item of order.order_items) snapshot.set(`i:${order.order_id}:${item.id}`, item.status);
  }
  return snapshot;
}

/** The kind of notice an item's new status deserves, or null for a step in between. */
export function itemNoticeKind(status: number): NoticeKind | null {
  const cls = statusClass(status);
  if (cls === "completed") return "ready";
  if (cls === "cancelled") return status === CANCEL_SCHEDULED ? null : "cancelled";
  // A code outside every class is no step of the documented life cycle: provisioning went wrong.
  if (cls === "unknown") return "failed";
  return null;
}

/**
 * The transitions from `previous` to `orders`; none when `previous` is null (the baseline).
 * Payment is announced per order (one invoice for the order), the rest per item (each item is
 * one server).
 */
export function detectTransitions(previous: StatusSnapshot | null, orders: readonly OrderStatus[]): Transition[] {
  if (previous === null) return [];
  const transitions: Transition[] = [];
  for (const order of orders) {
    const before = previous.get(`o:${order.order_id}`);
    if (order.status === PAYMENT_REQUIRED && before !== PAYMENT_REQUIRED) {
      transitions.push({ kind: "payment", orderId: order.order_id, status: order.status });
    }
    for (const item of order.order_items) {
      const itemBefore = previous.get(`i:${order.order_id}:${item.id}`);
      if (itemBefore === item.status) continue;
      const kind = itemNoticeKind(item.status);
      // Between two cancelled codes (another 9xx) nothing new happened for the user.
      if (kind === null || (kind === "cancelled" && itemBefore !== undefined && itemNoticeKind(itemBefore) === "cancelled")) continue;
      transitions.push({ kind, orderId: order.order_id, itemId: item.id, status: item.status });
    }
  }
  return transitions;
}

/**
 * One notice per event, whichever tab reports it first: the store keeps one per key. The name
 * the event is about is part of it, because ids alone repeat where an upstream starts over (a
 * reset simulator); the real one never reuses them.
 */
export function transitionKey(transition: Pick<Transition, "orderId" | "itemId" | "status">, name: string): string {
  const base = transition.itemId === undefined ? `order:${transition.orderId}:${transition.status}` : `item:${transition.orderId}:${transition.itemId}:${transition.status}`;
  return `${base}:${name.slice(0, 100)}`;
}
