import { getAccountFlags } from "@/lib/server/account-flags";
import { getEnv } from "@/lib/server/env";
import { json, methodNotAllowed, route } from "@/lib/server/http";
import { requireSession } from "@/lib/server/klikk";

export type AccountInfo = { readOnly: boolean; portalUrl: string };

/**
 * What the pages need to know about the signed-in account beyond who it is: whether the upstream
 * has refused it an order or cancel as read-only (so those actions are shown as off), and where
 * it pays its invoices.
 */
export const GET = route("GET /api/account", async () => {
  const session = await requireSession();
  const flags = await getAccountFlags(session.identity);
  const body: AccountInfo = { readOnly: flags.readOnly, portalUrl: getEnv().portalUrl };
  return json(body);
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
