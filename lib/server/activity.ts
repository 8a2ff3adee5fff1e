import "server-only";
import { type ActivityEntry, type ActivityKind, isActivityKind } from "@/lib/activity/kinds";
import { describeUserAgent } from "@/lib/sessions/user-agent";
import { getEnv } from "@/lib/server/env";
import { logger } from "@/lib/server/log";
import type { SessionData } from "@/lib/server/session";
import { getStore } from "@/lib/server/store";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Who did it: from a session, or (before one exists) from the request's address and browser. */
export type Actor = { identity: string; username?: string; clientAddress: string; userAgent: string };

export function actorOf(session: SessionData): Actor {
  return { identity: session.identity, username: session.username, clientAddress: session.clientAddress, userAgent: session.userAgent };
}

type Details = Pick<ActivityEntry, "orderId" | "itemId" | "items" | "reference" | "detail">;

/**
 * Records one event: appended to the store (kept ACTIVITY_RETENTION_DAYS) and written as one
 * structured log line. Never a credential: the identity is a username or a token's hash. A
 * failure to record is logged and does not undo or fail the action it describes.
 */
export async function recordActivity(actor: Actor, kind: ActivityKind, details: Details = {}): Promise<void> {
  const at = Date.now();
  const data: Omit<ActivityEntry, "id" | "at" | "kind"> = {
    browser: describeUserAgent(actor.userAgent),
    clientAddress: actor.clientAddress,
    ...(actor.username ? { username: actor.username } : {}),
    ...details,
  };
  logger.info("activity", { event: kind, account: actor.identity, ...data });
  try {
    await getStore().appendEvent({ at, identity: actor.identity, kind, data }, getEnv().activityRetentionDays * DAY_MS);
  } catch (error) {
    logger.warn("activity: could not be stored", { event: kind, reason: error instanceof Error ? error.message : String(error) });
  }
}

/** The account's events, newest first, optionally of some kinds or about one order. */
export async function listActivity(identity: string, { kinds, orderId, limit = 500 }: { kinds?: ActivityKind[]; orderId?: number; limit?: number } = {}): Promise<ActivityEntry[]> {
  const events = await getStore().listEvents(identity, { limit: orderId ? 10_000 : limit, kinds });
  const entries: ActivityEntry[] = [];
  for (const event of events) {
    if (!isActivityKind(event.kind)) continue;
    const data = event.data as Partial<ActivityEntry>;
    if (orderId !== undefined && data.orderId !== orderId) continue;
    entries.push({ ...data, id: event.id ?? String(event.at), at: event.at, kind: event.kind });
    if (entries.length >= limit) break;
  }
  return entries;
}
