"use client";

import { lazy, Suspense, useEffect, useState } from "react";
import { isPaletteShortcut } from "./palette-shortcut";

// Matching, the dialog and the result list load on first open: the header carries only this
// button. React's own lazy, as next/dynamic's loader costs about 1 kB gzip of every first load.
const loadPalette = () => import("./command-palette");
const CommandPalette = lazy(() => loadPalette().then((m) => ({ default: m.CommandPalette })));

const headerButton =
  "inline-flex min-h-9 items-center gap-1.5 rounded-md border border-slate-300 px-2.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";

/** "Search" in the header, and Ctrl-K / Cmd-K from anywhere: opens the command palette. */
export function PaletteButton() {
  const [open, setOpen] = useState(false);
  const [mac, setMac] = useState(false);

  useEffect(() => {
    // The platform is only known in the browser, after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setMac(/Mac|iPhone|iPad/.test(navigator.platform));
    const onKey = (event: KeyboardEvent) => {
      if (!isPaletteShortcut(event)) return;
      // Taken from the browser (Ctrl-K focuses its own search bar) on purpose: it is the shortcut users expect here.
      event.preventDefault();
      setOpen(true);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    <>
      <button
        type="button"
        className={headerButton}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        onClick={() => setOpen(true)}
        // Fetch the palette's code as soon as someone is likely to want it.
        onPointerEnter={() => void loadPalette()}
        onFocus={() => void loadPalette()}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="m13 13 4.5 4.5" strokeLinecap="round" />
        </svg>
        <span className="sr-only sm:not-sr-only">Search</span>
        <kbd aria-hidden="true" className="hidden rounded border border-slate-300 px-1 font-sans text-xs text-slate-600 md:inline dark:border-slate-600 dark:text-slate-300">
          {mac ? "⌘K" : "Ctrl K"}
        </kbd>
      </button>
      {open ? (
        <Suspense fallback={null}>
          <CommandPalette onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
