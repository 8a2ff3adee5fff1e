import { z } from "zod";
import { rememberRefusal } from "@/lib/server/account-flags";
import { actorOf, recordActivity } from "@/lib/server/activity";
import { assertSameOrigin } from "@/lib/server/csrf";
import { methodNotAllowed, noContent, route } from "@/lib/server/http";
import { parseId, readJson } from "@/lib/server/request";
import { accountHint, inAccountOf } from "@/lib/server/account-lists";
import { requireSession } from "@/lib/server/klikk";

const cancelSchema = z
  .strictObject({
    itemId: z.number({ error: "itemId must be a number" }).int("itemId must be a whole number").positive("itemId must be positive").optional(),
  })
  .optional()
  .transform((value) => value ?? {});

/**
 * Cancels a whole order, or one item with `{itemId}`. Cancelled items run until the end of the
 * current period. Never retried upstream: a second cancel is harmless but a user must see the
 * real outcome of the first.
 */
export const POST = route<{ orderId: string }>("POST /api/orders/[orderId]/cancel", async (request, { params }) => {
  assertSameOrigin(request);
  const orderId = parseId((await params).orderId, "orderId");
  const session = await requireSession();
  const { itemId } = await readJson(request, cancelSchema);
  // With the credential of the account the order belongs to; "not found" tries the next
  // account, so an order of none of the session's accounts stays a 404 (lib/server/account-lists).
  const { account } = await inAccountOf(session, accountHint(request), (candidate, client) =>
    client.orderCancel(orderId, itemId, { signal: request.signal }).catch(async (error: unknown) => {
      await rememberRefusal(candidate.auth, error);
      throw error;
    }),
  );
  await recordActivity(actorOf(session, account), itemId ? "item_cancelled" : "order_cancelled", { orderId, ...(itemId ? { itemId } : {}) });
  return noContent();
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
