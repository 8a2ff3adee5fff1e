"use client";

import { lazy, Suspense } from "react";
import { useReadOnly } from "@/lib/queries/account";

// The text loads once it is needed: the flag comes from the browser's own request after
// hydration, so the notice is never in a page's first paint, while this component is in every
// signed-in page's first load.
const ReadOnlyAlert = lazy(() => import("./read-only-alert").then((m) => ({ default: m.ReadOnlyAlert })));

/**
 * Shown on every signed-in page once the upstream has refused this account an order or a cancel
 * as read-only; the order and cancel buttons are disabled with it.
 */
export function ReadOnlyNotice() {
  const readOnly = useReadOnly();
  if (!readOnly) return null;
  return (
    <Suspense fallback={null}>
      <ReadOnlyAlert />
    </Suspense>
  );
}
