"use client";

import type { QueryClient } from "@tanstack/react-query";
import { isApiError } from "@/lib/queries/api-fetch";
import { accountQueryOptions } from "@/lib/queries/account";

/**
 * After a refusal for read-only access, every page shows the actions as off at once. Apart from
 * account.ts, whose read-only flag is in every signed-in page's first load: only placing an
 * order (the lazily loaded wizard) needs this.
 */
export function noteRefusal(queryClient: QueryClient, error: unknown): void {
  if (isApiError(error) && error.code === "read_only") {
    queryClient.setQueryData(accountQueryOptions().queryKey, (current) => (current ? { ...current, readOnly: true } : current));
    void queryClient.invalidateQueries({ queryKey: accountQueryOptions().queryKey });
  }
}
