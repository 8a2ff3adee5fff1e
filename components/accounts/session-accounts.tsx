"use client";

import { createContext, useCallback, useContext, type ReactNode } from "react";
import { labelOf, type PublicAccount } from "@/lib/accounts/accounts";
import { useSessionQuery } from "@/lib/queries/session";

/**
 * The session's accounts as the layout rendered them on the server, so every list can name
 * accounts in its first paint; the browser's GET /api/session answer takes over once it is in.
 */
const SessionAccountsContext = createContext<PublicAccount[]>([]);

export function SessionAccountsProvider({ accounts, children }: { accounts: PublicAccount[]; children: ReactNode }) {
  return <SessionAccountsContext value={accounts}>{children}</SessionAccountsContext>;
}

/** Every account of the session (the one signed in with first); several only after adding one. */
export function useAccounts(): PublicAccount[] {
  const initial = useContext(SessionAccountsContext);
  return useSessionQuery().data?.accounts ?? initial;
}

/** The accounts, whether there are several (lists then show an Account column), and a label lookup. */
export function useAccountLabels() {
  const accounts = useAccounts();
  // Stable while the accounts are: memoised tables (20,000 servers) take the function as a prop.
  const label = useCallback((key: string | undefined) => labelOf(accounts, key), [accounts]);
  return { accounts, several: accounts.length > 1, label };
}
