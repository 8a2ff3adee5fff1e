import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { KlikkAuth } from "@/lib/klikk/client";
import { DigestChallengeCache } from "@/lib/klikk/digest";
import { isKlikkError } from "@/lib/klikk/errors";
import { HttpError } from "@/lib/server/http";
import { klikkClient, upstreamLocalAddress } from "@/lib/server/klikk";
import { signInLimiter } from "@/lib/server/rate-limit";

const noControlCharacters = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);

export const signInSchema = z.discriminatedUnion("method", [
  z.strictObject({
    method: z.literal("token"),
    token: z
      .string({ error: "Enter the account token." })
      .trim()
      .min(1, "Enter the account token.")
      .max(512, "The token is longer than 512 characters; paste it again.")
      .refine(noControlCharacters, "The token contains control characters; paste it again."),
  }),
  z.strictObject({
    method: z.enum(["basic", "digest"]),
    username: z
      .string({ error: "Enter your username." })
      .trim()
      .min(1, "Enter your username.")
      .max(128, "The username is longer than 128 characters.")
      .refine((value) => noControlCharacters(value) && !value.includes(":"), "The username may not contain a colon or control characters."),
    password: z
      .string({ error: "Enter your password." })
      .min(1, "Enter your password.")
      .max(1024, "The password is longer than 1024 characters.")
      .refine(noControlCharacters, "The password contains control characters."),
  }),
], { error: 'Choose a sign-in method: "token", "basic" or "digest".' });

export type SignInRequest = z.output<typeof signInSchema>;

function limiterKeys(request: SignInRequest, clientAddress: string): string[] {
  const keys = [`address:${clientAddress}`];
  if (request.method !== "token") keys.push(`user:${request.username.toLowerCase()}`);
  // Tokens are keyed by a hash so the limiter's memory never holds a usable token.
  else keys.push(`token:${createHash("sha256").update(request.token).digest("hex").slice(0, 32)}`);
  return keys;
}

/**
 * Checks credentials with one cheap upstream call (order_list) and returns what the session
 * keeps. Failures are counted per client address and per username; past the limit, 429.
 * Unknown users and wrong passwords get one message: the upstream does not tell them apart
 * and neither do we.
 */
export async function verifySignIn(request: SignInRequest, clientAddress: string, signal: AbortSignal): Promise<{ auth: KlikkAuth; username?: string }> {
  const keys = limiterKeys(request, clientAddress);
  const wait = signInLimiter().retryAfterSeconds(keys);
  if (wait > 0) {
    throw new HttpError(429, "rate_limited", `Too many failed sign-ins. Wait ${Math.ceil(wait / 60)} minute(s) and try again.`, {
      headers: { "Retry-After": String(wait) },
    });
  }
  const auth: KlikkAuth =
    request.method === "token" ? { method: "token", token: request.token } : { method: request.method, username: request.username, password: request.password };
  try {
    // A fresh Digest cache: every sign-in takes the full challenge round trip, so its timing does
    // not depend on whether this username was tried (or cached) before.
    await klikkClient(auth, { digestCache: new DigestChallengeCache() }).orderList({ signal });
  } catch (error) {
    if (!isKlikkError(error)) throw error;
    if (error.code === "unauthenticated") {
      signInLimiter().recordFailure(keys);
      if (error.reason === "two_factor_required") {
        throw new HttpError(401, "two_factor_required", "This account uses 2-factor login, so the API refuses its password. Sign in with an account token instead.");
      }
      throw new HttpError(
        401,
        "invalid_credentials",
        request.method === "token" ? "The account token was not accepted. Check it and try again." : "Wrong username or password.",
      );
    }
    if (error.code === "forbidden" && request.method === "token") {
      signInLimiter().recordFailure(keys);
      const address = await upstreamLocalAddress();
      throw new HttpError(
        403,
        "token_address_refused",
        `The API refused this token from this dashboard's address${address ? ` (${address})` : ""}. Add that address to the token's allow list in the provider's portal.`,
      );
    }
    if (error.code === "upstream_timeout" || error.code === "upstream_unavailable" || error.code === "upstream_invalid") {
      throw new HttpError(error.httpStatus, error.code, "The klikk API cannot be reached right now, so your sign-in could not be checked. Try again in a moment.");
    }
    throw error;
  }
  signInLimiter().clear(keys.filter((key) => !key.startsWith("address:")));
  return { auth, username: request.method === "token" ? undefined : request.username };
}
