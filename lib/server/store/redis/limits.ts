import type { IdempotencyClaim, RequestLimits, StoredAnswer } from "../types";
import { PREFIX, type RedisConnection } from "./connection";

/** Deletes the lock only for its owner, in one step. */
const RELEASE_LOCK = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end`;

/** Idempotency keys, counters and locks: short-lived keys, each with its TTL. */
export function redisLimits(conn: RedisConnection): RequestLimits {
  return {
    claimIdempotency(key: string, fingerprint: string, lockMs: number): Promise<IdempotencyClaim> {
      return conn.run(async (client) => {
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
    },

    completeIdempotency(key: string, fingerprint: string, answer: StoredAnswer, ttlMs: number): Promise<void> {
      return conn.run(async (client) => {
        await client.set(`${PREFIX}idempotency:${key}`, JSON.stringify({ state: "done", fingerprint, answer }), { PX: ttlMs });
      });
    },

    releaseIdempotency(key: string): Promise<void> {
      return conn.run(async (client) => {
        const redisKey = `${PREFIX}idempotency:${key}`;
        const raw = await client.get(redisKey);
        if (raw && (JSON.parse(raw) as { state: string }).state === "running") await client.del(redisKey);
      });
    },

    incrementCounter(key: string, windowMs: number, by = 1): Promise<{ count: number; resetAt: number }> {
      return conn.run(async (client) => {
        const redisKey = `${PREFIX}counter:${key}`;
        // NX: the window starts at the first hit and later hits do not extend it.
        const [count, , ttl] = (await client.multi().incrBy(redisKey, by).pExpire(redisKey, windowMs, "NX").pTTL(redisKey).exec()) as unknown as [number, number, number];
        return { count: Number(count), resetAt: Date.now() + Math.max(0, Number(ttl)) };
      });
    },

    readCounter(key: string): Promise<{ count: number; resetAt: number } | null> {
      return conn.run(async (client) => {
        const redisKey = `${PREFIX}counter:${key}`;
        const [count, ttl] = (await client.multi().get(redisKey).pTTL(redisKey).exec()) as unknown as [string | null, number];
        // Alive exactly while Redis has the key. PTTL says 0 in the key's last millisecond, when
        // the key still counts: reading that as "no counter" let an increment in the same
        // millisecond count 2 after a read said the window was over (seen once under a CPU hog).
        if (count === null) return null;
        return { count: Number(count), resetAt: Date.now() + Math.max(0, Number(ttl)) };
      });
    },

    resetCounter(key: string): Promise<void> {
      return conn.run(async (client) => {
        await client.del(`${PREFIX}counter:${key}`);
      });
    },

    acquireLock(key: string, owner: string, ttlMs: number): Promise<boolean> {
      return conn.run(async (client) => (await client.set(`${PREFIX}lock:${key}`, owner, { NX: true, PX: ttlMs })) === "OK");
    },

    releaseLock(key: string, owner: string): Promise<void> {
      return conn.run(async (client) => {
        await client.eval(RELEASE_LOCK, { keys: [`${PREFIX}lock:${key}`], arguments: [owner] });
      });
    },
  };
}
