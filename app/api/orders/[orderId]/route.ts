import { accountHint, inAccountOf } from "@/lib/server/account-lists";
import { json, methodNotAllowed, route } from "@/lib/server/http";
import { requireSession } from "@/lib/server/klikk";
import { parseId } from "@/lib/server/request";

/**
 * One order with its items (order_status), asked of the session's account it belongs to
 * (`?account=` names the likely one), with that account's key. An order of no account of the
 * session is a 404.
 */
export const GET = route<{ orderId: string }>("GET /api/orders/[orderId]", async (request, { params }) => {
  const orderId = parseId((await params).orderId, "orderId");
  const session = await requireSession();
  const { account, value } = await inAccountOf(session, accountHint(request), (_account, client) => client.orderStatus(orderId, { signal: request.signal }));
  return json({ ...value, account: account.key });
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
