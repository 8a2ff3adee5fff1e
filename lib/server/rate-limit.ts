import "server-only";
import { getEnv } from "@/lib/server/env";

/**
 * Counts failures per key in a sliding window, in this process's memory. Several instances
 * behind a load balancer each count on their own (see the README); a shared store would be
 * needed to make the limit global.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;

  constructor({ limit, windowMs, maxKeys = 50_000 }: { limit: number; windowMs: number; maxKeys?: number }) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.maxKeys = maxKeys;
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((time) => now - time < this.windowMs);
    if (times.length) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }

  /** Seconds until another attempt is allowed for any of the keys, or 0 when allowed now. */
  retryAfterSeconds(keys: string[], now = Date.now()): number {
    let wait = 0;
    for (const key of keys) {
      const times = this.recent(key, now);
      if (times.length >= this.limit) {
        const oldest = times[times.length - this.limit] ?? now;
        wait = Math.max(wait, Math.ceil((oldest + this.windowMs - now) / 1000));
      }
    }
    return wait;
  }

  recordFailure(keys: string[], now = Date.now()): void {
    for (const key of keys) {
      const times = this.recent(key, now);
      times.push(now);
      this.failures.delete(key);
      this.failures.set(key, times.slice(-this.limit));
    }
    // Bounded memory under a flood of distinct keys: forget the least recently failed.
    while (this.failures.size > this.maxKeys) {
      const oldestKey = this.failures.keys().next().value;
      if (oldestKey === undefined) break;
      this.failures.delete(oldestKey);
    }
  }

  clear(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}

const globalForLimiter = globalThis as typeof globalThis & { __klikkSignInLimiter?: FailureLimiter };

/** Failed sign-ins: SIGN_IN_MAX_FAILURES (10) in 15 minutes per client address and per username, then 429. */
export function signInLimiter(): FailureLimiter {
  return (globalForLimiter.__klikkSignInLimiter ??= new FailureLimiter({ limit: getEnv().signInMaxFailures, windowMs: 15 * 60 * 1000 }));
}
