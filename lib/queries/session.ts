"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { PublicAccount } from "@/lib/accounts/accounts";
import { apiFetch } from "@/lib/queries/api-fetch";
import { sessionKey } from "@/lib/queries/keys";

export type SessionInfo = {
  method: "token" | "basic" | "digest";
  username?: string;
  tokenHint?: string;
  clientAddress: string;
  /** Every account of the session, the one signed in with first (issue 15). */
  accounts: PublicAccount[];
};

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionKey,
    queryFn: ({ signal }) => apiFetch<SessionInfo>("/api/session", { signal }),
    staleTime: 60_000,
  });

/** Who is signed in and the address the dashboard sees for this browser (for ip_allow). */
export function useSessionQuery() {
  return useQuery(sessionQueryOptions());
}
