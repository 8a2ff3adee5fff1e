"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * One MediaQueryList per query for the page's life: React reads the snapshot on every render of
 * every user, and window.matchMedia builds a new list (and parses the query) on each call.
 */
const lists = new Map<string, MediaQueryList>();
function mediaList(query: string): MediaQueryList {
  let list = lists.get(query);
  if (!list) {
    list = window.matchMedia(query);
    lists.set(query, list);
  }
  return list;
}

/**
 * Whether a media query matches; null on the server and during hydration, when it cannot be
 * known. Callers then render every variant and let CSS pick, so the HTML is right at any width
 * and hydration matches; after that only the variant in use stays in the DOM.
 */
export function useMediaQuery(query: string): boolean | null {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const media = mediaList(query);
      media.addEventListener("change", onChange);
      return () => media.removeEventListener("change", onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => mediaList(query).matches,
    () => null,
  );
}

/** Below Tailwind's `sm` (640 px): lists become cards. */
export const PHONE_QUERY = "(max-width: 639.98px)";
