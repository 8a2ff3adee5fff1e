"use client";

import { lazy, Suspense } from "react";

type FailedQuery = { error: Error | null; isFetching: boolean; refetch: () => unknown };
export type QueryErrorAlertProps = { title: string; query: FailedQuery; tone?: "error" | "warning"; note?: string; className?: string };

// A failed load is not the common path, so the box and its retry button load when one is shown,
// not in the first load of every list and detail page. The server's HTML still has it when a
// page is rendered with an error (React's lazy resolves while the page is rendered there).
const QueryErrorAlertBody = lazy(() => import("./query-error-alert-body").then((m) => ({ default: m.QueryErrorAlertBody })));

/**
 * The one "could not be loaded" box: what failed, the reason the dashboard gave, and a retry
 * that shows its progress. `tone="warning"` is for a refresh that failed while older data is
 * still on screen.
 */
export function QueryErrorAlert(props: QueryErrorAlertProps) {
  return (
    <Suspense fallback={null}>
      <QueryErrorAlertBody {...props} />
    </Suspense>
  );
}
