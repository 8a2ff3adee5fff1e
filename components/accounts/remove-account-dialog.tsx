"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button-core";
import { Dialog } from "@/components/ui/dialog";
import type { PublicAccount } from "@/lib/accounts/accounts";
import { isApiError } from "@/lib/queries/api-fetch";
import { useRemoveAccountMutation } from "@/lib/queries/accounts";

/**
 * Confirms removing an account from the session. Loaded with the row's first "Remove" (see
 * account-row.tsx) and kept mounted after, so it can close and hand focus back.
 */
export function RemoveAccountDialog({
  account,
  open,
  onClose,
  onRemoved,
}: {
  account: PublicAccount;
  open: boolean;
  onClose: () => void;
  onRemoved: (label: string) => void;
}) {
  const remove = useRemoveAccountMutation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      busy={remove.isPending}
      title={`Remove ${account.label}?`}
      description="Its orders and servers leave this session's lists, and its credential is deleted from the dashboard at once. Nothing changes at klikk."
    >
      {remove.isError ? (
        <Alert tone="error">
          <p>{isApiError(remove.error) ? remove.error.message : "Something went wrong. Try again."}</p>
        </Alert>
      ) : null}
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={remove.isPending}>
          Keep it
        </Button>
        <Button
          variant="danger"
          pending={remove.isPending}
          onClick={() =>
            remove.mutate(account.key, {
              onSuccess: () => {
                onClose();
                onRemoved(account.label);
              },
            })
          }
        >
          Remove account
        </Button>
      </div>
    </Dialog>
  );
}
