import { getEventListeners } from "node:events";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { callSignal } from "./call-signal.ts";
import { createKlikkClient } from "./client.ts";

afterEach(() => {
  vi.useRealTimers();
});

describe("callSignal", () => {
  it("aborts with a TimeoutError at the deadline, on both signals", () => {
    vi.useFakeTimers();
    const caller = new AbortController();
    const { signal, deadline } = callSignal(caller.signal, 1_000);
    vi.advanceTimersByTime(999);
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(signal.aborted && deadline.aborted).toBe(true);
    expect((signal.reason as DOMException).name).toBe("TimeoutError");
  });

  it("aborts with the caller's own reason, and the deadline stays unfired", () => {
    const caller = new AbortController();
    const { signal, deadline, release } = callSignal(caller.signal, 1_000);
    const reason = new Error("the browser went away");
    caller.abort(reason);
    expect(signal.reason).toBe(reason);
    expect(deadline.aborted).toBe(false);
    release();
  });

  it("without a caller's signal, the signal is the deadline", () => {
    const { signal, deadline, release } = callSignal(undefined, 1_000);
    expect(signal).toBe(deadline);
    release();
  });

  it("once released, leaves no timer and no listener on the caller's signal", () => {
    vi.useFakeTimers();
    const caller = new AbortController();
    const { signal, release } = callSignal(caller.signal, 1_000);
    expect(vi.getTimerCount()).toBe(1);
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(1);
    release();
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
    vi.advanceTimersByTime(5_000);
    expect(signal.aborted).toBe(false);
  });
});

describe("a finished call", () => {
  it("lets go of what fetch hung on its signal before the deadline", async () => {
    setFlagsFromString("--expose-gc");
    const collect = runInNewContext("gc") as () => void;
    let held: WeakRef<object> | undefined;
    // As undici does: the request's state hangs on an abort listener of the call's signal.
    const fetchHoldingState: typeof fetch = async (_url, init) => {
      const requestState = { body: new Uint8Array(1024) };
      init?.signal?.addEventListener("abort", () => requestState.body.fill(0));
      held = new WeakRef(requestState);
      return new Response('{"orders": []}', { status: 200, headers: { "Content-Type": "application/json" } });
    };
    const client = createKlikkClient({ baseUrl: "http://127.0.0.1:9/api", auth: { method: "token", token: "t" }, timeoutMs: 60_000, fetch: fetchHoldingState });
    const caller = new AbortController();
    await expect(client.orderList({ signal: caller.signal })).resolves.toEqual([]);
    // A WeakRef keeps its target until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    expect(held?.deref()).toBeUndefined();
  });
});
