import type { AccountHistory, ActivityEvent, NoticeInput, NoticeLimits, NoticeRecord } from "../types";
import { identityKey, PREFIX, type RedisClient, type RedisConnection } from "./connection";

/** Activity events kept per account at most, besides the retention period. */
const MAX_EVENTS_PER_IDENTITY = 10_000;
/** Settings live this long after their last write (they are rewritten whenever they change). */
const SETTINGS_TTL_MS = 400 * 24 * 60 * 60 * 1000;

/** Every notice in the hash, newest first. */
async function readNotices(client: RedisClient, hash: string): Promise<NoticeRecord[]> {
  const raw = await client.hGetAll(hash);
  return Object.entries(raw)
    .filter(([field]) => field.startsWith("k:"))
    .map(([, value]) => JSON.parse(String(value)) as NoticeRecord)
    .sort((a, b) => Number(b.id) - Number(a.id));
}

/** What is kept per account: activity events, settings and the bell's notices. */
export function redisHistory(conn: RedisConnection): AccountHistory {
  return {
    appendEvent(event: ActivityEvent, retentionMs: number): Promise<void> {
      return conn.run(async (client) => {
        const key = `${PREFIX}events:${identityKey(event.identity)}`;
        const id = String(await client.incr(`${PREFIX}events:seq`));
        // A sorted set by time: events past the retention period and beyond the cap are dropped on
        // every append, and the whole set expires a retention period after its last event.
        await client
          .multi()
          .zAdd(key, { score: event.at, value: JSON.stringify({ ...event, id }) })
          .zRemRangeByScore(key, "-inf", event.at - retentionMs)
          .zRemRangeByRank(key, 0, -MAX_EVENTS_PER_IDENTITY - 1)
          .pExpire(key, retentionMs)
          .exec();
      });
    },

    listEvents(identity: string, { limit, kinds }: { limit: number; kinds?: string[] }): Promise<ActivityEvent[]> {
      return conn.run(async (client) => {
        const key = `${PREFIX}events:${identityKey(identity)}`;
        const raws = await client.zRange(key, 0, kinds?.length ? -1 : limit - 1, { REV: true });
        return raws
          .map((raw) => JSON.parse(raw) as ActivityEvent)
          .filter((event) => event.identity === identity && (!kinds?.length || kinds.includes(event.kind)))
          .sort((a, b) => Number(b.id) - Number(a.id))
          .slice(0, limit);
      });
    },

    readSettings(identity: string): Promise<Record<string, unknown>> {
      return conn.run(async (client) => {
        const raw = await client.hGetAll(`${PREFIX}settings:${identityKey(identity)}`);
        return Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, JSON.parse(String(value)) as unknown]));
      });
    },

    writeSetting(identity: string, name: string, value: unknown): Promise<void> {
      return conn.run(async (client) => {
        const key = `${PREFIX}settings:${identityKey(identity)}`;
        await client.multi().hSet(key, name, JSON.stringify(value)).pExpire(key, SETTINGS_TTL_MS).exec();
      });
    },

    /**
     * One hash per identity: field `k:<key>` holds a notice as JSON (so a key is kept once, by
     * HSETNX), field `#seq` numbers them. At most a hundred or so entries, so trimming and marking
     * read the whole hash is cheap; the hash expires a retention period after its last notice.
     */
    addNotice(notice: NoticeInput, limits: NoticeLimits): Promise<{ notice: NoticeRecord; created: boolean }> {
      return conn.run(async (client) => {
        const hash = `${PREFIX}notices:${identityKey(notice.identity)}`;
        const field = `k:${notice.key}`;
        const existing = await client.hGet(hash, field);
        if (existing) return { notice: JSON.parse(existing) as NoticeRecord, created: false };
        const id = String(await client.hIncrBy(hash, "#seq", 1));
        const record: NoticeRecord = { ...notice, id, read: false };
        const created = Number(await client.hSetNX(hash, field, JSON.stringify(record))) === 1;
        await client.pExpire(hash, limits.retentionMs);
        if (!created) {
          const raced = await client.hGet(hash, field);
          return { notice: raced ? (JSON.parse(raced) as NoticeRecord) : record, created: false };
        }
        const all = await readNotices(client, hash);
        const keep = new Set(all.filter((n) => n.at >= notice.at - limits.retentionMs).slice(0, limits.max));
        const drop = all.filter((n) => !keep.has(n)).map((n) => `k:${n.key}`);
        if (drop.length > 0) await client.hDel(hash, drop);
        return { notice: record, created: true };
      });
    },

    listNotices(identity: string, limits: NoticeLimits): Promise<NoticeRecord[]> {
      return conn.run(async (client) => {
        const since = Date.now() - limits.retentionMs;
        const all = await readNotices(client, `${PREFIX}notices:${identityKey(identity)}`);
        return all.filter((n) => n.identity === identity && n.at >= since).slice(0, limits.max);
      });
    },

    markNoticesRead(identity: string, ids?: readonly string[]): Promise<number> {
      return conn.run(async (client) => {
        const hash = `${PREFIX}notices:${identityKey(identity)}`;
        const wanted = ids === undefined ? null : new Set(ids);
        const changed = (await readNotices(client, hash)).filter((n) => !n.read && n.identity === identity && (wanted === null || wanted.has(n.id)));
        // Field by field, so a notice added meanwhile is never overwritten.
        if (changed.length > 0) await client.hSet(hash, Object.fromEntries(changed.map((n) => [`k:${n.key}`, JSON.stringify({ ...n, read: true })])));
        return changed.length;
      });
    },
  };
}
