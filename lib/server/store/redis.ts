import { createHash } from "node:crypto";
import { createClient } from "redis";
import type { ActivityEvent, IdempotencyClaim, LinkedAccountRecord, NoticeInput, NoticeLimits, NoticeRecord, SessionRecord, Store, StoredAnswer } from "./types";
import { StoreUnavailableError } from "./types";

/** Every key starts with this, so the dashboard can share a Redis with other software. */
const PREFIX = "klikk:";
/** A command that takes longer than this fails as "store unavailable" instead of hanging a request. */
const COMMAND_TIMEOUT_MS = 2_000;
/** Activity events kept per account at most, besides the retention period. */
const MAX_EVENTS_PER_IDENTITY = 10_000;
/** Settings live this long after their last write (they are rewritten whenever they change). */
const SETTINGS_TTL_MS = 400 * 24 * 60 * 60 * 1000;

/** Identities can hold a username: keys carry a hash of it instead. */
/** A session's JSON with its added accounts, which are kept under their own key once changed. */
function withAccounts(raw: string, accountsRaw: string | null): SessionRecord {
  const record = JSON.parse(raw) as SessionRecord;
  const linked = accountsRaw ? (JSON.parse(accountsRaw) as Pick<SessionRecord, "accounts" | "activeAccount">) : null;
  return { ...record, accounts: linked?.accounts ?? record.accounts ?? [], activeAccount: linked ? linked.activeAccount : (record.activeAccount ?? null) };
}

function identityKey(identity: string): string {
  return createHash("sha256").update(identity).digest("hex").slice(0, 32);
}

const RELEASE_LOCK = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end`;

/**
 * The engine for several instances behind a load balancer: Redis through the official client.
 * Every key is namespaced and carries a TTL. The offline queue is off, so while Redis is down
 * commands fail at once (503 `store_unavailable`) instead of piling up; the client reconnects by
 * itself and the next request works again.
 */
export class RedisStore implements Store {
  readonly engine = "redis" as const;
  private readonly client;
  private connecting: Promise<unknown> | null = null;

  constructor(url: string, { onError }: { onError?: (error: Error) => void } = {}) {
    this.client = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: COMMAND_TIMEOUT_MS, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000) },
    });
    // Without a listener a connection error would be thrown as an uncaught 'error' event.
    this.client.on("error", (error: Error) => onError?.(error));
  }

  /** Connects on first use; a failed first connection is retried by the client in the background. */
  private async ready() {
    if (!this.client.isOpen) {
      this.connecting ??= this.client.connect().catch(() => undefined);
      await Promise.race([this.connecting, new Promise((resolve) => setTimeout(resolve, COMMAND_TIMEOUT_MS).unref())]);
    }
    if (!this.client.isReady) throw new StoreUnavailableError(new Error("redis is not connected"));
    return this.client;
  }

  private async run<T>(work: (client: Awaited<ReturnType<RedisStore["ready"]>>) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const client = await this.ready();
      return await Promise.race([
        work(client),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("redis command timed out")), COMMAND_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      throw error instanceof StoreUnavailableError ? error : new StoreUnavailableError(error);
    } finally {
      clearTimeout(timer);
    }
  }

  createSession(record: SessionRecord): Promise<void> {
    return this.run(async (client) => {
      const ttl = Math.max(1, record.expiresAt - Date.now());
      const index = `${PREFIX}sessions:${identityKey(record.identity)}`;
      await client
        .multi()
        .set(`${PREFIX}session:${record.id}`, JSON.stringify(record), { PX: ttl })
        .zAdd(index, { score: record.expiresAt, value: record.id })
        .zRemRangeByScore(index, "-inf", Date.now())
        .pExpire(index, ttl, "GT")
        .pExpire(index, ttl, "NX")
        .exec();
    });
  }

  readSession(id: string, now = Date.now()): Promise<SessionRecord | null> {
    return this.run(async (client) => {
      const [raw, accounts] = await client.mGet([`${PREFIX}session:${id}`, `${PREFIX}session-accounts:${id}`]);
      if (!raw) return null;
      const record = withAccounts(raw, accounts ?? null);
      return record.expiresAt > now ? record : null;
    });
  }

  /**
   * The added accounts live under a key of their own, so that a touch (which rewrites the
   * session's JSON) never puts back accounts changed meanwhile. It expires with the session.
   */
  updateSessionAccounts(id: string, accounts: LinkedAccountRecord[], activeAccount: string | null): Promise<boolean> {
    return this.run(async (client) => {
      const ttl = await client.pTTL(`${PREFIX}session:${id}`);
      if (ttl <= 0) return false;
      await client.set(`${PREFIX}session-accounts:${id}`, JSON.stringify({ accounts, activeAccount }), { PX: ttl });
      return true;
    });
  }

  touchSession(id: string, lastSeenAt: number, expiresAt: number): Promise<void> {
    return this.run(async (client) => {
      const key = `${PREFIX}session:${id}`;
      const raw = await client.get(key);
      if (!raw) return;
      const record = { ...(JSON.parse(raw) as SessionRecord), lastSeenAt, expiresAt };
      const ttl = Math.max(1, expiresAt - Date.now());
      // XX: a session deleted meanwhile (signed out elsewhere) is not brought back.
      await client
        .multi()
        .set(key, JSON.stringify(record), { PX: ttl, XX: true })
        .pExpire(`${PREFIX}session-accounts:${id}`, ttl)
        .zAdd(`${PREFIX}sessions:${identityKey(record.identity)}`, { score: expiresAt, value: id }, { XX: true })
        .exec();
    });
  }

  deleteSession(id: string): Promise<boolean> {
    return this.run(async (client) => {
      const key = `${PREFIX}session:${id}`;
      const raw = await client.get(key);
      const deleted = await client.del([key, `${PREFIX}session-accounts:${id}`]);
      if (raw) await client.zRem(`${PREFIX}sessions:${identityKey((JSON.parse(raw) as SessionRecord).identity)}`, id);
      return deleted > 0;
    });
  }

  listSessions(identity: string, now = Date.now()): Promise<SessionRecord[]> {
    return this.run(async (client) => {
      const index = `${PREFIX}sessions:${identityKey(identity)}`;
      await client.zRemRangeByScore(index, "-inf", now);
      const ids = await client.zRange(index, 0, -1);
      if (ids.length === 0) return [];
      const raws = await client.mGet(ids.flatMap((id) => [`${PREFIX}session:${id}`, `${PREFIX}session-accounts:${id}`]));
      const records: SessionRecord[] = [];
      for (let index = 0; index < raws.length; index += 2) {
        const raw = raws[index];
        if (typeof raw === "string") records.push(withAccounts(raw, raws[index + 1] ?? null));
      }
      return records
        .filter((record) => record.expiresAt > now && record.identity === identity)
        .sort((a, b) => b.createdAt - a.createdAt);
    });
  }

  deleteSessions(identity: string, keepId?: string): Promise<string[]> {
    return this.run(async (client) => {
      const index = `${PREFIX}sessions:${identityKey(identity)}`;
      const ids = (await client.zRange(index, 0, -1)).filter((id) => id !== keepId);
      if (ids.length === 0) return [];
      await client
        .multi()
        .del(ids.flatMap((id) => [`${PREFIX}session:${id}`, `${PREFIX}session-accounts:${id}`]))
        .zRem(index, ids)
        .exec();
      return ids;
    });
  }

  claimIdempotency(key: string, fingerprint: string, lockMs: number): Promise<IdempotencyClaim> {
    return this.run(async (client) => {
      const redisKey = `${PREFIX}idempotency:${key}`;
      const claimed = await client.set(redisKey, JSON.stringify({ state: "running", fingerprint }), { NX: true, PX: lockMs });
      if (claimed === "OK") return { state: "claimed" };
      const raw = await client.get(redisKey);
      // Expired between the two commands: report it as running, and the caller's next claim wins.
      if (!raw) return { state: "running", fingerprint };
      const entry = JSON.parse(raw) as { state: "running" | "done"; fingerprint: string; answer?: StoredAnswer };
      if (entry.state === "done" && entry.answer) return { state: "done", fingerprint: entry.fingerprint, answer: entry.answer };
      return { state: "running", fingerprint: entry.fingerprint };
    });
  }

  completeIdempotency(key: string, fingerprint: string, answer: StoredAnswer, ttlMs: number): Promise<void> {
    return this.run(async (client) => {
      await client.set(`${PREFIX}idempotency:${key}`, JSON.stringify({ state: "done", fingerprint, answer }), { PX: ttlMs });
    });
  }

  releaseIdempotency(key: string): Promise<void> {
    return this.run(async (client) => {
      const redisKey = `${PREFIX}idempotency:${key}`;
      const raw = await client.get(redisKey);
      if (raw && (JSON.parse(raw) as { state: string }).state === "running") await client.del(redisKey);
    });
  }

  incrementCounter(key: string, windowMs: number, by = 1): Promise<{ count: number; resetAt: number }> {
    return this.run(async (client) => {
      const redisKey = `${PREFIX}counter:${key}`;
      // NX: the window starts at the first hit and later hits do not extend it.
      const [count, , ttl] = (await client.multi().incrBy(redisKey, by).pExpire(redisKey, windowMs, "NX").pTTL(redisKey).exec()) as unknown as [number, number, number];
      return { count: Number(count), resetAt: Date.now() + Math.max(0, Number(ttl)) };
    });
  }

  readCounter(key: string): Promise<{ count: number; resetAt: number } | null> {
    return this.run(async (client) => {
      const redisKey = `${PREFIX}counter:${key}`;
      const [count, ttl] = (await client.multi().get(redisKey).pTTL(redisKey).exec()) as unknown as [string | null, number];
      if (count === null || Number(ttl) <= 0) return null;
      return { count: Number(count), resetAt: Date.now() + Number(ttl) };
    });
  }

  resetCounter(key: string): Promise<void> {
    return this.run(async (client) => {
      await client.del(`${PREFIX}counter:${key}`);
    });
  }

  acquireLock(key: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.run(async (client) => (await client.set(`${PREFIX}lock:${key}`, owner, { NX: true, PX: ttlMs })) === "OK");
  }

  releaseLock(key: string, owner: string): Promise<void> {
    return this.run(async (client) => {
      await client.eval(RELEASE_LOCK, { keys: [`${PREFIX}lock:${key}`], arguments: [owner] });
    });
  }

  appendEvent(event: ActivityEvent, retentionMs: number): Promise<void> {
    return this.run(async (client) => {
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
  }

  listEvents(identity: string, { limit, kinds }: { limit: number; kinds?: string[] }): Promise<ActivityEvent[]> {
    return this.run(async (client) => {
      const key = `${PREFIX}events:${identityKey(identity)}`;
      const raws = await client.zRange(key, 0, kinds?.length ? -1 : limit - 1, { REV: true });
      return raws
        .map((raw) => JSON.parse(raw) as ActivityEvent)
        .filter((event) => event.identity === identity && (!kinds?.length || kinds.includes(event.kind)))
        .sort((a, b) => Number(b.id) - Number(a.id))
        .slice(0, limit);
    });
  }

  readSettings(identity: string): Promise<Record<string, unknown>> {
    return this.run(async (client) => {
      const raw = await client.hGetAll(`${PREFIX}settings:${identityKey(identity)}`);
      return Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, JSON.parse(String(value)) as unknown]));
    });
  }

  writeSetting(identity: string, name: string, value: unknown): Promise<void> {
    return this.run(async (client) => {
      const key = `${PREFIX}settings:${identityKey(identity)}`;
      await client.multi().hSet(key, name, JSON.stringify(value)).pExpire(key, SETTINGS_TTL_MS).exec();
    });
  }

  /**
   * One hash per identity: field `k:<key>` holds a notice as JSON (so a key is kept once, by
   * HSETNX), field `#seq` numbers them. At most a hundred or so entries, so trimming and marking
   * read the whole hash is cheap; the hash expires a retention period after its last notice.
   */
  addNotice(notice: NoticeInput, limits: NoticeLimits): Promise<{ notice: NoticeRecord; created: boolean }> {
    return this.run(async (client) => {
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
      const all = await this.readNotices(client, hash);
      const keep = new Set(all.filter((n) => n.at >= notice.at - limits.retentionMs).slice(0, limits.max));
      const drop = all.filter((n) => !keep.has(n)).map((n) => `k:${n.key}`);
      if (drop.length > 0) await client.hDel(hash, drop);
      return { notice: record, created: true };
    });
  }

  listNotices(identity: string, limits: NoticeLimits): Promise<NoticeRecord[]> {
    return this.run(async (client) => {
      const since = Date.now() - limits.retentionMs;
      const all = await this.readNotices(client, `${PREFIX}notices:${identityKey(identity)}`);
      return all.filter((n) => n.identity === identity && n.at >= since).slice(0, limits.max);
    });
  }

  markNoticesRead(identity: string, ids?: readonly string[]): Promise<number> {
    return this.run(async (client) => {
      const hash = `${PREFIX}notices:${identityKey(identity)}`;
      const wanted = ids === undefined ? null : new Set(ids);
      const changed = (await this.readNotices(client, hash)).filter((n) => !n.read && n.identity === identity && (wanted === null || wanted.has(n.id)));
      // Field by field, so a notice added meanwhile is never overwritten.
      if (changed.length > 0) await client.hSet(hash, Object.fromEntries(changed.map((n) => [`k:${n.key}`, JSON.stringify({ ...n, read: true })])));
      return changed.length;
    });
  }

  /** Every notice in the hash, newest first. */
  private async readNotices(client: Awaited<ReturnType<RedisStore["ready"]>>, hash: string): Promise<NoticeRecord[]> {
    const raw = await client.hGetAll(hash);
    return Object.entries(raw)
      .filter(([field]) => field.startsWith("k:"))
      .map(([, value]) => JSON.parse(String(value)) as NoticeRecord)
      .sort((a, b) => Number(b.id) - Number(a.id));
  }

  ping(): Promise<void> {
    return this.run(async (client) => {
      await client.ping();
    });
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close().catch(() => undefined);
  }
}
