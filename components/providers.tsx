"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
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

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser tab, created lazily so it survives re-renders but is never shared
  // between requests on the server.
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 5_000, retry: shouldRetry, refetchOnWindowFocus: true },
          mutations: { retry: false },
        },
      }),
  );
  // Pages now arrive with their data in the HTML, so "the rows are there" no longer means "the
  // page reacts": this marks the moment it does, for tests and for styles that need script.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
