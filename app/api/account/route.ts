import { getAccountFlags } from "@/lib/server/account-flags";
import { getEnv } from "@/lib/server/env";
import { json, methodNotAllowed, route } from "@/lib/server/http";
import { requireSession } from "@/lib/server/klikk";

export type AccountInfo = {
  /** The active account (where new orders go) may only read. */
  readOnly: boolean;
  /** Every account of the session known to be read-only, by key: their rows' actions are off. */
  readOnlyAccounts: string[];
  portalUrl: string;
};

/**
 * What the pages need to know about the signed-in account beyond who it is: whether the upstream
 * has refused it an order or cancel as read-only (so those actions are shown as off), and where
 * it pays its invoices.
 */
export const GET = route("GET /api/account", async () => {
  const session = await requireSession();
  const flags = await Promise.all(session.accounts.map((account) => getAccountFlags(account.identity)));
  const readOnlyAccounts = session.accounts.filter((_account, index) => flags[index]?.readOnly).map((account) => account.key);
  const body: AccountInfo = { readOnly: readOnlyAccounts.includes(session.active.key), readOnlyAccounts, portalUrl: getEnv().portalUrl };
  return json(body);
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
