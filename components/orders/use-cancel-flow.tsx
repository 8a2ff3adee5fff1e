"use client";

import { useRef, useState } from "react";
import { CancelDialog, type CancelRequest, type CancelResult } from "./cancel-dialog";
import { CancelNotice } from "./cancel-notice";

/**
 * The cancel dialog and its outcome notice, as the list and the order page both use them.
 * `onSettled` gets the results that did not fail (done or already gone), to clear selections.
 * A single cancel closes the dialog at once, and its row may lose its button: focus then moves
 * to the notice instead of back to the opener.
 */
export function useCancelFlow(onSettled: (settled: CancelResult[]) => void) {
  const [request, setRequest] = useState<CancelRequest | null>(null);
  const [results, setResults] = useState<CancelResult[] | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const focusNotice = useRef(false);

  function handleFinished(finished: CancelResult[]) {
    setResults(finished);
    onSettled(finished.filter((result) => result.outcome.kind !== "failed"));
    if (finished.length === 1) focusNotice.current = true;
  }

  const notice = results ? <CancelNotice ref={noticeRef} results={results} onDismiss={() => setResults(null)} /> : null;
  const dialog = (
    <CancelDialog
      request={request}
      onClose={() => setRequest(null)}
      onFinished={handleFinished}
      focusAfterClose={() => {
        if (!focusNotice.current) return null;
        focusNotice.current = false;
        return noticeRef.current;
      }}
    />
  );
  return { openCancel: setRequest, notice, dialog };
}
