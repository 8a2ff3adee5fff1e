import { describe, expect, it } from "vitest";
import { IdempotencyStore } from "./idempotency";

describe("IdempotencyStore", () => {
  it("runs the action once for concurrent repeats of a key and replays its answer", async () => {
    const store = new IdempotencyStore();
    let calls = 0;
    const action = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { status: 201, body: { order_id: 100 + calls } };
    };
    const [first, second] = await Promise.all([store.run("s", "key-1234", { a: 1 }, action), store.run("s", "key-1234", { a: 1 }, action)]);
    expect(calls).toBe(1);
    expect(first).toMatchObject({ status: 201, body: { order_id: 101 }, replayed: false });
    expect(second).toMatchObject({ status: 201, body: { order_id: 101 }, replayed: true });
  });

  it("keeps sessions apart and flags a reused key with a different body", async () => {
    const store = new IdempotencyStore();
    let calls = 0;
    const action = async () => ({ status: 201, body: { n: ++calls } });
    await store.run("session-a", "key-1234", { a: 1 }, action);
    const other = await store.run("session-b", "key-1234", { a: 1 }, action);
    expect(other).toMatchObject({ replayed: false, body: { n: 2 } });
    const conflict = await store.run("session-a", "key-1234", { a: 2 }, action);
    expect(conflict.conflict).toBe(true);
    expect(calls).toBe(2);
  });
});
