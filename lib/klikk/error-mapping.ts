/**
 * How every failure of a klikk call becomes a `KlikkError` (./errors.ts): an HTTP error status,
 * no answer at all, the deadline, an answer too large, a redirect, an unreadable 2xx.
 *
 * Pure: each function takes what it needs (the action, the auth method, the status, headers and
 * body text, and the client's `redact`) instead of closing over a client, so the mapping is
 * tested without a server (./error-mapping.test.ts). Whether a call is a write is read from its
 * action: order_create and order_cancel are never retried, so a failure after sending leaves
 * their outcome unknown and the message says to check first.
 *
 * Upstream text is redacted and cleaned before it reaches a message or detail. Server-only only
 * through `parseWwwAuthenticate`, which lives in ./digest.ts next to node:crypto.
 */
import type { KlikkAuth } from "./client-types.ts";
import { parseWwwAuthenticate } from "./digest.ts";
import { KlikkError, parseFieldFromMessage, type KlikkErrorCode, type KlikkErrorOptions } from "./errors.ts";
import { parseErrorBody } from "./schemas.ts";

export type Action = "order_create" | "order_status" | "order_list" | "order_cancel" | "server_list";

/** A failed attempt: the error, and whether a read may try again. */
export type Failure = { ok: false; error: KlikkError; retryable: boolean };

/** Removes the account's secrets from text before it goes into an error. */
export type Redact = (text: string) => string;

/** What the client knows of a non-2xx answer when it maps it. */
export type ErrorAnswer = {
  action: Action;
  authMethod: KlikkAuth["method"];
  status: number;
  headers: Headers;
  /** The error body as read (capped; may be empty or not JSON). */
  text: string;
  redact: Redact;
};

const RETRYABLE_STATUSES = new Set([502, 503, 504]);
/** Node's connect-time failures: the request never left, so even a write failed cleanly. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

export const invalidMessage = "The klikk API sent an answer this dashboard cannot read.";

/** order_create and order_cancel: never retried, and unknown in outcome once sent. */
export function isWrite(action: Action): boolean {
  return action === "order_create" || action === "order_cancel";
}

/** A non-2xx, non-3xx answer as a KlikkError; only 502, 503 and 504 are retryable. */
export function mapErrorStatus({ action, authMethod, status, headers, text, redact }: ErrorAnswer): Failure {
  const raw = parseErrorBody(text).message;
  const upstreamMessage = raw === undefined ? undefined : clean(redact(raw));
  const detail =
    `${action}: HTTP ${status}` +
    (upstreamMessage !== undefined
      ? `: ${upstreamMessage}`
      : text.trim() === ""
        ? " (empty body)"
        : ` (non-JSON body, ${text.length} chars, content-type ${contentTypeOf(headers)})`);
  const base = { upstreamStatus: status, detail };
  const write = isWrite(action);

  switch (status) {
    case 400:
      return fail("validation", upstreamMessage || "The klikk API refused the request as invalid.", {
        ...base,
        ...optionalField(parseFieldFromMessage(upstreamMessage)),
      });
    case 401: {
      if (upstreamMessage !== undefined && /2-factor|two[- ]factor|\b2fa\b/i.test(upstreamMessage)) {
        return fail(
          "unauthenticated",
          "This account uses 2-factor authentication: sign in with an account token instead of a username and password.",
          { ...base, reason: "two_factor_required" },
        );
      }
      const offered = parseWwwAuthenticate(headers.get("www-authenticate"))
        .map((c) => (c.params.algorithm ? `${c.scheme}(${c.params.algorithm})` : c.scheme))
        .join(", ");
      return fail(
        "unauthenticated",
        authMethod === "token"
          ? "The klikk API refused this account token."
          : "The klikk API refused this username and password.",
        { ...base, detail: offered ? `${detail}; offered: ${offered}` : detail },
      );
    }
    case 402:
      return fail("payment_required", upstreamMessage || "The klikk API asks for payment first: see the invoices in the billing menu.", base);
    case 403: {
      const m = upstreamMessage ?? "";
      if (authMethod === "token" && /\baddress\b|\bIP\b|allow[- ]?list|not allowed from/i.test(m)) {
        return fail(
          "forbidden",
          "The klikk API refused this token from this dashboard server's address: add the server's address to the token's allow list in the klikk portal.",
          { ...base, reason: "token_address" },
        );
      }
      if (/read[- ]only/i.test(m)) {
        return fail("forbidden", upstreamMessage || "This account may only read, not place or cancel orders.", {
          ...base,
          reason: "read_only",
        });
      }
      return fail("forbidden", upstreamMessage || "The klikk API does not allow this for this account.", base);
    }
    case 404:
      return fail("not_found", upstreamMessage || "The klikk API found no such order, item or server.", base);
    case 408:
      return fail("upstream_timeout", write ? outcomeUnknownMessage(action) : "The klikk API timed out. Try again in a moment.", {
        ...base,
        ...(write ? { reason: "outcome_unknown" as const } : {}),
      });
    case 409:
      // A conflict may name the field that caused it (an anti-affinity group with no free host,
      // an unknown firewall group): carried like a 400's, so it lands on that field.
      return fail("conflict", upstreamMessage || "The klikk API could not do this in the current state.", {
        ...base,
        ...optionalField(parseFieldFromMessage(upstreamMessage)),
      });
    case 413:
      return fail("validation", "The request is too large for the klikk API.", {
        ...base,
        reason: "too_large",
        httpStatus: 413,
      });
    case 429: {
      const retryAfter = parseRetryAfter(headers.get("retry-after"));
      return fail("rate_limited", "The klikk API is rate limiting this account. Try again shortly.", {
        ...base,
        ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
      });
    }
  }
  if (status >= 500 && status < 600) {
    // 503 says the upstream did not act; any other 5xx after a write leaves it unknown.
    const unknownOutcome = write && status !== 503;
    const error = new KlikkError(
      "upstream_unavailable",
      unknownOutcome ? outcomeUnknownMessage(action) : "The klikk API is not available right now. Try again in a moment.",
      { ...base, ...(unknownOutcome ? { reason: "outcome_unknown" as const } : {}) },
    );
    return { ok: false, error, retryable: RETRYABLE_STATUSES.has(status) };
  }
  return fail("upstream_invalid", invalidMessage, base);
}

/** No HTTP answer (refused, reset, DNS): always retryable for a read; unknown for a sent write. */
export function networkError(action: Action, e: unknown, redact: Redact): Omit<Failure, "ok"> {
  const code = errorCode(e);
  const notSent = code !== undefined && NOT_SENT_CODES.has(code);
  const unknownOutcome = isWrite(action) && !notSent;
  return {
    retryable: true,
    error: new KlikkError(
      "upstream_unavailable",
      unknownOutcome ? outcomeUnknownMessage(action) : "The klikk API cannot be reached right now. Try again in a moment.",
      {
        reason: unknownOutcome ? "outcome_unknown" : "network",
        detail: redact(`${action}: no answer: ${describeError(e)}`),
        cause: e,
      },
    ),
  };
}

/** The call's deadline passed: for a write, the user is told it may have gone through. */
export function timeoutError(action: Action, timeoutMs: number): KlikkError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  const late = `The klikk API did not answer within ${seconds} s.`;
  const message =
    action === "order_create"
      ? `${late} The order may have been placed: check the order list before ordering again.`
      : action === "order_cancel"
        ? `${late} The cancellation may have gone through: check the order before trying again.`
        : `${late} Try again in a moment.`;
  return new KlikkError("upstream_timeout", message, {
    ...(isWrite(action) ? { reason: "outcome_unknown" as const } : {}),
    detail: `${action}: no complete answer within ${timeoutMs} ms`,
  });
}

/** An answer past the size cap; `what` says how it was found (declared or counted). */
export function tooLarge(action: Action, cap: number, what: string): KlikkError {
  return new KlikkError("upstream_invalid", "The klikk API sent an answer too large to read.", {
    reason: "too_large_answer",
    detail: `${action}: answer ${what}, cap ${cap} bytes`,
  });
}

/** A 3xx (or an opaque redirect): never followed, so credentials never leave for another URL. */
export function redirectFailure(action: Action, status: number): Failure {
  return fail("upstream_invalid", "The klikk API answered with a redirect, which this dashboard does not follow.", {
    reason: "redirect",
    upstreamStatus: status,
    detail: `${action}: HTTP ${status} redirect not followed`,
  });
}

/** A 2xx whose body is not JSON. */
export function notJsonFailure(action: Action, status: number, text: string, headers: Headers): Failure {
  return fail("upstream_invalid", invalidMessage, {
    reason: "not_json",
    upstreamStatus: status,
    detail: `${action}: HTTP ${status} answer is not JSON (${text.length} chars, content-type ${contentTypeOf(headers)})`,
  });
}

/** A 2xx whose JSON is not the contract's shape; `problem` describes the schema error. */
export function badShapeFailure(action: Action, status: number, problem: string, redact: Redact): Failure {
  return fail("upstream_invalid", invalidMessage, {
    reason: "bad_shape",
    upstreamStatus: status,
    detail: redact(`${action}: answer does not match the contract: ${problem}`),
  });
}

/** A Digest answer from something that does not know the password: never trusted, never retried. */
export function unverifiedAnswerError(action: Action, e: Error): KlikkError {
  return new KlikkError("upstream_invalid", "The klikk API's answer could not be verified, so it was not used. Try again; if it keeps happening, check the network path to the API.", {
    detail: `${action}: ${e.message}`,
  });
}

export function outcomeUnknownMessage(action: Action): string {
  return action === "order_create"
    ? "The klikk API did not confirm the order. It may have been placed: check the order list before ordering again."
    : "The klikk API did not confirm the cancellation. It may have gone through: check the order before trying again.";
}

export function fail(code: KlikkErrorCode, message: string, options: KlikkErrorOptions): Failure {
  return { ok: false, error: new KlikkError(code, message, options), retryable: false };
}

/** Retry-After as seconds: delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** Strips control characters and caps the length of text that came from the upstream. */
export function clean(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}

export function contentTypeOf(headers: Headers): string {
  return headers.get("content-type") ?? "none";
}

function optionalField(field: string | undefined): { field?: string } {
  return field === undefined ? {} : { field };
}

/** The first string `code` along the cause chain (undici puts Node's ECONNREFUSED in a cause). */
function errorCode(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string") return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The error and its causes, for a log's detail ("TypeError: fetch failed <- Error: ..."). */
function describeError(e: unknown): string {
  const parts: string[] = [];
  for (let cur: unknown = e, depth = 0; cur && depth < 4; depth++) {
    if (cur instanceof Error) parts.push(`${cur.name}: ${cur.message}`);
    else parts.push(String(cur));
    cur = (cur as { cause?: unknown }).cause;
  }
  return parts.join(" <- ");
}
