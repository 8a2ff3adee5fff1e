import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startRedisServer, type RedisServer } from "@/tests/support/redis-server";
import { openRedisStore } from "./redis";
import { openSqliteStore } from "./sqlite";
import { isStoreUnavailable, type SessionRecord, type Store } from "./types";

/**
 * One contract, two engines: every test below runs against SQLite on a temporary file and
 * against a real redis-server on a free port.
 */
let redis: RedisServer;
const dir = mkdtempSync(path.join(tmpdir(), "klikk-store-"));
const stores: Record<string, Store> = {};

beforeAll(async () => {
  redis = await startRedisServer();
  stores.sqlite = openSqliteStore(path.join(dir, "contract.sqlite"));
  stores.redis = openRedisStore(redis.url);
});

afterAll(async () => {
  for (const store of Object.values(stores)) await store.close();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

let unique = 0;
const fresh = (label: string) => `${label}-${process.pid}-${(unique += 1)}-${Date.now()}`;

function session(identity: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  const now = Date.now();
  return {
    id: fresh("session"),
    identity,
    method: "basic",
    username: "demo",
    credential: "v1.1.iv.sealed",
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + 60_000,
    clientAddress: "127.0.0.1",
    userAgent: "test",
    accounts: [],
    activeAccount: null,
    ...overrides,
  };
}

describe.each(["sqlite", "redis"])("store contract: %s", (engine) => {
  const store = () => stores[engine] as Store;

  it("keeps a session until it is deleted, and never past its expiry", async () => {
    const identity = fresh("user");
    const record = session(identity);
    await store().createSession(record);
    expect(await store().readSession(record.id)).toEqual(record);
    expect(await store().readSession(record.id, record.expiresAt + 1)).toBeNull();
    await store().touchSession(record.id, record.lastSeenAt + 10, record.expiresAt + 10);
    expect(await store().readSession(record.id)).toMatchObject({ lastSeenAt: record.lastSeenAt + 10, expiresAt: record.expiresAt + 10 });
    expect(await store().deleteSession(record.id)).toBe(true);
    expect(await store().readSession(record.id)).toBeNull();
    expect(await store().deleteSession(record.id)).toBe(false);
  });

  it("does not bring back a session deleted before a touch", async () => {
    const record = session(fresh("user"));
    await store().createSession(record);
    await store().deleteSession(record.id);
    await store().touchSession(record.id, Date.now(), Date.now() + 60_000);
    expect(await store().readSession(record.id)).toBeNull();
  });

  it("lists and ends sessions per identity only", async () => {
    const mine = fresh("user");
    const theirs = fresh("user");
    const [a, b, c] = [session(mine, { createdAt: 1 }), session(mine, { createdAt: 2 }), session(theirs)];
    for (const record of [a, b, c]) if (record) await store().createSession(record);
    expect((await store().listSessions(mine)).map((record) => record.id)).toEqual([b?.id, a?.id]);
    expect(await store().deleteSessions(mine, b?.id)).toEqual([a?.id]);
    expect((await store().listSessions(mine)).map((record) => record.id)).toEqual([b?.id]);
    expect((await store().listSessions(theirs)).map((record) => record.id)).toEqual([c?.id]);
    expect(await store().deleteSessions(mine)).toEqual([b?.id]);
    expect(await store().listSessions(mine)).toEqual([]);
  });

  it("keeps a session's added accounts apart from touches, and forgets them with the session", async () => {
    const record = session(fresh("user"));
    await store().createSession(record);
    const labs = { key: "k-labs", identity: "token:labs", method: "token" as const, username: null, credential: "v1.1.iv.labs", addedAt: 5 };
    expect(await store().updateSessionAccounts(record.id, [labs], "k-labs")).toBe(true);
    // A touch after the change keeps it (Redis rewrites the session's JSON on a touch).
    await store().touchSession(record.id, record.lastSeenAt + 10, record.expiresAt + 10);
    expect(await store().readSession(record.id)).toMatchObject({ accounts: [labs], activeAccount: "k-labs", lastSeenAt: record.lastSeenAt + 10 });
    expect((await store().listSessions(record.identity))[0]).toMatchObject({ accounts: [labs], activeAccount: "k-labs" });
    expect(await store().updateSessionAccounts(record.id, [], null)).toBe(true);
    expect(await store().readSession(record.id)).toMatchObject({ accounts: [], activeAccount: null });
    await store().deleteSession(record.id);
    expect(await store().updateSessionAccounts(record.id, [labs], null)).toBe(false);
    expect(await store().readSession(record.id)).toBeNull();
  });

  it("lets exactly one of many concurrent claims of an idempotency key run", async () => {
    const key = fresh("idem");
    const claims = await Promise.all(Array.from({ length: 20 }, () => store().claimIdempotency(key, "fp", 10_000)));
    expect(claims.filter((claim) => claim.state === "claimed")).toHaveLength(1);
    expect(claims.filter((claim) => claim.state === "running")).toHaveLength(19);
    await store().completeIdempotency(key, "fp", { status: 201, body: { order_id: 7 } }, 60_000);
    expect(await store().claimIdempotency(key, "fp", 10_000)).toEqual({ state: "done", fingerprint: "fp", answer: { status: 201, body: { order_id: 7 } } });
    // A completed answer is not released: only a running claim is.
    await store().releaseIdempotency(key);
    expect((await store().claimIdempotency(key, "fp", 10_000)).state).toBe("done");
  });

  it("forgets a released claim, and a lock that outlived its holder", async () => {
    const key = fresh("idem");
    expect((await store().claimIdempotency(key, "fp", 10_000)).state).toBe("claimed");
    await store().releaseIdempotency(key);
    expect((await store().claimIdempotency(key, "fp", 10_000)).state).toBe("claimed");
    const stale = fresh("idem");
    expect((await store().claimIdempotency(stale, "fp", 30)).state).toBe("claimed");
    await vi.waitFor(async () => expect((await store().claimIdempotency(stale, "fp", 10_000)).state).toBe("claimed"), { timeout: 5_000, interval: 20 });
  });

  it("counts concurrent hits without losing one, and resets after the window", async () => {
    const key = fresh("counter");
    const results = await Promise.all(Array.from({ length: 50 }, () => store().incrementCounter(key, 60_000)));
    expect(results.map((result) => result.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(await store().readCounter(key)).toMatchObject({ count: 50 });
    expect((await store().incrementCounter(key, 60_000, -1)).count).toBe(49);
    await store().resetCounter(key);
    expect(await store().readCounter(key)).toBeNull();
    const short = fresh("counter");
    await store().incrementCounter(short, 40);
    await vi.waitFor(async () => expect(await store().readCounter(short)).toBeNull(), { timeout: 5_000, interval: 20 });
    expect((await store().incrementCounter(short, 60_000)).count).toBe(1);
  });

  it("gives a lock to one owner at a time", async () => {
    const key = fresh("lock");
    const results = await Promise.all(["a", "b", "c", "d"].map((owner) => store().acquireLock(key, owner, 10_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const owner = ["a", "b", "c", "d"][results.indexOf(true)] ?? "";
    await store().releaseLock(key, "not-the-owner");
    expect(await store().acquireLock(key, "e", 10_000)).toBe(false);
    await store().releaseLock(key, owner);
    expect(await store().acquireLock(key, "e", 10_000)).toBe(true);
    await store().releaseLock(key, "e");
  });

  it("keeps events per identity, newest first, filtered by kind", async () => {
    const mine = fresh("user");
    const theirs = fresh("user");
    const now = Date.now();
    await store().appendEvent({ at: now, identity: mine, kind: "sign_in", data: { method: "basic" } }, 86_400_000);
    await store().appendEvent({ at: now + 1, identity: mine, kind: "order_placed", data: { orderId: 5 } }, 86_400_000);
    await store().appendEvent({ at: now + 2, identity: theirs, kind: "sign_in", data: {} }, 86_400_000);
    await store().appendEvent({ at: now + 3, identity: mine, kind: "sign_out", data: {} }, 86_400_000);
    const events = await store().listEvents(mine, { limit: 10 });
    expect(events.map((event) => event.kind)).toEqual(["sign_out", "order_placed", "sign_in"]);
    expect(events[1]).toMatchObject({ at: now + 1, identity: mine, data: { orderId: 5 } });
    expect((await store().listEvents(mine, { limit: 10, kinds: ["sign_in"] })).map((event) => event.kind)).toEqual(["sign_in"]);
    expect(await store().listEvents(mine, { limit: 1 })).toHaveLength(1);
  });

  it("keeps one notice per event key, newest first, bounded per identity, and marks them read", async () => {
    const mine = fresh("user");
    const limits = { max: 3, retentionMs: 60_000 };
    const at = Date.now();
    const notice = (key: string, offset = 0) => ({ identity: mine, key, at: at + offset, kind: "ready", title: `${key} is ready`, href: "/servers/1", data: { serverId: 1 } });
    const first = await store().addNotice(notice("item:1:11:0"), limits);
    expect(first).toMatchObject({ created: true, notice: { key: "item:1:11:0", read: false, data: { serverId: 1 } } });
    // The same event reported again (another tab) is kept once.
    expect(await store().addNotice(notice("item:1:11:0", 5), limits)).toEqual({ created: false, notice: first.notice });
    for (const key of ["a", "b", "c"]) await store().addNotice(notice(key, 1), limits);
    const listed = await store().listNotices(mine, limits);
    expect(listed.map((n) => n.key)).toEqual(["c", "b", "a"]);
    expect(await store().listNotices(fresh("user"), limits)).toEqual([]);

    expect(await store().markNoticesRead(mine, [listed[0]!.id, "no-such-id"])).toBe(1);
    expect((await store().listNotices(mine, limits)).map((n) => n.read)).toEqual([true, false, false]);
    expect(await store().markNoticesRead(fresh("user"))).toBe(0);
    expect(await store().markNoticesRead(mine)).toBe(2);
    expect((await store().listNotices(mine, limits)).every((n) => n.read)).toBe(true);

    // Older than the retention: gone from the list, and trimmed by the next notice.
    const old = fresh("user");
    await store().addNotice({ ...notice("old", -120_000), identity: old }, limits);
    expect(await store().listNotices(old, limits)).toEqual([]);
    await store().addNotice({ ...notice("new"), identity: old }, limits);
    expect((await store().listNotices(old, { max: 10, retentionMs: 3_600_000 })).map((n) => n.key)).toEqual(["new"]);
  });

  it("keeps settings per identity", async () => {
    const mine = fresh("user");
    expect(await store().readSettings(mine)).toEqual({});
    await store().writeSetting(mine, "readOnly", true);
    await store().writeSetting(mine, "label", { text: "Demo AS" });
    await store().writeSetting(mine, "readOnly", false);
    expect(await store().readSettings(mine)).toEqual({ readOnly: false, label: { text: "Demo AS" } });
    expect(await store().readSettings(fresh("user"))).toEqual({});
  });
});

describe("sqlite engine", () => {
  it("keeps what it stored across a reopen of the same file", async () => {
    const file = path.join(dir, "reopen.sqlite");
    const first = openSqliteStore(file);
    const record = session("user:reopen");
    await first.createSession(record);
    await first.close();
    const second = openSqliteStore(file);
    expect(await second.readSession(record.id)).toEqual(record);
    await second.close();
  });

  it("refuses a folder that cannot be created", () => {
    expect(() => openSqliteStore(path.join("/proc/version", "data", "x.sqlite"))).toThrow(/ENOTDIR|EEXIST|not a directory/i);
  });
});

describe("redis engine", () => {
  it("answers store-unavailable while Redis is down and recovers by itself", async () => {
    const store = stores.redis as Store;
    const record = session("user:outage");
    await store.createSession(record);
    await redis.kill();
    const failure = await store.readSession(record.id).catch((error: unknown) => error);
    expect(isStoreUnavailable(failure)).toBe(true);
    await redis.restart();
    // The client reconnects in the background; the same store object works again.
    await vi.waitFor(async () => expect(await store.ping()).toBeUndefined(), { timeout: 10_000, interval: 50 });
    expect(await store.readSession(record.id)).toBeNull(); // a restarted Redis without persistence is empty
    await store.createSession(record);
    expect(await store.readSession(record.id)).toEqual(record);
  });
});
