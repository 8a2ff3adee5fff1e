"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Server as KlikkServer } from "@/lib/klikk/schemas";
import { ApiError, apiResponse, loadedForCall, withAccount } from "@/lib/queries/api-fetch";
import { accountFailureKeys, serverKeys } from "@/lib/queries/keys";
import { tagServers } from "@/lib/accounts/tag-servers";

/** A server with the key of the session account it belongs to (issue 15). */
export type Server = KlikkServer & { account: string };

export { serverKeys };

/**
 * Work on the server list while it downloads, given each batch of servers as it is parsed and
 * then the whole tagged list. Set by the code that builds on the list (the inventory's rows)
 * when that code loads, so that it is not in every page's first load.
 */
export type ServersListener = { add(servers: readonly KlikkServer[]): void; finish(servers: readonly Server[]): void };
let makeListener: (() => ServersListener) | undefined;

export function listenToServerDownloads(make: () => ServersListener): void {
  makeListener = make;
}

/** `account` is a hint for one order item's servers: the server asks that account first. */
export const serversQueryOptions = (orderItemId?: number, account?: string) =>
  queryOptions({
    queryKey: serverKeys.list(orderItemId),
    // The list as this function returns it, not merged into the previous one: the merge walks
    // all 20,000 servers and hands back another array, which is neither the array the
    // inventory's rows were built for while it downloaded (lib/servers/rows-builder.ts) nor the
    // one whose ETag is remembered (lib/queries/list-validators.ts). A 304 keeps the array anyway.
    structuralSharing: false,
    queryFn: async ({ signal, client, queryKey }) => {
      const url = orderItemId ? withAccount(`/api/servers?orderItemId=${orderItemId}`, account) : "/api/servers";
      // The streaming parser loads beside the request (a few hundred bytes, long before a list
      // of any size has arrived) instead of in the first load of every page that lists servers.
      const streamCode = loadedForCall(import("@/lib/servers/servers-stream"));
      streamCode.catch(() => undefined); // awaited below; a failed request must not leave it unhandled
      // On a full load of a page with a large list, the page's HTML may have asked already
      // (lib/queries/early-response.ts; waiting for the parser's code then costs nothing, the
      // list is downloading meanwhile).
      const early = "__klikkEarly" in globalThis ? (await streamCode).takeEarlyResponse(url, signal) : undefined;
      // A refetch names the list it holds; 304 keeps it (lib/queries/list-validators.ts).
      const held = client.getQueryData<Server[]>(queryKey);
      const headers = held && (await streamCode).revalidationHeaders(held);
      const response = await apiResponse(url, { signal, started: early, headers });
      if (response.status === 304 && held) return held;
      if (!response.body) throw new ApiError(response.status, "internal", "The dashboard answered without a server list. Try again.");
      const { readServersBody, rememberEntityTag, ServersBodyParser } = await streamCode;
      // Parsed while it downloads (servers-stream.ts): 20,000 servers are 5.6 MB of JSON.
      const parser = new ServersBodyParser();
      // Created at the first batch after the listener's code has loaded (it catches up from the
      // start); null once it failed: its work only saves time, the list is read regardless.
      let listener: ServersListener | null | undefined;
      const tell = (act: (listener: ServersListener) => void) => {
        if (listener === null || !(listener ??= makeListener?.())) return;
        try {
          act(listener);
        } catch {
          listener = null;
        }
      };
      let given = 0;
      parser.onBatch = () =>
        tell((l) => {
          l.add(parser.servers.slice(given));
          given = parser.servers.length;
        });
      const body = await readServersBody(response.body, parser);
      if (!orderItemId) client.setQueryData(accountFailureKeys.servers, body.failures ?? []);
      const servers = tagServers(body);
      rememberEntityTag(servers, response);
      tell((l) => l.finish(servers));
      return servers;
    },
  });

export function useServersQuery(orderItemId?: number, account?: string) {
  return useQuery(serversQueryOptions(orderItemId, account));
}
