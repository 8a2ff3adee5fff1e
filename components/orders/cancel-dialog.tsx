"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button-core";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { cancelOrder } from "@/lib/queries/order-mutations";
import { cancelOutcome, outcomeText, type CancelOutcome } from "@/lib/orders/cancel-outcome";
import type { CancelRequest, CancelTarget } from "@/lib/orders/cancel-targets";

export type { CancelRequest };

export type CancelResult = { target: CancelTarget; outcome: CancelOutcome };

type Props = {
  request: CancelRequest | null;
  onClose: () => void;
  /** Called once every target has an outcome (and for a single target only when it did not fail). */
  onFinished: (results: CancelResult[]) => void;
  focusAfterClose?: () => HTMLElement | null;
};

function describe(request: CancelRequest) {
  const { targets } = request;
  const orders = targets.filter((t) => t.itemId === undefined);
  const single = targets.length === 1 ? targets[0] : undefined;
  if (single && single.itemId === undefined) {
    return { title: `Cancel order ${single.orderId}?`, action: `Cancel order ${single.orderId}`, keep: "Keep order", confirmText: String(single.orderId) };
  }
  if (single) return { title: `Cancel ${single.label}?`, action: "Cancel item", keep: "Keep item", confirmText: null };
  const noun = orders.length === targets.length ? "orders" : orders.length === 0 ? "items" : "orders and items";
  return {
    title: `Cancel ${targets.length} ${noun}?`,
    action: `Cancel ${targets.length} ${noun}`,
    keep: "Keep them",
    // Typing the count stands in for typing each order id when several whole orders go at once.
    confirmText: orders.length > 0 ? String(targets.length) : null,
  };
}

/**
 * The one confirmation for every cancel: names exactly what will be cancelled, says it takes
 * effect at the end of the period, asks for the order id (or the count) before whole orders go,
 * and shows a result per row. A 404 reads as done; a failure changes nothing and says why.
 */
export function CancelDialog({ request, onClose, onFinished, focusAfterClose }: Props) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      open={request !== null}
      onClose={onClose}
      title={request ? describe(request).title : ""}
      description={request ? <CancelDescription request={request} /> : null}
      focusAfterClose={focusAfterClose}
      busy={busy}
    >
      {/* Keyed by the request, so typed text and results never leak into the next dialog. */}
      {request ? <CancelForm key={request.targets.map((t) => `${t.orderId}.${t.itemId ?? ""}`).join(",")} request={request} onClose={onClose} onFinished={onFinished} onBusyChange={setBusy} /> : null}
    </Dialog>
  );
}

function CancelDescription({ request }: { request: CancelRequest }) {
  const single = request.targets.length === 1 ? request.targets[0] : undefined;
  return (
    <>
      {single && single.itemId === undefined ? (
        <p>
          This cancels the whole {single.label}
          {request.contents && request.contents.length > 0 ? (
            <>
              {" "}
              with {request.contents.length === 1 ? "its 1 item" : `all ${request.contents.length} items`}: <strong>{request.contents.join(", ")}</strong>.
            </>
          ) : (
            "."
          )}
        </p>
      ) : single ? (
        <p>
          This cancels only <strong>{single.label}</strong>. The rest of order {single.orderId} stays as it is.
        </p>
      ) : (
        <>
          <p>This cancels:</p>
          <ul className="list-disc space-y-0.5 pl-5">
            {request.targets.map((t) => (
              <li key={`${t.orderId}.${t.itemId ?? ""}`}>{t.label}</li>
            ))}
          </ul>
        </>
      )}
      <p>
        <strong>It takes effect at the end of the current period, not now.</strong> Until then the servers keep running; after that they are not
        renewed and are removed.
      </p>
    </>
  );
}

type FormProps = { request: CancelRequest; onClose: () => void; onFinished: (results: CancelResult[]) => void; onBusyChange: (busy: boolean) => void };

function CancelForm({ request, onClose, onFinished, onBusyChange }: FormProps) {
  const queryClient = useQueryClient();
  const inputId = useId();
  const { action, keep, confirmText } = describe(request);
  const [typed, setTyped] = useState("");
  const [typeError, setTypeError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [results, setResults] = useState<CancelResult[] | null>(null);
  const bulk = request.targets.length > 1;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (confirmText !== null && typed.trim().replace(/^#/, "") !== confirmText) {
      setTypeError(bulk ? `Type ${confirmText}, the number of selected entries, to confirm.` : `Type the order id ${confirmText} to confirm.`);
      return;
    }
    setTypeError(null);
    setFailure(null);
    setPending(true);
    onBusyChange(true);
    const collected: CancelResult[] = [];
    // One after another: the upstream is asked once per row, and each row gets its own answer.
    for (const target of request.targets) {
      let error: unknown = null;
      try {
        await cancelOrder(queryClient, { orderId: target.orderId, itemId: target.itemId, account: target.account });
      } catch (caught) {
        error = caught;
      }
      collected.push({ target, outcome: cancelOutcome(error) });
    }
    setPending(false);
    onBusyChange(false);
    const first = collected[0];
    if (!bulk && first?.outcome.kind === "failed") {
      setFailure(first.outcome.message);
      return;
    }
    onFinished(collected);
    // One row: the page's notice says how it went. Several: the results stay here, row by row.
    if (bulk) setResults(collected);
    else onClose();
  }

  if (results) {
    const failed = results.filter((r) => r.outcome.kind === "failed").length;
    return (
      <div className="space-y-4">
        <Alert tone={failed === 0 ? "success" : failed === results.length ? "error" : "warning"} title={failed === 0 ? "All done" : `${failed} of ${results.length} failed`}>
          <ul aria-label="Result per row" className="space-y-1">
            {results.map(({ target, outcome }) => (
              <li key={`${target.orderId}.${target.itemId ?? ""}`} data-outcome={outcome.kind}>
                <span className="font-medium">{target.label}</span>: {outcomeText(outcome)}
              </li>
            ))}
          </ul>
        </Alert>
        <div className="flex justify-end">
          <Button variant="secondary" onClick={onClose} autoFocus>
            Close
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="space-y-4">
      {confirmText !== null ? (
        <TextField
          id={inputId}
          label={bulk ? `Type ${confirmText} (the number of selected entries) to confirm` : `Type the order id ${confirmText} to confirm`}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          error={typeError}
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          disabled={pending}
        />
      ) : null}
      {failure ? (
        <Alert tone="error" title="Not cancelled">
          <p>{failure}</p>
          <p>Nothing was changed.</p>
        </Alert>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={pending} autoFocus={confirmText === null}>
          {keep}
        </Button>
        <Button type="submit" variant="danger" pending={pending}>
          {pending ? "Cancelling…" : action}
        </Button>
      </div>
    </form>
  );
}
