/**
 * Changes to the session's accounts as plain functions, without TanStack's mutation hooks: the
 * header's account switcher is on every page, and importing useMutation (its observer, about
 * 1 kB gzip) from there put it into the first load of pages that change nothing.
 * lib/queries/accounts.ts builds the accounts page's hooks on these, loading this module with
 * the first change.
 */
import type { QueryClient } from "@tanstack/react-query";
import type { Credentials, PublicAccount } from "@/lib/accounts/accounts";
import { apiFetch } from "@/lib/queries/api-fetch";
import { accountFailureKeys, orderKeys, serverKeys, sessionKey } from "@/lib/queries/keys";
import type { SessionInfo } from "@/lib/queries/session";

export type AccountsAnswer = { accounts: PublicAccount[] };

/**
 * After any change to the session's accounts: the new list at once, and every list and flag
 * that depends on which accounts the session has asked again.
 */
export function applyAccounts(queryClient: QueryClient, accounts: PublicAccount[], listsChanged: boolean) {
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

/** Renames an account or makes it the one new orders go to, and applies the answer. */
export async function changeAccount(queryClient: QueryClient, { key, ...body }: { key: string; label?: string; active?: true }): Promise<AccountsAnswer> {
  const answer = await apiFetch<AccountsAnswer>(`/api/session/accounts/${encodeURIComponent(key)}`, { method: "PATCH", body });
  applyAccounts(queryClient, answer.accounts, false);
  return answer;
}


/** Adds an account to the session (checked upstream like a sign-in) and applies the answer. */
export async function addAccount(queryClient: QueryClient, body: { credentials: Credentials; label?: string; activate?: boolean }): Promise<AccountsAnswer & { account: string }> {
  const answer = await apiFetch<AccountsAnswer & { account: string }>("/api/session/accounts", { method: "POST", body });
  applyAccounts(queryClient, answer.accounts, true);
  return answer;
}

/** Removes an account from the session (its credential is forgotten) and applies the answer. */
export async function removeAccount(queryClient: QueryClient, key: string): Promise<AccountsAnswer> {
  const answer = await apiFetch<AccountsAnswer>(`/api/session/accounts/${encodeURIComponent(key)}`, { method: "DELETE" });
  applyAccounts(queryClient, answer.accounts, true);
  return answer;
}
