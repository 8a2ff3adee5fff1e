"use client";

import { Menu, type MenuItem } from "@/components/ui/menu";
import { useSessionQuery } from "@/lib/queries/session";
import { accountLabel, accountShortName, type AccountInfo } from "@/lib/session/account-label";
import { useSignOut } from "./use-sign-out";

/**
 * Who is signed in and the account's actions, behind one small button so the header keeps to
 * one row on a phone: the account's sessions and activity, signing out everywhere, signing out.
 */
export function UserMenu({ account }: { account: AccountInfo }) {
  const { signOut, pending, failed } = useSignOut();
  // The session answer may carry more than the page was rendered with (a token hint).
  const session = useSessionQuery();
  const info: AccountInfo = { ...account, ...(session.data as Partial<AccountInfo> | undefined) };
  const label = accountLabel(info);
  const items: MenuItem[] = [
    { key: "accounts", label: "Accounts", href: "/accounts" },
    { key: "sessions", label: "Sessions", href: "/sessions" },
    { key: "activity", label: "Activity", href: "/activity" },
    { key: "sign-out-everywhere", label: "Sign out everywhere", onSelect: () => void signOut({ everywhere: true }) },
    { key: "sign-out", label: pending ? "Signing out…" : "Sign out", onSelect: () => void signOut() },
  ];
  return (
    <div className="flex items-center gap-2">
      {failed ? (
        <span role="alert" className="text-sm text-red-700 dark:text-red-300">
          Sign-out failed; try again.
        </span>
      ) : null}
      <Menu
        label={`Account: ${label}`}
        header={<span data-testid="account-label">{label}</span>}
        items={items}
        triggerClassName="inline-flex min-h-9 max-w-40 items-center gap-1 rounded-md border border-slate-300 px-2.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        trigger={
          <>
            <span className="truncate">{accountShortName(info)}</span>
            <span aria-hidden="true">▾</span>
          </>
        }
      />
    </div>
  );
}
