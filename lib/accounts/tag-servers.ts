import type { AccountFailure } from "@/lib/accounts/accounts";
import type { Server } from "@/lib/klikk/schemas";

/**
 * GET /api/servers: each account's servers in one run, `sources` saying how long each run is; a
 * source without a count runs to the end (one account's list passed on unread).
 */
export type ServersAnswer = { servers: Server[]; sources?: { account: string; count?: number }[]; failures?: AccountFailure[] };

/**
 * Gives every server its account's key, in place: the answer is fresh from JSON.parse and owned
 * by the caller, and 20,000 copies would cost more than the tagging. Shared by the browser and
 * the server's prefetch so the cache holds the same shape either way.
 */
export function tagServers(answer: ServersAnswer): (Server & { account: string })[] {
  const servers = answer.servers as (Server & { account: string })[];
  let index = 0;
  for (const source of answer.sources ?? []) {
    for (const end = index + (source.count ?? servers.length); index < end && index < servers.length; index += 1) servers[index]!.account = source.account;
  }
  return servers;
}
