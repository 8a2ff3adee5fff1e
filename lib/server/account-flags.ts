import "server-only";
import type { KlikkAuth } from "@/lib/klikk/client";
import { isKlikkError } from "@/lib/klikk/errors";
import { accountIdentity } from "@/lib/server/identity";
import { getStore, type Store } from "@/lib/server/store";

/**
 * What the dashboard has learned about an account from the upstream's answers, kept in the
 * store's per-account settings, so across sign-ins, restarts and instances: once the upstream
 * refuses an order or a cancel because the account may only read, ordering and cancelling are
 * shown as off on every page, instead of letting the person fill a whole order form first.
 */
export type AccountFlags = { readOnly: boolean };

export async function getAccountFlags(identity: string, store: Store = getStore()): Promise<AccountFlags> {
  return { readOnly: (await store.readSettings(identity)).readOnly === true };
}

export async function setAccountReadOnly(identity: string, store: Store = getStore()): Promise<void> {
  await store.writeSetting(identity, "readOnly", true);
}

/**
 * Remember a read-only refusal (lib/klikk/errors.ts classifies it as reason `read_only`), then
 * let the caller rethrow the error as it was.
 */
export async function rememberRefusal(auth: KlikkAuth, error: unknown, store: Store = getStore()): Promise<void> {
  if (isKlikkError(error) && error.reason === "read_only") await setAccountReadOnly(accountIdentity(auth), store);
}
