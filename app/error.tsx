"use client";

import { ErrorPanel } from "@/components/shell/error-panel";

export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="px-4 py-16">
      <ErrorPanel error={error} reset={reset} />
    </main>
  );
}
