"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/queries/api-fetch";

export type SessionInfo = { method: "token" | "basic" | "digest"; username?: string; clientAddress: string };

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: ["session"] as const,
    queryFn: ({ signal }) => apiFetch<SessionInfo>("/api/session", { signal }),
    staleTime: 60_000,
  });

/** Who is signed in and the address the dashboard sees for this browser (for ip_allow). */
export function useSessionQuery() {
  return useQuery(sessionQueryOptions());
}
