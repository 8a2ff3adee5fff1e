"use client";

import { inputClasses } from "@/components/ui/input-classes";
import type { PublicAccount } from "@/lib/accounts/accounts";

/**
 * "All accounts" or one of the session's accounts, for the orders and servers lists; the value
 * lives in the URL (`?account=`). A key that is no longer in the session shows as its own choice
 * so the person sees why the list is empty instead of a silently changed filter.
 */
export function AccountFilter({ id, accounts, value, onChange }: { id: string; accounts: readonly PublicAccount[]; value: string; onChange: (account: string) => void }) {
  const unknown = value !== "" && !accounts.some((account) => account.key === value);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        Account
      </label>
      <select id={id} className={inputClasses} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">All accounts</option>
        {accounts.map((account) => (
          <option key={account.key} value={account.key}>
            {account.label}
          </option>
        ))}
        {unknown ? <option value={value}>An account no longer in this session</option> : null}
      </select>
    </div>
  );
}
