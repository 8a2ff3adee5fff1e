import { json, methodNotAllowed, route } from "@/lib/server/http";
import { requireClient } from "@/lib/server/klikk";
import { parseId } from "@/lib/server/params";

/** Every server, or with `?orderItemId=N` those created by one order item. */
export const GET = route("GET /api/servers", async (request) => {
  const raw = new URL(request.url).searchParams.get("orderItemId");
  const orderItemId = raw === null || raw === "" || raw === "0" ? undefined : parseId(raw, "orderItemId");
  const { client } = await requireClient();
  const servers = await client.serverList(orderItemId, { signal: request.signal });
  return json({ servers });
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
