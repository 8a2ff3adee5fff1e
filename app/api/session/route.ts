import { actorOf, recordActivity } from "@/lib/server/activity";
import { clientAddress } from "@/lib/server/client-address";
import { assertSameOrigin } from "@/lib/server/csrf";
import { json, methodNotAllowed, noContent, route } from "@/lib/server/http";
import { readJson } from "@/lib/server/request";
import { accountIdentity } from "@/lib/server/identity";
import { endSession, getSession, startSession, tokenHint } from "@/lib/server/session";
import { publicAccounts } from "@/lib/server/session-accounts";
import { signInSchema, verifySignIn } from "@/lib/server/sign-in";

const METHOD_NAMES = { token: "with an account token", basic: "with a password (Basic)", digest: "with a password (Digest)" } as const;

/** Sign in: check the credentials upstream, then keep them (encrypted) in a new stored session. */
export const POST = route("POST /api/session", async (request) => {
  assertSameOrigin(request);
  const body = await readJson(request, signInSchema);
  const address = clientAddress(request);
  const userAgent = request.headers.get("user-agent") ?? "";
  const { auth, username } = await verifySignIn(body, { address, userAgent }, request.signal);
  await startSession(auth, username, { address, userAgent });
  await recordActivity({ identity: accountIdentity(auth), username, clientAddress: address, userAgent }, "sign_in", { detail: METHOD_NAMES[auth.method] });
  return json({ method: auth.method, ...(username ? { username } : {}) });
});

/** Who is signed in (never the secret), and the address this dashboard sees for the browser. */
export const GET = route("GET /api/session", async (request) => {
  const session = await getSession();
  if (!session) return json({ error: { code: "unauthenticated", message: "You are signed out." } }, { status: 401 });
  return json({
    method: session.auth.method,
    ...(session.username ? { username: session.username } : {}),
    ...tokenHint(session.auth),
    clientAddress: clientAddress(request),
    accounts: await publicAccounts(session),
  });
});

/** Sign out: the stored session is deleted, so a copy of the cookie is worthless from now on. */
export const DELETE = route("DELETE /api/session", async (request) => {
  assertSameOrigin(request);
  const ended = await endSession();
  if (ended) await recordActivity(actorOf(ended), "sign_out");
  return noContent();
});

export const PUT = methodNotAllowed(["GET", "POST", "DELETE"]);
export const PATCH = PUT;
