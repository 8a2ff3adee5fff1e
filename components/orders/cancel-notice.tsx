import type { Ref } from "react";
import { Alert } from "@/components/ui/alert";
import type { CancelResult } from "./cancel-dialog";
import { outcomeText } from "@/lib/orders/cancel-outcome";

/** What the last cancel did, kept on the page after the dialog closes; focusable so focus can land here. */
export function CancelNotice({ results, ref, onDismiss }: { results: CancelResult[]; ref?: Ref<HTMLDivElement>; onDismiss: () => void }) {
  const failed = results.filter((r) => r.outcome.kind === "failed").length;
  const tone = failed === 0 ? "success" : failed === results.length ? "error" : "warning";
  const single = results.length === 1 ? results[0] : undefined;
  const title = single
    ? single.outcome.kind === "gone"
      ? `${single.target.label}: already gone, nothing left to cancel`
      : `Cancellation scheduled: ${single.target.label}`
    : failed === 0
      ? `Cancelled ${results.length} entries`
      : `${failed} of ${results.length} cancellations failed`;
  return (
    <div ref={ref} tabIndex={-1} className="mb-4 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600">
      <Alert tone={tone} title={title}>
        {single ? (
          single.outcome.kind === "done" ? <p>It takes effect at the end of the current period; until then the server keeps running.</p> : null
        ) : (
          <ul aria-label="Result per row" className="space-y-1">
            {results.map(({ target, outcome }) => (
              <li key={`${target.orderId}.${target.itemId ?? ""}`}>
                <span className="font-medium">{target.label}</span>: {outcomeText(outcome)}
              </li>
            ))}
          </ul>
        )}
        <button type="button" onClick={onDismiss} className="mt-1 text-sm font-medium underline">
          Dismiss
        </button>
      </Alert>
    </div>
  );
}
