"use client";

import { Alert } from "@/components/ui/alert";
import { READ_ONLY_NOTICE } from "@/lib/api-errors";
import { useReadOnly } from "@/lib/queries/account";

/**
 * Shown on every signed-in page once the upstream has refused this account an order or a cancel
 * as read-only; the order and cancel buttons are disabled with it.
 */
export function ReadOnlyNotice() {
  const readOnly = useReadOnly();
  if (!readOnly) return null;
  return (
    <Alert tone="info" title={READ_ONLY_NOTICE} className="mb-4">
      <p>The klikk API refused an order or a cancellation for this account because it may only read. Ask an account owner in the klikk portal for more rights.</p>
    </Alert>
  );
}
