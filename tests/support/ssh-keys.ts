import { createHash } from "node:crypto";

/**
 * The SSH keys every test uses (vitest and Playwright alike): one well-formed Ed25519 public key
 * and the opening of an OpenSSH private key, which the dashboard must refuse wherever it is pasted.
 */
export const PUBLIC_KEY_BLOB = "AAAAC3NzaC1lZDI1NTE5AAAAIMakpMlItMHRhObdDWZVJmGGKNS4fUe/4nbCkjnslw3a";

/** The key as an authorized_keys line, with a comment. */
export function publicKeyLine(comment = "user@host"): string {
  return `ssh-ed25519 ${PUBLIC_KEY_BLOB}${comment ? ` ${comment}` : ""}`;
}

export const PUBLIC_KEY = publicKeyLine("e2e@test");

export const PRIVATE_KEY = [
  "-----BEGIN OPENSSH PRIVATE KEY-----",
  "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
  "-----END OPENSSH PRIVATE KEY-----",
].join("\n");

/** What `ssh-keygen -lf` prints for a key line, computed independently of the app. */
export function fingerprintOf(keyLine: string): string {
  const blob = Buffer.from(keyLine.split(" ")[1] as string, "base64");
  return `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`;
}
