import type { IdempotencyClaim, RequestLimits, StoredAnswer } from "../types";
import type { Row, SqliteConnection } from "./connection";

/** Idempotency keys, counters and locks: short-lived rows, each with its expiry. */
export function sqliteLimits(conn: SqliteConnection): RequestLimits {
  return {
    claimIdempotency(key: string, fingerprint: string, lockMs: number): Promise<IdempotencyClaim> {
      return conn.guard(() =>
        conn.transaction((): IdempotencyClaim => {
          const now = Date.now();
          conn.sweep(now);
          const row = conn.sql("SELECT * FROM idempotency WHERE key = ? AND expires_at > ?").get(key, now) as Row | undefined;
          if (row?.state === "done") return { state: "done", fingerprint: String(row.fingerprint), answer: JSON.parse(String(row.answer)) as StoredAnswer };
          if (row) return { state: "running", fingerprint: String(row.fingerprint) };
          conn.sql("INSERT OR REPLACE INTO idempotency (key, fingerprint, state, answer, expires_at) VALUES (?, ?, 'running', NULL, ?)").run(
            key,
            fingerprint,
            now + lockMs,
          );
          return { state: "claimed" };
        }),
      );
    },

    completeIdempotency(key: string, fingerprint: string, answer: StoredAnswer, ttlMs: number): Promise<void> {
      return conn.guard(() => {
        conn.sql("INSERT OR REPLACE INTO idempotency (key, fingerprint, state, answer, expires_at) VALUES (?, ?, 'done', ?, ?)").run(
          key,
          fingerprint,
          JSON.stringify(answer),
          Date.now() + ttlMs,
        );
      });
    },

    releaseIdempotency(key: string): Promise<void> {
      return conn.guard(() => {
        conn.sql("DELETE FROM idempotency WHERE key = ? AND state = 'running'").run(key);
      });
    },

    incrementCounter(key: string, windowMs: number, by = 1): Promise<{ count: number; resetAt: number }> {
      return conn.guard(() => {
        const now = Date.now();
        conn.sweep(now);
        // One statement, so concurrent increments (even from other processes on this file) never lose a hit.
        const row = conn.sql(
          `INSERT INTO counters (key, count, expires_at) VALUES (?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN expires_at <= ? THEN excluded.count ELSE count + excluded.count END,
             expires_at = CASE WHEN expires_at <= ? THEN excluded.expires_at ELSE expires_at END
           RETURNING count, expires_at`,
        ).get(key, by, now + windowMs, now, now) as Row;
        return { count: Number(row.count), resetAt: Number(row.expires_at) };
      });
    },

    readCounter(key: string): Promise<{ count: number; resetAt: number } | null> {
      return conn.guard(() => {
        const row = conn.sql("SELECT count, expires_at FROM counters WHERE key = ? AND expires_at > ?").get(key, Date.now()) as Row | undefined;
        return row ? { count: Number(row.count), resetAt: Number(row.expires_at) } : null;
      });
    },

    resetCounter(key: string): Promise<void> {
      return conn.guard(() => {
        conn.sql("DELETE FROM counters WHERE key = ?").run(key);
      });
    },

    acquireLock(key: string, owner: string, ttlMs: number): Promise<boolean> {
      return conn.guard(() => {
        const now = Date.now();
        const result = conn.sql(
          `INSERT INTO locks (key, owner, expires_at) VALUES (?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at WHERE locks.expires_at <= ?`,
        ).run(key, owner, now + ttlMs, now);
        return Number(result.changes) > 0;
      });
    },

    releaseLock(key: string, owner: string): Promise<void> {
      return conn.guard(() => {
        conn.sql("DELETE FROM locks WHERE key = ? AND owner = ?").run(key, owner);
      });
    },
  };
}
