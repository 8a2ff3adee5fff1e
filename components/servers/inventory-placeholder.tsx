/**
 * What the inventory shows until its servers and its code are there: rendered on the server
 * and as the fallback while the results' code loads, with the same markup, so nothing moves.
 */
export function InventoryPlaceholder() {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-2">
      <p className="sr-only">Loading servers…</p>
      {/* The table's type, set unseen while the list loads: a page's first text in a face and
          weight (the addresses' monospace above all) costs the browser a font lookup and glyphs
          on first layout, which otherwise fell inside the first render of the rows (traces of
          five loads each: that render's layout 26 to 16 ms and style 13 to 7 ms, medians).
          Characters, not words, so no search of the page's text finds them. */}
      <p aria-hidden="true" className="invisible absolute size-px overflow-hidden">
        <span className="font-mono text-[13px]">0123456789abcdef:.</span>
        <span className="text-xs font-semibold uppercase tabular-nums">ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789</span>
        <span className="text-sm font-medium tabular-nums">abcdefghijklmnopqrstuvwxyz 0123456789</span>
      </p>
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
