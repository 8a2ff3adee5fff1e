/**
 * What the dashboard's server keeps between requests, and across restarts and instances: one
 * small interface with two engines (SQLite for one process, Redis for several). Every record
 * expires or is pruned, so nothing grows without bound.
 */

export type SignInMethod = "token" | "basic" | "digest";

/**
 * An account added to a session after sign-in (issue 15): another token or username, checked
 * upstream like a sign-in. `key` is the account's stable, non-secret name in URLs and answers.
 */
export type LinkedAccountRecord = {
  key: string;
  identity: string;
  method: SignInMethod;
  username: string | null;
  /** Encrypted like the session's own credential, bound to the session and this key. */
  credential: string;
  addedAt: number;
};

/** A signed-in browser. `id` is a hash of the cookie's random session id, never the id itself. */
export type SessionRecord = {
  id: string;
  /** The upstream account (see lib/server/identity): sessions are listed and ended per identity. */
  identity: string;
  method: SignInMethod;
  username: string | null;
  /** The upstream credential, encrypted (lib/server/credential-box). */
  credential: string;
  createdAt: number;
  lastSeenAt: number;
  /** When the record stops being valid: the earlier of the idle and the absolute deadline. */
  expiresAt: number;
  clientAddress: string;
  userAgent: string;
  /** Accounts added after sign-in, in the order they were added (at most 9 beside the first). */
  accounts: LinkedAccountRecord[];
  /** The key of the account new orders go to; null for the account signed in with. */
  activeAccount: string | null;
};

/** An answer kept under an Idempotency-Key. */
export type StoredAnswer = { status: number; body: unknown };

export type IdempotencyClaim =
  /** The caller holds the key's lock and must `completeIdempotency` or `releaseIdempotency`. */
  | { state: "claimed" }
  /** Another request (on any instance) holds the lock: wait and claim again. */
  | { state: "running"; fingerprint: string }
  | { state: "done"; fingerprint: string; answer: StoredAnswer };

export type ActivityEvent = {
  /** Assigned by the store; increases with time within one store. */
  id?: string;
  at: number;
  identity: string;
  kind: string;
  /** Never a credential. */
  data: Record<string, unknown>;
};

/** A notice for the header's bell (ready servers, payment required, cancellations, failures). */
export type NoticeRecord = {
  /** Assigned by the store; opaque. */
  id: string;
  identity: string;
  /** One notice per key and identity (e.g. `item:70:1001:0`): a second report of the same event is a no-op. */
  key: string;
  at: number;
  kind: string;
  title: string;
  /** Where the notice leads: a dashboard path. */
  href: string;
  /** Never a credential. */
  data: Record<string, unknown>;
  read: boolean;
};

export type NoticeInput = Omit<NoticeRecord, "id" | "read">;

/** How much notice history one identity keeps: the newest `max`, none older than `retentionMs`. */
export type NoticeLimits = { max: number; retentionMs: number };

export type StoreEngine = "sqlite" | "redis";

/** Sessions and the accounts added to them. */
export interface SessionRecords {
  createSession(record: SessionRecord): Promise<void>;
  /** The record, or null when missing or expired. */
  readSession(id: string, now?: number): Promise<SessionRecord | null>;
  touchSession(id: string, lastSeenAt: number, expiresAt: number): Promise<void>;
  /** True when a record was deleted. */
  deleteSession(id: string): Promise<boolean>;
  /**
   * Replaces the session's added accounts and its active account, leaving everything else (and
   * a concurrent touch) alone. False when the session no longer exists.
   */
  updateSessionAccounts(id: string, accounts: LinkedAccountRecord[], activeAccount: string | null): Promise<boolean>;
  /** The identity's live sessions, newest first. */
  listSessions(identity: string, now?: number): Promise<SessionRecord[]>;
  /** Deletes every session of the identity except `keepId`; returns the ids deleted. */
  deleteSessions(identity: string, keepId?: string): Promise<string[]>;
}

/** What keeps requests in bounds: idempotency keys, counters (rate limits), locks. */
export interface RequestLimits {
  /** Takes the key's lock for `lockMs` unless it is held or answered. */
  claimIdempotency(key: string, fingerprint: string, lockMs: number): Promise<IdempotencyClaim>;
  completeIdempotency(key: string, fingerprint: string, answer: StoredAnswer, ttlMs: number): Promise<void>;
  /** Forgets a claimed key: the upstream certainly did not act, so a retry must go through. */
  releaseIdempotency(key: string): Promise<void>;

  /**
   * Adds `by` (default 1; -1 takes a hit back) to a counter whose window starts at its first
   * hit; returns the new count and when it resets.
   */
  incrementCounter(key: string, windowMs: number, by?: number): Promise<{ count: number; resetAt: number }>;
  readCounter(key: string): Promise<{ count: number; resetAt: number } | null>;
  resetCounter(key: string): Promise<void>;

  /** A lock held until released or `ttlMs` passes; false when someone else holds it. */
  acquireLock(key: string, owner: string, ttlMs: number): Promise<boolean>;
  releaseLock(key: string, owner: string): Promise<void>;
}

/** What is kept per account: activity events, settings and the bell's notices. */
export interface AccountHistory {
  appendEvent(event: ActivityEvent, retentionMs: number): Promise<void>;
  /** The identity's events, newest first. */
  listEvents(identity: string, options: { limit: number; kinds?: string[] }): Promise<ActivityEvent[]>;

  readSettings(identity: string): Promise<Record<string, unknown>>;
  writeSetting(identity: string, name: string, value: unknown): Promise<void>;

  /**
   * Keeps a notice unless one with the same key exists for the identity; returns the stored one
   * and whether it was new. Trims the identity's history to `limits`.
   */
  addNotice(notice: NoticeInput, limits: NoticeLimits): Promise<{ notice: NoticeRecord; created: boolean }>;
  /** The identity's notices, newest first, none older than the retention. */
  listNotices(identity: string, limits: NoticeLimits): Promise<NoticeRecord[]>;
  /** Marks the given notices (all when `ids` is undefined) of the identity read; returns how many changed. */
  markNoticesRead(identity: string, ids?: readonly string[]): Promise<number>;
}

export interface Store extends SessionRecords, RequestLimits, AccountHistory {
  readonly engine: StoreEngine;
  /** Resolves when the engine answers; throws StoreUnavailableError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The store cannot be reached or written: route handlers answer 503 `store_unavailable`. */
export class StoreUnavailableError extends Error {
  constructor(cause?: unknown) {
    super("The dashboard's store is unavailable.", { cause });
    this.name = "StoreUnavailableError";
  }
}

export function isStoreUnavailable(error: unknown): error is StoreUnavailableError {
  return error instanceof Error && error.name === "StoreUnavailableError";
}
