/**
 * One inventory row per server with its derived columns (the search text is built later, in
 * inventory.ts). Its own module: the server page builds the row of its one server, and through
 * inventory.ts it loaded the list's search, filter, sort and address forms too (about 1.5 kB
 * gzip of its First Load JS).
 */
import type { Server } from "@/lib/klikk/schemas";

export type InventoryRow = {
  readonly server: Server;
  readonly id: number;
  readonly name: string;
  readonly running: boolean;
  readonly cpu: number;
  /** MiB, as the API gives it. */
  readonly memoryMiB: number;
  /** MB, the sum of every storage. */
  readonly storageMB: number;
  /** The first IPv4 / IPv6 address over all networks in ifindex order; "" when there is none. */
  readonly ipv4: string;
  readonly ipv6: string;
  /** customer_id: the profile the server belongs to. */
  readonly profile: number | null;
  /** The key of the session account the server was listed for (issue 15); "" when unknown. */
  readonly account: string;
  readonly orderItemId: number | null;
  /**
   * Name and every address in every form a search should find, lowercase, newline-separated.
   * Built on first use (searchTextOf), not at load: parsing every IPv6 address of 20,000
   * servers would otherwise sit between the data's arrival and the table's first render. The
   * inventory warms it in idle time right after the first paint (warmSearchText).
   */
  search: string | undefined;
};

export function toRow(server: Server & { account?: string }): InventoryRow {
  const networks = server.networks.length > 1 ? [...server.networks].sort((a, b) => a.ifindex - b.ifindex) : server.networks;
  let ipv4 = "";
  let ipv6 = "";
  for (const network of networks) {
    if (ipv4 === "" && network.ipv4) ipv4 = network.ipv4;
    if (ipv6 === "" && network.ipv6) ipv6 = network.ipv6;
  }
  let storageMB = 0;
  for (const storage of server.storages) storageMB += storage.size;
  return {
    server,
    id: server.id,
    name: server.name,
    running: server.is_running === 1,
    cpu: server.cpu,
    memoryMiB: server.memory,
    storageMB,
    ipv4,
    ipv6,
    profile: server.customer_id,
    account: server.account ?? "",
    orderItemId: server.order_item_id,
    search: undefined,
  };
}
