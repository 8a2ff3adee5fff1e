"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button-core";
import type { QueryErrorAlertProps } from "./query-error-alert";

/** The box itself; see QueryErrorAlert in query-error-alert.tsx. */
export function QueryErrorAlertBody({ title, query, tone = "error", note, className }: QueryErrorAlertProps) {
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
