import type { CsvColumn } from "@/lib/export";
import type { InventoryRow } from "./inventory";

/** The CSV of what the table shows; the order id is looked up when the order list is known. */
export function inventoryCsvColumns(orderIds: ReadonlyMap<number, number>, accountLabel?: (key: string) => string): CsvColumn<InventoryRow>[] {
  return [
    { header: "id", value: (r) => r.id },
    ...(accountLabel ? [{ header: "account", value: (r: InventoryRow) => accountLabel(r.account) }] : []),
    { header: "name", value: (r) => r.name },
    { header: "state", value: (r) => (r.running ? "running" : "stopped") },
    { header: "vcpus", value: (r) => r.cpu },
    { header: "memory_gb", value: (r) => Math.round((r.memoryMiB / 1024) * 100) / 100 },
    { header: "storage_gb", value: (r) => Math.round((r.storageMB / 1000) * 100) / 100 },
    { header: "ipv4", value: (r) => r.ipv4 },
    { header: "ipv6", value: (r) => r.ipv6 },
    { header: "all_addresses", value: (r) => r.server.networks.flatMap((n) => [n.ipv4, n.ipv6]).filter(Boolean).join(" ") },
    { header: "profile", value: (r) => r.profile },
    { header: "order_item_id", value: (r) => r.orderItemId },
    { header: "order_id", value: (r) => (r.orderItemId === null ? null : orderIds.get(r.orderItemId)) },
  ];
}
