"use client";

import { useId, useState } from "react";
import { CredentialsForm } from "@/components/login/credentials-form";
import { TextField } from "@/components/ui/field";
import { useAddAccountMutation } from "@/lib/queries/accounts";

/** The sign-in form's fields, a name, and "use it for new orders"; the same checks and messages. */
export function AddAccountForm({ dashboardAddress, onAdded }: { dashboardAddress: string | null; onAdded: (label: string) => void }) {
  const id = useId();
  const add = useAddAccountMutation();
  const [label, setLabel] = useState("");
  const [activate, setActivate] = useState(false);
  return (
    <CredentialsForm
      dashboardAddress={dashboardAddress}
      legend="Add with"
      submitLabel="Add account"
      pendingLabel="Checking…"
      extra={
        <div className="space-y-3">
          <TextField
            id={`${id}-label`}
            label="Name (optional)"
            hint="Shown in lists and the header, e.g. the profile's name. Without one: the username or the token's last characters."
            maxLength={60}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={activate} onChange={(event) => setActivate(event.target.checked)} />
            Send new orders to this account
          </label>
        </div>
      }
      onSubmit={async (credentials) => {
        const answer = await add.mutateAsync({ credentials, ...(label.trim() ? { label: label.trim() } : {}), ...(activate ? { activate } : {}) });
        const added = answer.accounts.find((account) => account.key === answer.account);
        setLabel("");
        setActivate(false);
        onAdded(added?.label ?? "The account");
        return "stay";
      }}
    />
  );
}
