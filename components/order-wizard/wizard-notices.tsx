"use client";

import { useEffect, useRef } from "react";

/** Shown between "placed" and the order's page opening. */
export function HandoffPanel({ title, text, detail }: { title: string; text: string; detail: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section aria-labelledby="handoff-title" className="space-y-3 rounded-lg border border-green-300 bg-green-50 p-4 text-green-950 sm:p-6 dark:border-green-800 dark:bg-green-950 dark:text-green-100">
      <h2 id="handoff-title" ref={ref} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
        {title}
      </h2>
      <p role="status">{text}</p>
      {detail ? <p className="text-sm">The klikk API says: {detail}</p> : null}
    </section>
  );
}

/**
 * Placeholder while the draft is read from storage (only the browser has it). A status, so its
 * name is allowed and announced: a plain div may not carry aria-label (axe's
 * aria-prohibited-attr, seen when a slow machine let axe run before the draft was read).
 */
export function WizardSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading the order form" className="animate-pulse space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <div className="h-6 w-48 rounded bg-slate-200 dark:bg-slate-700" />
      <div className="h-10 w-full rounded bg-slate-200 dark:bg-slate-700" />
      <div className="h-10 w-full rounded bg-slate-200 dark:bg-slate-700" />
    </div>
  );
}
