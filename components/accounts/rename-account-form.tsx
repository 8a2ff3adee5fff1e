"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button-core";
import { TextField } from "@/components/ui/field";
import type { PublicAccount } from "@/lib/accounts/accounts";

/**
 * A row's new-name field, open after "Rename". Loaded with the first "Rename" (or when the pointer
 * or focus reaches it, see account-row.tsx): most visits to the accounts page rename nothing. It
 * mounts afresh on every open, so the draft starts from the current name as it did in the row.
 */
export function RenameAccountForm({
  id,
  account,
  pending,
  error,
  onSave,
  onCancel,
}: {
  /** The field's id (the row's, so it is what it was before the form moved here). */
  id: string;
  account: PublicAccount;
  pending: boolean;
  error: string | null;
  /** Resolves once saved; rejects when the change failed (the row passes the message back as `error`). */
  onSave: (label: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(account.label);

  async function saveLabel(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await onSave(draft);
    } catch {
      // Shown beside the field.
    }
  }

  return (
    <form onSubmit={saveLabel} className="mt-3 flex flex-wrap items-end gap-2" noValidate>
      <TextField
        id={id}
        label={`New name for ${account.label}`}
        className="min-w-0 flex-1"
        maxLength={60}
        value={draft}
        autoFocus
        onChange={(event) => setDraft(event.target.value)}
        error={error}
      />
      <Button type="submit" size="sm" pending={pending}>
        Save name
      </Button>
      <Button type="button" variant="secondary" size="sm" onClick={onCancel}>
        Cancel
      </Button>
    </form>
  );
}
