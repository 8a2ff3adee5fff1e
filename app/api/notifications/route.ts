import { z } from "zod";
import { assertSameOrigin } from "@/lib/server/csrf";
import { json, methodNotAllowed, route } from "@/lib/server/http";
import { accountHint } from "@/lib/server/account-lists";
import { requireSession } from "@/lib/server/klikk";
import { listNotices, reportTransition } from "@/lib/server/notices";
import { readJson } from "@/lib/server/request";

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const reportSchema = z.strictObject({ orderId: id, itemId: id.optional(), status: z.number().int().min(0).max(999) });

/** The bell: the notices of the session's accounts, newest first, with the unread count. */
export const GET = route("GET /api/notifications", async () => {
  const session = await requireSession();
  return json(await listNotices(session));
});

/**
 * A page saw an order or item change status. The server checks it with the upstream and keeps
 * one notice per event for the account (201 when new, 200 when another tab was first).
 */
export const POST = route("POST /api/notifications", async (request) => {
  assertSameOrigin(request);
  const report = await readJson(request, reportSchema);
  const session = await requireSession();
  const { notice, created } = await reportTransition(session, report, accountHint(request), request.signal);
  return json({ notice, created }, { status: created ? 201 : 200 });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
