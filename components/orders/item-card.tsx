"use client";

import { buttonClasses } from "@/components/ui/button-core";
import { Card } from "@/components/ui/card";
import { Menu } from "@/components/ui/menu";
import { StatusBadge } from "@/components/ui/status-badge";
import { ApiText } from "@/components/ui/time";
import type { OrderStatus } from "@/lib/klikk/schemas";
import { isCancellable, itemLabel } from "@/lib/orders/order-facts";
import { ItemServer } from "./item-server";
import { ItemTimeline } from "./item-timeline";

type Item = OrderStatus["order_items"][number];

/** One item of an order: badge, message, timeline, its server, and a quiet menu to cancel it. */
type ItemCardProps = {
  item: Item;
  /** The key of the order's account: its server is looked up there first. */
  account?: string;
  selectable: boolean;
  readOnly: boolean;
  selected: boolean;
  onToggle: (on: boolean) => void;
  onCancel: () => void;
};

export function ItemCard({ item, account, selectable, readOnly, selected, onToggle, onCancel }: ItemCardProps) {
  const label = itemLabel(item);
  const headingId = `item-${item.id}-title`;
  // The server exists from completion until the period of a cancelled item ends (900).
  const hasServer = item.status === 0 || item.status === 900;
  return (
    <Card as="article" aria-labelledby={headingId} className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex items-start gap-3">
          {selectable ? <input type="checkbox" className="mt-1.5 size-4" aria-label={`Select ${label} (item ${item.id})`} checked={selected} onChange={(e) => onToggle(e.target.checked)} /> : null}
          <div>
            <h3 id={headingId} className="font-semibold">
              {label}
            </h3>
            <p className="text-xs text-slate-600 dark:text-slate-300">
              Item {item.id} · {item.name || "product not named"}
            </p>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge code={item.status} />
          {isCancellable(item.status) ? (
            <Menu
              label={`Actions for ${label} (item ${item.id})`}
              disabled={readOnly}
              triggerClassName={buttonClasses("secondary", "sm")}
              trigger={
                <>
                  Actions <span aria-hidden="true">▾</span>
                </>
              }
              items={[{ key: "cancel", label: `Cancel item ${label} (item ${item.id})`, danger: true, onSelect: onCancel }]}
            />
          ) : null}
        </div>
      </div>
      {item.message ? (
        <p className="text-sm">
          <ApiText text={item.message} />
        </p>
      ) : null}
      <ItemTimeline code={item.status} label={label} />
      {hasServer ? <ItemServer itemId={item.id} account={account} scheduledEnd={item.status === 900} /> : null}
    </Card>
  );
}
