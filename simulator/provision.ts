/**
 * Building servers: deterministic addresses derived from the server id, and the server an order
 * item produces when it completes (one storage of the ordered size, one network with IPv6 always
 * and IPv4 only when features.ipv4 is 1).
 */
import type { Counters, Item, Server } from "./state.ts";

/** 100.64.0.0/10 (shared address space) + id: unique for ids below 4,194,304. */
export function ipv4For(serverId: number): string {
  return `100.${64 + ((serverId >>> 16) & 63)}.${(serverId >>> 8) & 255}.${serverId & 255}`;
}

/** 2001:db8:4b::/64 (documentation prefix) + id, in canonical compressed form. */
export function ipv6For(serverId: number): string {
  const hi = (serverId >>> 16) & 0xffff;
  const lo = serverId & 0xffff;
  return hi === 0 ? `2001:db8:4b::${lo.toString(16)}` : `2001:db8:4b::${hi.toString(16)}:${lo.toString(16)}`;
}

export const PUBLIC_SEGMENT = "Public LAN";
export const PRIVATE_SEGMENT = "Private LAN";
export const DISK_NAME = "NVM SSD";

/** The server of a completed item; takes ids from `counters` (mutated). */
export function serverFromItem(counters: Counters, item: Item, customerId: number): Server {
  const o = item.spec.product.options;
  const id = counters.server++;
  return {
    id,
    name: item.name,
    cpu: o.quantity_cpu,
    memory: Math.round(o.quantity_ram_gb * 1024),
    is_running: 1,
    customer_id: customerId,
    order_item_id: item.id,
    networks: [
      {
        id: counters.network++,
        ifindex: 0,
        name: PUBLIC_SEGMENT,
        ipv4: o.features.ipv4 === 1 ? ipv4For(id) : "",
        ipv6: ipv6For(id),
      },
    ],
    storages: [{ id: counters.storage++, lun: 0, name: DISK_NAME, size: o.quantity_storage_gb * 1000 }],
  };
}
