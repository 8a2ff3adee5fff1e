import { orderCreateBodySchema } from "@/lib/klikk/contract/order-request";
import { rememberRefusal } from "@/lib/server/account-flags";
import { idempotencyStore, sessionScope } from "@/lib/server/idempotency";
import { assertSameOrigin, errorResponse, HttpError, json, methodNotAllowed, readJson, route, toHttpError } from "@/lib/server/http";
import { requireClient } from "@/lib/server/klikk";

/** Every order of the signed-in account, newest first. */
export const GET = route("GET /api/orders", async (request) => {
  const { client } = await requireClient();
  const orders = await client.orderList({ signal: request.signal });
  return json({ orders: [...orders].sort((a, b) => b.order_id - a.order_id) });
});

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * Places an order. The Idempotency-Key makes a double click or a retry safe: the same key in
 * the same session within ten minutes returns the first answer and never orders twice.
 */
export const POST = route("POST /api/orders", async (request) => {
  assertSameOrigin(request);
  const key = request.headers.get("idempotency-key");
  if (!key || !IDEMPOTENCY_KEY.test(key)) {
    throw new HttpError(400, "validation", "The Idempotency-Key header is required: 8 to 128 letters, digits, - or _.", {
      fields: { "Idempotency-Key": "required" },
    });
  }
  const { session, client } = await requireClient();
  const body = await readJson(request, orderCreateBodySchema);
  const secretPart = session.auth.method === "token" ? session.auth.token : session.auth.username;
  const result = await idempotencyStore.run(sessionScope(session.auth, session.createdAt, secretPart), key, body, async () => {
    try {
      // Not tied to request.signal: once sent, the order's answer must be kept for a retry.
      const created = await client.orderCreate(body);
      return { status: 201, body: created };
    } catch (error) {
      await rememberRefusal(session.auth, error);
      const httpError = toHttpError(error, "POST /api/orders");
      return { status: httpError.status, body: { error: { code: httpError.code, message: httpError.message, ...(httpError.fields ? { fields: httpError.fields } : {}) } } };
    }
  });
  if (result.conflict) {
    return errorResponse(new HttpError(409, "idempotency_conflict", "This Idempotency-Key was already used for a different order. Start a new order."));
  }
  return json(result.body, { status: result.status, headers: result.replayed ? { "Idempotent-Replayed": "true" } : {} });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
