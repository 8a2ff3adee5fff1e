"use client";

import { Alert } from "@/components/ui/alert";
import { useAccountLabels } from "@/components/accounts/session-accounts";
import type { AccountFailure } from "@/lib/accounts/accounts";

/** The warning that names the accounts a list is missing (see account-failures.tsx, which loads it only when there are some). */
export function AccountFailuresAlert({ list, failures }: { list: "orders" | "servers"; failures: readonly AccountFailure[] }) {
  const { label } = useAccountLabels();
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
