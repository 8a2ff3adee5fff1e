"use client";

import { useId, useState } from "react";
import { AccountFilter } from "@/components/accounts/account-filter";
import { useAccountLabels } from "@/components/accounts/session-accounts";
import { inputClasses } from "@/components/ui/input-classes";
import { sortOptions, statusFilterOptions } from "@/lib/orders/list-view";

type Params = { status: string; q: string; sort: string; account: string };

/** Search, status filter and sort of the orders list; the values live in the URL. */
export function ListControls({ params, onChange }: { params: Params; onChange: (changes: Partial<Params>, options?: { replace?: boolean }) => void }) {
  const id = useId();
  const { accounts, several } = useAccountLabels();
  // The box keeps its own text while typing; the URL follows (replace: one history entry per
  // search). When the URL changes on its own (back button, shared link) the box follows it.
  const [text, setText] = useState(params.q);
  const [urlQ, setUrlQ] = useState(params.q);
  if (params.q !== urlQ) {
    setUrlQ(params.q);
    setText(params.q);
  }
  return (
    <form
      role="search"
      aria-label="Orders"
      onSubmit={(e) => e.preventDefault()}
      className={`grid gap-3 ${several ? "sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr]" : "sm:grid-cols-[2fr_1fr_1fr]"}`}
    >
      <div className="space-y-1">
        <label htmlFor={`${id}-q`} className="block text-sm font-medium">
          Search
        </label>
        <input
          id={`${id}-q`}
          type="search"
          className={inputClasses}
          placeholder="Order id, reference or server name"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            onChange({ q: e.target.value }, { replace: true });
          }}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-status`} className="block text-sm font-medium">
          Status
        </label>
        <select id={`${id}-status`} className={inputClasses} value={params.status} onChange={(e) => onChange({ status: e.target.value })}>
          {statusFilterOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {several ? <AccountFilter id={`${id}-account`} accounts={accounts} value={params.account} onChange={(account) => onChange({ account })} /> : null}
      <div className="space-y-1">
        <label htmlFor={`${id}-sort`} className="block text-sm font-medium">
          Sort by
        </label>
        <select id={`${id}-sort`} className={inputClasses} value={params.sort} onChange={(e) => onChange({ sort: e.target.value })}>
          {sortOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
