import { describe, expect, it } from "vitest";
import { ConcurrencyLimit, KeyedConcurrencyLimit } from "./concurrency";

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe("ConcurrencyLimit", () => {
  it("runs at most `limit` tasks at once, the rest in order", async () => {
    const limit = new ConcurrencyLimit(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        limit.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await tick();
          order.push(n);
          running -= 1;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(order.slice(2)).toEqual([3, 4, 5]);
  });

  it("drops an aborted waiter without running it", async () => {
    const limit = new ConcurrencyLimit(1);
    const controller = new AbortController();
    let ran = false;
    const first = limit.run(() => tick(20));
    const waiting = limit.run(async () => {
      ran = true;
    }, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
    await first;
    expect(ran).toBe(false);
  });
});

describe("KeyedConcurrencyLimit", () => {
  it("queues within a key but never across keys, and forgets idle keys", async () => {
    const limits = new KeyedConcurrencyLimit(1);
    let release: () => void = () => undefined;
    const slow = limits.run("account-a", () => new Promise<void>((resolve) => (release = resolve)));
    let queuedRan = false;
    const queued = limits.run("account-a", async () => {
      queuedRan = true;
    });
    // Another account runs at once although account-a's slot is taken.
    await expect(limits.run("account-b", async () => "b")).resolves.toBe("b");
    expect(queuedRan).toBe(false);
    release();
    await slow;
    await queued;
    expect(queuedRan).toBe(true);
    expect(limits.size).toBe(0);
  });
});
