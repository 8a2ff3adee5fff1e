"use client";

import { Button, ButtonLink } from "@/components/ui/button";
import { useReadOnly } from "@/lib/queries/account";

/**
 * The pages' "New order" button. For an account the klikk API has refused as read-only it is
 * a disabled button (the page's notice says why), instead of a link to a form that cannot be sent.
 */
export function NewOrderLink() {
  const readOnly = useReadOnly();
  if (readOnly) {
    return (
      <Button disabled title="Read-only access: ordering is off">
        New order
      </Button>
    );
  }
  return <ButtonLink href="/orders/new">New order</ButtonLink>;
}
