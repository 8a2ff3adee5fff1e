"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Server as KlikkServer } from "@/lib/klikk/schemas";
import { ApiError, apiResponse, withAccount } from "@/lib/queries/api-fetch";
import { accountFailureKeys, serverKeys } from "@/lib/queries/keys";
import { tagServers } from "@/lib/accounts/tag-servers";
import { readServersBody, ServersBodyParser } from "@/lib/servers/servers-stream";

/** A server with the key of the session account it belongs to (issue 15). */
export type Server = KlikkServer & { account: string };

export { serverKeys };

/** `account` is a hint for one order item's servers: the server asks that account first. */
export const serversQueryOptions = (orderItemId?: number, account?: string) =>
  queryOptions({
    queryKey: serverKeys.list(orderItemId),
    queryFn: async ({ signal, client }) => {
      const url = orderItemId ? withAccount(`/api/servers?orderItemId=${orderItemId}`, account) : "/api/servers";
      const response = await apiResponse(url, { signal });
      if (!response.body) throw new ApiError(response.status, "internal", "The dashboard answered without a server list. Try again.");
      // Parsed while it downloads (servers-stream.ts): 20,000 servers are 5.6 MB of JSON.
      const parser = new ServersBodyParser();
      const body = await readServersBody(response.body, parser);
      if (!orderItemId) client.setQueryData(accountFailureKeys.servers, body.failures ?? []);
      return tagServers(body);
    },
  });

export function useServersQuery(orderItemId?: number, account?: string) {
  return useQuery(serversQueryOptions(orderItemId, account));
}
