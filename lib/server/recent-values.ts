/**
 * Values computed per request that are the same for a while (an unsealed cookie's session id, an
 * opened credential, an account's key): at most `size` of them, each for `ttlMs`, the oldest
 * dropped first. The one bounded memory behind session.ts, credential-box.ts and identity.ts.
 */
export class RecentValues<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();
  private readonly size: number;
  private readonly ttlMs: number;

  constructor(size: number, ttlMs = Number.POSITIVE_INFINITY) {
    this.size = size;
    this.ttlMs = ttlMs;
  }

  /** The entry for `key` while it is younger than the time to live, else undefined. */
  get(key: string, now = Date.now()): { value: V } | undefined {
    const entry = this.entries.get(key);
    return entry && now - entry.at < this.ttlMs ? entry : undefined;
  }

  set(key: string, value: V, now = Date.now()): V {
    this.entries.delete(key);
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, at: now });
    return value;
  }
}
