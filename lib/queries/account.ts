"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { AccountInfo } from "@/app/api/account/route";
import { apiFetch } from "@/lib/queries/api-fetch";

export type { AccountInfo };

export const accountQueryOptions = () =>
  queryOptions({
    queryKey: ["account"] as const,
    queryFn: ({ signal }) => apiFetch<AccountInfo>("/api/account", { signal }),
    staleTime: 60_000,
  });

/** Read-only flag and portal address of the signed-in account. */
export function useAccountQuery() {
  return useQuery(accountQueryOptions());
}

/**
 * True once the upstream has refused this account (the order's account when `account` is given,
 * else the one new orders go to) an order or a cancel as read-only. Until the
 * answer is known the actions stay on: the upstream is the judge, this only spares a wasted form.
 */
export function useReadOnly(account?: string): boolean {
  const data = useAccountQuery().data;
  if (!data) return false;
  // An older answer (or a test's) may lack the per-account list: then the active account's flag.
  return account && data.readOnlyAccounts ? data.readOnlyAccounts.includes(account) : data.readOnly === true;
}
