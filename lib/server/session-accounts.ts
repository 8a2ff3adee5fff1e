import "server-only";
import { randomUUID } from "node:crypto";
import { defaultAccountLabel, MAX_SESSION_ACCOUNTS, type PublicAccount } from "@/lib/accounts/accounts";
import type { KlikkAuth } from "@/lib/klikk/client";
import { sealCredential } from "@/lib/server/credential-box";
import { getEnv } from "@/lib/server/env";
import { HttpError } from "@/lib/server/http";
import { accountIdentity, accountKey } from "@/lib/server/identity";
import { linkedCredentialBinding, type SessionAccount, type SessionData, tokenHint } from "@/lib/server/session";
import { getStore, type LinkedAccountRecord } from "@/lib/server/store";

/**
 * The accounts of a session beyond the one signed in with (issue 15): adding, removing,
 * choosing where new orders go, and naming them. The session record holds them; each change
 * re-reads it under a store lock, so two tabs adding accounts at once both land.
 */

/** Labels are kept per account (its identity's settings), so a rename survives a new sign-in. */
const LABEL_SETTING = "label";

export async function publicAccounts(session: SessionData): Promise<PublicAccount[]> {
  const store = getStore();
  const settings = await Promise.all(session.accounts.map((account) => store.readSettings(account.identity)));
  return session.accounts.map((account, index) => {
    const hint = tokenHint(account.auth);
    const custom = settings[index]?.[LABEL_SETTING];
    return {
      key: account.key,
      label: typeof custom === "string" && custom ? custom : defaultAccountLabel({ method: account.auth.method, username: account.username, ...hint }),
      method: account.auth.method,
      ...(account.username ? { username: account.username } : {}),
      ...hint,
      primary: account.primary,
      active: account.key === session.active.key,
    };
  });
}

/** The session's account with this key, or a 404 that reads the same as an unknown key. */
export function requireAccount(session: SessionData, key: string): SessionAccount {
  const account = session.accounts.find((candidate) => candidate.key === key);
  if (!account) throw new HttpError(404, "not_found", "This account is not part of this session. Reload the page to see the session's accounts.");
  return account;
}

const LOCK_TRIES = 40;
const LOCK_TRY_MS = 25;

/** Runs a read-modify-write of the session's accounts under the session's lock. */
async function withAccountsLock<T>(sessionId: string, change: (accounts: LinkedAccountRecord[], active: string | null) => Promise<{ accounts: LinkedAccountRecord[]; active: string | null; result: T }>): Promise<T> {
  const store = getStore();
  const lock = `session-accounts:${sessionId}`;
  const owner = randomUUID();
  let held = false;
  for (let attempt = 0; attempt < LOCK_TRIES && !held; attempt += 1) {
    held = await store.acquireLock(lock, owner, 10_000);
    if (!held) await new Promise((resolve) => setTimeout(resolve, LOCK_TRY_MS));
  }
  if (!held) throw new HttpError(409, "conflict", "Another change to this session's accounts is running. Try again in a moment.");
  try {
    const record = await store.readSession(sessionId);
    if (!record) throw new HttpError(401, "unauthenticated", "You are signed out. Sign in again to continue.");
    const next = await change(record.accounts ?? [], record.activeAccount ?? null);
    if (!(await store.updateSessionAccounts(sessionId, next.accounts, next.active))) {
      throw new HttpError(401, "unauthenticated", "You are signed out. Sign in again to continue.");
    }
    return next.result;
  } finally {
    await store.releaseLock(lock, owner);
  }
}

/** Adds verified credentials to the session; refuses a duplicate and an eleventh account. */
export async function addAccount(session: SessionData, auth: KlikkAuth, options: { label?: string; activate?: boolean }): Promise<string> {
  const identity = accountIdentity(auth);
  const key = accountKey(identity);
  await withAccountsLock(session.id, async (accounts, active) => {
    if (identity === session.identity || accounts.some((account) => account.identity === identity)) {
      throw new HttpError(409, "account_exists", "This account is already in this session.");
    }
    if (accounts.length + 1 >= MAX_SESSION_ACCOUNTS) {
      throw new HttpError(409, "account_limit", `A session holds at most ${MAX_SESSION_ACCOUNTS} accounts. Remove one before adding another.`);
    }
    const linked: LinkedAccountRecord = {
      key,
      identity,
      method: auth.method,
      username: auth.method === "token" ? null : auth.username,
      credential: sealCredential(auth.method === "token" ? auth.token : auth.password, linkedCredentialBinding(session.id, key), getEnv().sessionPasswords),
      addedAt: Date.now(),
    };
    return { accounts: [...accounts, linked], active: options.activate ? key : active, result: undefined };
  });
  if (options.label) await getStore().writeSetting(identity, LABEL_SETTING, options.label);
  return key;
}

/**
 * Removes an added account: its encrypted credential leaves the session record at once. The
 * account signed in with cannot be removed (signing out does that). Orders then go to the
 * account signed in with if the removed one was active.
 */
export async function removeAccount(session: SessionData, key: string): Promise<SessionAccount> {
  const account = requireAccount(session, key);
  if (account.primary) throw new HttpError(409, "conflict", "This is the account you signed in with. Sign out to leave it.");
  await withAccountsLock(session.id, async (accounts, active) => ({
    accounts: accounts.filter((candidate) => candidate.key !== key),
    active: active === key ? null : active,
    result: undefined,
  }));
  return account;
}

export async function setActiveAccount(session: SessionData, key: string): Promise<SessionAccount> {
  const account = requireAccount(session, key);
  await withAccountsLock(session.id, async (accounts) => ({ accounts, active: account.primary ? null : key, result: undefined }));
  return account;
}

/** Renames an account for everyone who adds it; an empty label goes back to the default. */
export async function renameAccount(session: SessionData, key: string, label: string): Promise<void> {
  const account = requireAccount(session, key);
  await getStore().writeSetting(account.identity, LABEL_SETTING, label);
}
