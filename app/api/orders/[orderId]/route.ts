import { json, methodNotAllowed, route } from "@/lib/server/http";
import { parseId } from "@/lib/server/request";
import { requireClient } from "@/lib/server/klikk";

/** One order with its items (order_status). */
export const GET = route<{ orderId: string }>("GET /api/orders/[orderId]", async (request, { params }) => {
  const orderId = parseId((await params).orderId, "orderId");
  const { client } = await requireClient();
  return json(await client.orderStatus(orderId, { signal: request.signal }));
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
