import "server-only";
import { createHash } from "node:crypto";
import { getStore, type Store, type StoredAnswer } from "@/lib/server/store";

/** How long an answer is kept under its key: a retry the next day still finds it. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** How often a repeat polls the store while the first request (on any instance) is running. */
const WAIT_POLL_MS = 100;

export type IdempotentResult = StoredAnswer & { replayed: boolean; conflict: boolean };

/** What the action reports: its answer, and whether the upstream may have acted on the request. */
export type ActionOutcome = StoredAnswer & { mayHaveActed: boolean };

/**
 * Runs `action` at most once per (account, Idempotency-Key), across sign-ins, restarts and
 * instances: the key and its answer live in the store, scoped by the upstream identity, for 24 h.
 * A concurrent repeat (on any instance) waits for the first; a repeat with a different body is a
 * conflict. Only answers after which the upstream may have acted are kept; when it certainly did
 * not (refused connection, 503, 4xx) nothing is kept, so the retry goes through.
 *
 * `lockMs` bounds the wait: a claim whose holder died is taken over after it.
 */
export async function runIdempotent(
  identity: string,
  key: string,
  body: unknown,
  lockMs: number,
  action: () => Promise<ActionOutcome>,
  store: Store = getStore(),
): Promise<IdempotentResult> {
  const id = createHash("sha256").update(`${identity}\u0000${key}`).digest("hex");
  const fingerprint = createHash("sha256").update(JSON.stringify(body)).digest("hex");
  const giveUpAt = Date.now() + lockMs + 5_000;
  for (;;) {
    const claim = await store.claimIdempotency(id, fingerprint, lockMs);
    if (claim.state !== "claimed" && claim.fingerprint !== fingerprint) return { status: 0, body: null, replayed: true, conflict: true };
    if (claim.state === "done") return { ...claim.answer, replayed: true, conflict: false };
    if (claim.state === "claimed") break;
    if (Date.now() > giveUpAt) {
      return { status: 409, body: { error: { code: "idempotency_in_progress", message: "This order is still being placed. Check the order list in a moment." } }, replayed: true, conflict: false };
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
  }
  let outcome: ActionOutcome;
  try {
    outcome = await action();
  } catch (error) {
    await store.releaseIdempotency(id).catch(() => undefined);
    throw error;
  }
  const answer: StoredAnswer = { status: outcome.status, body: outcome.body };
  if (outcome.mayHaveActed) await store.completeIdempotency(id, fingerprint, answer, IDEMPOTENCY_TTL_MS);
  else await store.releaseIdempotency(id);
  return { ...answer, replayed: false, conflict: false };
}
