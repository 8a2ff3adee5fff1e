"use client";

import { lazy, Suspense, useId, useRef, useState } from "react";
import { useNotificationsQuery } from "@/lib/queries/notifications";

// The list, its buttons, the desktop switch and the closing on Escape or an outside click load
// on first open: the header carries only this button. React's own lazy, as next/dynamic's loader
// costs about 1 kB gzip of every first load.
const NotificationPanel = lazy(() => import("./notification-panel").then((m) => ({ default: m.NotificationPanel })));

const headerButton =
  "relative inline-flex min-h-9 items-center gap-1 rounded-md border border-slate-300 px-2.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";

/** The bell: unread count in the header, the history in a panel (a disclosure, not a menu: it holds links and buttons). */
export function NotificationBell() {
  const { data } = useNotificationsQuery();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const unread = data?.unread ?? 0;

  return (
    <div ref={wrapper} className="sm:relative">
      <button
        ref={button}
        type="button"
        className={headerButton}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
        onClick={() => setOpen((value) => !value)}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M10 2a5 5 0 0 0-5 5v2.6L3.3 13a1 1 0 0 0 .9 1.5h11.6a1 1 0 0 0 .9-1.5L15 9.6V7a5 5 0 0 0-5-5Zm0 16a2.5 2.5 0 0 0 2.4-2h-4.8A2.5 2.5 0 0 0 10 18Z" />
        </svg>
        {unread > 0 ? (
          <span data-testid="unread-count" aria-hidden="true" className="min-w-5 rounded-full bg-red-700 px-1.5 text-xs leading-5 font-semibold text-white dark:bg-red-400 dark:text-slate-950">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <NotificationPanel id={panelId} notices={data?.notices} onClose={() => setOpen(false)} wrapperRef={wrapper} buttonRef={button} />
        </Suspense>
      ) : null}
    </div>
  );
}
