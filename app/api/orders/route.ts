import { type OrderCreateBody, orderCreateBodySchema } from "@/lib/klikk/contract/order-request";
import { isKlikkError } from "@/lib/klikk/errors";
import type { OrderCreateResult } from "@/lib/klikk/schemas";
import { rememberRefusal } from "@/lib/server/account-flags";
import { type Actor, actorOf, recordActivity } from "@/lib/server/activity";
import { assertSameOrigin } from "@/lib/server/csrf";
import { getEnv } from "@/lib/server/env";
import { errorResponse, HttpError, json, methodNotAllowed, route, toHttpError } from "@/lib/server/http";
import { runIdempotent } from "@/lib/server/idempotency";
import { accountHint, sessionOrdersBody } from "@/lib/server/account-lists";
import { klikkClient, requireSession } from "@/lib/server/klikk";
import { requireAccount } from "@/lib/server/session-accounts";
import { readJson } from "@/lib/server/request";

/** The upstream's status for an order waiting for payment (lib/klikk/status). */
const PAYMENT_REQUIRED = 100;

/**
 * Every order of every account of the session: with one account its list as the upstream sent
 * it and `sources` naming the account; with several, merged newest first, each naming its
 * account, and an account whose list failed named in `failures` beside the others' orders.
 */
export const GET = route("GET /api/orders", async (request) => {
  const session = await requireSession();
  const body = await sessionOrdersBody(session, request.signal);
  return new Response(body, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
});

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

/** Said the same way whenever the order may exist although no answer confirmed it. */
export const ORDER_OUTCOME_UNKNOWN =
  "The klikk API did not confirm the order. It may have been placed: check the order list before ordering again.";

/**
 * True when the upstream may have placed the order: a timeout or reset after sending, a 5xx
 * other than 503, or an answer that could not be read. Refused connections, 503 and 4xx are
 * certain refusals.
 */
function mayHaveActed(error: unknown): boolean {
  if (!isKlikkError(error)) return false;
  return error.reason === "outcome_unknown" || error.code === "upstream_invalid";
}

/** The activity of a first answer (replays were recorded when they first happened). */
async function recordOrderOutcome(actor: Actor, body: OrderCreateBody, result: { status: number; body: unknown }): Promise<void> {
  const items = body.items.map((item) => item.name);
  const reference = body.reference || undefined;
  if (result.status === 201) {
    const created = result.body as OrderCreateResult;
    await recordActivity(actor, "order_placed", { orderId: created.order_id, items, reference });
    if (created.status === PAYMENT_REQUIRED) {
      await recordActivity(actor, "order_payment_required", { orderId: created.order_id, detail: created.message });
    }
    return;
  }
  const code = (result.body as { error?: { code?: string } } | null)?.error?.code;
  if (code === "order_outcome_unknown") await recordActivity(actor, "order_outcome_unknown", { items, reference });
}

/**
 * Places an order. The Idempotency-Key makes a double click, a retry, a new sign-in or a restart
 * safe: the same key for the same account within 24 hours returns the first answer and never
 * orders twice (lib/server/idempotency).
 */
export const POST = route("POST /api/orders", async (request) => {
  assertSameOrigin(request);
  const key = request.headers.get("idempotency-key");
  if (!key || !IDEMPOTENCY_KEY.test(key)) {
    throw new HttpError(400, "validation", "The Idempotency-Key header is required: 8 to 128 letters, digits, - or _.", {
      fields: { "Idempotency-Key": "required" },
    });
  }
  const session = await requireSession();
  // The account the wizard's review named (`?account=`), so a switch in another tab between
  // review and "Place order" cannot send the order elsewhere; the active account without one.
  const hint = accountHint(request);
  const account = hint ? requireAccount(session, hint) : session.active;
  const client = klikkClient(account.auth);
  const body = await readJson(request, orderCreateBodySchema);
  // The lock outlives one upstream call (its deadline plus a margin), so a repeat never runs beside it.
  const lockMs = getEnv().upstreamTimeoutMs * 2 + 5_000;
  const result = await runIdempotent(account.identity, key, body, lockMs, async () => {
    try {
      // Not tied to request.signal: once sent, the order's answer must be kept for a retry.
      const created = await client.orderCreate(body);
      return { status: 201, body: created, mayHaveActed: true };
    } catch (error) {
      await rememberRefusal(account.auth, error);
      const unknown = mayHaveActed(error);
      const httpError = toHttpError(error, "POST /api/orders");
      const message = unknown ? ORDER_OUTCOME_UNKNOWN : httpError.message;
      const code = unknown ? "order_outcome_unknown" : httpError.code;
      return {
        status: httpError.status,
        body: { error: { code, message, ...(httpError.fields ? { fields: httpError.fields } : {}) } },
        mayHaveActed: unknown,
      };
    }
  });
  if (!result.replayed) await recordOrderOutcome(actorOf(session, account), body, result);
  if (result.conflict) {
    return errorResponse(new HttpError(409, "idempotency_conflict", "This Idempotency-Key was already used for a different order. Start a new order."));
  }
  const headers: Record<string, string> = { "Klikk-Account": account.key, ...(result.replayed ? { "Idempotent-Replayed": "true" } : {}) };
  return json(result.body, { status: result.status, headers });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
