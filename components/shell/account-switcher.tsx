"use client";

import { useAccounts } from "@/components/accounts/session-accounts";
import { AccountMenu } from "./account-menu";

/**
 * Which of the session's accounts new orders go to (issue 15), as a menu of choices in the
 * header. Only there once a second account is added: with one account there is nothing to choose.
 */
export function AccountSwitcher() {
  const accounts = useAccounts();
  if (accounts.length < 2) return null;
  // Not lazy on its own: the header's buttons load after the first paint already
  // (lazy-header-tools.tsx), and a second wait inside theirs left the menu's button without its
  // code for a moment after the others had theirs, so an early click did nothing.
  return <AccountMenu accounts={accounts} />;
}
