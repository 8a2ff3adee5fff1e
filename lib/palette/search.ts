/**
 * The command palette's matching: orders, servers, pages and actions from one query. Pure (no
 * React), so it is unit-tested and benchmarked alone. Servers are matched on the inventory's own
 * rows and search text (lib/servers/inventory: built once per data version, shared with the
 * inventory), so an address matches here exactly as it does there, IPv6 in any written form.
 */
import type { OrderStatus, Server } from "@/lib/klikk/schemas";
import { statusLabel } from "@/lib/klikk/status";
import { itemLabel } from "@/lib/orders/order-facts";
import { orderMatches } from "@/lib/orders/list-view";
import { parseQuery, rowsOf, searchTextOf, type InventoryRow } from "@/lib/servers/inventory";

export type PaletteAction = "sign-out-everywhere" | "theme-light" | "theme-dark" | "theme-system";

export type PaletteItem = {
  /** Unique within the results; also the option's DOM id suffix. */
  key: string;
  label: string;
  detail?: string;
  href?: string;
  action?: PaletteAction;
};

export type PaletteGroupName = "Servers" | "Orders" | "Pages" | "Actions";
export type PaletteGroup = { name: PaletteGroupName; items: PaletteItem[]; total: number };

/** Shown per group: the palette is for jumping, the lists are for browsing. */
export const PALETTE_LIMIT = 8;

type Entry = PaletteItem & { words: string };

const PAGES: Entry[] = [
  { key: "page-overview", label: "Overview", href: "/", words: "overview home dashboard" },
  { key: "page-orders", label: "Orders", href: "/orders", words: "orders list" },
  { key: "page-servers", label: "Servers", href: "/servers", words: "servers inventory" },
  { key: "page-sessions", label: "Sessions", href: "/sessions", words: "sessions browsers signed in" },
  { key: "page-activity", label: "Activity", href: "/activity", words: "activity log events" },
  { key: "page-accounts", label: "Accounts", href: "/accounts", words: "accounts add switch rename remove tokens profiles" },
];

const ACTIONS: Entry[] = [
  { key: "action-new-order", label: "New order", href: "/orders/new", words: "new order create buy server wizard" },
  { key: "action-sign-out-everywhere", label: "Sign out everywhere", action: "sign-out-everywhere", words: "sign out everywhere log out all sessions" },
  { key: "action-theme-light", label: "Theme: light", action: "theme-light", words: "theme light mode appearance" },
  { key: "action-theme-dark", label: "Theme: dark", action: "theme-dark", words: "theme dark mode night appearance" },
  { key: "action-theme-system", label: "Theme: follow the system", action: "theme-system", words: "theme system auto appearance" },
];

function matchStatic(entries: readonly Entry[], terms: readonly string[]): PaletteItem[] {
  const out: PaletteItem[] = [];
  for (const { words, ...item } of entries) {
    const text = `${item.label.toLowerCase()} ${words}`;
    if (terms.every((term) => text.includes(term))) out.push(item);
  }
  return out;
}

const DIGITS = /^\d+$/;
const idCache = new WeakMap<readonly InventoryRow[], string[]>();

/** The rows' ids as text, once per data version, so an id search does not convert 20,000 numbers per key. */
function idsOf(rows: readonly InventoryRow[]): string[] {
  let ids = idCache.get(rows);
  if (!ids) {
    ids = rows.map((row) => String(row.id));
    idCache.set(rows, ids);
  }
  return ids;
}

function serverItem(row: InventoryRow): PaletteItem {
  const address = row.ipv4 || row.ipv6;
  return {
    key: `server-${row.id}`,
    label: row.name,
    detail: `Server ${row.id} · ${row.running ? "running" : "stopped"}${address ? ` · ${address}` : ""}`,
    href: `/servers/${row.id}`,
  };
}

/**
 * Servers whose name, id or any address matches every term. One pass over the rows with plain
 * `includes` on the prepared text (as the inventory's filter does); only the first `limit` are
 * kept, except that an exact name or id match is moved to the front.
 */
export function searchServers(servers: readonly Server[], query: string, limit = PALETTE_LIMIT): { items: PaletteItem[]; total: number } {
  const terms = parseQuery(query);
  if (terms.length === 0) return { items: [], total: 0 };
  const rows = rowsOf(servers);
  // Ids are digits: only a query with a term of digits can match one, and only then are the
  // rows' ids made (20,000 strings on the palette's first such search).
  const ids = terms.some((forms) => forms.some((form) => DIGITS.test(form))) ? idsOf(rows) : undefined;
  const whole = query.trim().toLowerCase();
  const shown: InventoryRow[] = [];
  let total = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const text = row.search ?? searchTextOf(row);
    const id = ids?.[i];
    let all = true;
    for (let t = 0; t < terms.length && all; t++) {
      const forms = terms[t]!;
      let found = false;
      for (let f = 0; f < forms.length && !found; f++) found = text.includes(forms[f]!) || (id !== undefined && id.startsWith(forms[f]!));
      all = found;
    }
    if (!all) continue;
    total++;
    if (id === whole || row.name.toLowerCase() === whole) shown.unshift(row);
    else if (shown.length < limit) shown.push(row);
  }
  return { items: shown.slice(0, limit).map(serverItem), total };
}

function orderItem(order: OrderStatus): PaletteItem {
  const names = order.order_items.map(itemLabel).join(", ");
  return {
    key: `order-${order.order_id}`,
    label: `Order ${order.order_id}${order.reference ? `: ${order.reference}` : ""}`,
    detail: `${statusLabel(order.status)}${names ? ` · ${names}` : ""}`,
    href: `/orders/${order.order_id}`,
  };
}

/** Orders whose id, reference or item name matches every term (the orders list's own matching, per term). */
export function searchOrders(orders: readonly OrderStatus[], query: string, limit = PALETTE_LIMIT): { items: PaletteItem[]; total: number } {
  const terms = query.trim().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return { items: [], total: 0 };
  const whole = query.trim().replace(/^#/, "");
  const shown: OrderStatus[] = [];
  let total = 0;
  for (const order of orders) {
    if (!terms.every((term) => orderMatches(order, term))) continue;
    total++;
    if (String(order.order_id) === whole) shown.unshift(order);
    else if (shown.length < limit) shown.push(order);
  }
  return { items: shown.slice(0, limit).map(orderItem), total };
}

/**
 * Every group that has something to show, in a fixed order. An empty query lists the pages and
 * actions, so the palette doubles as a keyboard menu.
 */
export function searchPalette(query: string, data: { orders?: readonly OrderStatus[]; servers?: readonly Server[] }, limit = PALETTE_LIMIT): PaletteGroup[] {
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const groups: PaletteGroup[] = [];
  if (terms.length > 0) {
    const servers = data.servers ? searchServers(data.servers, query, limit) : { items: [], total: 0 };
    const orders = data.orders ? searchOrders(data.orders, query, limit) : { items: [], total: 0 };
    if (servers.total > 0) groups.push({ name: "Servers", ...servers });
    if (orders.total > 0) groups.push({ name: "Orders", ...orders });
  }
  const pages = matchStatic(PAGES, terms);
  const actions = matchStatic(ACTIONS, terms);
  if (pages.length > 0) groups.push({ name: "Pages", items: pages, total: pages.length });
  if (actions.length > 0) groups.push({ name: "Actions", items: actions, total: actions.length });
  return groups;
}
