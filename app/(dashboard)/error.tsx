"use client";

import { lazy, Suspense } from "react";

// The panel loads when an error happens: this boundary is in every signed-in page's first load
// (about 0.7 kB gzip with the panel), and Turbopack gives it a copy of its own beside the root
// boundary's. Should the panel's code fail to load too, the root boundary and then
// global-error.tsx (kept self-contained for this) take over.
const ErrorPanel = lazy(() => import("@/components/shell/error-panel").then((m) => ({ default: m.ErrorPanel })));

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Suspense fallback={null}>
      <ErrorPanel error={error} reset={reset} />
    </Suspense>
  );
}
