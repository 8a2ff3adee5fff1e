"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { Credentials } from "@/lib/accounts/accounts";
import { applyAccounts, changeAccount, type AccountsAnswer } from "@/lib/queries/account-changes";
import { apiFetch } from "@/lib/queries/api-fetch";
import { useAction } from "@/lib/queries/use-action";

// The accounts page's changes, on useAction rather than useMutation (see use-action.ts): the
// page is one of the heaviest first loads, and these are its only mutations.

export function useAddAccountMutation() {
  const queryClient = useQueryClient();
  return useAction(async (body: { credentials: Credentials; label?: string; activate?: boolean }) => {
    const answer = await apiFetch<AccountsAnswer & { account: string }>("/api/session/accounts", { method: "POST", body });
    applyAccounts(queryClient, answer.accounts, true);
    return answer;
  });
}

export function useChangeAccountMutation() {
  const queryClient = useQueryClient();
  return useAction((change: { key: string; label?: string; active?: true }) => changeAccount(queryClient, change));
}

export function useRemoveAccountMutation() {
  const queryClient = useQueryClient();
  return useAction(async (key: string) => {
    const answer = await apiFetch<AccountsAnswer>(`/api/session/accounts/${encodeURIComponent(key)}`, { method: "DELETE" });
    applyAccounts(queryClient, answer.accounts, true);
    return answer;
  });
}
