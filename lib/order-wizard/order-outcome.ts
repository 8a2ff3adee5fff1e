/**
 * What the wizard does with the answer to "Place order": a pure function from the answer to
 * one of three outcomes, so every branch is unit-tested without a browser.
 *
 * - placed: the order exists (2xx). Status 1xx means an invoice waits; the order page says so.
 * - fields: the server named fields (400 or 409, `fields` by contract path): the wizard puts each
 *   message on its field and moves to the first one's step.
 * - notice: everything else is told on the review step, worded by whether the order certainly
 *   was not placed (a 4xx: the next attempt may use a new Idempotency-Key) or its fate is
 *   unknown (a timeout or 5xx: the same key must be kept, so a retry replays the first answer).
 *
 * Field names come only from `fields`, never from `message` (issue 17).
 */
import { READ_ONLY_NOTICE, type ApiErrorCode } from "@/lib/api-errors";
import { fieldForPath, fieldMessage } from "./fields";
import { createdNotice, createdOrderHref } from "./handoff";
import type { UnconfirmedAttempt } from "./possible-orders";
import { stepOfField, type FieldId } from "./steps";

export type OrderFailure = {
  title: string;
  text: string;
  ordersLink?: boolean;
  newAttempt?: boolean;
  readOnly?: boolean;
  /** Set by the wizard when the order may exist: what was sent, to look for it in the list. */
  attempt?: UnconfirmedAttempt;
};

export type PlaceAnswer =
  | { ok: true; orderId: number; status: number; message: string }
  | { ok: false; error: { status: number; code: ApiErrorCode; message: string; fields: Record<string, string> } | null };

export type OrderOutcome =
  | { kind: "placed"; href: string; title: string; message: string }
  | { kind: "fields"; errors: [FieldId, string][]; renewKey: boolean }
  | { kind: "notice"; failure: OrderFailure; renewKey: boolean };

/** True when the upstream certainly did not act: a 4xx other than a timeout or a dropped request. */
function isDefinite(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 499;
}

export function mapOrderOutcome(answer: PlaceAnswer): OrderOutcome {
  if (answer.ok) {
    const notice = createdNotice(answer.orderId, answer.status);
    return { kind: "placed", href: createdOrderHref(answer.orderId, answer.status), title: notice.title, message: answer.message };
  }
  const error = answer.error;
  if (!error) {
    return { kind: "notice", renewKey: false, failure: { title: "The order was not placed", text: "Something unexpected happened. Try again.", ordersLink: true } };
  }
  const definite = isDefinite(error.status);
  if (error.code === "idempotency_conflict") {
    return {
      kind: "notice",
      renewKey: false,
      failure: {
        title: "This order was already sent with other details",
        text: "An earlier attempt of this draft may have placed an order. Check your orders first; if it is not there, send this as a new attempt.",
        ordersLink: true,
        newAttempt: true,
      },
    };
  }
  if (error.code === "read_only") {
    return { kind: "notice", renewKey: true, failure: { title: `The order was not placed. ${READ_ONLY_NOTICE}.`, text: error.message, readOnly: true } };
  }

  // A conflict without a field of its own (or with one the wizard has no control for) is about
  // where the servers run: the network step holds placement and the firewall group.
  const fallback: FieldId = error.status === 409 ? "network-general" : "review-general";
  const named = Object.entries(error.fields).map(([path, message]): [FieldId, string] => {
    const field = fieldForPath(path);
    const located = field === "review-general" ? fallback : field;
    return [located, fieldMessage(located, message || error.message)];
  });
  const located: [FieldId, string][] = named.length > 0 ? named : error.status === 409 ? [["network-general", fieldMessage("network-general", error.message)]] : [];
  if (located.length > 0 && !located.every(([field]) => stepOfField(field) === "review")) {
    return { kind: "fields", errors: located, renewKey: definite };
  }
  return {
    kind: "notice",
    renewKey: definite,
    failure: {
      title: definite ? "The order was not placed" : "The outcome of this order is unknown",
      text: definite ? error.message : `${error.message} This draft keeps its order key, so placing it again from here never places a second order.`,
      ordersLink: !definite,
    },
  };
}
