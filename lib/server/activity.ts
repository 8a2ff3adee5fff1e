import "server-only";
import { labelOf, type PublicAccount } from "@/lib/accounts/accounts";
import { type ActivityEntry, type ActivityKind, isActivityKind } from "@/lib/activity/kinds";
import { describeUserAgent } from "@/lib/sessions/user-agent";
import { getEnv } from "@/lib/server/env";
import { logger } from "@/lib/server/log";
import type { SessionAccount, SessionData } from "@/lib/server/session";
import { getStore } from "@/lib/server/store";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Who did it: from a session, or (before one exists) from the request's address and browser. */
export type Actor = { identity: string; username?: string; clientAddress: string; userAgent: string };

/**
 * The actor of a session's action. Events about the session itself (sign-out, sessions ended)
 * go to the account signed in with; an order or cancel goes to the account it was made on
 * (issue 15), still naming the person signed in.
 */
export function actorOf(session: SessionData, account: Pick<SessionAccount, "identity"> = session): Actor {
  return { identity: account.identity, username: session.username, clientAddress: session.clientAddress, userAgent: session.userAgent };
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

/**
 * The events of every account of a session, newest first, each naming its account: what the
 * Activity page and the order page show. Never another account's events.
 */
export async function listSessionActivity(
  session: SessionData,
  accounts: readonly PublicAccount[],
  options: { kinds?: ActivityKind[]; orderId?: number; limit?: number } = {},
): Promise<ActivityEntry[]> {
  const lists = await Promise.all(session.accounts.map((account) => listActivity(account.identity, options)));
  const merged = lists.flatMap((entries, index) => {
    const key = session.accounts[index]!.key;
    const accountLabel = labelOf(accounts, key);
    return entries.map((entry) => ({ ...entry, id: `${key}.${entry.id}`, account: key, accountLabel }));
  });
  return merged.sort((a, b) => b.at - a.at).slice(0, options.limit ?? 500);
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
