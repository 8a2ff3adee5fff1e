import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { SessionPassword } from "@/lib/config/env";
import { RecentValues } from "@/lib/server/recent-values";

/**
 * Encrypts upstream credentials at rest with AES-256-GCM. Each SESSION_SECRET entry gives its
 * own key (HKDF-SHA256), and the sealed text names the key's id, so rotation works as for the
 * cookie: the newest key seals, every listed key opens. The record's id is bound in as
 * additional data, so a sealed credential copied into another record does not open.
 */
const keyCache = new Map<string, Buffer>();

function keyFor(password: SessionPassword): Buffer {
  const cacheKey = `${password.id}:${password.secret}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", password.secret, "klikk-dashboard", "credential-encryption-v1", 32));
    keyCache.set(cacheKey, key);
  }
  return key;
}

export function sealCredential(plaintext: string, boundTo: string, passwords: SessionPassword[]): string {
  const password = passwords[0];
  if (!password) throw new Error("no session secret configured");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(password), iv);
  cipher.setAAD(Buffer.from(boundTo));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `v1.${password.id}.${iv.toString("base64url")}.${ciphertext.toString("base64url")}`;
}

const OPENED_REMEMBERED = 2_000;
const OPENED_TTL_MS = 60_000;
/** Per list of keys (the deployment's is one array for the life of the process). */
const openedByKeys = new WeakMap<SessionPassword[], RecentValues<string | null>>();

/**
 * The plaintext, or null when the text is malformed, its key is no longer listed, or it was
 * altered. Every request opens its session's credentials, so results are remembered for a
 * minute, as the cookie's unsealing is: only in this process's memory, where the request needs
 * the plaintext anyway, and reachable only through the sealed text, which only the store holds.
 * A session ended in the store is not found there, so its entry is never asked for again.
 */
export function openCredential(sealed: string, boundTo: string, passwords: SessionPassword[]): string | null {
  let opened = openedByKeys.get(passwords);
  if (!opened) openedByKeys.set(passwords, (opened = new RecentValues(OPENED_REMEMBERED, OPENED_TTL_MS)));
  const memoKey = `${boundTo}\n${sealed}`;
  const known = opened.get(memoKey);
  return known ? known.value : opened.set(memoKey, openSealed(sealed, boundTo, passwords));
}

function openSealed(sealed: string, boundTo: string, passwords: SessionPassword[]): string | null {
  const [version, id, ivText, dataText] = sealed.split(".");
  if (version !== "v1" || !id || !ivText || !dataText) return null;
  const password = passwords.find((candidate) => String(candidate.id) === id);
  if (!password) return null;
  try {
    const data = Buffer.from(dataText, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", keyFor(password), Buffer.from(ivText, "base64url"));
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
