import type { LinkedAccountRecord, SessionRecord, SessionRecords } from "../types";
import type { Row, SqliteConnection } from "./connection";

function toSession(row: Row): SessionRecord {
  return {
    id: String(row.id),
    identity: String(row.identity),
    method: row.method as SessionRecord["method"],
    username: row.username === null ? null : String(row.username),
    credential: String(row.credential),
    createdAt: Number(row.created_at),
    lastSeenAt: Number(row.last_seen_at),
    expiresAt: Number(row.expires_at),
    clientAddress: String(row.client_address),
    userAgent: String(row.user_agent),
    accounts: JSON.parse(String(row.accounts ?? "[]")) as SessionRecord["accounts"],
    activeAccount: row.active_account === null || row.active_account === undefined ? null : String(row.active_account),
  };
}

/** Sessions: a row each, their added accounts as JSON in the row (read and written whole). */
export function sqliteSessions(conn: SqliteConnection): SessionRecords {
  return {
    createSession(record: SessionRecord): Promise<void> {
      return conn.guard(() => {
        conn.sweep(Date.now());
        conn.sql(
          `INSERT INTO sessions (id, identity, method, username, credential, created_at, last_seen_at, expires_at, client_address, user_agent, accounts, active_account)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          record.id,
          record.identity,
          record.method,
          record.username,
          record.credential,
          record.createdAt,
          record.lastSeenAt,
          record.expiresAt,
          record.clientAddress,
          record.userAgent,
          JSON.stringify(record.accounts),
          record.activeAccount,
        );
      });
    },

    readSession(id: string, now = Date.now()): Promise<SessionRecord | null> {
      return conn.guard(() => {
        const row = conn.sql("SELECT * FROM sessions WHERE id = ? AND expires_at > ?").get(id, now) as Row | undefined;
        return row ? toSession(row) : null;
      });
    },

    touchSession(id: string, lastSeenAt: number, expiresAt: number): Promise<void> {
      return conn.guard(() => {
        conn.sql("UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?").run(lastSeenAt, expiresAt, id);
      });
    },

    updateSessionAccounts(id: string, accounts: LinkedAccountRecord[], activeAccount: string | null): Promise<boolean> {
      return conn.guard(
        () => Number(conn.sql("UPDATE sessions SET accounts = ?, active_account = ? WHERE id = ? AND expires_at > ?").run(JSON.stringify(accounts), activeAccount, id, Date.now()).changes) > 0,
      );
    },

    deleteSession(id: string): Promise<boolean> {
      return conn.guard(() => Number(conn.sql("DELETE FROM sessions WHERE id = ?").run(id).changes) > 0);
    },

    listSessions(identity: string, now = Date.now()): Promise<SessionRecord[]> {
      return conn.guard(() =>
        (conn.sql("SELECT * FROM sessions WHERE identity = ? AND expires_at > ? ORDER BY created_at DESC").all(identity, now) as Row[]).map(toSession),
      );
    },

    deleteSessions(identity: string, keepId?: string): Promise<string[]> {
      return conn.guard(() =>
        conn.transaction(() => {
          const rows = conn.sql("SELECT id FROM sessions WHERE identity = ? AND id != ?").all(identity, keepId ?? "") as Row[];
          conn.sql("DELETE FROM sessions WHERE identity = ? AND id != ?").run(identity, keepId ?? "");
          return rows.map((row) => String(row.id));
        }),
      );
    },
  };
}
