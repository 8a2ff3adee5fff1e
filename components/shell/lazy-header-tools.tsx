"use client";

import { Suspense, useEffect } from "react";
import { listenForPaletteShortcut } from "@/components/palette/palette-shortcut";
import { eagerLazy } from "@/components/ui/eager-lazy";
import type { AccountInfo } from "@/lib/session/account-label";

/** In their place should their code not load (the dashboard unreachable right then): a way back. */
function HeaderToolsUnavailable() {
  return (
    <button
      type="button"
      onClick={() => window.location.reload()}
      className="inline-flex min-h-9 items-center rounded-md border border-slate-300 px-2.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
    >
      Menus did not load: reload
    </button>
  );
}

/*
 * The header's buttons are in every signed-in page's HTML, but their script (about 3 kB gzip: the
 * palette's shortcut, the bell's query, the menus' triggers, the theme's cycle) is needed only
 * once someone uses them. It arrives beside hydration instead of in every route's first load.
 * React hydrates a boundary at once when a click lands in it after the code has arrived, so the
 * click is not lost; before that, as before any hydration, a click does nothing.
 */
const HeaderTools = eagerLazy<{ account: AccountInfo }>(
  () => import("./header-tools").then((module) => module.HeaderTools),
  HeaderToolsUnavailable,
);

export function LazyHeaderTools({ account }: { account: AccountInfo }) {
  // Heard here, with the page, so a press before the palette's button has hydrated is not lost.
  useEffect(listenForPaletteShortcut, []);
  return (
    // The fallback shows only when the header mounts in the browser before the code has arrived.
    <Suspense fallback={<span className="min-h-9" />}>
      <HeaderTools account={account} />
    </Suspense>
  );
}
