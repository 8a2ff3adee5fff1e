"use client";

import { useCallback, useRef } from "react";
import { pollDelay } from "@/lib/orders/live";

type PolledQuery<T> = { state: { data: T | undefined; dataUpdatedAt: number } };

/**
 * The refetchInterval for live status: while `active` (something shown is 1xx/2xx), poll after
 * 3 s, then back off 1.5x per unchanged answer towards 30 s; any change of `signatureOf(data)`
 * starts again at 3 s. `false` once everything has settled. Hidden tabs are paused by the
 * query's refetchIntervalInBackground: false.
 */
export function useLiveInterval<T>(active: boolean, signatureOf: (data: T) => string) {
  const backoff = useRef({ updatedAt: -1, signature: "", step: 0 });
  return useCallback(
    (query: PolledQuery<T>): number | false => {
      const data = query.state.data;
      if (!active || data === undefined) return false;
      const state = backoff.current;
      // TanStack may ask more than once per answer; only a new answer moves the back-off.
      if (query.state.dataUpdatedAt !== state.updatedAt) {
        const signature = signatureOf(data);
        state.step = state.updatedAt !== -1 && signature === state.signature ? state.step + 1 : 0;
        state.signature = signature;
        state.updatedAt = query.state.dataUpdatedAt;
      }
      return pollDelay(state.step);
    },
    [active, signatureOf],
  );
}
