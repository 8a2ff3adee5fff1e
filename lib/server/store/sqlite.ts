import { mkdirSync } from "node:fs";
import path from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import type { ActivityEvent, IdempotencyClaim, LinkedAccountRecord, NoticeInput, NoticeLimits, NoticeRecord, SessionRecord, Store, StoredAnswer } from "./types";
import { StoreUnavailableError } from "./types";

/**
 * Versioned migrations, applied in order inside one transaction each; PRAGMA user_version
 * records how many ran. Append new ones; never edit one that has shipped.
 */
const MIGRATIONS: string[] = [
  `CREATE TABLE sessions (
     id TEXT PRIMARY KEY, identity TEXT NOT NULL, method TEXT NOT NULL, username TEXT,
     credential TEXT NOT NULL, created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL, client_address TEXT NOT NULL, user_agent TEXT NOT NULL);
   CREATE INDEX sessions_identity ON sessions (identity);
   CREATE INDEX sessions_expires ON sessions (expires_at);
   CREATE TABLE idempotency (
     key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, state TEXT NOT NULL, answer TEXT,
     expires_at INTEGER NOT NULL);
   CREATE TABLE counters (key TEXT PRIMARY KEY, count INTEGER NOT NULL, expires_at INTEGER NOT NULL);
   CREATE TABLE locks (key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL);
   CREATE TABLE events (
     id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, identity TEXT NOT NULL,
     kind TEXT NOT NULL, data TEXT NOT NULL);
   CREATE INDEX events_identity ON events (identity, id);
   CREATE INDEX events_at ON events (at);
   CREATE TABLE settings (
     identity TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, updated_at INTEGER NOT NULL,
     PRIMARY KEY (identity, name));`,
  // Issue 15: accounts added to a session after sign-in, as JSON (read and written whole).
  `ALTER TABLE sessions ADD COLUMN accounts TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE sessions ADD COLUMN active_account TEXT;`,
  // 3: the bell's notices, one per event key and identity.
  `CREATE TABLE notices (
     id INTEGER PRIMARY KEY AUTOINCREMENT, identity TEXT NOT NULL, key TEXT NOT NULL,
     at INTEGER NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL, href TEXT NOT NULL,
     data TEXT NOT NULL, read INTEGER NOT NULL DEFAULT 0, UNIQUE (identity, key));
   CREATE INDEX notices_identity ON notices (identity, id);`,
];

/** Expired rows are deleted at most this often, by whichever write comes first. */
const SWEEP_INTERVAL_MS = 60_000;

type Row = Record<string, string | number | null>;

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

/**
 * The embedded engine: one SQLite file through Node's built-in node:sqlite, so a single
 * instance needs no service and no native add-on. WAL mode lets readers run beside the writer;
 * synchronous=NORMAL is safe in WAL mode (a power cut may lose the last commits, never corrupt
 * the file) and makes a write about 1.4 ms cheaper than FULL on this machine.
 */
export class SqliteStore implements Store {
  readonly engine = "sqlite" as const;
  readonly file: string;
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
  private lastSweep = 0;

  /** Opens (and creates) `file`; throws with the operating system's reason when it cannot be written. */
  constructor(file: string) {
    this.file = file;
    // turbopackIgnore: the folder is a setting, not a file of the build to trace.
    mkdirSync(/* turbopackIgnore: true */ path.dirname(file), { recursive: true });
    this.db = new DatabaseSync(file);
    this.db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;");
    this.migrate();
  }

  private migrate(): void {
    const version = Number((this.db.prepare("PRAGMA user_version").get() as Row).user_version);
    for (let index = version; index < MIGRATIONS.length; index += 1) {
      this.db.exec("BEGIN IMMEDIATE");
      try {
        this.db.exec(MIGRATIONS[index] ?? "");
        this.db.exec(`PRAGMA user_version = ${index + 1}`);
        this.db.exec("COMMIT");
      } catch (error) {
        this.db.exec("ROLLBACK");
        throw error;
      }
    }
  }

  /** Prepared once per SQL text: a prepared primary-key read costs about 13 µs here. */
  private sql(text: string): StatementSync {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Runs `work`, turning an engine failure (disk full, file gone, locked too long) into StoreUnavailableError. */
  private guard<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(new StoreUnavailableError(error));
    }
  }

  private transaction<T>(work: () => T): T {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      const result = work();
      this.db.exec("COMMIT");
      return result;
    } catch (error) {
      this.db.exec("ROLLBACK");
      throw error;
    }
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const table of ["sessions", "idempotency", "counters", "locks"]) this.sql(`DELETE FROM ${table} WHERE expires_at <= ?`).run(now);
  }

  createSession(record: SessionRecord): Promise<void> {
    return this.guard(() => {
      this.sweep(Date.now());
      this.sql(
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
  }

  readSession(id: string, now = Date.now()): Promise<SessionRecord | null> {
    return this.guard(() => {
      const row = this.sql("SELECT * FROM sessions WHERE id = ? AND expires_at > ?").get(id, now) as Row | undefined;
      return row ? toSession(row) : null;
    });
  }

  touchSession(id: string, lastSeenAt: number, expiresAt: number): Promise<void> {
    return this.guard(() => {
      this.sql("UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?").run(lastSeenAt, expiresAt, id);
    });
  }

  updateSessionAccounts(id: string, accounts: LinkedAccountRecord[], activeAccount: string | null): Promise<boolean> {
    return this.guard(
      () => Number(this.sql("UPDATE sessions SET accounts = ?, active_account = ? WHERE id = ? AND expires_at > ?").run(JSON.stringify(accounts), activeAccount, id, Date.now()).changes) > 0,
    );
  }

  deleteSession(id: string): Promise<boolean> {
    return this.guard(() => Number(this.sql("DELETE FROM sessions WHERE id = ?").run(id).changes) > 0);
  }

  listSessions(identity: string, now = Date.now()): Promise<SessionRecord[]> {
    return this.guard(() =>
      (this.sql("SELECT * FROM sessions WHERE identity = ? AND expires_at > ? ORDER BY created_at DESC").all(identity, now) as Row[]).map(toSession),
    );
  }

  deleteSessions(identity: string, keepId?: string): Promise<string[]> {
    return this.guard(() =>
      this.transaction(() => {
        const rows = this.sql("SELECT id FROM sessions WHERE identity = ? AND id != ?").all(identity, keepId ?? "") as Row[];
        this.sql("DELETE FROM sessions WHERE identity = ? AND id != ?").run(identity, keepId ?? "");
        return rows.map((row) => String(row.id));
      }),
    );
  }

  claimIdempotency(key: string, fingerprint: string, lockMs: number): Promise<IdempotencyClaim> {
    return this.guard(() =>
      this.transaction((): IdempotencyClaim => {
        const now = Date.now();
        this.sweep(now);
        const row = this.sql("SELECT * FROM idempotency WHERE key = ? AND expires_at > ?").get(key, now) as Row | undefined;
        if (row?.state === "done") return { state: "done", fingerprint: String(row.fingerprint), answer: JSON.parse(String(row.answer)) as StoredAnswer };
        if (row) return { state: "running", fingerprint: String(row.fingerprint) };
        this.sql("INSERT OR REPLACE INTO idempotency (key, fingerprint, state, answer, expires_at) VALUES (?, ?, 'running', NULL, ?)").run(
          key,
          fingerprint,
          now + lockMs,
        );
        return { state: "claimed" };
      }),
    );
  }

  completeIdempotency(key: string, fingerprint: string, answer: StoredAnswer, ttlMs: number): Promise<void> {
    return this.guard(() => {
      this.sql("INSERT OR REPLACE INTO idempotency (key, fingerprint, state, answer, expires_at) VALUES (?, ?, 'done', ?, ?)").run(
        key,
        fingerprint,
        JSON.stringify(answer),
        Date.now() + ttlMs,
      );
    });
  }

  releaseIdempotency(key: string): Promise<void> {
    return this.guard(() => {
      this.sql("DELETE FROM idempotency WHERE key = ? AND state = 'running'").run(key);
    });
  }

  incrementCounter(key: string, windowMs: number, by = 1): Promise<{ count: number; resetAt: number }> {
    return this.guard(() => {
      const now = Date.now();
      this.sweep(now);
      // One statement, so concurrent increments (even from other processes on this file) never lose a hit.
      const row = this.sql(
        `INSERT INTO counters (key, count, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET
           count = CASE WHEN expires_at <= ? THEN excluded.count ELSE count + excluded.count END,
           expires_at = CASE WHEN expires_at <= ? THEN excluded.expires_at ELSE expires_at END
         RETURNING count, expires_at`,
      ).get(key, by, now + windowMs, now, now) as Row;
      return { count: Number(row.count), resetAt: Number(row.expires_at) };
    });
  }

  readCounter(key: string): Promise<{ count: number; resetAt: number } | null> {
    return this.guard(() => {
      const row = this.sql("SELECT count, expires_at FROM counters WHERE key = ? AND expires_at > ?").get(key, Date.now()) as Row | undefined;
      return row ? { count: Number(row.count), resetAt: Number(row.expires_at) } : null;
    });
  }

  resetCounter(key: string): Promise<void> {
    return this.guard(() => {
      this.sql("DELETE FROM counters WHERE key = ?").run(key);
    });
  }

  acquireLock(key: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.guard(() => {
      const now = Date.now();
      const result = this.sql(
        `INSERT INTO locks (key, owner, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at WHERE locks.expires_at <= ?`,
      ).run(key, owner, now + ttlMs, now);
      return Number(result.changes) > 0;
    });
  }

  releaseLock(key: string, owner: string): Promise<void> {
    return this.guard(() => {
      this.sql("DELETE FROM locks WHERE key = ? AND owner = ?").run(key, owner);
    });
  }

  private lastPrune = 0;

  appendEvent(event: ActivityEvent, retentionMs: number): Promise<void> {
    return this.guard(() => {
      this.sql("INSERT INTO events (at, identity, kind, data) VALUES (?, ?, ?, ?)").run(event.at, event.identity, event.kind, JSON.stringify(event.data));
      // Retention is enforced by pruning at most once a minute, by whoever writes.
      if (event.at - this.lastPrune > SWEEP_INTERVAL_MS) {
        this.lastPrune = event.at;
        this.sql("DELETE FROM events WHERE at < ?").run(event.at - retentionMs);
      }
    });
  }

  listEvents(identity: string, { limit, kinds }: { limit: number; kinds?: string[] }): Promise<ActivityEvent[]> {
    return this.guard(() => {
      const kindFilter = kinds?.length ? ` AND kind IN (${kinds.map(() => "?").join(", ")})` : "";
      const rows = this.sql(`SELECT * FROM events WHERE identity = ?${kindFilter} ORDER BY id DESC LIMIT ?`).all(identity, ...(kinds ?? []), limit) as Row[];
      return rows.map((row) => ({
        id: String(row.id),
        at: Number(row.at),
        identity: String(row.identity),
        kind: String(row.kind),
        data: JSON.parse(String(row.data)) as Record<string, unknown>,
      }));
    });
  }

  readSettings(identity: string): Promise<Record<string, unknown>> {
    return this.guard(() => {
      const rows = this.sql("SELECT name, value FROM settings WHERE identity = ?").all(identity) as Row[];
      return Object.fromEntries(rows.map((row) => [String(row.name), JSON.parse(String(row.value)) as unknown]));
    });
  }

  writeSetting(identity: string, name: string, value: unknown): Promise<void> {
    return this.guard(() => {
      this.sql("INSERT OR REPLACE INTO settings (identity, name, value, updated_at) VALUES (?, ?, ?, ?)").run(identity, name, JSON.stringify(value), Date.now());
    });
  }

  addNotice(notice: NoticeInput, limits: NoticeLimits): Promise<{ notice: NoticeRecord; created: boolean }> {
    return this.guard(() =>
      this.transaction(() => {
        const inserted = this.sql("INSERT OR IGNORE INTO notices (identity, key, at, kind, title, href, data) VALUES (?, ?, ?, ?, ?, ?, ?)").run(
          notice.identity,
          notice.key,
          notice.at,
          notice.kind,
          notice.title,
          notice.href,
          JSON.stringify(notice.data),
        );
        // Bounded per identity: older than the retention, or beyond the newest `max`, goes.
        this.sql("DELETE FROM notices WHERE identity = ? AND (at < ? OR id <= (SELECT id FROM notices WHERE identity = ? ORDER BY id DESC LIMIT 1 OFFSET ?))").run(
          notice.identity,
          notice.at - limits.retentionMs,
          notice.identity,
          limits.max,
        );
        const row = this.sql("SELECT * FROM notices WHERE identity = ? AND key = ?").get(notice.identity, notice.key) as Row;
        return { notice: toNotice(row), created: Number(inserted.changes) === 1 };
      }),
    );
  }

  listNotices(identity: string, limits: NoticeLimits): Promise<NoticeRecord[]> {
    return this.guard(() => {
      const rows = this.sql("SELECT * FROM notices WHERE identity = ? AND at >= ? ORDER BY id DESC LIMIT ?").all(identity, Date.now() - limits.retentionMs, limits.max) as Row[];
      return rows.map(toNotice);
    });
  }

  markNoticesRead(identity: string, ids?: readonly string[]): Promise<number> {
    return this.guard(() => {
      if (ids === undefined) return Number(this.sql("UPDATE notices SET read = 1 WHERE identity = ? AND read = 0").run(identity).changes);
      let changed = 0;
      const mark = this.sql("UPDATE notices SET read = 1 WHERE identity = ? AND id = ? AND read = 0");
      for (const id of ids) if (/^\d+$/.test(id)) changed += Number(mark.run(identity, Number(id)).changes);
      return changed;
    });
  }

  ping(): Promise<void> {
    return this.guard(() => {
      this.sql("SELECT 1").get();
    });
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
