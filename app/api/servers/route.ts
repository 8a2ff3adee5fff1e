import { methodNotAllowed, route } from "@/lib/server/http";
import { parseId } from "@/lib/server/request";
import { largeReads } from "@/lib/server/concurrency";
import { requireClient } from "@/lib/server/klikk";

/** Every server, or with `?orderItemId=N` those created by one order item. */
export const GET = route("GET /api/servers", async (request) => {
  const raw = new URL(request.url).searchParams.get("orderItemId");
  const orderItemId = raw === null || raw === "" || raw === "0" ? undefined : parseId(raw, "orderItemId");
  const { session, client } = await requireClient();
  // Read and check inside the account's limit, so that one large list per account is in memory;
  // a valid answer is passed on as it came (lib/klikk/pass-through.ts).
  const body = await largeReads.run(session.identity, () => client.serverListBody(orderItemId, { signal: request.signal }), request.signal);
  return new Response(body, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
