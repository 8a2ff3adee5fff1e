"use client";

import dynamic from "next/dynamic";

/**
 * The watcher and the toasts, loaded after hydration and outside the first load. Client-only on
 * purpose: rendered on the server, the watcher would create the order list's query before a
 * page's prefetched list is hydrated, and TanStack then defers that hydration to an effect that
 * never runs on the server (the page's HTML would say "Loading orders").
 */
export const LiveNotices = dynamic(() => import("./live-notices-body").then((m) => m.LiveNoticesBody), { ssr: false });
