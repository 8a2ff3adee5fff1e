import type { LinkedAccountRecord, SessionRecord, SessionRecords } from "../types";
import { identityKey, PREFIX, type RedisConnection } from "./connection";

/** A session's JSON with its added accounts, which are kept under their own key once changed. */
function withAccounts(raw: string, accountsRaw: string | null): SessionRecord {
  const record = JSON.parse(raw) as SessionRecord;
  const linked = accountsRaw ? (JSON.parse(accountsRaw) as Pick<SessionRecord, "accounts" | "activeAccount">) : null;
  return { ...record, accounts: linked?.accounts ?? record.accounts ?? [], activeAccount: linked ? linked.activeAccount : (record.activeAccount ?? null) };
}

/**
 * Sessions: each its JSON under `session:<id>` with the session's expiry as TTL, indexed per
 * identity in a sorted set by expiry (for "your sessions" and "sign out everywhere").
 */
export function redisSessions(conn: RedisConnection): SessionRecords {
  return {
    createSession(record: SessionRecord): Promise<void> {
      return conn.run(async (client) => {
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
    },

    readSession(id: string, now = Date.now()): Promise<SessionRecord | null> {
      return conn.run(async (client) => {
        const [raw, accounts] = await client.mGet([`${PREFIX}session:${id}`, `${PREFIX}session-accounts:${id}`]);
        if (!raw) return null;
        const record = withAccounts(raw, accounts ?? null);
        return record.expiresAt > now ? record : null;
      });
    },

    /**
     * The added accounts live under a key of their own, so that a touch (which rewrites the
     * session's JSON) never puts back accounts changed meanwhile. It expires with the session.
     */
    updateSessionAccounts(id: string, accounts: LinkedAccountRecord[], activeAccount: string | null): Promise<boolean> {
      return conn.run(async (client) => {
        const ttl = await client.pTTL(`${PREFIX}session:${id}`);
        if (ttl <= 0) return false;
        await client.set(`${PREFIX}session-accounts:${id}`, JSON.stringify({ accounts, activeAccount }), { PX: ttl });
        return true;
      });
    },

    touchSession(id: string, lastSeenAt: number, expiresAt: number): Promise<void> {
      return conn.run(async (client) => {
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
    },

    deleteSession(id: string): Promise<boolean> {
      return conn.run(async (client) => {
        const key = `${PREFIX}session:${id}`;
        const raw = await client.get(key);
        const deleted = await client.del([key, `${PREFIX}session-accounts:${id}`]);
        if (raw) await client.zRem(`${PREFIX}sessions:${identityKey((JSON.parse(raw) as SessionRecord).identity)}`, id);
        return deleted > 0;
      });
    },

    listSessions(identity: string, now = Date.now()): Promise<SessionRecord[]> {
      return conn.run(async (client) => {
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
    },

    deleteSessions(identity: string, keepId?: string): Promise<string[]> {
      return conn.run(async (client) => {
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
    },
  };
}
