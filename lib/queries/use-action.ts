"use client";

import { useState } from "react";

/**
 * The part of TanStack's useMutation that the accounts page uses (pending, the last error,
 * mutate and mutateAsync), on React state alone. Its mutation observer is about 1 kB gzip of
 * the page's first load, and the page tracks nothing else about its changes: no retries, no
 * shared mutation state, no devtools. Reach for useMutation where those matter.
 */
export function useAction<TVariables, TResult>(run: (variables: TVariables) => Promise<TResult>) {
  const [state, setState] = useState<{ isPending: boolean; error: unknown }>({ isPending: false, error: null });

  async function mutateAsync(variables: TVariables): Promise<TResult> {
    setState({ isPending: true, error: null });
    try {
      const result = await run(variables);
      setState({ isPending: false, error: null });
      return result;
    } catch (error) {
      setState({ isPending: false, error });
      throw error;
    }
  }

  /** Fire and forget: the error is kept in `error`, `onSuccess` runs after a success. */
  function mutate(variables: TVariables, options: { onSuccess?: (result: TResult) => void } = {}) {
    mutateAsync(variables).then(options.onSuccess, () => {});
  }

  return { ...state, isError: state.error !== null, mutate, mutateAsync };
}
