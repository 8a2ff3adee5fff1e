import { z } from "zod";
import { actorOf, recordActivity } from "@/lib/server/activity";
import { accountLabelSchema } from "@/lib/server/account-label-schema";
import { assertSameOrigin } from "@/lib/server/csrf";
import { HttpError, json, methodNotAllowed, route } from "@/lib/server/http";
import { requireSession } from "@/lib/server/klikk";
import { readJson } from "@/lib/server/request";
import { publicAccounts, removeAccount, renameAccount, requireAccount, setActiveAccount } from "@/lib/server/session-accounts";

const changeSchema = z
  .strictObject({
    label: accountLabelSchema.optional(),
    /** `true` makes it the account new orders go to. */
    active: z.literal(true, { error: "active can only be true: choose another account to switch away from this one." }).optional(),
  })
  .refine((body) => body.label !== undefined || body.active !== undefined, { error: "Send a label, active: true, or both." });

type Params = { accountKey: string };

/** Renames an account of the session, or makes it the one new orders go to. */
export const PATCH = route<Params>("PATCH /api/session/accounts/[accountKey]", async (request, { params }) => {
  assertSameOrigin(request);
  const { accountKey } = await params;
  const session = await requireSession();
  requireAccount(session, accountKey);
  const body = await readJson(request, changeSchema);
  if (body.label !== undefined) await renameAccount(session, accountKey, body.label);
  if (body.active) await setActiveAccount(session, accountKey);
  return json({ accounts: await publicAccounts(await requireSession()) });
});

/** Removes an added account: its credential leaves the store at once. */
export const DELETE = route<Params>("DELETE /api/session/accounts/[accountKey]", async (request, { params }) => {
  assertSameOrigin(request);
  const { accountKey } = await params;
  const session = await requireSession();
  const removed = await removeAccount(session, accountKey);
  await recordActivity(actorOf(session, removed), "account_removed", { detail: "removed from a dashboard session" });
  const fresh = await requireSession();
  if (fresh.accounts.some((account) => account.key === accountKey)) throw new HttpError(500, "internal", "The account could not be removed. Try again.");
  return json({ accounts: await publicAccounts(fresh) });
});

export const GET = methodNotAllowed(["PATCH", "DELETE"]);
export const POST = GET;
export const PUT = GET;
