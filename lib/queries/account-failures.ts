"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import type { AccountFailure } from "@/lib/accounts/accounts";
import { accountFailureKeys } from "@/lib/queries/keys";

/**
 * Accounts whose orders or servers could not be read in the last answer of that list. Never
 * fetched on its own: the lists' query functions (and the server's prefetch) set it.
 */
export function useAccountFailures(list: keyof typeof accountFailureKeys): AccountFailure[] {
  return useQuery<AccountFailure[]>({ queryKey: accountFailureKeys[list], queryFn: skipToken, staleTime: Infinity }).data ?? [];
}
