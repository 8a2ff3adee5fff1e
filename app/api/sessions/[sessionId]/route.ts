import { endAccountSession } from "@/lib/server/account-sessions";
import { actorOf, recordActivity } from "@/lib/server/activity";
import { assertSameOrigin } from "@/lib/server/csrf";
import { HttpError, methodNotAllowed, noContent, route } from "@/lib/server/http";
import { requireSession } from "@/lib/server/klikk";
import { clearSessionCookie } from "@/lib/server/session";

const SESSION_ID = /^[0-9a-f]{64}$/;

/** Ends one session of the signed-in account; that browser is signed out on its next request. */
export const DELETE = route<{ sessionId: string }>("DELETE /api/sessions/[sessionId]", async (request, { params }) => {
  assertSameOrigin(request);
  const { sessionId } = await params;
  if (!SESSION_ID.test(sessionId)) throw new HttpError(400, "validation", "sessionId must be 64 hexadecimal characters.", { fields: { sessionId: "must be 64 hex characters" } });
  const session = await requireSession();
  if (!(await endAccountSession(session, sessionId))) throw new HttpError(404, "not_found", "There is no such session of this account; it may have ended already.");
  if (sessionId === session.id) await clearSessionCookie();
  await recordActivity(actorOf(session), sessionId === session.id ? "sign_out" : "session_ended", sessionId === session.id ? {} : { detail: "another session ended from this one" });
  return noContent();
});

export const GET = methodNotAllowed(["DELETE"]);
export const POST = GET;
export const PUT = GET;
export const PATCH = GET;
