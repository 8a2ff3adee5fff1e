import { createHash } from "node:crypto";

/**
 * What must never leave the dashboard's server: the demo tokens, Basic credentials as sent on
 * the wire, Digest HA1 values (the password's stand-in), and any password field. The demo
 * password itself is "demo", which is also a username and a profile name, so it is matched
 * only where it would be a secret: in those encodings and as a JSON "password" value.
 */
const REALM = "klikk";
const users = ["demo", "demo-readonly", "demo-2fa"];
const password = "demo";

const ha1 = (algorithm: "md5" | "sha256", user: string) => createHash(algorithm).update(`${user}:${REALM}:${password}`).digest("hex");

export const SECRET_PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: "an account token", pattern: /demo-token/ },
  ...users.map((user) => ({ name: `Basic credentials of ${user}`, pattern: new RegExp(Buffer.from(`${user}:${password}`).toString("base64")) })),
  ...users.flatMap((user) => [
    { name: `the MD5 HA1 of ${user}`, pattern: new RegExp(ha1("md5", user)) },
    { name: `the SHA-256 HA1 of ${user}`, pattern: new RegExp(ha1("sha256", user)) },
  ]),
  { name: "a password field", pattern: /"password"\s*:\s*"/ },
  { name: "a Digest Authorization header", pattern: /Digest\s+username="[^"]*"[^\n]*response="/i },
];

/** The names of the secrets found in `text`. */
export function findSecrets(text: string): string[] {
  return SECRET_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ name }) => name);
}
