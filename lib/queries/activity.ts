"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ActivityEntry } from "@/lib/activity/kinds";
import { apiFetch } from "@/lib/queries/api-fetch";

export const activityKeys = {
  all: ["activity"] as const,
  order: (orderId: number, version: string) => [...activityKeys.all, "order", orderId, version] as const,
};

/** What this dashboard recorded about one order. `version` changes when the order does, so a cancel shows up. */
export const orderActivityQueryOptions = (orderId: number, version: string) =>
  queryOptions({
    queryKey: activityKeys.order(orderId, version),
    queryFn: ({ signal }) => apiFetch<{ events: ActivityEntry[] }>(`/api/activity?orderId=${orderId}`, { signal }).then((body) => body.events),
  });

export function useOrderActivityQuery(orderId: number, version: string) {
  return useQuery(orderActivityQueryOptions(orderId, version));
}
