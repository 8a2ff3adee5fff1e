"use client";

import { lazy, Suspense } from "react";
import { useAccountFailures } from "@/lib/queries/account-failures";

// The warning itself loads only when an account's list failed, which most visits never see; it
// is on the first load of the overview, orders and servers pages otherwise.
const AccountFailuresAlert = lazy(() => import("@/components/accounts/account-failures-alert").then((m) => ({ default: m.AccountFailuresAlert })));

/**
 * The accounts whose list could not be read while the others' could: named above the list, so
 * a missing account's rows are never mistaken for "no orders" (issue 15).
 */
export function AccountFailures({ list }: { list: "orders" | "servers" }) {
  const failures = useAccountFailures(list);
  if (failures.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <AccountFailuresAlert list={list} failures={failures} />
    </Suspense>
  );
}
