"use client";

import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { Credentials, PublicAccount } from "@/lib/accounts/accounts";
import { apiFetch } from "@/lib/queries/api-fetch";
import { accountFailureKeys, orderKeys, serverKeys, sessionKey } from "@/lib/queries/keys";
import type { SessionInfo } from "@/lib/queries/session";

type AccountsAnswer = { accounts: PublicAccount[] };

/**
 * After any change to the session's accounts: the new list at once, and every list and flag
 * that depends on which accounts the session has asked again.
 */
function applyAccounts(queryClient: QueryClient, accounts: PublicAccount[], listsChanged: boolean) {
  queryClient.setQueryData<SessionInfo>(sessionKey, (current) => (current ? { ...current, accounts } : current));
  void queryClient.invalidateQueries({ queryKey: sessionKey });
  void queryClient.invalidateQueries({ queryKey: ["account"] });
  if (listsChanged) {
    queryClient.removeQueries({ queryKey: accountFailureKeys.orders });
    queryClient.removeQueries({ queryKey: accountFailureKeys.servers });
    void queryClient.invalidateQueries({ queryKey: orderKeys.all });
    void queryClient.invalidateQueries({ queryKey: serverKeys.all });
  }
}

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
  return useMutation({
    mutationFn: ({ key, ...body }: { key: string; label?: string; active?: true }) =>
      apiFetch<AccountsAnswer>(`/api/session/accounts/${encodeURIComponent(key)}`, { method: "PATCH", body }),
    onSuccess: (answer) => applyAccounts(queryClient, answer.accounts, false),
  });
}

export function useRemoveAccountMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => apiFetch<AccountsAnswer>(`/api/session/accounts/${encodeURIComponent(key)}`, { method: "DELETE" }),
    onSuccess: (answer) => applyAccounts(queryClient, answer.accounts, true),
  });
}
