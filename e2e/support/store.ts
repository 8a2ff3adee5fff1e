import { createHash } from "node:crypto";
import { DatabaseSync } from "node:sqlite";
import { unsealData } from "iron-session";
import type { BrowserContext } from "@playwright/test";
import { appServerEnv, E2E } from "./env";
import { COOKIE_NAME } from "./cookies";

/**
 * Direct access to an e2e instance's embedded store (its SQLite file), for tests that must see or
 * age what the dashboard keeps: the tests read and change the real store, never a copy.
 */
export function openInstanceStore(port: number = E2E.appPort): DatabaseSync {
  const db = new DatabaseSync(`${appServerEnv(port).DATA_DIR}/klikk-dashboard.sqlite`);
  db.exec("PRAGMA busy_timeout = 5000");
  return db;
}

/** What the browser's session cookie holds, unsealed with the e2e secret. */
export async function unsealCookie(value: string): Promise<Record<string, unknown>> {
  return unsealData<Record<string, unknown>>(value, { password: { "1": E2E.sessionSecret }, ttl: 12 * 60 * 60 });
}

/** The store's id of the session behind the context's cookie (a SHA-256 of the cookie's id). */
export async function sessionStoreId(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((entry) => entry.name === COOKIE_NAME);
  if (!cookie) throw new Error("no session cookie in this context");
  const { sid } = await unsealCookie(cookie.value);
  if (typeof sid !== "string") throw new Error("the session cookie holds no session id");
  return createHash("sha256").update(sid).digest("hex");
}
