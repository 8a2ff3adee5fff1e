import "server-only";
import { dehydrate, QueryClient, type DehydratedState } from "@tanstack/react-query";
import { headers } from "next/headers";
import { orderKeys, serverKeys } from "@/lib/queries/keys";
import { largeReads } from "@/lib/server/concurrency";
import { klikkClient } from "@/lib/server/klikk";
import { logger } from "@/lib/server/log";
import { getSession } from "@/lib/server/session";

/** What a page wants in the browser's query cache before its first paint. */
export type Prefetch = { orders?: true; servers?: true; order?: number };

/**
 * How long a page waits for the upstream before it renders without data and lets the browser
 * ask (as before prefetching). A slow or hanging upstream must not hold up the whole page:
 * the browser's own request then shows its progress and any error with a retry.
 */
const PREFETCH_BUDGET_MS = 2_500;

/**
 * Above this many servers the list is not put into the HTML: 20,000 servers are about 6 MB of
 * JSON, which would then be in every full load of /servers (and /, and a server page). The
 * browser fetches such a list itself, as it always did.
 */
export const PREFETCH_MAX_SERVERS = 2_000;

/**
 * Sessions whose server list was too large to prefetch, so their pages stop asking for it on
 * the server (it would be read twice per page load: here and by the browser). Keyed by a hash
 * of the account (token or username), never the credentials themselves; forgotten after ten minutes.
 */
const largeInventories = new Map<string, number>();
const LARGE_MEMORY_MS = 10 * 60_000;

/**
 * Fetches what a page shows on the server and returns it dehydrated for TanStack Query's
 * HydrationBoundary, so a full page load arrives with its rows in the HTML. The answers are
 * the same the route handlers give (same client, same sort), under the same query keys, so
 * client navigation, polling and mutations carry on from there unchanged. Anything that fails
 * is left out and fetched by the browser, which shows the error where it happens.
 */
export async function prefetch(wants: Prefetch): Promise<DehydratedState> {
  const queryClient = new QueryClient();
  // A client-side navigation (the router's fetch, not a document load) skips this: the
  // browser's cache already has the data or fetches it itself, so navigating stays as quick
  // as before instead of waiting for the upstream here. Browsers say which is which.
  const dest = (await headers()).get("sec-fetch-dest");
  if (dest && dest !== "document") return dehydrate(queryClient);
  const session = await getSession();
  if (!session) return dehydrate(queryClient);
  const client = klikkClient(session.auth);
  const signal = AbortSignal.timeout(PREFETCH_BUDGET_MS);

  const jobs: Promise<void>[] = [];
  if (wants.orders) {
    jobs.push(
      client.orderList({ signal }).then((orders) => {
        // Newest first, as GET /api/orders answers.
        queryClient.setQueryData(orderKeys.list(), [...orders].sort((a, b) => b.order_id - a.order_id));
      }),
    );
  }
  if (wants.order !== undefined) {
    const orderId = wants.order;
    jobs.push(client.orderStatus(orderId, { signal }).then((order) => void queryClient.setQueryData(orderKeys.detail(orderId), order)));
  }
  const key = session.identity;
  const knownLarge = (largeInventories.get(key) ?? 0) > Date.now() - LARGE_MEMORY_MS;
  if (wants.servers && !knownLarge) {
    jobs.push(
      largeReads
        .run(session.identity, () => client.serverList(undefined, { signal }), signal)
        .then((servers) => {
          if (servers.length <= PREFETCH_MAX_SERVERS) queryClient.setQueryData(serverKeys.list(), servers);
          else {
            if (largeInventories.size > 1_000) largeInventories.clear();
            largeInventories.set(key, Date.now());
          }
        }),
    );
  }
  const results = await Promise.allSettled(jobs);
  for (const result of results) {
    if (result.status === "rejected") logger.warn(`prefetch skipped, the browser will ask: ${result.reason instanceof Error ? result.reason.name : "error"}`);
  }
  return dehydrate(queryClient);
}
