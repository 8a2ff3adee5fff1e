"use client";

import { lazy, Suspense } from "react";

// Loaded when an error happens, as in app/(dashboard)/error.tsx: this boundary is in every
// page's first load. global-error.tsx stays self-contained as the last resort.
const ErrorPanel = lazy(() => import("@/components/shell/error-panel").then((m) => ({ default: m.ErrorPanel })));

export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="px-4 py-16">
      <Suspense fallback={null}>
        <ErrorPanel error={error} reset={reset} />
      </Suspense>
    </main>
  );
}
