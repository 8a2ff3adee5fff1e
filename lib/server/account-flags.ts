import "server-only";
import { createHash } from "node:crypto";
import type { KlikkAuth } from "@/lib/klikk/client";
import { isKlikkError } from "@/lib/klikk/errors";

/**
 * What the dashboard has learned about an account from the upstream's answers, kept across
 * sign-ins (issue 17): once the upstream refuses an order or a cancel because the account may
 * only read, ordering and cancelling are shown as off on every page, also after the next sign-in,
 * instead of letting the person fill a whole order form first.
 *
 * For now a process-wide Map: flags last until the process restarts and are not shared between
 * instances. The lead swaps the two functions below for the server-side store's per-account
 * settings when it lands (lib/server/store: `readSettings(identity).readOnly === true` and
 * `writeSetting(identity, "readOnly", true)`, with lib/server/identity's accountIdentity in place
 * of the one here); callers only see this async interface.
 */

export type AccountFlags = { readOnly: boolean };

/**
 * The account behind some credentials: the same person signing in again gets the same identity.
 * A token is hashed, so no secret is kept as a key in memory or, later, in the store.
 */
export function accountIdentity(auth: KlikkAuth): string {
  if (auth.method === "token") return `token:${createHash("sha256").update(auth.token).digest("hex")}`;
  return `${auth.method}:${auth.username}`;
}

// On globalThis so that every module graph of this process (route handlers, pages) shares it.
const globalForFlags = globalThis as typeof globalThis & { __klikkAccountFlags?: Map<string, AccountFlags> };
const flags = (globalForFlags.__klikkAccountFlags ??= new Map());

export async function getAccountFlags(identity: string): Promise<AccountFlags> {
  return flags.get(identity) ?? { readOnly: false };
}

export async function setAccountReadOnly(identity: string): Promise<void> {
  flags.set(identity, { ...(flags.get(identity) ?? { readOnly: false }), readOnly: true });
}

/**
 * Remember a read-only refusal (lib/klikk/errors.ts classifies it as reason `read_only`), then
 * let the caller rethrow the error as it was.
 */
export async function rememberRefusal(auth: KlikkAuth, error: unknown): Promise<void> {
  if (isKlikkError(error) && error.reason === "read_only") await setAccountReadOnly(accountIdentity(auth));
}
