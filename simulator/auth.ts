/**
 * Authentication of every /api request: Basic, Digest (RFC 7616) or X-Account-Token, as strict
 * as a real provider. Nothing here logs or returns a secret; failures carry only a message meant
 * for the caller.
 *
 * Wrong password and unknown user give the same 401 message after the same work (the unknown
 * user is checked against a dummy HA1). The 2-factor refusal is only given once the password is
 * right, so it cannot be used to probe which accounts have 2-factor login.
 */
import type { IncomingMessage } from "node:http";
import { randomBytes } from "node:crypto";
import { allowListContains, displayAddress } from "../lib/ip/ip.ts";
import {
  NonceService,
  REALM,
  computeDigestResponse,
  digestHa1,
  hashOf,
  parseAlgorithm,
  parseAuthParams,
  safeEqual,
} from "./digest.ts";
import { tokenHash } from "./seed.ts";
import type { Account } from "./state.ts";
import type { Store } from "./store.ts";

export type Principal = {
  account: Account;
  method: "basic" | "digest" | "token";
  /** Profiles whose orders and servers the caller sees, in a stable order. */
  visibleProfileIds: number[];
  /** Where order_create places orders: the token's profile, or the account's first profile. */
  actingProfileId: number;
};

export type AuthResult =
  /** `authenticationInfo`: the Authentication-Info header of a Digest success (rspauth). */
  | { ok: true; principal: Principal; authenticationInfo?: string }
  | { ok: false; status: 401; message: string; stale?: boolean }
  | { ok: false; status: 400 | 403; message: string };

export const MESSAGES = {
  missing: "authentication required: use HTTP Basic or Digest with your username and password, or the X-Account-Token header",
  badCredentials: "invalid username or password",
  twoFactor: "2-factor authentication is required: use an account token",
  badToken: "invalid account token",
} as const;

/** A socket address as a token's allow list sees it: no zone id, `::ffff:a.b.c.d` as IPv4 (the IP module). */
export function normalizeRemoteAddress(address: string | undefined): string {
  return address ? displayAddress(address) : "";
}

/** Is the address on the allow list (addresses and CIDR ranges)? */
export function addressAllowed(address: string, allow: readonly string[]): boolean {
  return allowListContains(allow, address);
}

export class Authenticator {
  readonly nonces: NonceService;
  readonly opaque = randomBytes(24).toString("base64url");
  #store: Store;
  // Checked for unknown users so that they cost the same work as a wrong password.
  #dummy = {
    ha1Md5: digestHa1("MD5", "nobody", REALM, randomBytes(12).toString("hex")),
    ha1Sha256: digestHa1("SHA-256", "nobody", REALM, randomBytes(12).toString("hex")),
  };

  constructor(store: Store, options: { nonceTtlMs: number }) {
    this.#store = store;
    this.nonces = new NonceService({ ttlMs: options.nonceTtlMs, now: () => store.now() });
  }

  /** The WWW-Authenticate values of a 401: Digest SHA-256, Digest MD5, Basic. */
  challenges(stale = false): string[] {
    const nonce = this.nonces.issue();
    const digest = (algorithm: string) =>
      `Digest realm="${REALM}", qop="auth", algorithm=${algorithm}, nonce="${nonce}", opaque="${this.opaque}"${stale ? ", stale=true" : ""}`;
    return [digest("SHA-256"), digest("MD5"), `Basic realm="${REALM}", charset="UTF-8"`];
  }

  authenticate(req: IncomingMessage): AuthResult {
    const token = req.headers["x-account-token"];
    if (token !== undefined) return this.#token(Array.isArray(token) ? token.join(",") : token, req);
    const header = req.headers.authorization;
    if (!header) return fail401(MESSAGES.missing);
    const space = header.indexOf(" ");
    const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
    const rest = space === -1 ? "" : header.slice(space + 1).trim();
    if (scheme === "basic") return this.#basic(rest);
    if (scheme === "digest") return this.#digest(rest, req);
    return fail401(`unsupported authentication scheme: use Basic, Digest or the X-Account-Token header`);
  }

  #principalFor(account: Account, method: "basic" | "digest"): AuthResult {
    if (account.twoFactor) return fail401(MESSAGES.twoFactor);
    const ids = account.memberships.map((m) => m.profileId);
    const first = ids[0];
    if (first === undefined) return { ok: false, status: 403, message: "this account has no customer profile" };
    return { ok: true, principal: { account, method, visibleProfileIds: ids, actingProfileId: first } };
  }

  #basic(encoded: string): AuthResult {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
      return fail401("malformed Basic credentials: expected base64 of username:password");
    }
    let decoded: string;
    try {
      decoded = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(encoded, "base64"));
    } catch {
      return fail401("malformed Basic credentials: expected base64 of username:password");
    }
    const colon = decoded.indexOf(":");
    if (colon === -1) return fail401("malformed Basic credentials: expected base64 of username:password");
    const username = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    const account = this.#store.accountsByName.get(username);
    const expected = account?.ha1Sha256 ?? this.#dummy.ha1Sha256;
    const given = digestHa1("SHA-256", username, REALM, password);
    const match = safeEqual(expected, given);
    if (!account || !match) return fail401(MESSAGES.badCredentials);
    return this.#principalFor(account, "basic");
  }

  #digest(paramText: string, req: IncomingMessage): AuthResult {
    const p = parseAuthParams(paramText);
    if (!p) return fail401("malformed Digest credentials");
    const { realm, nonce, uri, response, qop, nc, cnonce, opaque } = p;
    if (p.userhash === "true") return fail401("Digest userhash is not supported: send the username");
    if (p["username*"] !== undefined && p.username !== undefined) return fail401("Digest username and username* must not both be sent");
    // RFC 7616 3.4.4: a name outside ASCII arrives as username*=UTF-8''percent-encoded (RFC 8187).
    const username = p["username*"] !== undefined ? decodeExtendedValue(p["username*"]) : p.username;
    if (username === null) return fail401("malformed Digest username*: expected UTF-8'' followed by percent-encoded UTF-8");
    if (!username || !realm || !nonce || !uri || !response || !nc || !cnonce) {
      return fail401("incomplete Digest credentials: username, realm, nonce, uri, response, qop, nc and cnonce are required");
    }
    if (qop !== "auth") return fail401('Digest qop must be "auth"');
    const algorithm = parseAlgorithm(p.algorithm);
    if (!algorithm) return fail401("unsupported Digest algorithm: use SHA-256 or MD5 (or their -sess forms)");
    if (realm !== REALM) return fail401(`wrong Digest realm: use "${REALM}"`);
    if (!/^[0-9a-fA-F]{8}$/.test(nc)) return fail401("Digest nc must be 8 hexadecimal digits");
    // RFC 7616 3.4.6: a uri that is not the request target is a bad request, not bad credentials.
    if (uri !== req.url) return { ok: false, status: 400, message: "Digest uri does not match the request target" };
    if (opaque !== this.opaque) return fail401("Digest opaque does not match the challenge: authenticate again");
    const nonceState = this.nonces.check(nonce);
    if (nonceState === "invalid") return fail401("unknown Digest nonce: authenticate again with the nonce from the challenge");

    const account = this.#store.accountsByName.get(username);
    const hash = hashOf(algorithm);
    const source = account ?? this.#dummy;
    const ha1 = hash === "MD5" ? source.ha1Md5 : source.ha1Sha256;
    const expected = computeDigestResponse({ algorithm, ha1, nonce, cnonce, nc, qop: "auth", method: req.method ?? "", uri });
    const match = safeEqual(expected, response.toLowerCase());
    if (!account || !match) return fail401(MESSAGES.badCredentials);
    // Only now, with a right answer, is an expired nonce worth a stale=true retry.
    if (nonceState === "stale") return { ok: false, status: 401, message: "Digest nonce expired: retry with the new nonce", stale: true };
    if (!this.nonces.useNc(nonce, parseInt(nc, 16))) return fail401("Digest nonce count did not increase: replay refused");
    const result = this.#principalFor(account, "digest");
    if (!result.ok) return result;
    // Mutual authentication (RFC 7616 3.5): rspauth proves that this server knows the password.
    const rspauth = computeDigestResponse({ algorithm, ha1, nonce, cnonce, nc, qop: "auth", method: "", uri });
    return { ...result, authenticationInfo: `qop=auth, rspauth="${rspauth}", cnonce="${cnonce}", nc=${nc}` };
  }

  #token(value: string, req: IncomingMessage): AuthResult {
    const token = value.trim() === "" ? undefined : this.#store.tokensByHash.get(tokenHash(value.trim()));
    if (!token) return fail401(MESSAGES.badToken);
    const account = this.#store.accountsById.get(token.accountId);
    const membership = account?.memberships.find((m) => m.profileId === token.profileId);
    if (!account || !membership) return { ok: false, status: 403, message: "this token's account may not act on its profile" };
    // The socket's address only: forwarded headers are chosen by the caller and prove nothing.
    const address = normalizeRemoteAddress(req.socket.remoteAddress);
    if (!addressAllowed(address, token.allow)) {
      return {
        ok: false,
        status: 403,
        message: `this token may not be used from ${address || "this address"}: add the address to the token's allow list`,
      };
    }
    return {
      ok: true,
      principal: { account, method: "token", visibleProfileIds: [token.profileId], actingProfileId: token.profileId },
    };
  }
}

function fail401(message: string): AuthResult {
  return { ok: false, status: 401, message };
}

/** The value of an RFC 8187 ext-value in UTF-8 (`UTF-8''na%C3%AFve`), or null when malformed. */
function decodeExtendedValue(value: string): string | null {
  const match = /^UTF-8'[A-Za-z0-9-]*'(.*)$/i.exec(value);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1] ?? "");
  } catch {
    return null;
  }
}
