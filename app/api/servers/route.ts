import { accountHint, sessionServersBody } from "@/lib/server/account-lists";
import { listResponse, methodNotAllowed, route } from "@/lib/server/http";
import { requireSession } from "@/lib/server/klikk";
import { parseId } from "@/lib/server/request";

/**
 * Every server of every account of the session, or with `?orderItemId=N` those created by one
 * order item. `sources` says which account each run of `servers` belongs to; `failures` names
 * an account whose list could not be read. A browser that sends the ETag of the list it holds
 * gets 304 while the list is unchanged (the upstream is still asked every time).
 */
export const GET = route("GET /api/servers", async (request) => {
  const raw = new URL(request.url).searchParams.get("orderItemId");
  const orderItemId = raw === null || raw === "" || raw === "0" ? undefined : parseId(raw, "orderItemId");
  const session = await requireSession();
  return listResponse(request, await sessionServersBody(session, orderItemId, request.signal, accountHint(request)));
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
