import "server-only";
import { createHash } from "node:crypto";
import type { KlikkAuth } from "@/lib/klikk/client";

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
