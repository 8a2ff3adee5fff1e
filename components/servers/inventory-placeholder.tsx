/**
 * What the inventory shows until its servers and its code are there: rendered on the server
 * and as the fallback while the results' code loads, with the same markup, so nothing moves.
 */
export function InventoryPlaceholder() {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-2">
      <p className="sr-only">Loading servers…</p>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="h-14 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
        ))}
      </div>
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="h-10 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      ))}
    </div>
  );
}
