"use client";

import { AppLink as Link } from "@/components/ui/app-link";
import { useEffect, useState, type RefObject } from "react";
import { Button } from "@/components/ui/button-core";
import { Relative } from "@/components/ui/time";
import type { Notice } from "@/lib/notifications/notice";
import { useMarkReadMutation } from "@/lib/queries/notification-updates";
import { desktopSupported, desktopWanted, disableDesktop, enableDesktop } from "./desktop";

const link = "font-medium text-blue-700 underline hover:no-underline dark:text-blue-300";

/** The bell's panel: the account's notices, newest first, each a link; mark one or all read; desktop notices on or off. */
export function NotificationPanel({
  id,
  notices,
  onClose,
  wrapperRef,
  buttonRef,
}: {
  id: string;
  notices: Notice[] | undefined;
  onClose: () => void;
  /** The bell and this panel: a pointer press outside both closes the panel. */
  wrapperRef: RefObject<HTMLDivElement | null>;
  /** The bell: focus returns there on Escape. */
  buttonRef: RefObject<HTMLButtonElement | null>;
}) {
  const markRead = useMarkReadMutation();
  // Here rather than in the bell, which is in every page's first load: the panel mounts on
  // opening and unmounts on closing, so these listeners live exactly while it is open.
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (!wrapperRef.current?.contains(event.target as Node)) onClose();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      onClose();
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [wrapperRef, buttonRef, onClose]);
  const unread = notices?.filter((n) => !n.read).length ?? 0;
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className="absolute inset-x-2 z-30 mt-2 max-h-[70dvh] overflow-y-auto rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-900 shadow-xl sm:right-0 sm:left-auto sm:w-96 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={`${id}-title`} className="text-base font-semibold">
          Notifications
        </h2>
        <Button variant="secondary" size="sm" className="ml-auto" disabled={unread === 0} onClick={() => markRead.mutate(undefined)}>
          Mark all as read
        </Button>
      </div>
      <DesktopSwitch />
      {notices === undefined ? (
        <p className="mt-3 text-slate-600 dark:text-slate-300">Loading…</p>
      ) : notices.length === 0 ? (
        <p className="mt-3 text-slate-600 dark:text-slate-300">Nothing yet: ready servers, orders that need payment and finished cancellations are listed here.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200 dark:divide-slate-700">
          {notices.map((notice) => (
            <li key={notice.id} className="flex items-start gap-2 py-2">
              <span aria-hidden="true" className={`mt-1.5 size-2 shrink-0 rounded-full ${notice.read ? "bg-transparent" : "bg-blue-700 dark:bg-blue-300"}`} />
              <div className="min-w-0 flex-1">
                <Link
                  href={notice.href}
                  className={`${link} block break-words`}
                  onClick={() => {
                    if (!notice.read) markRead.mutate([notice.id]);
                    onClose();
                  }}
                >
                  {notice.read ? null : <span className="sr-only">Unread: </span>}
                  {notice.title}
                </Link>
                <p className="text-xs text-slate-600 dark:text-slate-300">
                  <Relative value={notice.at} />
                </p>
              </div>
              {notice.read ? null : (
                <Button variant="ghost" size="sm" className="shrink-0 text-xs" aria-label={`Mark read: ${notice.title}`} onClick={() => markRead.mutate([notice.id])}>
                  Mark read
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "Notify me": the permission is asked only here, after this click. */
function DesktopSwitch() {
  const [on, setOn] = useState(desktopWanted);
  const [refused, setRefused] = useState(false);
  if (!desktopSupported()) return null;
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-700 dark:text-slate-200">
      {on ? (
        <>
          <span>Desktop notifications are on.</span>
          <Button
            variant="ghost"
            size="sm"
            className="text-xs"
            onClick={() => {
              disableDesktop();
              setOn(false);
            }}
          >
            Turn off
          </Button>
        </>
      ) : (
        <>
          <Button
            variant="secondary"
            size="sm"
            className="text-xs"
            onClick={async () => {
              const granted = await enableDesktop();
              setOn(granted);
              setRefused(!granted);
            }}
          >
            Notify me
          </Button>
          <span role="status">{refused ? "The browser refused: allow notifications for this site in its settings." : "on this computer when a server is ready"}</span>
        </>
      )}
    </div>
  );
}
