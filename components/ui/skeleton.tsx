import type { ReactNode } from "react";

/**
 * Grey placeholders in the shape of what is loading. They are hidden from screen readers; the
 * wrapper's status text says "Loading ..." once instead.
 */
export function Skeleton({ className = "" }: { className?: string }) {
  return <span aria-hidden="true" className={`block animate-pulse rounded-md bg-slate-200 motion-reduce:animate-none dark:bg-slate-700 ${className}`} />;
}

export function SkeletonBlock({ label, children, className = "" }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div role="status" aria-live="polite" className={className}>
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}

/** A table-ish stack of rows, for lists. */
export function SkeletonRows({ rows = 5, label }: { rows?: number; label: string }) {
  return (
    <SkeletonBlock label={label} className="space-y-3">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </SkeletonBlock>
  );
}
