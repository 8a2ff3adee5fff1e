import "server-only";
import { cookies, headers } from "next/headers";
import { getIronSession, unsealData, type SessionOptions } from "iron-session";
import { getEnv } from "@/lib/server/env";
import type { KlikkAuth } from "@/lib/klikk/client";

/** Signed-out visitors have no session; a signed-in one carries the upstream credentials. */
export type SessionData = {
  /** The upstream credentials. Sealed in the cookie; never sent to the browser in any other form. */
  auth: KlikkAuth;
  /** Shown in the header; the token method has none. */
  username?: string;
  /** Epoch milliseconds when the user signed in (absolute lifetime). */
  createdAt: number;
  /** Epoch milliseconds of the last request that touched the session (idle timeout). */
  lastSeenAt: number;
};

export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Re-seal at most this often, so a burst of requests does not send a new cookie every time. */
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

/** True when the sealed timestamps are within the idle timeout and the absolute lifetime. */
export function isSessionFresh(data: Partial<SessionData>, now = Date.now()): data is SessionData {
  if (!data.auth || typeof data.createdAt !== "number" || typeof data.lastSeenAt !== "number") return false;
  if (now - data.createdAt > SESSION_ABSOLUTE_LIFETIME_MS) return false;
  if (now - data.lastSeenAt > SESSION_IDLE_TIMEOUT_MS) return false;
  return data.createdAt <= now + 60_000 && data.lastSeenAt <= now + 60_000;
}

async function openSession() {
  const secure = isSecureRequest(await headers());
  return getIronSession<SessionData>(await cookies(), sessionOptions(secure));
}

const UNSEALED_CACHE_SIZE = 2_000;
const UNSEALED_CACHE_TTL_MS = 60_000;
const globalForCache = globalThis as typeof globalThis & { __klikkUnsealed?: Map<string, { data: Partial<SessionData>; at: number }> };
const unsealedCache = (globalForCache.__klikkUnsealed ??= new Map());

/**
 * Unseals a cookie value, remembering the result for a minute: unsealing (AES and HMAC through
 * Web Crypto) was the largest cost of a route handler after Next itself. The key is the whole
 * sealed value, which is authenticated, so the same value always unseals to the same data; the
 * timestamps inside are still checked on every request. Failures are not cached.
 */
async function readSeal(value: string | undefined): Promise<Partial<SessionData> | null> {
  if (!value) return null;
  const now = Date.now();
  const cached = unsealedCache.get(value);
  if (cached && now - cached.at < UNSEALED_CACHE_TTL_MS) return cached.data;
  try {
    const options = sessionOptions(false);
    const data = await unsealData<Partial<SessionData>>(value, { password: options.password, ttl: options.ttl });
    if (unsealedCache.size >= UNSEALED_CACHE_SIZE) unsealedCache.delete(unsealedCache.keys().next().value as string);
    unsealedCache.set(value, { data, at: now });
    return data;
  } catch {
    return null;
  }
}

/**
 * The signed-in session, or null. Reading also slides the idle timeout (route handlers only:
 * pages cannot set cookies, so they pass `touch: false`). Expired sessions are destroyed.
 */
export async function getSession({ touch = true }: { touch?: boolean } = {}): Promise<SessionData | null> {
  const secure = isSecureRequest(await headers());
  const cookieStore = await cookies();
  const value = cookieStore.get(sessionCookieName(secure))?.value;
  const stored = await readSeal(value);
  const now = Date.now();
  if (!stored || !isSessionFresh(stored, now)) {
    if (touch && value) (await openSession()).destroy();
    return null;
  }
  const data: SessionData = { auth: stored.auth, username: stored.username, createdAt: stored.createdAt, lastSeenAt: stored.lastSeenAt };
  if (touch && now - data.lastSeenAt > TOUCH_INTERVAL_MS) {
    const session = await openSession();
    session.lastSeenAt = now;
    await session.save();
  }
  return data;
}

/** Seals a new session for freshly verified credentials. */
export async function startSession(auth: KlikkAuth, username: string | undefined): Promise<void> {
  const session = await openSession();
  const now = Date.now();
  session.auth = auth;
  session.username = username;
  session.createdAt = now;
  session.lastSeenAt = now;
  await session.save();
}

export async function endSession(): Promise<void> {
  const session = await openSession();
  session.destroy();
}

/**
 * Used by proxy.ts, which sees the raw cookie: true when it unseals to a fresh session.
 * Any failure (tampered, truncated, retired password, expired) reads as signed out.
 */
export async function hasFreshSession(cookieValue: string | undefined): Promise<boolean> {
  const data = await readSeal(cookieValue);
  return data !== null && isSessionFresh(data);
}
