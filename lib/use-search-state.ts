"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

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

  const update = useCallback(
    (changes: Partial<Record<K, string>>, { replace = false }: { replace?: boolean } = {}) => {
      // The address bar, not this render's searchParams: two quick changes (a filter, then a sort)
      // must both land, and the second runs before the first has re-rendered.
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(changes) as [K, string | undefined][]) {
        if (value === undefined || value === "" || value === defaults[key]) next.delete(key);
        else next.set(key, value);
      }
      const query = next.toString();
      const url = query ? `${pathname}?${query}` : pathname;
      if (replace) router.replace(url, { scroll: false });
      else router.push(url, { scroll: false });
    },
    [defaults, pathname, router],
  );

  return [values, update] as const;
}
