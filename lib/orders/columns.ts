/**
 * The orders export's columns, beside lib/servers/columns.ts and lib/activity/columns.ts. Not in
 * order-view.ts: every orders page loads that on first paint, and these load with an export.
 */
import type { CsvColumn } from "@/lib/export";
import type { OrderStatus } from "@/lib/klikk/schemas";
import { statusLabel } from "@/lib/klikk/status";
import { itemLabel } from "./order-view";

type Order = OrderStatus & { account?: string };

/** The orders export; with several accounts in the session, an Account column names each one's. */
export const orderCsvColumns = (accountLabel?: (key: string | undefined) => string): readonly CsvColumn<Order>[] => [
  { header: "Order id", value: (o) => o.order_id },
  ...(accountLabel ? [{ header: "Account", value: (o: Order) => accountLabel(o.account) }] : []),
  { header: "Reference", value: (o) => o.reference ?? "" },
  { header: "Created", value: (o) => o.created ?? "" },
  { header: "Items", value: (o) => o.order_items.length },
  { header: "Item names", value: (o) => o.order_items.map(itemLabel).join("; ") },
  { header: "Status code", value: (o) => o.status },
  { header: "Status", value: (o) => statusLabel(o.status) },
  { header: "Message", value: (o) => o.message },
];
