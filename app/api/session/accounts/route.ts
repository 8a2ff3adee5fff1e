import { z } from "zod";
import { recordActivity } from "@/lib/server/activity";
import { accountLabelSchema } from "@/lib/server/account-label-schema";
import { clientAddress } from "@/lib/server/client-address";
import { assertSameOrigin } from "@/lib/server/csrf";
import { json, methodNotAllowed, route } from "@/lib/server/http";
import { accountIdentity } from "@/lib/server/identity";
import { requireSession } from "@/lib/server/klikk";
import { readJson } from "@/lib/server/request";
import { addAccount, publicAccounts } from "@/lib/server/session-accounts";
import { signInSchema, verifySignIn } from "@/lib/server/sign-in";

const addAccountSchema = z.strictObject({
  credentials: signInSchema,
  label: accountLabelSchema.optional(),
  /** Make it the account new orders go to. */
  activate: z.boolean({ error: "activate must be true or false." }).optional(),
});

/** The session's accounts (never a credential), the one signed in with first. */
export const GET = route("GET /api/session/accounts", async () => {
  const session = await requireSession();
  return json({ accounts: await publicAccounts(session) });
});

/**
 * Adds another token or username to this session. The credentials are checked upstream exactly
 * like a sign-in (the same limits per address and account, the same messages), then kept
 * encrypted in the session record like the first.
 */
export const POST = route("POST /api/session/accounts", async (request) => {
  assertSameOrigin(request);
  const session = await requireSession();
  const body = await readJson(request, addAccountSchema);
  const address = clientAddress(request);
  const userAgent = request.headers.get("user-agent") ?? "";
  const { auth, username } = await verifySignIn(body.credentials, { address, userAgent }, request.signal);
  const key = await addAccount(session, auth, { label: body.label, activate: body.activate });
  await recordActivity({ identity: accountIdentity(auth), username: session.username ?? username, clientAddress: address, userAgent }, "account_added", {
    detail: "added to a dashboard session",
  });
  const fresh = await requireSession();
  return json({ account: key, accounts: await publicAccounts(fresh) }, { status: 201 });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
