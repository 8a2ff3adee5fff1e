import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runIdempotent } from "./idempotency";
import { openSqliteStore } from "./store/sqlite";

const dir = mkdtempSync(path.join(tmpdir(), "klikk-idem-"));
const file = path.join(dir, "idem.sqlite");
const store = openSqliteStore(file);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("runIdempotent (on the SQLite store)", () => {
  it("runs the action once for concurrent repeats and replays its answer", async () => {
    let calls = 0;
    const action = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { status: 201, body: { order_id: 100 + calls }, mayHaveActed: true };
    };
    const results = await Promise.all([1, 2, 3].map(() => runIdempotent("user:demo", "key-concurrent", { a: 1 }, 10_000, action, store)));
    expect(calls).toBe(1);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    expect(results.map((result) => result.body)).toEqual([{ order_id: 101 }, { order_id: 101 }, { order_id: 101 }]);
  });

  it("keeps the answer across a reopened store (a restart) and scopes it by account", async () => {
    const action = async () => ({ status: 201, body: { order_id: 7 }, mayHaveActed: true });
    await runIdempotent("user:demo", "key-restart", { a: 1 }, 10_000, action, store);
    const reopened = openSqliteStore(file);
    const never = async () => {
      throw new Error("must not run twice");
    };
    await expect(runIdempotent("user:demo", "key-restart", { a: 1 }, 10_000, never, reopened)).resolves.toMatchObject({ replayed: true, body: { order_id: 7 } });
    const other = await runIdempotent("token:other", "key-restart", { a: 1 }, 10_000, async () => ({ status: 201, body: { order_id: 8 }, mayHaveActed: true }), reopened);
    expect(other).toMatchObject({ replayed: false, body: { order_id: 8 } });
    await reopened.close();
  });

  it("keeps nothing when the upstream certainly did not act, so the retry goes through", async () => {
    const refused = await runIdempotent("user:demo", "key-503", { a: 1 }, 10_000, async () => ({ status: 502, body: { error: { code: "upstream_unavailable" } }, mayHaveActed: false }), store);
    expect(refused.status).toBe(502);
    const retried = await runIdempotent("user:demo", "key-503", { a: 1 }, 10_000, async () => ({ status: 201, body: { order_id: 9 }, mayHaveActed: true }), store);
    expect(retried).toMatchObject({ status: 201, replayed: false });
  });

  it("refuses the same key with a different body", async () => {
    const action = async () => ({ status: 201, body: {}, mayHaveActed: true });
    await runIdempotent("user:demo", "key-conflict", { a: 1 }, 10_000, action, store);
    await expect(runIdempotent("user:demo", "key-conflict", { a: 2 }, 10_000, action, store)).resolves.toMatchObject({ conflict: true });
  });
});
