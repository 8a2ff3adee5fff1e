"use client";

import { lazy, Suspense } from "react";
import { useAccounts } from "@/components/accounts/session-accounts";

// The menu loads only for a session with several accounts, which most never add: every
// signed-in page's first load carried it for a header slot that stays empty. With several, the
// server's HTML has the menu all the same (React's lazy resolves while the page is rendered there).
const AccountMenu = lazy(() => import("./account-menu").then((m) => ({ default: m.AccountMenu })));

/**
 * Which of the session's accounts new orders go to (issue 15), as a menu of choices in the
 * header. Only there once a second account is added: with one account there is nothing to choose.
 */
export function AccountSwitcher() {
  const accounts = useAccounts();
  if (accounts.length < 2) return null;
  return (
    <Suspense fallback={null}>
      <AccountMenu accounts={accounts} />
    </Suspense>
  );
}
