"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";

/**
 * List views keep their filter, search and sort in the URL, so a link shares the view and the
 * back button restores it. `update` merges changes; empty values and defaults are dropped so
 * URLs stay short. `replace` is for typing (one history entry per search, not per keystroke).
 */
export function useSearchState<K extends string>(defaults: Record<K, string>) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  const values = Object.fromEntries(
    (Object.keys(defaults) as K[]).map((key) => [key, searchParams.get(key) ?? defaults[key]]),
  ) as Record<K, string>;

  // Two quick changes (a filter, then a sort) must both land, but the second runs before the
  // first navigation has reached this render's searchParams, or even the address bar (Next
  // updates history in a transition). So the last URL asked for is kept until the params catch up.
  const requested = useRef<string | null>(null);
  useEffect(() => {
    requested.current = null;
  }, [searchParams]);

  const update = useCallback(
    (changes: Partial<Record<K, string>>, { replace = false }: { replace?: boolean } = {}) => {
      const next = new URLSearchParams(requested.current ?? searchParams.toString());
      for (const [key, value] of Object.entries(changes) as [K, string | undefined][]) {
        if (value === undefined || value === "" || value === defaults[key]) next.delete(key);
        else next.set(key, value);
      }
      const query = next.toString();
      requested.current = query;
      const url = query ? `${pathname}?${query}` : pathname;
      if (replace) router.replace(url, { scroll: false });
      else router.push(url, { scroll: false });
    },
    [defaults, pathname, router, searchParams],
  );

  return [values, update] as const;
}
