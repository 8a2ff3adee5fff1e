"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { AddAccountForm } from "@/components/accounts/add-account-form";
import { AccountRow } from "@/components/accounts/account-row";
import { Card } from "@/components/ui/card";
import { useAccounts } from "@/components/accounts/session-accounts";
import { MAX_SESSION_ACCOUNTS } from "@/lib/accounts/accounts";

/**
 * The list of the session's accounts and the form that adds one. `addIntro`, the form's
 * explanation, is rendered by the server page: static text there costs no JavaScript.
 */
export function AccountsPanel({ dashboardAddress, addIntro }: { dashboardAddress: string | null; addIntro: ReactNode }) {
  const accounts = useAccounts();
  const [notice, setNotice] = useState("");
  const listId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const full = accounts.length >= MAX_SESSION_ACCOUNTS;
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
      <section aria-labelledby={listId} className="space-y-3">
        <h2 id={listId} ref={headingRef} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
          {accounts.length === 1 ? "1 account" : `${accounts.length} accounts`} in this session
        </h2>
        <p role="status" className="text-sm text-slate-700 empty:hidden dark:text-slate-200">
          {notice}
        </p>
        <ul className="space-y-3">
          {accounts.map((account) => (
            <AccountRow
              key={account.key}
              account={account}
              onRemoved={(label) => {
                setNotice(`${label} was removed from this session; its credential is forgotten.`);
                headingRef.current?.focus();
              }}
            />
          ))}
        </ul>
      </section>
      <Card aria-label="Add an account" className="h-fit space-y-3">
        <h2 className="text-lg font-semibold">Add an account</h2>
        {full ? (
          <p className="text-sm">This session holds {MAX_SESSION_ACCOUNTS} accounts, the most it can. Remove one to add another.</p>
        ) : (
          <>
            {addIntro}
            <AddAccountForm dashboardAddress={dashboardAddress} onAdded={(label) => setNotice(`${label} was added to this session.`)} />
          </>
        )}
      </Card>
    </div>
  );
}
