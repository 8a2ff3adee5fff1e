"use client";

import { useId } from "react";
import { AccountFilter } from "@/components/accounts/account-filter";
import { useAccountLabels } from "@/components/accounts/session-accounts";
import { inputClasses } from "@/components/ui/input-classes";
import { profileLabel } from "@/lib/servers/profiles";
import type { RunningFilter } from "@/lib/servers/view-state";

type Props = {
  text: string;
  onSearch: (text: string) => void;
  running: RunningFilter;
  profile: string;
  profiles: readonly (number | null)[];
  /** The session's account filter: "" for all accounts. */
  account: string;
  onChange: (changes: { state?: string; profile?: string; account?: string }) => void;
};

/** Search, state and profile of the inventory; compact so a phone shows results on its first screen. */
export function InventoryFilters({ text, onSearch, running, profile, profiles, account, onChange }: Props) {
  const searchId = useId();
  const { accounts, several } = useAccountLabels();
  return (
    <form role="search" aria-label="Servers" className="mb-4 flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
      <div className="min-w-0 flex-[1_1_16rem]">
        <label htmlFor={`${searchId}-q`} className="block text-sm font-medium">
          Search
        </label>
        <input
          id={`${searchId}-q`}
          type="search"
          value={text}
          onChange={(e) => onSearch(e.target.value)}
          placeholder="Name, IPv4 or IPv6 address"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${searchId}-hint`}
          className={`${inputClasses} mt-1`}
        />
        <p id={`${searchId}-hint`} className="sr-only">
          Finds servers by name and by any address on any network; IPv6 in any case and written form.
        </p>
      </div>
      <div>
        <label htmlFor={`${searchId}-state`} className="block text-sm font-medium">
          State
        </label>
        <select id={`${searchId}-state`} value={running} onChange={(e) => onChange({ state: e.target.value })} className={`${inputClasses} mt-1 w-auto`}>
          <option value="all">All</option>
          <option value="running">Running</option>
          <option value="stopped">Stopped</option>
        </select>
      </div>
      {several ? <AccountFilter id={`${searchId}-account`} accounts={accounts} value={account} onChange={(next) => onChange({ account: next })} /> : null}
      <div>
        <label htmlFor={`${searchId}-profile`} className="block text-sm font-medium">
          Profile
        </label>
        <select id={`${searchId}-profile`} value={profile} onChange={(e) => onChange({ profile: e.target.value })} className={`${inputClasses} mt-1 w-auto`}>
          <option value="all">All profiles</option>
          {profiles.map((p) => (
            <option key={String(p)} value={p === null ? "none" : String(p)}>
              {profileLabel(p)}
            </option>
          ))}
          {profile !== "all" && !profiles.some((p) => (p === null ? "none" : String(p)) === profile) ? (
            <option value={profile}>{profile === "none" ? "No profile" : `Profile ${profile}`}</option>
          ) : null}
        </select>
      </div>
    </form>
  );
}
