import { endAccountSessions, listAccountSessions } from "@/lib/server/account-sessions";
import { publicAccounts } from "@/lib/server/session-accounts";
import { actorOf, recordActivity } from "@/lib/server/activity";
import { assertSameOrigin } from "@/lib/server/csrf";
import { HttpError, json, methodNotAllowed, route } from "@/lib/server/http";
import { requireSession } from "@/lib/server/klikk";
import { clearSessionCookie } from "@/lib/server/session";

/** The signed-in account's sessions of this dashboard, on every instance. Never a credential. */
export const GET = route("GET /api/sessions", async () => {
  const session = await requireSession();
  return json({ sessions: await listAccountSessions(session, await publicAccounts(session)) });
});

/**
 * Ends sessions of the signed-in account: `?keep=current` ends every other one; without it,
 * every one including this ("sign out everywhere").
 */
export const DELETE = route("DELETE /api/sessions", async (request) => {
  assertSameOrigin(request);
  const keep = new URL(request.url).searchParams.get("keep");
  if (keep !== null && keep !== "current") {
    throw new HttpError(400, "validation", 'keep must be "current" or left out.', { fields: { keep: 'must be "current"' } });
  }
  const session = await requireSession();
  const ended = await endAccountSessions(session, { keepCurrent: keep === "current" });
  await recordActivity(actorOf(session), keep === "current" ? "session_ended" : "sign_out", {
    detail: keep === "current" ? `every other session ended (${ended})` : `signed out everywhere (${ended} session${ended === 1 ? "" : "s"})`,
  });
  if (keep !== "current") await clearSessionCookie();
  return json({ ended });
});

export const POST = methodNotAllowed(["GET", "DELETE"]);
export const PUT = POST;
export const PATCH = POST;
