/** The orders list's filtering, search and sort, as kept in the URL. No React: unit-tested on its own. */
import { statusClass, type StatusClass } from "@/lib/klikk/status";
import { itemLabel, type Order } from "./order-facts";

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

/**
 * The list state kept in the URL; a module constant so useSearchState's callback stays stable.
 * `account` empty: every account of the session (issue 15).
 */
export const orderListDefaults = { status: "all", q: "", sort: "newest", account: "" } as const satisfies Record<string, string>;

/** An unknown value in a shared or hand-edited URL falls back to the default instead of an empty list. */
export function parseStatusFilter(value: string): StatusFilter {
  return statusFilterOptions.some((o) => o.value === value) ? (value as StatusFilter) : "all";
}

export function parseSort(value: string): OrderSort {
  return sortOptions.some((o) => o.value === value) ? (value as OrderSort) : "newest";
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

