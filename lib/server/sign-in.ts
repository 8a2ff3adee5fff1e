import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { unsafeTextProblem } from "@/lib/klikk/contract/validators";
import type { KlikkAuth } from "@/lib/klikk/client";
import { DigestChallengeCache } from "@/lib/klikk/digest";
import { isKlikkError } from "@/lib/klikk/errors";
import { HttpError } from "@/lib/server/http";
import { klikkClient, upstreamLocalAddress } from "@/lib/server/klikk";
import { getEnv } from "@/lib/server/env";
import { type Actor, recordActivity } from "@/lib/server/activity";
import { accountIdentity } from "@/lib/server/identity";
import { beginSignIn, type SignInAttempt } from "@/lib/server/sign-in-limit";
import { getStore } from "@/lib/server/store";

// Control, bidi and invisible characters are never part of a real credential; refusing them
// keeps what the activity log and the sessions page show readable.
const isPlainText = (value: string) => unsafeTextProblem(value) === null;
// A password is whatever the account holder chose: only line breaks and C0 controls, which no
// form can type, are refused.
const noC0Controls = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);

export const signInSchema = z.discriminatedUnion("method", [
  z.strictObject({
    method: z.literal("token"),
    token: z
      .string({ error: "Enter the account token." })
      .trim()
      .min(1, "Enter the account token.")
      .max(512, "The token is longer than 512 characters; paste it again.")
      .refine(isPlainText, "The token contains control or invisible characters; paste it again."),
  }),
  z.strictObject({
    method: z.enum(["basic", "digest"]),
    username: z
      .string({ error: "Enter your username." })
      .trim()
      .min(1, "Enter your username.")
      .max(128, "The username is longer than 128 characters.")
      .refine((value) => isPlainText(value) && !value.includes(":"), "The username may not contain a colon, control or invisible characters."),
    password: z
      .string({ error: "Enter your password." })
      .min(1, "Enter your password.")
      .max(1024, "The password is longer than 1024 characters.")
      .refine(noC0Controls, "The password contains control characters."),
  }),
], { error: 'Choose a sign-in method: "token", "basic" or "digest".' });

export type SignInRequest = z.output<typeof signInSchema>;

/** Who the attempt is for: the username, or a hash of the token (never the token itself). */
function attemptSubject(request: SignInRequest): string {
  if (request.method !== "token") return `user:${request.username.toLowerCase()}`;
  return `token:${createHash("sha256").update(request.token).digest("hex").slice(0, 32)}`;
}

function attemptsLeft(remaining: number): string {
  if (remaining > 3) return "";
  if (remaining === 0) return " Sign-in from this address is now paused for 15 minutes.";
  return ` ${remaining} attempt${remaining === 1 ? "" : "s"} left before sign-in from this address is paused for 15 minutes.`;
}

/**
 * Checks credentials with one cheap upstream call (order_list) and returns what the session
 * keeps. Attempts are limited per client address and per username (lib/server/sign-in-limit).
 * Unknown users and wrong passwords get one message: the upstream does not tell them apart
 * and neither do we.
 */
export async function verifySignIn(
  request: SignInRequest,
  client: { address: string; userAgent: string },
  signal: AbortSignal,
): Promise<{ auth: KlikkAuth; username?: string }> {
  const env = getEnv();
  const auth: KlikkAuth =
    request.method === "token" ? { method: "token", token: request.token } : { method: request.method, username: request.username, password: request.password };
  // Refusals are recorded for the account that was tried (a username, or a token's hash).
  const actor: Actor = { identity: accountIdentity(auth), username: auth.method === "token" ? undefined : auth.username, clientAddress: client.address, userAgent: client.userAgent };
  let attempt: SignInAttempt;
  try {
    attempt = await beginSignIn(getStore(), client.address, attemptSubject(request), {
      addressLimit: env.signInMaxFailures,
      lockMs: env.upstreamTimeoutMs * 2 + 5_000,
    });
  } catch (error) {
    if (error instanceof HttpError && error.code === "rate_limited") await recordActivity(actor, "sign_in_limited", { detail: error.message });
    throw error;
  }
  try {
    // A fresh Digest cache: every sign-in takes the full challenge round trip, so its timing does
    // not depend on whether this username was tried (or cached) before.
    await klikkClient(auth, { digestCache: new DigestChallengeCache() }).orderList({ signal });
  } catch (error) {
    if (!isKlikkError(error)) {
      await attempt.abandoned();
      throw error;
    }
    if (error.code === "unauthenticated") {
      const { remaining } = await attempt.failed();
      await recordActivity(actor, "sign_in_failed", { detail: error.reason === "two_factor_required" ? "2-factor account: password refused" : "wrong credentials" });
      if (error.reason === "two_factor_required") {
        throw new HttpError(401, "two_factor_required", "This account uses 2-factor login, so the API refuses its password. Sign in with an account token instead.");
      }
      throw new HttpError(
        401,
        "invalid_credentials",
        `${request.method === "token" ? "The account token was not accepted. Check it and try again." : "Wrong username or password."}${attemptsLeft(remaining)}`,
      );
    }
    if (error.code === "forbidden" && request.method === "token") {
      const { remaining } = await attempt.failed();
      await recordActivity(actor, "sign_in_failed", { detail: "token refused from this dashboard's address" });
      const address = await upstreamLocalAddress();
      throw new HttpError(
        403,
        "token_address_refused",
        `The API refused this token from this dashboard's address${address ? ` (${address})` : ""}. Add that address to the token's allow list in the provider's portal.${attemptsLeft(remaining)}`,
      );
    }
    await attempt.abandoned();
    if (error.code === "upstream_timeout" || error.code === "upstream_unavailable" || error.code === "upstream_invalid") {
      throw new HttpError(error.httpStatus, error.code, "The klikk API cannot be reached right now, so your sign-in could not be checked. Try again in a moment.");
    }
    throw error;
  }
  await attempt.succeeded();
  return { auth, username: request.method === "token" ? undefined : request.username };
}
