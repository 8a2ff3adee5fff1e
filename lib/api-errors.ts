/**
 * The one error vocabulary of the dashboard's own API, shared by the route handlers (which send
 * it) and the browser (which branches on it). A closed union: a handler cannot send a code the
 * browser does not know, and the browser cannot wait for a code no handler sends.
 *
 * No server-only imports: lib/server/http.ts and lib/queries/api-fetch.ts both import this file.
 */
import type { KlikkErrorCode } from "@/lib/klikk/errors";

/** Every `error.code` a route handler answers with, plus `network` (the browser's own). */
export const apiErrorCodes = [
  // The upstream's failures, one to one (lib/klikk/errors.ts).
  "unauthenticated",
  "forbidden",
  "not_found",
  "validation",
  "conflict",
  "payment_required",
  "rate_limited",
  "upstream_unavailable",
  "upstream_timeout",
  "upstream_invalid",
  // A 403 the upstream gave because this account may only read: ordering and cancelling are off.
  "read_only",
  // Sign-in.
  "invalid_credentials",
  "two_factor_required",
  "token_address_refused",
  // Another sign-in from this address or for this account is running: 429, try again in a moment.
  "sign_in_busy",
  // Adding an account to a session: it is there already, or the session holds ten.
  "account_exists",
  "account_limit",
  // The dashboard's own checks.
  "csrf",
  "payload_too_large",
  "method_not_allowed",
  "idempotency_conflict",
  // The first request with this Idempotency-Key is still running past its lock: check the orders.
  "idempotency_in_progress",
  // The order may exist although no answer confirmed it (timeout, reset, 5xx, unreadable answer).
  "order_outcome_unknown",
  "aborted",
  "internal",
  // The server-side store (sessions, idempotency keys) cannot be reached: 503, try again.
  "store_unavailable",
  // Only the browser: the dashboard could not be reached at all.
  "network",
] as const;

export type ApiErrorCode = (typeof apiErrorCodes)[number];

/** The codes a route handler may send (everything but the browser's own `network`). */
export type ServerErrorCode = Exclude<ApiErrorCode, "network">;

/**
 * The one error body of every route handler. `fields` maps a request path (the contract's own
 * notation, e.g. `items[0].product.options.antiaffinity`) to a message about that field alone,
 * for 400 and 409 alike, so the browser never has to read a field name out of `message`.
 */
export type ErrorBody = { error: { code: ServerErrorCode; message: string; fields?: Record<string, string> } };

export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === "string" && (apiErrorCodes as readonly string[]).includes(value);
}

// Compile-time check: every upstream code is part of the vocabulary. A type, not an object:
// this module is in every page's first load (through the browser's fetch helper).
type Known<T extends ApiErrorCode> = T;
export type UpstreamErrorCode = Known<KlikkErrorCode>;

/** What every page says once the upstream refused this account an order or cancel as read-only. */
export const READ_ONLY_NOTICE = "Read-only access: ordering and cancelling are off";
