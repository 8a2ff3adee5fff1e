"use client";

import { lazy, Suspense, useRef, useState } from "react";
import type { CancelRequest, CancelResult } from "./cancel-dialog";
import type { CancelNotice as CancelNoticeType } from "./cancel-notice";

/**
 * Not in the page's first load (no first paint shows the dialog, its form or its checks):
 * loaded when a cancel is first asked for, and kept mounted after that. React's own lazy, not
 * next/dynamic, whose loader costs as much First Load JS as the dialog it would save.
 * The outcome notice comes with the dialog: only a finished cancel shows it, so it is always
 * there by then, rendered at once (no Suspense) so focus can move to it as the dialog closes.
 */
let CancelNotice: typeof CancelNoticeType | null = null;
const CancelDialog = lazy(() =>
  Promise.all([import("./cancel-dialog"), import("./cancel-notice")]).then(([dialog, notice]) => {
    CancelNotice = notice.CancelNotice;
    return { default: dialog.CancelDialog };
  }),
);

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
  const [asked, setAsked] = useState(false);
  if (request !== null && !asked) setAsked(true);

  function handleFinished(finished: CancelResult[]) {
    setResults(finished);
    onSettled(finished.filter((result) => result.outcome.kind !== "failed"));
    if (finished.length === 1) focusNotice.current = true;
  }

  const notice = results && CancelNotice ? <CancelNotice ref={noticeRef} results={results} onDismiss={() => setResults(null)} /> : null;
  const dialog = !asked && request === null ? null : (
    <Suspense fallback={null}>
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
    </Suspense>
  );
  return { openCancel: setRequest, notice, dialog };
}
