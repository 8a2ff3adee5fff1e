import type { CsvColumn } from "@/lib/export";
import { ACTIVITY_KINDS, type ActivityEntry } from "./kinds";

/** The Activity page's CSV export: one row per event, times in UTC ISO 8601 for other tools. */
export const activityCsvColumns: CsvColumn<ActivityEntry>[] = [
  { header: "time (UTC)", value: (entry) => new Date(entry.at).toISOString() },
  { header: "event", value: (entry) => ACTIVITY_KINDS[entry.kind] },
  { header: "account", value: (entry) => entry.accountLabel },
  { header: "order", value: (entry) => entry.orderId },
  { header: "item", value: (entry) => entry.itemId },
  { header: "servers", value: (entry) => entry.items?.join(" ") },
  { header: "reference", value: (entry) => entry.reference },
  { header: "detail", value: (entry) => entry.detail },
  { header: "username", value: (entry) => entry.username },
  { header: "browser", value: (entry) => entry.browser },
  { header: "address", value: (entry) => entry.clientAddress },
];
