"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
// next/link itself, not AppLink: this code loads after the page (inventory-results.tsx), when
// next/link is there too, and a Suspense boundary per link would be work on every row rendered.
import Link from "next/link";
import { measureRendered } from "@/components/servers/measure-rendered";
import { overscanOf } from "@/components/servers/virtual-overscan";
import { memo, useRef } from "react";
import { RunningBadge } from "@/components/ui/status-badge";
import { countOf, nouns } from "@/lib/format/numbers";
import { formatMemory, formatStorage } from "@/lib/format/sizes";
import type { InventoryRow } from "@/lib/servers/inventory";

/** A card's height before it is measured: name and state, figures, two address lines. */
const CARD_HEIGHT = 132;

const ServerCard = memo(function ServerCard({ row, orderId, accountLabel }: { row: InventoryRow; orderId: number | undefined; accountLabel: string | null }) {
  const headingId = `server-card-${row.id}`;
  return (
    <article aria-labelledby={headingId} data-server-id={row.id} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="min-w-0 font-semibold break-all">
          <Link href={`/servers/${row.id}`} prefetch={false} className="text-blue-700 underline hover:no-underline dark:text-blue-300">
            {row.name}
          </Link>
        </h3>
        <RunningBadge running={row.running} />
      </div>
      {accountLabel === null ? null : <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Account: {accountLabel}</p>}
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        {countOf(row.cpu, nouns.vcpu)} · {formatMemory(row.memoryMiB)} memory · {formatStorage(row.storageMB)} storage
      </p>
      <dl className="mt-1 grid grid-cols-[3rem_minmax(0,1fr)] gap-x-2 text-sm">
        <dt className="text-slate-600 dark:text-slate-300">IPv4</dt>
        <dd className="font-mono text-[13px] break-all">{row.ipv4 || <span className="font-sans text-slate-600 dark:text-slate-300">none</span>}</dd>
        <dt className="text-slate-600 dark:text-slate-300">IPv6</dt>
        <dd className="font-mono text-[13px] break-all">{row.ipv6 || <span className="font-sans text-slate-600 dark:text-slate-300">none</span>}</dd>
      </dl>
      {orderId !== undefined ? (
        <p className="mt-1 text-sm">
          <Link href={`/orders/${orderId}`} prefetch={false} className="text-blue-700 underline dark:text-blue-300">
            Order {orderId}
          </Link>
        </p>
      ) : null}
    </article>
  );
});

/**
 * The servers as cards below 640 px, virtualised like the table (20,000 servers stay smooth):
 * only the cards in view are in the DOM, inside their own scroll box. Nothing is wider than
 * the screen; long IPv6 addresses wrap.
 */
type ServerCardsProps = { rows: readonly InventoryRow[]; orderIds: ReadonlyMap<number, number>; accountLabel: ((key: string) => string) | null; className?: string };

export const ServerCards = memo(function ServerCards({ rows, orderIds, accountLabel, className = "" }: ServerCardsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const previous = useRef<{ readonly isScrolling: boolean } | null>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? -index - 1,
    overscan: overscanOf(previous.current),
    measureElement: measureRendered,
    gap: 8,
    initialRect: { width: 360, height: 640 },
  });
  previous.current = virtualizer;
  const items = virtualizer.getVirtualItems();
  return (
    <div ref={scrollRef} className={`max-h-[75vh] min-h-48 overflow-y-auto ${className}`} data-testid="server-cards-scroll">
      <ul aria-label="Servers" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              aria-posinset={item.index + 1}
              aria-setsize={rows.length}
              className="absolute top-0 left-0 w-full"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <ServerCard
                row={row}
                orderId={row.orderItemId === null ? undefined : orderIds.get(row.orderItemId)}
                accountLabel={accountLabel ? accountLabel(row.account) : null}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
});
