"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { isApiError } from "@/lib/queries/api-fetch";

/**
 * Retry only when the dashboard itself was not reached. Its answers are final: 4xx cannot change
 * on another try, and for 502/504 the server already retried the upstream within its deadline,
 * so a browser retry would only make the user wait three deadlines for the same error.
 */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.code !== "network") return false;
  return failureCount < 2;
}

/**
 * The query cache of the signed-in pages. Given by the dashboard layout, not the root one: the
 * sign-in page has no queries, and TanStack Query is about 9 kB gzip of its first load. Leaving
 * the signed-in layout (signing out) drops the cache with it.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  // One client per browser tab, created lazily so it survives re-renders but is never shared
  // between requests on the server.
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // networkMode "always": offline, a load still runs and fails, so the page says the
          // dashboard could not be reached and offers a retry. TanStack's default ("online")
          // pauses it instead: Refresh did nothing visible and no alert ever came. Coming back
          // online still refetches (refetchOnReconnect).
          queries: { staleTime: 5_000, retry: shouldRetry, refetchOnWindowFocus: true, networkMode: "always" },
          mutations: { retry: false, networkMode: "always" },
        },
      }),
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
