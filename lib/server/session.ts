import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";
import { getIronSession, unsealData, type SessionOptions } from "iron-session";
import { cache } from "react";
import type { KlikkAuth } from "@/lib/klikk/client";
import { openCredential, sealCredential } from "@/lib/server/credential-box";
import { getEnv } from "@/lib/server/env";
import { accountIdentity, accountKey } from "@/lib/server/identity";
import { RecentValues } from "@/lib/server/recent-values";
import { getStore, type SessionRecord } from "@/lib/server/store";

/**
 * Sessions live in the store; the cookie (sealed by iron-session) holds only a random id. So
 * signing out, ending a session from another browser, or "sign out everywhere" takes effect on
 * the very next request on every instance, and the cookie never carries a credential.
 */

/** What the sealed cookie holds: 256 random bits, nothing else. */
type CookieData = { sid?: string };

/** One upstream account of a session: the one signed in with, or one added later (issue 15). */
export type SessionAccount = {
  /** Non-secret, stable name in URLs and answers (lib/server/identity accountKey). */
  key: string;
  identity: string;
  /** Decrypted for this request only. */
  auth: KlikkAuth;
  username?: string;
  /** The account signed in with. */
  primary: boolean;
  addedAt: number;
};

/** A signed-in session as route handlers and pages see it. */
export type SessionData = {
  /** The store's id of this session (a hash of the cookie's id): safe to show and compare. */
  id: string;
  /** The upstream account (lib/server/identity). */
  identity: string;
  /** The upstream credentials, decrypted for this request only. */
  auth: KlikkAuth;
  /** Shown in the header; the token method has none. */
  username?: string;
  createdAt: number;
  lastSeenAt: number;
  clientAddress: string;
  userAgent: string;
  /** Every account of the session, the one signed in with first. */
  accounts: SessionAccount[];
  /** Where new orders go. */
  active: SessionAccount;
};

export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** The stored last-seen time moves at most this often, so a burst of requests writes once. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/**
 * Whether the browser reached the dashboard over https: APP_ORIGIN says so, or a trusted reverse
 * proxy's X-Forwarded-Proto does. Nothing else is believed (Next keeps a client's own
 * X-Forwarded-Proto), so the proxy, the pages and the route handlers always agree on the cookie.
 */
export function isSecureRequest(requestHeaders: Headers): boolean {
  const env = getEnv();
  if (env.appOrigin) return env.appOrigin.startsWith("https:");
  if (env.trustProxy) return requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  return false;
}

/** `__Host-` binds the cookie to this exact host and path and demands Secure, so it needs https. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-klikk" : "klikk";
}

export function sessionOptions(secure: boolean): SessionOptions {
  const env = getEnv();
  return {
    cookieName: sessionCookieName(secure),
    password: Object.fromEntries(env.sessionPasswords.map(({ id, secret }) => [String(id), secret])),
    ttl: SESSION_ABSOLUTE_LIFETIME_MS / 1000,
    cookieOptions: {
      httpOnly: true,
      sameSite: "lax",
      secure,
      path: "/",
    },
  };
}

/** The store's id for a cookie's session id: a leaked store never yields a usable cookie. */
function storeId(sid: string): string {
  return createHash("sha256").update(sid).digest("hex");
}

/** The deadline of a session: idle timeout from its last use, capped by its absolute lifetime. */
function expiryOf(createdAt: number, lastSeenAt: number): number {
  return Math.min(lastSeenAt + SESSION_IDLE_TIMEOUT_MS, createdAt + SESSION_ABSOLUTE_LIFETIME_MS);
}

async function openCookieSession() {
  const secure = isSecureRequest(await headers());
  return getIronSession<CookieData>(await cookies(), sessionOptions(secure));
}

const UNSEALED_CACHE_SIZE = 2_000;
const UNSEALED_CACHE_TTL_MS = 60_000;
const globalForCache = globalThis as typeof globalThis & { __klikkUnsealedIds?: RecentValues<string | null> };
const unsealedCache = (globalForCache.__klikkUnsealedIds ??= new RecentValues(UNSEALED_CACHE_SIZE, UNSEALED_CACHE_TTL_MS));

/**
 * The store's id of the session inside a cookie value, or null. Unsealing (AES and HMAC through
 * Web Crypto) and hashing the id were the largest costs of a route handler after Next itself, so
 * results are remembered for a minute; the value is authenticated, so it always unseals to the
 * same id. Whether that id is still a session is asked of the store on every request. Cookies
 * from before server-side sessions (which held the credential itself) have no `sid` and read as
 * signed out.
 */
async function readStoreId(value: string | undefined): Promise<string | null> {
  if (!value) return null;
  const cached = unsealedCache.get(value);
  if (cached) return cached.value;
  let id: string | null = null;
  try {
    const options = sessionOptions(false);
    const data = await unsealData<CookieData>(value, { password: options.password, ttl: options.ttl });
    id = typeof data.sid === "string" && /^[A-Za-z0-9_-]{43}$/.test(data.sid) ? storeId(data.sid) : null;
  } catch {
    return null;
  }
  return unsealedCache.set(value, id);
}

function toAuth(record: Pick<SessionRecord, "method" | "username">, secret: string): KlikkAuth {
  if (record.method === "token") return { method: "token", token: secret };
  return { method: record.method, username: record.username ?? "", password: secret };
}

/** What an added account's sealed credential is bound to: this session and this account. */
export function linkedCredentialBinding(sessionId: string, key: string): string {
  return `${sessionId}/account/${key}`;
}

/**
 * The session's accounts with their credentials opened. An added account whose credential no
 * longer opens (its secret was retired) is left out rather than ending the whole session.
 */
function sessionAccounts(record: SessionRecord, primaryAuth: KlikkAuth): { accounts: SessionAccount[]; active: SessionAccount } {
  const primary: SessionAccount = {
    key: accountKey(record.identity),
    identity: record.identity,
    auth: primaryAuth,
    ...(record.username ? { username: record.username } : {}),
    primary: true,
    addedAt: record.createdAt,
  };
  const accounts = [primary];
  for (const linked of record.accounts ?? []) {
    const secret = openCredential(linked.credential, linkedCredentialBinding(record.id, linked.key), getEnv().sessionPasswords);
    if (secret === null) continue;
    accounts.push({
      key: linked.key,
      identity: linked.identity,
      auth: toAuth(linked, secret),
      ...(linked.username ? { username: linked.username } : {}),
      primary: false,
      addedAt: linked.addedAt,
    });
  }
  const active = accounts.find((account) => account.key === record.activeAccount) ?? primary;
  return { accounts, active };
}

/**
 * The live session behind a cookie value, or null (no cookie, tampered, unknown id, expired,
 * or its credential no longer opens because its secret was retired). Slides the idle timeout.
 * Throws StoreUnavailableError when the store cannot be asked.
 */
export async function loadSession(cookieValue: string | undefined, now = Date.now()): Promise<SessionData | null> {
  const id = await readStoreId(cookieValue);
  if (!id) return null;
  const store = getStore();
  const record = await store.readSession(id, now);
  if (!record || expiryOf(record.createdAt, record.lastSeenAt) <= now) return null;
  const secret = openCredential(record.credential, record.id, getEnv().sessionPasswords);
  if (secret === null) return null;
  if (now - record.lastSeenAt > TOUCH_INTERVAL_MS) {
    await store.touchSession(record.id, now, expiryOf(record.createdAt, now));
    record.lastSeenAt = now;
  }
  const auth = toAuth(record, secret);
  return {
    id: record.id,
    identity: record.identity,
    auth,
    ...(record.username ? { username: record.username } : {}),
    createdAt: record.createdAt,
    lastSeenAt: record.lastSeenAt,
    clientAddress: record.clientAddress,
    userAgent: record.userAgent,
    ...sessionAccounts(record, auth),
  };
}

/**
 * The signed-in session of this request, or null. A cookie that no longer names a session is
 * left in place here: the proxy deletes it on the next page load, and only then, so that page can
 * still tell "your session expired" from "you are signed out" (a background API call that
 * deleted it first would lose that).
 * Remembered for the rest of a page's render (React's cache()), so the layout and the page that
 * both need it read the store once; in a route handler every call reads it again.
 */
export const getSession = cache(async (): Promise<SessionData | null> => {
  const requestHeaders = await headers();
  return loadSession(cookieValue(requestHeaders.get("cookie"), sessionCookieName(isSecureRequest(requestHeaders))));
});

/**
 * One cookie of a Cookie header, read as Next's `cookies()` reads it (pairs split on ";", the last
 * of a repeated name wins, values URI-decoded and skipped when they do not decode), without
 * building the map of every cookie that `cookies()` makes on each request.
 */
export function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  let value: string | undefined;
  for (const pair of header.split(/; */)) {
    const at = pair.indexOf("=");
    if (at === -1 || pair.slice(0, at) !== name) continue;
    try {
      value = decodeURIComponent(pair.slice(at + 1));
    } catch {
      // Next skips a value that does not decode, keeping an earlier one.
    }
  }
  return value;
}

/**
 * The last four characters of a token, so the header can say "Signed in with token …1a2b" as
 * consoles do. Only for tokens long enough that four characters give away little of them.
 */
export function tokenHint(auth: KlikkAuth): { tokenHint?: string } {
  return auth.method === "token" && auth.token.length >= 8 ? { tokenHint: auth.token.slice(-4) } : {};
}

/** Stores a session for freshly verified credentials and sets its cookie. */
export async function startSession(auth: KlikkAuth, username: string | undefined, client: { address: string; userAgent: string }): Promise<void> {
  const sid = randomBytes(32).toString("base64url");
  const id = storeId(sid);
  const now = Date.now();
  await getStore().createSession({
    id,
    identity: accountIdentity(auth),
    method: auth.method,
    username: username ?? null,
    credential: sealCredential(auth.method === "token" ? auth.token : auth.password, id, getEnv().sessionPasswords),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: expiryOf(now, now),
    clientAddress: client.address,
    // Shown on the sessions page; bounded so that a huge header does not bloat the store.
    userAgent: client.userAgent.slice(0, 512),
    accounts: [],
    activeAccount: null,
  });
  const cookie = await openCookieSession();
  cookie.sid = sid;
  await cookie.save();
}

/** Deletes this request's session cookie (its stored session is ended by the caller). */
export async function clearSessionCookie(): Promise<void> {
  (await openCookieSession()).destroy();
}

/** Ends this request's session in the store and deletes its cookie. */
export async function endSession(): Promise<SessionData | null> {
  const session = await getSession();
  if (session) await getStore().deleteSession(session.id);
  (await openCookieSession()).destroy();
  return session;
}

/**
 * Used by proxy.ts, which sees the raw cookie: "fresh" when it names a live session, "stale"
 * when a cookie is there but no longer names one (expired, signed out elsewhere), "none" without.
 */
export async function cookieSessionState(cookieValue: string | undefined): Promise<"fresh" | "stale" | "none"> {
  if (!cookieValue) return "none";
  return (await loadSession(cookieValue)) ? "fresh" : "stale";
}
