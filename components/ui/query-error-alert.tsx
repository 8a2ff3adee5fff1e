"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button-core";

type FailedQuery = { error: Error | null; isFetching: boolean; refetch: () => unknown };

/**
 * The one "could not be loaded" box: what failed, the reason the dashboard gave, and a retry
 * that shows its progress. `tone="warning"` is for a refresh that failed while older data is
 * still on screen.
 */
export function QueryErrorAlert({ title, query, tone = "error", note, className }: { title: string; query: FailedQuery; tone?: "error" | "warning"; note?: string; className?: string }) {
  return (
    <Alert tone={tone} title={title} className={className}>
      <p>
        {query.error?.message ?? "Something went wrong."}
        {note ? ` ${note}` : null}
      </p>
      <Button variant="secondary" size="sm" className="mt-2" onClick={() => void query.refetch()} pending={query.isFetching}>
        Try again
      </Button>
    </Alert>
  );
}
