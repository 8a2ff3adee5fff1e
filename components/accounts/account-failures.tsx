"use client";

import { Alert } from "@/components/ui/alert";
import { useAccountLabels } from "@/components/accounts/session-accounts";
import { useAccountFailures } from "@/lib/queries/account-failures";

/**
 * The accounts whose list could not be read while the others' could: named above the list, so
 * a missing account's rows are never mistaken for "no orders" (issue 15).
 */
export function AccountFailures({ list }: { list: "orders" | "servers" }) {
  const failures = useAccountFailures(list);
  const { label } = useAccountLabels();
  if (failures.length === 0) return null;
  return (
    <Alert tone="warning" title={`Some accounts' ${list} are missing`}>
      <ul className="list-disc pl-5">
        {failures.map((failure) => (
          <li key={failure.account}>
            {label(failure.account)}: {failure.message}
          </li>
        ))}
      </ul>
      <p className="mt-1">The list shows the other accounts; it asks again on the next update.</p>
    </Alert>
  );
}
