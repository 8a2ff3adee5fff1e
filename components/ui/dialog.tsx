"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

type DialogProps = {
  open: boolean;
  /** Called when the dialog closes by itself (Escape) or asks to close; the parent sets open=false. */
  onClose: () => void;
  title: ReactNode;
  /** Read out with the title when the dialog opens (aria-describedby). */
  description?: ReactNode;
  children?: ReactNode;
  /** While true, Escape does not close (an action is running and its result must be seen). */
  busy?: boolean;
  /**
   * Where focus goes on close instead of the opener (e.g. a result notice after success). When it
   * returns null, focus goes back to the opener, or to the page title if the opener has gone.
   */
  focusAfterClose?: () => HTMLElement | null;
};

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert
 * and traps focus, Escape closes it, and it is labelled by its title. Focus goes back to the
 * element that opened it, or to a fallback when that element has left the page.
 */
export function Dialog({ open, onClose, title, description, children, busy = false, focusAfterClose }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<Element | null>(null);
  const titleId = useId();
  const descriptionId = useId();
  // Read in the native event handlers, which React does not re-bind on every render.
  const latest = useRef({ onClose, busy, focusAfterClose });
  useEffect(() => {
    latest.current = { onClose, busy, focusAfterClose };
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      openerRef.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const handleCancel = (event: Event) => {
      // Escape while an action runs would hide its outcome; keep the dialog until it is known.
      if (latest.current.busy) event.preventDefault();
    };
    const handleClose = () => {
      const opener = openerRef.current;
      openerRef.current = null;
      const preferred = latest.current.focusAfterClose?.() ?? null;
      if (preferred) preferred.focus();
      else if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      else document.getElementById("page-title")?.focus();
      latest.current.onClose();
    };
    dialog.addEventListener("cancel", handleCancel);
    dialog.addEventListener("close", handleClose);
    return () => {
      dialog.removeEventListener("cancel", handleCancel);
      dialog.removeEventListener("close", handleClose);
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      className="m-auto w-[min(34rem,calc(100vw-2rem))] max-h-[calc(100dvh-2rem)] overflow-y-auto rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {open ? (
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {description ? (
            <div id={descriptionId} className="space-y-2 text-sm text-slate-700 dark:text-slate-200">
              {description}
            </div>
          ) : null}
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
