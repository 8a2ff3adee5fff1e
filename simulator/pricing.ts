/**
 * The simulator's price table: a monthly price per VPS from RAM, CPU, storage and IPv4.
 * Amounts are integer euro cents so that sums never drift.
 */
import type { OrderItem } from "../lib/klikk/contract/order-request.ts";

export const priceTable = {
  /** per GB of RAM per month */
  ramGbCents: 400,
  /** per vCPU per month */
  cpuCents: 300,
  /** per GB of storage per month */
  storageGbCents: 10,
  /** a public IPv4 address per month */
  ipv4Cents: 200,
} as const;

/** The monthly price of one VPS in cents. */
export function itemPriceCents(item: OrderItem): number {
  const o = item.product.options;
  return Math.round(
    o.quantity_ram_gb * priceTable.ramGbCents +
      o.quantity_cpu * priceTable.cpuCents +
      o.quantity_storage_gb * priceTable.storageGbCents +
      (o.features.ipv4 === 1 ? priceTable.ipv4Cents : 0),
  );
}

export function formatEuros(cents: number): string {
  return `EUR ${(cents / 100).toFixed(2)}`;
}
