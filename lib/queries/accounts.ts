"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { Credentials } from "@/lib/accounts/accounts";
import { loadedForCall } from "@/lib/queries/api-fetch";
import { useAction } from "@/lib/queries/use-action";

// The accounts page's changes, on useAction rather than useMutation (see use-action.ts): the
// page is one of the heaviest first loads, and these are its only mutations. The requests
// themselves (account-changes.ts) load with the first change, as the header's account switcher
// loads them: a visit to the page mostly changes nothing.
const loadChanges = () => loadedForCall(import("@/lib/queries/account-changes"));

export function useAddAccountMutation() {
  const queryClient = useQueryClient();
  return useAction(async (body: { credentials: Credentials; label?: string; activate?: boolean }) => (await loadChanges()).addAccount(queryClient, body));
}

export function useChangeAccountMutation() {
  const queryClient = useQueryClient();
  return useAction(async (change: { key: string; label?: string; active?: true }) => (await loadChanges()).changeAccount(queryClient, change));
}

export function useRemoveAccountMutation() {
  const queryClient = useQueryClient();
  return useAction(async (key: string) => (await loadChanges()).removeAccount(queryClient, key));
}
