import "server-only";
import { createHash } from "node:crypto";

export const IDEMPOTENCY_TTL_MS = 10 * 60 * 1000;
const MAX_ENTRIES = 10_000;

type StoredAnswer = { status: number; body: unknown };
type Entry = { fingerprint: string; answer: Promise<StoredAnswer>; expiresAt: number };

/**
 * Remembers the answer to each (session, Idempotency-Key) for ten minutes, in this process.
 * A repeat while the first is still running waits for the same promise, so a double click
 * reaches the upstream once. Several instances would need a shared store (see the README).
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  /**
   * Runs `action` once per key; later calls with the same key get the first answer. A repeat
   * with a different body is refused by the caller through `conflict: true`.
   */
  async run(scope: string, key: string, body: unknown, action: () => Promise<StoredAnswer>): Promise<StoredAnswer & { replayed: boolean; conflict: boolean }> {
    const now = Date.now();
    this.sweep(now);
    const id = `${scope}\u0000${key}`;
    const fingerprint = createHash("sha256").update(JSON.stringify(body)).digest("hex");
    const existing = this.entries.get(id);
    if (existing && existing.expiresAt > now) {
      if (existing.fingerprint !== fingerprint) return { status: 0, body: null, replayed: true, conflict: true };
      return { ...(await existing.answer), replayed: true, conflict: false };
    }
    const answer = action();
    this.entries.set(id, { fingerprint, answer, expiresAt: now + IDEMPOTENCY_TTL_MS });
    return { ...(await answer), replayed: false, conflict: false };
  }

  private sweep(now: number) {
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt <= now || this.entries.size > MAX_ENTRIES) this.entries.delete(id);
      else break; // Insertion order equals expiry order, so the rest are newer.
    }
  }
}

const globalForStore = globalThis as typeof globalThis & { __klikkIdempotency?: IdempotencyStore };
export const idempotencyStore = (globalForStore.__klikkIdempotency ??= new IdempotencyStore());

/** A scope that differs per signed-in session without holding its secret. */
export function sessionScope(auth: { method: string }, createdAt: number, secretPart: string): string {
  return createHash("sha256").update(`${auth.method}\u0000${secretPart}\u0000${createdAt}`).digest("hex");
}
