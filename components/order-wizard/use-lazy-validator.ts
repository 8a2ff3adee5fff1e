"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { Draft } from "@/lib/order-wizard/draft";
import type { DraftErrors } from "@/lib/order-wizard/fields";
import type { ValidateDraft } from "@/lib/order-wizard/validate";
import { loadedValidator, loadValidator } from "@/lib/order-wizard/validate-loader";
import { currentDraft } from "./draft-store";

/**
 * The wizard's checks, loaded after the page is up. The validator (zod and the contract schema)
 * is code-split out of /orders/new's first load to keep it under the 200 kB budget of issue 8;
 * it is fetched as soon as the wizard mounts. Until it arrives `errors` is empty, and whatever
 * needs a verdict (Next, Place order) goes through `withValidator`, which waits for it instead of
 * passing a step unchecked.
 */
export function useLazyValidator(draft: Draft) {
  const [validate, setValidate] = useState<ValidateDraft | null>(loadedValidator);
  const [checking, setChecking] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);
  const checkingRef = useRef(false);
  const mounted = useRef(false);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (validate) return;
    let live = true;
    loadValidator().then(
      (loaded) => {
        if (live) setValidate(() => loaded);
      },
      () => {
        // Not fatal here: Next and Place order load it again, and say so if that fails too.
      },
    );
    return () => {
      live = false;
    };
  }, [validate]);

  const errors = useMemo<DraftErrors>(() => (validate ? validate(draft) : {}), [validate, draft]);

  /**
   * Run `then` with the errors of the latest draft: at once when the validator is here (the usual
   * case), else once it has loaded, with `checking` true meanwhile. `stillWanted` is asked after
   * the wait (the person may have gone to another step). A failed load sets `loadFailed` instead
   * of leaving the button doing nothing; the next call tries again.
   */
  function withValidator(then: (errors: DraftErrors, draft: Draft) => void, stillWanted: () => boolean) {
    setLoadFailed(false);
    if (validate) return then(errors, draft);
    if (checkingRef.current) return; // The first click's wait carries on; one answer is enough.
    checkingRef.current = true;
    setChecking(true);
    loadValidator()
      .then((loaded) => {
        setValidate(() => loaded);
        if (!mounted.current || !stillWanted()) return;
        const latest = currentDraft();
        then(loaded(latest), latest);
      })
      .catch(() => {
        if (mounted.current) setLoadFailed(true);
      })
      .finally(() => {
        checkingRef.current = false;
        if (mounted.current) setChecking(false);
      });
  }

  return { errors, checking, loadFailed, withValidator };
}
