"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Credentials } from "@/lib/accounts/accounts";
import { applyAccounts, changeAccount, type AccountsAnswer } from "@/lib/queries/account-changes";
import { apiFetch } from "@/lib/queries/api-fetch";

export function useAddAccountMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { credentials: Credentials; label?: string; activate?: boolean }) =>
      apiFetch<AccountsAnswer & { account: string }>("/api/session/accounts", { method: "POST", body }),
    onSuccess: (answer) => applyAccounts(queryClient, answer.accounts, true),
  });
}

export function useChangeAccountMutation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (change: { key: string; label?: string; active?: true }) => changeAccount(queryClient, change) });
}

export function useRemoveAccountMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => apiFetch<AccountsAnswer>(`/api/session/accounts/${encodeURIComponent(key)}`, { method: "DELETE" }),
    onSuccess: (answer) => applyAccounts(queryClient, answer.accounts, true),
  });
}
