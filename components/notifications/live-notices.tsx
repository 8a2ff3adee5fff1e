"use client";

import { lazy, Suspense, useSyncExternalStore } from "react";

const LiveNoticesBody = lazy(() => import("./live-notices-body").then((m) => ({ default: m.LiveNoticesBody })));

const noSubscription = () => () => {};

/**
 * The watcher and the toasts, loaded after hydration and outside the first load (React's own
 * lazy: next/dynamic's loader cost about 1 kB gzip of every page's first load). Client-only on
 * purpose: rendered on the server, the watcher would create the order list's query before a
 * page's prefetched list is hydrated, and TanStack then defers that hydration to an effect that
 * never runs on the server (the page's HTML would say "Loading orders"). The server snapshot
 * (false) is also what hydration uses, so the body mounts right after it.
 */
export function LiveNotices() {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return hydrated ? (
    <Suspense fallback={null}>
      <LiveNoticesBody />
    </Suspense>
  ) : null;
}
