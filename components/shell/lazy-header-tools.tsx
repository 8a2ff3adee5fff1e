"use client";

import { Suspense, useCallback, useEffect, useRef } from "react";
import { isPaletteShortcut } from "@/components/palette/palette-shortcut";
import { eagerLazy } from "@/components/ui/eager-lazy";
import type { AccountInfo } from "@/lib/session/account-label";

type ToolsProps = { account: AccountInfo; onReady: () => void };

/** In their place should their code not load (the dashboard unreachable right then): a way back. */
function HeaderToolsUnavailable({ onReady }: ToolsProps) {
  useEffect(onReady, [onReady]);
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
 * The header's buttons are in every signed-in page's HTML, but their script (the palette's
 * button, the bell's query, the menus' triggers, the theme's cycle: about 2 kB gzip of every
 * signed-in route) is needed only once someone uses them. It arrives beside hydration instead
 * of in every route's first load.
 */
const HeaderTools = eagerLazy<ToolsProps>(
  () => import("./header-tools").then((module) => module.HeaderTools),
  HeaderToolsUnavailable,
);

export function LazyHeaderTools({ account }: { account: AccountInfo }) {
  // Until the buttons' code has arrived and their part has hydrated, a click on one of them
  // would do nothing (React cannot hydrate them yet and drops it), and Ctrl-K would find no
  // palette listening. Both are held instead, and given again once the part is ready: a click
  // to the same button (hydration keeps the server's elements), the shortcut to the document.
  const wrapper = useRef<HTMLDivElement>(null);
  const ready = useRef(false);
  const held = useRef<HTMLElement | "shortcut" | null>(null);
  useEffect(() => {
    // On the document, in the capture phase: ahead of React's own listener on its root.
    const holdClick = (event: MouseEvent) => {
      if (ready.current || !(event.target instanceof Element)) return;
      const button = event.target.closest("button");
      if (!button || !wrapper.current?.contains(button)) return;
      event.preventDefault();
      event.stopPropagation();
      held.current = button;
    };
    const holdShortcut = (event: KeyboardEvent) => {
      if (ready.current || !isPaletteShortcut(event)) return;
      event.preventDefault();
      held.current = "shortcut";
    };
    document.addEventListener("click", holdClick, true);
    document.addEventListener("keydown", holdShortcut, true);
    return () => {
      document.removeEventListener("click", holdClick, true);
      document.removeEventListener("keydown", holdShortcut, true);
    };
  }, []);
  const onReady = useCallback(() => {
    ready.current = true;
    const input = held.current;
    held.current = null;
    if (input === "shortcut") document.dispatchEvent(new KeyboardEvent("keydown", { key: "k", ctrlKey: true, bubbles: true }));
    else if (input?.isConnected) input.click();
  }, []);

  return (
    <div ref={wrapper} className="contents">
      {/* The fallback shows only when the header mounts in the browser before the code has arrived. */}
      <Suspense fallback={<span aria-hidden="true" className="block min-h-9" />}>
        <HeaderTools account={account} onReady={onReady} />
      </Suspense>
    </div>
  );
}
