import { z } from "zod";
import { assertSameOrigin } from "@/lib/server/csrf";
import { json, methodNotAllowed, route } from "@/lib/server/http";
import { requireSession } from "@/lib/server/klikk";
import { markNoticesRead } from "@/lib/server/notices";
import { readJson } from "@/lib/server/request";

// An id is `<account key>.<store id>` (lib/server/notices).
const schema = z.strictObject({ ids: z.array(z.string().min(1).max(80)).max(100).optional() });

/** Marks the given notices of the account read, or all of them when `ids` is left out. */
export const POST = route("POST /api/notifications/read", async (request) => {
  assertSameOrigin(request);
  const { ids } = await readJson(request, schema);
  const session = await requireSession();
  return json({ changed: await markNoticesRead(session, ids) });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
