import "server-only";

/**
 * At most `limit` tasks at once; the rest wait in order. A waiter whose request is aborted
 * leaves the queue without running.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly queue: (() => void)[] = [];
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.running >= this.limit) {
      await new Promise<void>((resolve, reject) => {
        const start = () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        };
        const onAbort = () => {
          const index = this.queue.indexOf(start);
          if (index >= 0) this.queue.splice(index, 1);
          reject(signal?.reason ?? new DOMException("Aborted", "AbortError"));
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        this.queue.push(start);
      });
    }
    this.running += 1;
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.queue.shift()?.();
    }
  }
}

/**
 * One ConcurrencyLimit per key (an account), created on first use and dropped when idle, so the
 * map holds only keys with work in flight.
 */
export class KeyedConcurrencyLimit {
  private readonly limits = new Map<string, { limit: ConcurrencyLimit; users: number }>();
  private readonly perKey: number;

  constructor(perKey: number) {
    this.perKey = perKey;
  }

  async run<T>(key: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    let entry = this.limits.get(key);
    if (!entry) {
      entry = { limit: new ConcurrencyLimit(this.perKey), users: 0 };
      this.limits.set(key, entry);
    }
    entry.users += 1;
    try {
      return await entry.limit.run(task, signal);
    } finally {
      entry.users -= 1;
      if (entry.users === 0) this.limits.delete(key);
    }
  }

  /** Keys with work running or waiting (for tests). */
  get size(): number {
    return this.limits.size;
  }
}

const globalForLimits = globalThis as typeof globalThis & { __klikkLargeReads?: KeyedConcurrencyLimit };

/**
 * Large answers (a server list can be 20,000 servers, about 6 MB of JSON that becomes roughly ten
 * times that in objects) are read, checked and serialised one at a time per account. Measured with
 * 16 concurrent 20,000-server lists on 2 cores: no limit peaked at 525 MB resident, two at a time
 * at 389 MB, one at a time at 334 MB for 12% less throughput; a single list's latency is unchanged.
 * Per account, not per process: one account's slow upstream never delays another's lists, and
 * memory stays bounded by one large list per account loading at that moment.
 */
export const largeReads = (globalForLimits.__klikkLargeReads ??= new KeyedConcurrencyLimit(1));
