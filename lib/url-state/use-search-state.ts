"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { mergeSearch, readSearch } from "./search-state";

export type SearchUpdate<K extends string> = (changes: Partial<Record<K, string>>, options?: { replace?: boolean }) => void;

/**
 * The one way lists keep their filter, search and sort in the URL, so a link shares the view and
 * the back button restores it. `update` merges changes; `replace` is for typing (one history
 * entry per search, not per keystroke).
 *
 * It writes with the History API, which Next's router follows (useSearchParams updates, back
 * and forward work): no server round trip per change, which matters now that pages prefetch
 * their data on the server. And it merges into `window.location.search`, which pushState
 * updates at once, so two quick changes (a filter, then a sort, before React has rendered the
 * first) both land: there is no render-time copy of the URL to go stale.
 */
export function useSearchState<K extends string>(defaults: Record<K, string>) {
  const searchParams = useSearchParams();
  const values = useMemo(() => readSearch(searchParams, defaults), [searchParams, defaults]);

  const update = useCallback<SearchUpdate<K>>(
    (changes, { replace = false } = {}) => {
      const query = mergeSearch(window.location.search, changes, defaults);
      const url = `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
      // No state of our own: Next copies its router state into the entry and, seeing a call
      // that is not its own (no __NA marker), updates useSearchParams. Passing on
      // history.state would carry Next's marker and the router would ignore the change.
      if (replace) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [defaults],
  );

  return [values, update] as const;
}
