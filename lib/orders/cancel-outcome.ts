/** How a cancel attempt ended, and how that reads (the cancel dialog and its notice). */
import { isApiError } from "@/lib/queries/api-fetch";

export type CancelOutcome = { kind: "done" } | { kind: "gone" } | { kind: "failed"; message: string };

/** How a cancel attempt ended: a 404 means the order or item is already gone, which is done too. */
export function cancelOutcome(error: unknown): CancelOutcome {
  if (error === null || error === undefined) return { kind: "done" };
  if (isApiError(error) && error.status === 404) return { kind: "gone" };
  if (isApiError(error)) return { kind: "failed", message: error.message };
  return { kind: "failed", message: "Something unexpected happened. Nothing was changed on this page; try again." };
}

export function outcomeText(outcome: CancelOutcome): string {
  switch (outcome.kind) {
    case "done":
      return "Done: cancellation scheduled for the end of the period";
    case "gone":
      return "Already gone: nothing left to cancel";
    case "failed":
      return `Failed: ${outcome.message}`;
  }
}
