import "server-only";
import { randomUUID } from "node:crypto";
import { HttpError } from "@/lib/server/http";
import type { Store } from "@/lib/server/store";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** The per-username delay doubles with each failure past the free ones, up to this. */
const MAX_USERNAME_DELAY_MS = 60_000;

export type SignInLimitOptions = {
  /** Attempts allowed per client address in the window (SIGN_IN_MAX_FAILURES); then a hard 429. */
  addressLimit: number;
  /** How long one attempt may hold the in-flight lock (the upstream deadline plus a margin). */
  lockMs: number;
};

/** What the caller reports back once the upstream has answered. */
export type SignInAttempt = {
  /** The credentials were accepted: the attempt is taken back and the username's failures forgotten. */
  succeeded(): Promise<void>;
  /** The credentials were refused; returns how many attempts this address has left. */
  failed(): Promise<{ remaining: number }>;
  /** No verdict (the upstream could not be reached): the attempt is taken back. */
  abandoned(): Promise<void>;
};

function tooMany(message: string, waitMs: number, code: "rate_limited" | "sign_in_busy" = "rate_limited"): HttpError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new HttpError(429, code, message, { headers: { "Retry-After": String(seconds) } });
}

function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * Sign-in limits kept in the store, so they hold across instances and restarts (ASVS 6.1.1):
 * - every attempt counts against the address before anything else (taken back on success or
 *   when the upstream gave no verdict); past `addressLimit` in 15 minutes the address gets a
 *   hard 429;
 * - at most one attempt in flight per client address and per username, so a burst cannot race
 *   past the count;
 * - a username is never locked out: past half the limit, each failure doubles a delay before the
 *   next attempt (1 s, 2 s, 4 s … up to a minute), so guessing stays slow while the real owner
 *   can still sign in from a clean address.
 */
export async function beginSignIn(store: Store, address: string, subject: string, options: SignInLimitOptions): Promise<SignInAttempt> {
  const owner = randomUUID();
  const addressKey = `sign-in:address:${address}`;
  const subjectKey = `sign-in:subject:${subject}`;
  const locks: string[] = [];
  const releaseLocks = async () => {
    await Promise.all(locks.map((key) => store.releaseLock(key, owner).catch(() => undefined)));
  };

  // Every attempt counts against the address first, also one refused below for being busy: a
  // burst uses up the address's budget whatever order its requests are served in, so a right
  // password hidden in a burst of wrong ones is refused too.
  const used = await store.incrementCounter(`${addressKey}:attempts`, SIGN_IN_WINDOW_MS);
  if (used.count > options.addressLimit) {
    throw tooMany(`Too many failed sign-ins from this address. Wait ${waitText(used.resetAt - Date.now())} and try again.`, used.resetAt - Date.now());
  }
  for (const key of [addressKey, subjectKey]) {
    if (!(await store.acquireLock(key, owner, options.lockMs))) {
      await releaseLocks();
      throw tooMany("Another sign-in from this address or for this account is in progress. Try again in a moment.", 1_000, "sign_in_busy");
    }
    locks.push(key);
  }
  const delay = await store.readCounter(`${subjectKey}:delay`).catch(async (error: unknown) => {
    await releaseLocks();
    throw error;
  });
  if (delay) {
    await releaseLocks();
    throw tooMany(`Too many failed sign-ins for this account. Wait ${waitText(delay.resetAt - Date.now())} and try again.`, delay.resetAt - Date.now());
  }

  const freeFailures = Math.max(3, Math.floor(options.addressLimit / 2));
  let settled = false;
  const settle = async (work: () => Promise<void>) => {
    if (settled) return;
    settled = true;
    try {
      await work();
    } finally {
      await releaseLocks();
    }
  };
  return {
    succeeded: () =>
      settle(async () => {
        await store.incrementCounter(`${addressKey}:attempts`, SIGN_IN_WINDOW_MS, -1);
        await store.resetCounter(`${subjectKey}:failures`);
      }),
    async failed() {
      let remaining = 0;
      await settle(async () => {
        const failures = await store.incrementCounter(`${subjectKey}:failures`, SIGN_IN_WINDOW_MS);
        if (failures.count >= freeFailures) {
          const delayMs = Math.min(1_000 * 2 ** (failures.count - freeFailures), MAX_USERNAME_DELAY_MS);
          await store.incrementCounter(`${subjectKey}:delay`, delayMs);
        }
        const used = await store.readCounter(`${addressKey}:attempts`);
        remaining = Math.max(0, options.addressLimit - (used?.count ?? 0));
      });
      return { remaining };
    },
    abandoned: () =>
      settle(async () => {
        await store.incrementCounter(`${addressKey}:attempts`, SIGN_IN_WINDOW_MS, -1);
      }),
  };
}
