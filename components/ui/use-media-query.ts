"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * Whether a media query matches; null on the server and during hydration, when it cannot be
 * known. Callers then render every variant and let CSS pick, so the HTML is right at any width
 * and hydration matches; after that only the variant in use stays in the DOM.
 */
export function useMediaQuery(query: string): boolean | null {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const media = window.matchMedia(query);
      media.addEventListener("change", onChange);
      return () => media.removeEventListener("change", onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => null,
  );
}

/** Below Tailwind's `sm` (640 px): lists become cards. */
export const PHONE_QUERY = "(max-width: 639.98px)";
