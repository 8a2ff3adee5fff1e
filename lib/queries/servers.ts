"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Server as KlikkServer } from "@/lib/klikk/schemas";
import { apiFetch, withAccount } from "@/lib/queries/api-fetch";
import { accountFailureKeys, serverKeys } from "@/lib/queries/keys";
import { tagServers, type ServersAnswer } from "@/lib/accounts/tag-servers";

/** A server with the key of the session account it belongs to (issue 15). */
export type Server = KlikkServer & { account: string };

export { serverKeys };

/** `account` is a hint for one order item's servers: the server asks that account first. */
export const serversQueryOptions = (orderItemId?: number, account?: string) =>
  queryOptions({
    queryKey: serverKeys.list(orderItemId),
    queryFn: async ({ signal, client }) => {
      const url = orderItemId ? withAccount(`/api/servers?orderItemId=${orderItemId}`, account) : "/api/servers";
      const body = await apiFetch<ServersAnswer>(url, { signal });
      if (!orderItemId) client.setQueryData(accountFailureKeys.servers, body.failures ?? []);
      return tagServers(body);
    },
  });

export function useServersQuery(orderItemId?: number, account?: string) {
  return useQuery(serversQueryOptions(orderItemId, account));
}
