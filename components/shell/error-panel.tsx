"use client";

import { useEffect, useRef } from "react";

/*
 * The primary button's look, written out rather than imported from button-core: the root and the
 * signed-in error boundaries are in every page's first load, and Turbopack gives each boundary
 * its own copy of what it imports, so button-core's variant table cost about 0.4 kB gzip twice.
 */
const retryClasses =
  "mt-4 inline-flex min-h-10 items-center justify-center rounded-md bg-blue-700 transition-colors px-4 text-sm font-medium text-white hover:bg-blue-800 dark:bg-blue-500 dark:text-slate-950 dark:hover:bg-blue-400";

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
      <button type="button" className={retryClasses} onClick={reset}>
        Try again
      </button>
    </div>
  );
}
