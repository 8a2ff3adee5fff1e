/**
 * HTTP Digest (RFC 7616) on the server side: header parsing, response computation, and
 * stateless nonces signed with an HMAC.
 *
 * Pure functions plus a small nonce service; the account lookup lives in ./auth.ts.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const digestAlgorithms = ["MD5", "MD5-sess", "SHA-256", "SHA-256-sess"] as const;
export type DigestAlgorithm = (typeof digestAlgorithms)[number];
export type HashName = "MD5" | "SHA-256";

/** Case-insensitive lookup of an algorithm token; RFC 7616 says MD5 when absent. */
export function parseAlgorithm(value: string | undefined): DigestAlgorithm | null {
  if (value === undefined) return "MD5";
  const v = value.toUpperCase();
  return digestAlgorithms.find((a) => a.toUpperCase() === v) ?? null;
}

export function hashOf(algorithm: DigestAlgorithm): HashName {
  return algorithm.startsWith("SHA-256") ? "SHA-256" : "MD5";
}

export function hashHex(hash: HashName, data: string): string {
  return createHash(hash === "MD5" ? "md5" : "sha256").update(data, "utf8").digest("hex");
}

/** H(username:realm:password), the secret the server keeps per hash. */
export function digestHa1(hash: HashName, username: string, realm: string, password: string): string {
  return hashHex(hash, `${username}:${realm}:${password}`);
}

export type DigestInput = {
  algorithm: DigestAlgorithm;
  /** H(username:realm:password) for hashOf(algorithm), lowercase hex. */
  ha1: string;
  nonce: string;
  cnonce: string;
  nc: string;
  qop: "auth";
  method: string;
  uri: string;
};

/** The `response` value a client must send (RFC 7616 section 3.4.1, qop=auth). */
export function computeDigestResponse(p: DigestInput): string {
  const hash = hashOf(p.algorithm);
  const ha1 = p.algorithm.endsWith("-sess") ? hashHex(hash, `${p.ha1}:${p.nonce}:${p.cnonce}`) : p.ha1;
  const ha2 = hashHex(hash, `${p.method}:${p.uri}`);
  return hashHex(hash, `${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`);
}

/** Constant-time comparison of two strings (false for different lengths, still doing the work). */
export function safeEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(given, "utf8");
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

/**
 * Parse the parameters of an auth scheme (`k=v, k2="quoted \"v\""`). Returns null on a syntax
 * error or a repeated parameter. Keys are lowercased.
 */
export function parseAuthParams(input: string): Record<string, string> | null {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  let i = 0;
  const n = input.length;
  const skipWs = () => {
    while (i < n && (input[i] === " " || input[i] === "\t")) i++;
  };
  while (true) {
    skipWs();
    while (i < n && input[i] === ",") {
      i++;
      skipWs();
    }
    if (i >= n) break;
    const keyStart = i;
    while (i < n && /[A-Za-z0-9!#$%&'*+.^_`|~-]/.test(input[i] as string)) i++;
    const key = input.slice(keyStart, i).toLowerCase();
    if (key === "") return null;
    skipWs();
    if (input[i] !== "=") return null;
    i++;
    skipWs();
    let value: string;
    if (input[i] === '"') {
      i++;
      value = "";
      let closed = false;
      while (i < n) {
        const c = input[i] as string;
        if (c === "\\" && i + 1 < n) {
          value += input[i + 1];
          i += 2;
          continue;
        }
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        value += c;
        i++;
      }
      if (!closed) return null;
    } else {
      const start = i;
      while (i < n && input[i] !== "," && input[i] !== " " && input[i] !== "\t") i++;
      value = input.slice(start, i);
    }
    if (key in out) return null;
    out[key] = value;
    skipWs();
    if (i < n && input[i] !== ",") return null;
  }
  return out;
}

export type NonceCheck = "ok" | "stale" | "invalid";

/**
 * Stateless nonces: base64url(8-byte timestamp | 8 random bytes | 16-byte HMAC-SHA256 tag).
 * The key is random per process, so a restart invalidates outstanding nonces (clients retry).
 * `nc` must strictly grow per nonce; the highest value seen is kept in a bounded map. When an
 * entry is evicted, every nonce issued at or before it is treated as stale from then on, so
 * eviction can never re-open a replay.
 */
export class NonceService {
  #key = randomBytes(32);
  #ttlMs: number;
  #now: () => number;
  #maxTracked: number;
  #highestNc = new Map<string, number>();
  #evictedUpTo = -Infinity;

  constructor(options: { ttlMs: number; now: () => number; maxTracked?: number }) {
    this.#ttlMs = options.ttlMs;
    this.#now = options.now;
    this.#maxTracked = options.maxTracked ?? 10_000;
  }

  issue(): string {
    const payload = Buffer.alloc(16);
    payload.writeBigInt64BE(BigInt(Math.floor(this.#now())), 0);
    randomBytes(8).copy(payload, 8);
    return Buffer.concat([payload, this.#tag(payload)]).toString("base64url");
  }

  #tag(payload: Buffer): Buffer {
    return createHmac("sha256", this.#key).update(payload).digest().subarray(0, 16);
  }

  #timestamp(nonce: string): number | null {
    if (!/^[A-Za-z0-9_-]{43}$/.test(nonce)) return null;
    const raw = Buffer.from(nonce, "base64url");
    if (raw.length !== 32) return null;
    const payload = raw.subarray(0, 16);
    if (!timingSafeEqual(raw.subarray(16), this.#tag(payload))) return null;
    return Number(payload.readBigInt64BE(0));
  }

  /** Is the nonce ours, and still fresh? Does not touch the nc record. */
  check(nonce: string): NonceCheck {
    const ts = this.#timestamp(nonce);
    if (ts === null) return "invalid";
    const age = this.#now() - ts;
    if (age > this.#ttlMs || age < -60_000) return "stale";
    if (!this.#highestNc.has(nonce) && ts <= this.#evictedUpTo) return "stale";
    return "ok";
  }

  /** Record a use of `nc` (already parsed) for a fresh nonce; false when it does not grow (replay). */
  useNc(nonce: string, nc: number): boolean {
    const last = this.#highestNc.get(nonce);
    if (last !== undefined && nc <= last) return false;
    if (last !== undefined) this.#highestNc.delete(nonce);
    this.#highestNc.set(nonce, nc);
    this.#evict();
    return true;
  }

  #evict(): void {
    if (this.#highestNc.size <= this.#maxTracked) return;
    const now = this.#now();
    for (const nonce of this.#highestNc.keys()) {
      if (this.#highestNc.size <= this.#maxTracked) break;
      const ts = this.#timestamp(nonce) ?? now;
      this.#highestNc.delete(nonce);
      if (ts > this.#evictedUpTo) this.#evictedUpTo = ts;
    }
  }

  get trackedCount(): number {
    return this.#highestNc.size;
  }
}

/** The realm of every challenge; HA1 values in the state are computed with it. */
export const REALM = "klikk";
