import "server-only";
import { dehydrate, QueryClient, type DehydratedState } from "@tanstack/react-query";
import { headers } from "next/headers";
import { tagServers } from "@/lib/accounts/tag-servers";
import { accountFailureKeys, orderKeys, serverKeys } from "@/lib/queries/keys";
import { inAccountOf, listSessionOrders, listSessionServers } from "@/lib/server/account-lists";
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
 * An answer larger than this is too large for the HTML whatever it counts (2,000 servers are
 * about 0.6 MB of the upstream's JSON; 2 MB leaves room for servers with many networks), so it
 * is not read to the end nor parsed: on a large inventory's first page load that is the
 * difference between the page waiting for a 5.6 MB list to be parsed and checked (about 30-50
 * MB of objects, thrown away) and the page going out at once.
 */
const PREFETCH_MAX_LIST_BYTES = 2 * 1024 * 1024;

/**
 * Sessions whose server list was too large to prefetch, so their pages stop asking for it on
 * the server (it would be read twice per page load: here and by the browser). Keyed by the
 * session's account keys (never a credential); forgotten after ten minutes.
 */
const largeInventories = new Map<string, number>();
const LARGE_MEMORY_MS = 10 * 60_000;

export type Prefetched = {
  state: DehydratedState;
  /**
   * The session's server list is too large for the HTML (known from before, or found now): the
   * page may start the browser's request for it early (components/servers/early-server-list.tsx).
   */
  serverListTooLarge: boolean;
};

/**
 * Fetches what a page shows on the server and returns it dehydrated for the page's
 * PrefetchedQueries (components/shell/prefetched-queries.tsx), so a full page load arrives with
 * its rows in the HTML. The answers are the same the route handlers give (same client, same
 * sort), under the same query keys, so client navigation, polling and mutations carry on from
 * there unchanged. Anything that fails is left out and fetched by the browser, which shows the
 * error where it happens.
 */
export async function prefetch(wants: Prefetch): Promise<Prefetched> {
  const queryClient = new QueryClient();
  let serverListTooLarge = false;
  // A client-side navigation (the router's fetch, not a document load) skips this: the
  // browser's cache already has the data or fetches it itself, so navigating stays as quick
  // as before instead of waiting for the upstream here. Browsers say which is which.
  const dest = (await headers()).get("sec-fetch-dest");
  if (dest && dest !== "document") return { state: dehydrate(queryClient), serverListTooLarge };
  const session = await getSession();
  if (!session) return { state: dehydrate(queryClient), serverListTooLarge };
  const signal = AbortSignal.timeout(PREFETCH_BUDGET_MS);

  // The same lists the route handlers answer with (every account of the session, each row
  // naming its account), in the shape the browser's query functions produce.
  const jobs: Promise<void>[] = [];
  if (wants.orders) {
    jobs.push(
      listSessionOrders(session, signal).then(({ orders, failures }) => {
        queryClient.setQueryData(orderKeys.list(), orders);
        queryClient.setQueryData(accountFailureKeys.orders, failures);
      }),
    );
  }
  if (wants.order !== undefined) {
    const orderId = wants.order;
    jobs.push(
      inAccountOf(session, null, (_account, client) => client.orderStatus(orderId, { signal })).then(({ account, value }) => {
        queryClient.setQueryData(orderKeys.detail(orderId), { ...value, account: account.key });
      }),
    );
  }
  const key = session.accounts.map((account) => account.key).join(",");
  const knownLarge = (largeInventories.get(key) ?? 0) > Date.now() - LARGE_MEMORY_MS;
  if (wants.servers && knownLarge) serverListTooLarge = true;
  if (wants.servers && !knownLarge) {
    jobs.push(
      listSessionServers(session, undefined, signal, null, { maxBodyBytes: PREFETCH_MAX_LIST_BYTES })
        .then((listed) => {
          if (listed !== "too large" && listed.parts.reduce((sum, part) => sum + part.servers.length, 0) <= PREFETCH_MAX_SERVERS) {
            const { parts, failures } = listed;
            const sources = parts.map((part) => ({ account: part.account, count: part.servers.length }));
            queryClient.setQueryData(serverKeys.list(), tagServers({ servers: parts.flatMap((part) => part.servers), sources }));
            queryClient.setQueryData(accountFailureKeys.servers, failures);
          } else {
            if (largeInventories.size > 1_000) largeInventories.clear();
            largeInventories.set(key, Date.now());
            serverListTooLarge = true;
          }
        }),
    );
  }
  const results = await Promise.allSettled(jobs);
  for (const result of results) {
    if (result.status === "rejected") logger.warn(`prefetch skipped, the browser will ask: ${result.reason instanceof Error ? result.reason.name : "error"}`);
  }
  return { state: dehydrate(queryClient), serverListTooLarge };
}
