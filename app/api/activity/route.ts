import { type ActivityKind, isActivityKind } from "@/lib/activity/kinds";
import { listSessionActivity } from "@/lib/server/activity";
import { publicAccounts } from "@/lib/server/session-accounts";
import { HttpError, json, methodNotAllowed, route } from "@/lib/server/http";
import { requireSession } from "@/lib/server/klikk";
import { parseId } from "@/lib/server/request";

/**
 * The activity of the session's accounts, newest first, each event naming its account: `?kind=a,b` narrows it to some kinds,
 * `?orderId=N` to one order. Another account's events are never read.
 */
export const GET = route("GET /api/activity", async (request) => {
  const params = new URL(request.url).searchParams;
  const kindParam = params.get("kind");
  const kinds: ActivityKind[] = [];
  for (const kind of kindParam ? kindParam.split(",") : []) {
    if (!isActivityKind(kind)) throw new HttpError(400, "validation", `kind "${kind.slice(0, 40)}" is not an activity kind.`, { fields: { kind: "unknown kind" } });
    kinds.push(kind);
  }
  const orderParam = params.get("orderId");
  const orderId = orderParam === null ? undefined : parseId(orderParam, "orderId");
  const session = await requireSession();
  const accounts = await publicAccounts(session);
  return json({ events: await listSessionActivity(session, accounts, { kinds: kinds.length ? kinds : undefined, orderId }) });
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
