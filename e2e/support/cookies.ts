import { sealData } from "iron-session";
import type { BrowserContext } from "@playwright/test";
import { E2E } from "./env";

export const COOKIE_NAME = "klikk";

/** Seals session data exactly as the dashboard would, with a password of the tests' choosing. */
export async function sealSession(data: Record<string, unknown>, password: Record<string, string> = { "1": E2E.sessionSecret }): Promise<string> {
  return sealData(data, { password, ttl: 12 * 60 * 60 });
}

export async function setSessionCookie(context: BrowserContext, value: string): Promise<void> {
  await context.addCookies([{ name: COOKIE_NAME, value, domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax" }]);
}
