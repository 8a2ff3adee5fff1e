/**
 * Loads ./validate.ts with a dynamic import, so zod and the contract schema (about 35 kB gzip)
 * are not part of /orders/new's first load (issue 8: at most 200 kB gzip per route). The wizard
 * starts the load on mount; anything that needs a verdict before it has arrived (a fast click on
 * Next or Place order) awaits `loadValidator()`, so no step is ever passed unchecked.
 */
import type { ValidateDraft } from "./validate";

let loaded: ValidateDraft | null = null;
let loading: Promise<ValidateDraft> | null = null;

/** The validator if it has arrived, else null. */
export function loadedValidator(): ValidateDraft | null {
  return loaded;
}

/**
 * The validator, loading it the first time. A failed load (offline, a new deployment) is not
 * remembered: the next call tries again.
 */
export function loadValidator(): Promise<ValidateDraft> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= import("./validate").then(
    (module) => (loaded = module.validateDraft),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
