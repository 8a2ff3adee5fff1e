"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Server } from "@/lib/klikk/schemas";
import { apiFetch } from "@/lib/queries/api-fetch";
import { serverKeys } from "@/lib/queries/keys";

export type { Server };

export { serverKeys };

export const serversQueryOptions = (orderItemId?: number) =>
  queryOptions({
    queryKey: serverKeys.list(orderItemId),
    queryFn: ({ signal }) =>
      apiFetch<{ servers: Server[] }>(orderItemId ? `/api/servers?orderItemId=${orderItemId}` : "/api/servers", { signal }).then((body) => body.servers),
  });

export function useServersQuery(orderItemId?: number) {
  return useQuery(serversQueryOptions(orderItemId));
}
