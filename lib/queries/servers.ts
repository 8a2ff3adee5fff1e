"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Server } from "@/lib/klikk/schemas";
import { apiFetch } from "@/lib/queries/api-fetch";

export type { Server };

export const serverKeys = {
  all: ["servers"] as const,
  list: (orderItemId?: number) => [...serverKeys.all, "list", orderItemId ?? "all"] as const,
};

export const serversQueryOptions = (orderItemId?: number) =>
  queryOptions({
    queryKey: serverKeys.list(orderItemId),
    queryFn: ({ signal }) =>
      apiFetch<{ servers: Server[] }>(orderItemId ? `/api/servers?orderItemId=${orderItemId}` : "/api/servers", { signal }).then((body) => body.servers),
  });

export function useServersQuery(orderItemId?: number) {
  return useQuery(serversQueryOptions(orderItemId));
}
