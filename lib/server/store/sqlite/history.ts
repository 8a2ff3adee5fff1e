import type { AccountHistory, ActivityEvent, NoticeInput, NoticeLimits, NoticeRecord } from "../types";
import { type Row, type SqliteConnection, SWEEP_INTERVAL_MS } from "./connection";

function toNotice(row: Row): NoticeRecord {
  return {
    id: String(row.id),
    identity: String(row.identity),
    key: String(row.key),
    at: Number(row.at),
    kind: String(row.kind),
    title: String(row.title),
    href: String(row.href),
    data: JSON.parse(String(row.data)) as Record<string, unknown>,
    read: Number(row.read) === 1,
  };
}

/** What is kept per account: activity events, settings and the bell's notices. */
export function sqliteHistory(conn: SqliteConnection): AccountHistory {
  let lastPrune = 0;
  return {
    appendEvent(event: ActivityEvent, retentionMs: number): Promise<void> {
      return conn.guard(() => {
        conn.sql("INSERT INTO events (at, identity, kind, data) VALUES (?, ?, ?, ?)").run(event.at, event.identity, event.kind, JSON.stringify(event.data));
        // Retention is enforced by pruning at most once a minute, by whoever writes.
        if (event.at - lastPrune > SWEEP_INTERVAL_MS) {
          lastPrune = event.at;
          conn.sql("DELETE FROM events WHERE at < ?").run(event.at - retentionMs);
        }
      });
    },

    listEvents(identity: string, { limit, kinds }: { limit: number; kinds?: string[] }): Promise<ActivityEvent[]> {
      return conn.guard(() => {
        const kindFilter = kinds?.length ? ` AND kind IN (${kinds.map(() => "?").join(", ")})` : "";
        const rows = conn.sql(`SELECT * FROM events WHERE identity = ?${kindFilter} ORDER BY id DESC LIMIT ?`).all(identity, ...(kinds ?? []), limit) as Row[];
        return rows.map((row) => ({
          id: String(row.id),
          at: Number(row.at),
          identity: String(row.identity),
          kind: String(row.kind),
          data: JSON.parse(String(row.data)) as Record<string, unknown>,
        }));
      });
    },

    readSettings(identity: string): Promise<Record<string, unknown>> {
      return conn.guard(() => {
        const rows = conn.sql("SELECT name, value FROM settings WHERE identity = ?").all(identity) as Row[];
        return Object.fromEntries(rows.map((row) => [String(row.name), JSON.parse(String(row.value)) as unknown]));
      });
    },

    writeSetting(identity: string, name: string, value: unknown): Promise<void> {
      return conn.guard(() => {
        conn.sql("INSERT OR REPLACE INTO settings (identity, name, value, updated_at) VALUES (?, ?, ?, ?)").run(identity, name, JSON.stringify(value), Date.now());
      });
    },

    addNotice(notice: NoticeInput, limits: NoticeLimits): Promise<{ notice: NoticeRecord; created: boolean }> {
      return conn.guard(() =>
        conn.transaction(() => {
          const inserted = conn.sql("INSERT OR IGNORE INTO notices (identity, key, at, kind, title, href, data) VALUES (?, ?, ?, ?, ?, ?, ?)").run(
            notice.identity,
            notice.key,
            notice.at,
            notice.kind,
            notice.title,
            notice.href,
            JSON.stringify(notice.data),
          );
          // Bounded per identity: older than the retention, or beyond the newest `max`, goes.
          conn.sql("DELETE FROM notices WHERE identity = ? AND (at < ? OR id <= (SELECT id FROM notices WHERE identity = ? ORDER BY id DESC LIMIT 1 OFFSET ?))").run(
            notice.identity,
            notice.at - limits.retentionMs,
            notice.identity,
            limits.max,
          );
          const row = conn.sql("SELECT * FROM notices WHERE identity = ? AND key = ?").get(notice.identity, notice.key) as Row;
          return { notice: toNotice(row), created: Number(inserted.changes) === 1 };
        }),
      );
    },

    listNotices(identity: string, limits: NoticeLimits): Promise<NoticeRecord[]> {
      return conn.guard(() => {
        const rows = conn.sql("SELECT * FROM notices WHERE identity = ? AND at >= ? ORDER BY id DESC LIMIT ?").all(identity, Date.now() - limits.retentionMs, limits.max) as Row[];
        return rows.map(toNotice);
      });
    },

    markNoticesRead(identity: string, ids?: readonly string[]): Promise<number> {
      return conn.guard(() => {
        if (ids === undefined) return Number(conn.sql("UPDATE notices SET read = 1 WHERE identity = ? AND read = 0").run(identity).changes);
        let changed = 0;
        const mark = conn.sql("UPDATE notices SET read = 1 WHERE identity = ? AND id = ? AND read = 0");
        for (const id of ids) if (/^\d+$/.test(id)) changed += Number(mark.run(identity, Number(id)).changes);
        return changed;
      });
    },
  };
}
