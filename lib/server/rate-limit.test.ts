import { describe, expect, it } from "vitest";
import { FailureLimiter } from "./rate-limit";

describe("FailureLimiter", () => {
  const windowMs = 15 * 60 * 1000;

  it("allows 10 failures in the window and refuses the 11th attempt until the oldest expires", () => {
    const limiter = new FailureLimiter({ limit: 10, windowMs });
    const start = 1_000_000;
    for (let i = 0; i < 10; i += 1) {
      expect(limiter.retryAfterSeconds(["address:a"], start + i)).toBe(0);
      limiter.recordFailure(["address:a"], start + i);
    }
    const wait = limiter.retryAfterSeconds(["address:a"], start + 10);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(windowMs / 1000);
    expect(limiter.retryAfterSeconds(["address:a"], start + windowMs + 1)).toBe(0);
  });

  it("limits on any of the keys: another address with the same username is still refused", () => {
    const limiter = new FailureLimiter({ limit: 3, windowMs });
    for (let i = 0; i < 3; i += 1) limiter.recordFailure([`address:${i}`, "user:demo"], i);
    expect(limiter.retryAfterSeconds(["address:new", "user:demo"], 10)).toBeGreaterThan(0);
    expect(limiter.retryAfterSeconds(["address:new", "user:other"], 10)).toBe(0);
  });

  it("clears a key after a success and stays bounded under many keys", () => {
    const limiter = new FailureLimiter({ limit: 2, windowMs, maxKeys: 100 });
    limiter.recordFailure(["user:x"], 0);
    limiter.recordFailure(["user:x"], 1);
    limiter.clear(["user:x"]);
    expect(limiter.retryAfterSeconds(["user:x"], 2)).toBe(0);
    for (let i = 0; i < 1000; i += 1) limiter.recordFailure([`address:${i}`], 3);
    // The oldest keys were forgotten: memory stays bounded by maxKeys.
    expect(limiter.retryAfterSeconds(["address:0"], 4)).toBe(0);
  });
});
