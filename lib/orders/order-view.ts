/**
 * The pure parts of the orders pages: filtering, search, sort, the polling back-off, the item
 * timeline and how a cancel outcome reads (the export's columns: columns.ts). No React, so it is unit-tested on its own.
 */
import type { OrderStatus } from "@/lib/klikk/schemas";
import { statusClass, statusLabel, type StatusClass } from "@/lib/klikk/status";
import { isApiError } from "@/lib/queries/api-fetch";

// Live status lives in its own small module (the app-wide watcher needs it on every page); the
// orders pages keep importing it from here.
export { orderInProgress, POLL_MAX_MS, POLL_MIN_MS, pollDelay, statusSignature } from "./live";

/** An order, with the key of the session account it belongs to when listed for a session. */
type Order = OrderStatus & { account?: string };
type OrderItem = Order["order_items"][number];

export type StatusFilter = "all" | StatusClass;
export const statusFilterOptions: readonly { value: StatusFilter; label: string }[] = [
  { value: "all", label: "All statuses" },
  { value: "payment", label: "Payment or processing (1xx)" },
  { value: "pending", label: "Pending creation (2xx)" },
  { value: "completed", label: "Completed (0)" },
  { value: "cancelled", label: "Cancelled or scheduled (9xx)" },
  { value: "unknown", label: "Unknown code" },
];

export type OrderSort = "newest" | "oldest" | "id-desc" | "id-asc" | "status";
export const sortOptions: readonly { value: OrderSort; label: string }[] = [
  { value: "newest", label: "Newest first" },
  { value: "oldest", label: "Oldest first" },
  { value: "id-desc", label: "Order id, high to low" },
  { value: "id-asc", label: "Order id, low to high" },
  { value: "status", label: "Status (needs attention first)" },
];

/** The list state kept in the URL; a module constant so useSearchState's callback stays stable. */
/** `account` empty: every account of the session (issue 15). */
export const orderListDefaults = { status: "all", q: "", sort: "newest", account: "" } as const satisfies Record<string, string>;

/** An unknown value in a shared or hand-edited URL falls back to the default instead of an empty list. */
export function parseStatusFilter(value: string): StatusFilter {
  return statusFilterOptions.some((o) => o.value === value) ? (value as StatusFilter) : "all";
}

export function parseSort(value: string): OrderSort {
  return sortOptions.some((o) => o.value === value) ? (value as OrderSort) : "newest";
}

/** The name a person gave the server: item `reference`; `name` is the product ("VPS"). */
export function itemLabel(item: OrderItem): string {
  return item.reference?.trim() || item.name || `Item ${item.id}`;
}

/** Search by order id ("70" or "#70"), order reference or item (server) name; case-insensitive. */
export function orderMatches(order: Order, query: string): boolean {
  const q = query.trim().toLowerCase().replace(/^#/, "");
  if (!q) return true;
  if (String(order.order_id).includes(q)) return true;
  if (order.reference?.toLowerCase().includes(q)) return true;
  return order.order_items.some((item) => itemLabel(item).toLowerCase().includes(q) || item.name.toLowerCase().includes(q));
}

function createdMs(order: Order): number {
  const t = order.created ? Date.parse(order.created) : Number.NaN;
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** Attention order: payment, pending, then unknown, completed, cancelled. */
const statusRank: Record<StatusClass, number> = { payment: 0, pending: 1, unknown: 2, completed: 3, cancelled: 4 };

export function sortOrders<T extends Order>(orders: readonly T[], sort: OrderSort): T[] {
  const byIdDesc = (a: T, b: T) => b.order_id - a.order_id;
  const copy = [...orders];
  switch (sort) {
    case "id-asc":
      return copy.sort((a, b) => a.order_id - b.order_id);
    case "id-desc":
      return copy.sort(byIdDesc);
    case "oldest":
      return copy.sort((a, b) => createdMs(a) - createdMs(b) || a.order_id - b.order_id);
    case "status":
      return copy.sort((a, b) => statusRank[statusClass(a.status)] - statusRank[statusClass(b.status)] || a.status - b.status || byIdDesc(a, b));
    case "newest":
    default:
      // Orders without a time go last; ties (and missing times) fall back to the id.
      return copy.sort((a, b) => createdMs(b) - createdMs(a) || byIdDesc(a, b));
  }
}

export function visibleOrders<T extends Order>(orders: readonly T[], view: { status: StatusFilter; q: string; sort: OrderSort; account?: string }): T[] {
  const filtered = orders.filter(
    (o) => (view.status === "all" || statusClass(o.status) === view.status) && (!view.account || o.account === view.account) && orderMatches(o, view.q),
  );
  return sortOrders(filtered, view.sort);
}

/** Waiting for the customer to pay: 1xx except 110, which means the payment has arrived. */
export function awaitingPayment(order: Order): boolean {
  return statusClass(order.status) === "payment" && order.status !== 110;
}

/** A 9xx order or item is cancelled already (or scheduled): nothing to cancel. */
export function isCancellable(code: number): boolean {
  return statusClass(code) !== "cancelled";
}

export type TimelineStep = { label: string; state: "done" | "current" | "upcoming" };

/**
 * The life of one item: payment -> pending creation -> completed, or ending in a cancellation.
 * Unknown codes mark no step, rather than guessing where the item is.
 */
export function itemTimeline(code: number): TimelineStep[] {
  const cls = statusClass(code);
  const step = (label: string, state: TimelineStep["state"]): TimelineStep => ({ label, state });
  switch (cls) {
    case "payment":
      return [step(code === 110 ? "Payment received" : "Payment", "current"), step("Pending creation", "upcoming"), step("Completed", "upcoming")];
    case "pending":
      return [step("Payment", "done"), step(code === 210 ? "Being provisioned" : "Pending creation", "current"), step("Completed", "upcoming")];
    case "completed":
      return [step("Payment", "done"), step("Pending creation", "done"), step("Completed", "current")];
    case "cancelled":
      return [step("Payment", "done"), step("Pending creation", "done"), step(statusLabel(code), "current")];
    default:
      return [step("Payment", "upcoming"), step("Pending creation", "upcoming"), step("Completed", "upcoming")];
  }
}

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
