import "server-only";
import { createHash, createHmac } from "node:crypto";
import type { KlikkAuth } from "@/lib/klikk/client";
import { getEnv } from "@/lib/server/env";
import { RecentValues } from "@/lib/server/recent-values";

/**
 * The upstream account behind a credential: sessions, idempotency keys, settings and activity
 * are kept per identity, not per browser session. A username is the same account whether it
 * signs in with Basic or Digest; a token is known only by a hash, so the store never holds a
 * usable token outside its encrypted session record.
 */
export function accountIdentity(auth: KlikkAuth): string {
  if (auth.method === "token") return `token:${createHash("sha256").update(auth.token).digest("hex").slice(0, 32)}`;
  return `user:${auth.username}`;
}

/**
 * An account's name in URLs (`?account=`) and in the dashboard's answers: stable across sign-ins
 * so that a bookmarked filter keeps working, but an HMAC under the deployment's newest session
 * secret, so a URL in a proxy's log reveals neither a username nor anything about a token.
 */
/** Every request names its accounts' keys; an HMAC each time showed in its CPU profile. */
const accountKeys = new RecentValues<string>(1_000);

export function accountKey(identity: string): string {
  const secret = getEnv().sessionPasswords[0]?.secret ?? "";
  const memoKey = `${secret}\n${identity}`;
  return accountKeys.get(memoKey)?.value ?? accountKeys.set(memoKey, createHmac("sha256", `klikk-account-key:${secret}`).update(identity).digest("base64url").slice(0, 12));
}
