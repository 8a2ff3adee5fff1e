/**
 * The server inventory's pure logic: one row per server with its derived columns and a
 * lowercase search text built once per data load, then filter and sort (totals: totals.ts; CSV: columns.ts).
 * Nothing here knows React, so the 20,000-server paths are unit-tested and benchmarked alone.
 */
import type { Server } from "@/lib/klikk/schemas";
import { toRow, type InventoryRow } from "./row";
import { addressSearchText, compressIpv6, expandIpv6, ipv4SortKey, ipv6SortKey, parseIpv6 } from "./ip";
import { compareNames } from "./natural-order";
import { compareNullable } from "./profiles";
import type { RunningFilter, SortDir, SortKey } from "./view-state";

// The row itself lives in row.ts, so a page that shows one server does not load the list's search,
// filter and sort with it.
export { toRow, type InventoryRow };

/** The row's search text, built once (see InventoryRow.search). */
export function searchTextOf(row: InventoryRow): string {
  if (row.search !== undefined) return row.search;
  // Joined, not built with `+=`: concatenation makes a rope (V8 cons string) that the first
  // `includes` flattens, so the first keystroke over 20,000 rows would pay for 20,000 copies
  // (and the garbage collection after). join() makes a flat string here, in idle time.
  const parts = [row.server.name.toLowerCase()];
  for (const network of row.server.networks) {
    if (network.ipv4) parts.push(addressSearchText(network.ipv4));
    if (network.ipv6) parts.push(addressSearchText(network.ipv6));
  }
  const text = parts.join("\n");
  row.search = text;
  return text;
}

/**
 * Builds the search text of rows in slices of `budgetMs`, yielding between them through
 * `schedule`, so a large list gets its index without a long task. Returns a cancel function.
 */
export function warmSearchText(rows: readonly InventoryRow[], schedule: (next: () => void) => void, budgetMs = 8, onDone?: () => void): () => void {
  let index = 0;
  let cancelled = false;
  const step = () => {
    if (cancelled) return;
    const end = performance.now() + budgetMs;
    // At least one batch per slice, so a zero budget still makes progress.
    do {
      for (let i = 0; i < 200 && index < rows.length; i++) {
        const row = rows[index++];
        if (row) searchTextOf(row);
      }
    } while (index < rows.length && performance.now() < end);
    if (index < rows.length) schedule(step);
    else onDone?.();
  };
  schedule(step);
  return () => {
    cancelled = true;
  };
}

export function toRows(servers: readonly Server[]): InventoryRow[] {
  return servers.map(toRow);
}

const rowsCache = new WeakMap<readonly Server[], InventoryRow[]>();
/** Row lists in the default order (name, then id), made while the list downloaded. */
const nameOrders = new WeakMap<readonly InventoryRow[], readonly InventoryRow[]>();

/** Hands rowsOf the rows of `servers` made while they downloaded, and sortRows their name order (rows-builder.ts). */
export function provideRows(servers: readonly Server[], rows: InventoryRow[], nameOrder: readonly InventoryRow[] | undefined): void {
  rowsCache.set(servers, rows);
  if (nameOrder) nameOrders.set(rows, nameOrder);
}

/**
 * The rows of one server list, built once per data version (TanStack Query hands out a new array
 * only when the data changed). The inventory and the command palette share them, so the search
 * text one of them warmed is there for the other.
 */
export function rowsOf(servers: readonly Server[]): InventoryRow[] {
  let rows = rowsCache.get(servers);
  if (!rows) {
    rows = toRows(servers);
    rowsCache.set(servers, rows);
  }
  return rows;
}

/**
 * A search query split into terms; every term must match. A term that is a whole IPv6 address
 * also matches in its compressed and expanded forms, so case, leading zeros and `::` do not matter.
 */
export function parseQuery(query: string): string[][] {
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return terms.map((term) => {
    const groups = term.includes(":") ? parseIpv6(term) : null;
    return groups ? [...new Set([term, compressIpv6(groups), expandIpv6(groups)])] : [term];
  });
}

/** `account`: a session account's key, or "" / "all" for every account. */
export type InventoryFilter = { query: string; running: RunningFilter; profile: string; account?: string };

/** The rows that match, in the order given (sort first, then filter: a filter keeps the order). */
export function filterRows(rows: readonly InventoryRow[], filter: InventoryFilter): readonly InventoryRow[] {
  const terms = parseQuery(filter.query);
  const profile = filter.profile === "" || filter.profile === "all" ? null : filter.profile;
  const account = !filter.account || filter.account === "all" ? null : filter.account;
  if (terms.length === 0 && filter.running === "all" && profile === null && account === null) return rows;
  const wantRunning = filter.running === "running" ? true : filter.running === "stopped" ? false : null;
  // The usual query is one word with one written form: test it directly. This loop runs over
  // every row on the first keystroke, before the engine has optimised it, and there a callback
  // or an iterator per row and term (as in matchesTerms) costs twice as much as the search.
  const single = terms.length === 1 && terms[0]?.length === 1 ? terms[0][0] : undefined;
  const out: InventoryRow[] = [];
  // The first keystroke's case (one word, no other filter) in a loop of its own: run by the
  // interpreter, every test in the body costs, and skipping the four that cannot fail here took
  // 0.4 to 1.4 ms off the median first keystroke over 20,000 servers (bench:compare
  // --first-keystroke 32, three runs).
  if (single !== undefined && wantRunning === null && profile === null && account === null) {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if ((row.search ?? searchTextOf(row)).includes(single)) out.push(row);
    }
    return out;
  }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (wantRunning !== null && row.running !== wantRunning) continue;
    if (profile !== null && String(row.profile ?? "none") !== profile) continue;
    if (account !== null && row.account !== account) continue;
    if (terms.length > 0) {
      // Read in place once built (as after the idle warm-up): no call per row in cold code.
      const text = row.search ?? searchTextOf(row);
      if (single !== undefined ? !text.includes(single) : !matchesTerms(text, terms)) continue;
    }
    out.push(row);
  }
  return out;
}

const lastResults = new WeakMap<readonly InventoryRow[], { filter: InventoryFilter; terms: string[][]; result: readonly InventoryRow[] }>();

/**
 * filterRows for a list that is filtered again and again (the inventory's search box). When the
 * filter only narrows the last one applied to the same rows (typing on: "gen-0" after "gen-"),
 * it filters that result instead of every row, so each key scans what the previous key left,
 * not all 20,000 servers again. And a result with the same rows as the last one is the last
 * array itself (sameRowsOr), so what is memoised on it skips a key that changed nothing.
 */
export function refineRows(rows: readonly InventoryRow[], filter: InventoryFilter): readonly InventoryRow[] {
  const terms = parseQuery(filter.query);
  const last = lastResults.get(rows);
  const from = last && narrows(last.filter, last.terms, filter, terms) ? last.result : rows;
  const result = sameRowsOr(last?.result, filterRows(from, filter));
  lastResults.set(rows, { filter, terms, result });
  return result;
}

/**
 * Whether every row matching `next` also matches `previous`: the same state, profile and
 * account, and each earlier term contained in the term at its place now. Only single-form terms
 * count: an IPv6 address matches any of its written forms, which need not contain each other.
 */
function narrows(previous: InventoryFilter, previousTerms: string[][], next: InventoryFilter, nextTerms: string[][]): boolean {
  if (previous.running !== next.running || previous.profile !== next.profile || (previous.account ?? "") !== (next.account ?? "")) return false;
  if (previousTerms.length === 0 || nextTerms.length < previousTerms.length) return false;
  return previousTerms.every((forms, i) => {
    const now = nextTerms[i]!;
    return forms.length === 1 && now.length === 1 && now[0]!.includes(forms[0]!);
  });
}

/** Every term matches in at least one of its forms. */
function matchesTerms(text: string, terms: readonly (readonly string[])[]): boolean {
  for (let t = 0; t < terms.length; t++) {
    const forms = terms[t]!;
    let found = false;
    for (let f = 0; f < forms.length && !found; f++) found = text.includes(forms[f]!);
    if (!found) return false;
  }
  return true;
}

/**
 * `next` itself, or `previous` when both hold the same rows in the same order. Typing "g", "ge",
 * "gen" often leaves the result as it was; handing on the previous array then lets the totals,
 * the chart and the table (memoised on it) skip their work over thousands of rows.
 */
export function sameRowsOr(previous: readonly InventoryRow[] | undefined, next: readonly InventoryRow[]): readonly InventoryRow[] {
  if (!previous || previous === next || previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (previous[i] !== next[i]) return next;
  return previous;
}

const comparators: Record<SortKey, (a: InventoryRow, b: InventoryRow) => number> = {
  name: (a, b) => compareNames(a.name, b.name),
  state: (a, b) => Number(b.running) - Number(a.running),
  cpu: (a, b) => a.cpu - b.cpu,
  memory: (a, b) => a.memoryMiB - b.memoryMiB,
  storage: (a, b) => a.storageMB - b.storageMB,
  // Addresses sort by keys computed once per sort in sortRows (see there).
  ipv4: () => 0,
  ipv6: () => 0,
  profile: (a, b) => compareNullable(a.profile, b.profile),
  // By key: the session's accounts grouped together (labels can change under a sorted list).
  account: (a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0),
  order: (a, b) => compareNullable(a.orderItemId, b.orderItemId),
};

/** A sorted copy; ties fall back to the name and then the id, so the order is stable and total. */
export function sortRows(rows: readonly InventoryRow[], key: SortKey, dir: SortDir): InventoryRow[] {
  // Worked out while the list downloaded (rows-builder.ts).
  const known = key === "name" && dir === "asc" ? nameOrders.get(rows) : undefined;
  if (known) return known.slice();
  let primary = comparators[key];
  // Address keys are parsed once per sort, not per comparison, and not at load when nobody sorts by them.
  if (key === "ipv4") {
    const keys = new Map(rows.map((r) => [r, ipv4SortKey(r.ipv4)]));
    primary = (a, b) => (keys.get(a) ?? 0) - (keys.get(b) ?? 0) || 0;
  } else if (key === "ipv6") {
    const keys = new Map(rows.map((r) => [r, ipv6SortKey(r.ipv6)]));
    primary = (a, b) => {
      const ka = keys.get(a) ?? "";
      const kb = keys.get(b) ?? "";
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    };
  }
  const sign = dir === "desc" ? -1 : 1;
  const byName = comparators.name;
  return [...rows].sort((a, b) => sign * primary(a, b) || (key === "name" ? 0 : byName(a, b)) || a.id - b.id);
}
