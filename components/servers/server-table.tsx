"use client";

import { useVirtualizer, type VirtualItem } from "@tanstack/react-virtual";
import { useRouter } from "next/navigation";
import { type FocusEvent, memo, type MouseEvent, useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import { measureRendered } from "@/components/servers/measure-rendered";
import { DetailRow, ServerRow } from "@/components/servers/server-row";
import { COLUMNS, COLUMNS_WITH_ACCOUNT, ServerTableHead } from "@/components/servers/server-table-head";
import { overscanOf } from "@/components/servers/virtual-overscan";
import { isPlainClick } from "@/components/ui/plain-click";
import type { InventoryRow } from "@/lib/servers/inventory";
import type { SortDir, SortKey } from "@/lib/servers/view-state";

/**
 * A server row's rendered height: the 28 px details button, 2 × 10 px cell padding and the 1 px
 * border. Rows are still measured; an estimate that matches means a row coming into view (as
 * on every keystroke) changes no size, so the virtualizer does not recompute the positions of
 * every row after it and render again, and the scroll height is right from the start.
 */
const ROW_HEIGHT = 49;
const rowHeight = () => ROW_HEIGHT;
const keyByPlace = (index: number) => index;
/** Rows kept in view when a search leaves the table scrolled past its result (see tailItems). */
const TAIL_ROWS = 24;

/** Which control of a server row an element is, as a selector within the row. */
function controlOf(element: HTMLElement): string {
  if (element.matches("button")) return "button";
  return element.matches('a[href^="/orders/"]') ? 'a[href^="/orders/"]' : 'a[href^="/servers/"]';
}

/** The positions of the last rows of a result `length` long. */
function tailItems(positions: readonly VirtualItem[], length: number): VirtualItem[] {
  const tail: VirtualItem[] = [];
  for (let index = Math.max(0, length - TAIL_ROWS); index < length; index++) {
    const item = positions[index];
    if (item) tail.push(item);
  }
  return tail;
}

/** A server row, or the details row that follows an expanded one. */
type FlatItem = InventoryRow | { detailOf: InventoryRow };
const isDetail = (item: FlatItem): item is { detailOf: InventoryRow } => "detailOf" in item;

type ServerTableProps = {
  rows: readonly InventoryRow[];
  /** The rows of the whole list, before search and filters (see the virtualizer's count). */
  allRowCount: number;
  sort: SortKey;
  dir: SortDir;
  onSort: (key: SortKey) => void;
  orderIds: ReadonlyMap<number, number>;
  /** Labels for an Account column; null when the session has one account. */
  accountLabel: ((key: string) => string) | null;
  caption: string;
  className?: string;
};

/**
 * A real <table> whose body is virtualised: only the rows in view (plus overscan) are in the
 * DOM, between two spacer rows, and every row carries aria-rowindex against the table's
 * aria-rowcount, so screen readers still announce "row 5,012 of 20,001". It scrolls inside its
 * own box (both ways), so the page never scrolls sideways at 375 px.
 * Memoised: a keystroke's urgent render (the search box's text) passes the same props, so the
 * table renders only in the deferred render that brings the new result.
 */
export const ServerTable = memo(function ServerTable({ rows, allRowCount, sort, dir, onSort, orderIds, accountLabel, caption, className = "" }: ServerTableProps) {
  const columns = accountLabel ? COLUMNS_WITH_ACCOUNT : COLUMNS;
  const columnCount = columns.length;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());

  const handleToggle = useCallback((id: number) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  // Without expanded rows the flat list is the row list itself: no copy per keystroke.
  const flat = useMemo<readonly FlatItem[]>(() => {
    if (expanded.size === 0) return rows;
    const out: FlatItem[] = [];
    for (const row of rows) {
      out.push(row);
      if (expanded.has(row.id)) out.push({ detailOf: row });
    }
    return out;
  }, [rows, expanded]);

  // The virtualizer recomputes every item's position (20,000 keys and sizes) whenever its count
  // or its functions change: about a quarter of a search's first keystroke in traces. So with
  // nothing expanded (the usual case) its items are rows by place, all of one height, with
  // functions that never change, and its count stays at the whole list's length while a search
  // narrows the rows: the first positions are the same for any result, and the places past the
  // result are neither rendered nor counted in the scroll height (below). Positions are then
  // computed once per list. With rows expanded they follow the rows (details rows differ in
  // height) and are computed again when the result changes.
  const expandedAny = expanded.size > 0;
  const { estimateSize, getItemKey } = useMemo(() => {
    if (!expandedAny) return { estimateSize: rowHeight, getItemKey: keyByPlace };
    return {
      estimateSize: (index: number) => {
        const item = flat[index];
        if (!item || !isDetail(item)) return ROW_HEIGHT;
        const s = item.detailOf.server;
        return 120 + 44 * Math.max(s.networks.length, s.storages.length);
      },
      // Apart from the keys by place (non-negative) and from details rows (negative), so no
      // two kinds of row share a measured size.
      getItemKey: (index: number) => {
        const item = flat[index];
        if (!item) return -index - 1e15;
        return isDetail(item) ? -item.detailOf.id : item.id + 1e15;
      },
    };
  }, [flat, expandedAny]);

  const previous = useRef<{ readonly isScrolling: boolean } | null>(null);
  const virtualizer = useVirtualizer({
    count: expandedAny ? flat.length : Math.max(flat.length, allRowCount),
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: overscanOf(previous.current),
    measureElement: measureRendered,
    initialRect: { width: 1200, height: 640 },
  });
  previous.current = virtualizer;

  // Server rows are keyed by their place in the list, not by their server (see the rows below),
  // so when the list changes under a focused row, its element stays and shows another server.
  // Focus follows its server instead: to the same control in the server's row if that is still
  // rendered, otherwise it is let go, as when a row keyed by its server is removed.
  const tbodyRef = useRef<HTMLTableSectionElement>(null);
  const focused = useRef<{ serverId: string; control: string } | null>(null);
  const rememberFocus = useCallback((event: FocusEvent) => {
    const target = event.target as HTMLElement;
    const serverId = target.closest<HTMLElement>("tr[data-server-id]")?.dataset.serverId;
    focused.current = serverId === undefined ? null : { serverId, control: controlOf(target) };
  }, []);
  useLayoutEffect(() => {
    const memory = focused.current;
    const active = document.activeElement;
    if (!memory || !(active instanceof HTMLElement) || !tbodyRef.current?.contains(active)) return;
    if (active.closest<HTMLElement>("tr[data-server-id]")?.dataset.serverId === memory.serverId) return;
    const same = tbodyRef.current.querySelector<HTMLElement>(`tr[data-server-id="${memory.serverId}"] ${memory.control}`);
    if (same) same.focus({ preventScroll: true });
    else active.blur();
  });

  // The rows' links are plain <a> (server-row.tsx says why): a plain click on one is followed
  // here, client-side as next/link would, and every other click is left to the browser.
  const router = useRouter();
  const followRowLink = useCallback(
    (event: MouseEvent<HTMLTableSectionElement>) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      const href = link?.getAttribute("href");
      if (!link || !href?.startsWith("/") || href.startsWith("//") || link.hasAttribute("target") || link.hasAttribute("download") || !isPlainClick(event)) return;
      event.preventDefault();
      router.push(href);
    },
    [router],
  );

  const inView = virtualizer.getVirtualItems();
  const positions = virtualizer.measurementsCache;
  // Only places that hold a row of this result. Scrolled past its end (a search narrowed a list
  // scrolled far down), none would be: then its last rows, which is where the browser scrolls
  // once the table has shrunk to the result.
  let items = inView.filter((item) => item.index < flat.length);
  if (items.length === 0 && flat.length > 0) items = tailItems(positions, flat.length);
  const totalSize = flat.length > 0 ? (positions[flat.length - 1]?.end ?? 0) : 0;
  const paddingTop = items.length > 0 ? (items[0]?.start ?? 0) : 0;
  const paddingBottom = items.length > 0 ? totalSize - (items[items.length - 1]?.end ?? 0) : 0;
  const measure = virtualizer.measureElement;

  return (
    <div ref={scrollRef} className={`max-h-[70vh] min-h-48 overflow-auto rounded-lg ${className} border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900`} data-testid="server-table-scroll">
      <table className={`w-full ${accountLabel ? "min-w-[1370px]" : "min-w-[1230px]"} table-fixed border-collapse text-sm`} aria-rowcount={flat.length + 1} data-result-count={rows.length}>
        <caption className="sr-only">{caption}</caption>
        <ServerTableHead columns={columns} sort={sort} dir={dir} onSort={onSort} />
        <tbody ref={tbodyRef} onFocus={rememberFocus} onClick={followRowLink}>
          {paddingTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: paddingTop, padding: 0 }} />
            </tr>
          ) : null}
          {items.map((virtualItem) => {
            const item = flat[virtualItem.index];
            if (!item) return null;
            if (isDetail(item)) {
              return <DetailRow key={virtualItem.key} row={item.detailOf} rowIndex={virtualItem.index + 2} dataIndex={virtualItem.index} columnCount={columnCount} measure={measure} />;
            }
            // Keyed by place: a search that changes the rows in view updates these elements in
            // place. Keyed by server, each keystroke removed and created up to 17 rows' DOM (the
            // first removal on a fresh page cost about 15 ms in traces, most of the keystroke).
            return (
              <ServerRow
                key={virtualItem.index}
                row={item}
                rowIndex={virtualItem.index + 2}
                dataIndex={virtualItem.index}
                expanded={expanded.has(item.id)}
                orderId={item.orderItemId === null ? undefined : orderIds.get(item.orderItemId)}
                accountLabel={accountLabel ? accountLabel(item.account) : null}
                onToggle={handleToggle}
                measure={measure}
              />
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={columnCount} style={{ height: paddingBottom, padding: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
});
