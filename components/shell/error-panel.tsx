"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button-core";

/**
 * What an error boundary shows: a plain message and a retry, never a stack trace. The digest
 * lets an operator find the full error in the server log.
 */
export function ErrorPanel({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-lg border border-red-300 bg-red-50 p-6 dark:border-red-800 dark:bg-red-950">
      <h1 ref={headingRef} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
        Something went wrong
      </h1>
      <p className="mt-2 text-sm">This part of the dashboard could not be shown. Your data is unchanged. Try again; if it keeps failing, check the server log.</p>
      {error.digest ? <p className="mt-2 font-mono text-xs">Reference: {error.digest}</p> : null}
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
