"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import { useSyncExternalStore } from "react";
import { buttonClasses } from "@/components/ui/button-core";
import { CopyButton } from "@/components/ui/copy-button";
import { dismissToast, getServerToasts, getToasts, subscribeToasts } from "./toast-store";

/**
 * The toasts, bottom right (full width on a phone). They never take focus: a screen reader hears
 * the newest title through a polite live region that holds only that sentence, and keyboard users
 * reach the toasts' links and buttons at the end of the page or through the bell. They stay until
 * dismissed (no timer to race), at most three. Motion only when the user has not asked for less.
 */
export function Toaster() {
  const toasts = useSyncExternalStore(subscribeToasts, getToasts, getServerToasts);
  const newest = toasts.at(-1);
  return (
    <>
      <div role="status" aria-live="polite" className="sr-only" data-testid="notices-live-region">
        {newest ? newest.title : ""}
      </div>
      {toasts.length > 0 ? (
        <section aria-label="New notices" className="fixed inset-x-2 bottom-[calc(var(--sticky-bar-height,0px)+0.5rem)] z-40 flex flex-col gap-2 sm:left-auto sm:w-96">
          {toasts.map((toast) => (
            <div
              key={toast.id}
              data-testid="toast"
              className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-900 shadow-lg motion-safe:animate-[toast-in_200ms_ease-out] dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
            >
              <p className="font-medium break-words">{toast.title}</p>
              <div className="mt-2 flex flex-wrap items-center gap-2">
                <Link href={toast.href} className="font-medium text-blue-700 underline hover:no-underline dark:text-blue-300" onClick={() => dismissToast(toast.id)}>
                  {toast.serverId !== undefined ? "Open server" : "Open order"}
                </Link>
                {toast.ssh ? <CopyButton value={toast.ssh} label={`the command ${toast.ssh}`} /> : null}
                <button type="button" className={buttonClasses("secondary", "sm", "ml-auto min-h-7 px-2 py-0 text-xs")} onClick={() => dismissToast(toast.id)} aria-label={`Dismiss: ${toast.title}`}>
                  Dismiss
                </button>
              </div>
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}
