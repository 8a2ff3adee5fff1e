"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Menu, type MenuItem } from "@/components/ui/menu";
import type { PublicAccount } from "@/lib/accounts/accounts";

/** The switcher's menu of the session's accounts (see account-switcher.tsx). */
export function AccountMenu({ accounts }: { accounts: PublicAccount[] }) {
  const queryClient = useQueryClient();
  const [failed, setFailed] = useState(false);
  const active = accounts.find((account) => account.active);
  if (!active) return null;
  const items: MenuItem[] = [
    ...accounts.map((account) => ({
      key: account.key,
      label: account.label,
      checked: account.active,
      onSelect: () => {
        if (account.active) return;
        setFailed(false);
        // Loaded on the choice itself: the switcher is in every page's first load, a switch is rare.
        import("@/lib/queries/account-changes")
          .then(({ changeAccount }) => changeAccount(queryClient, { key: account.key, active: true }))
          .catch(() => setFailed(true));
      },
    })),
    { key: "manage", label: "Manage accounts", href: "/accounts" },
  ];
  return (
    <div className="flex min-w-0 items-center gap-2">
      {failed ? (
        <span role="alert" className="text-sm text-red-700 dark:text-red-300">
          Could not switch; try again.
        </span>
      ) : null}
      <Menu
        label={`Orders go to: ${active.label}`}
        header="New orders go to"
        items={items}
        triggerClassName="inline-flex min-h-9 max-w-32 items-center gap-1 rounded-md border border-slate-300 px-2.5 text-sm font-medium hover:bg-slate-100 sm:max-w-48 dark:border-slate-600 dark:hover:bg-slate-800"
        trigger={
          <>
            <span className="truncate" data-testid="active-account">
              {active.label}
            </span>
            <span aria-hidden="true">▾</span>
          </>
        }
      />
    </div>
  );
}
