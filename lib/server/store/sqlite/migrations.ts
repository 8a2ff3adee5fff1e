/**
 * Versioned migrations, applied in order inside one transaction each; PRAGMA user_version
 * records how many ran. Append new ones; never edit one that has shipped.
 */
export const MIGRATIONS: string[] = [
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
