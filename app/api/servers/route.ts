import { accountHint, sessionServersBody } from "@/lib/server/account-lists";
import { methodNotAllowed, route } from "@/lib/server/http";
import { requireSession } from "@/lib/server/klikk";
import { parseId } from "@/lib/server/request";

/**
 * Every server of every account of the session, or with `?orderItemId=N` those created by one
 * order item. `sources` says which account each run of `servers` belongs to; `failures` names
 * an account whose list could not be read.
 */
export const GET = route("GET /api/servers", async (request) => {
  const raw = new URL(request.url).searchParams.get("orderItemId");
  const orderItemId = raw === null || raw === "" || raw === "0" ? undefined : parseId(raw, "orderItemId");
  const session = await requireSession();
  const body = await sessionServersBody(session, orderItemId, request.signal, accountHint(request));
  return new Response(body, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
