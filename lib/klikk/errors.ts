/**
 * The typed errors of the klikk client.
 *
 * Every failure of an upstream call becomes one `KlikkError` with a `code` from a closed list and
 * the HTTP status a route handler should answer with. Finer distinctions that the sign-in page
 * needs (2-factor accounts, a token refused from this address) are a `reason`, not more codes,
 * so handlers that only know the codes keep working.
 *
 * `message` is safe to show a user. `detail` is for server logs; neither ever holds a password or
 * a token (the client redacts them before building either). Browser-safe: no Node imports.
 */

export type KlikkErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "validation"
  | "conflict"
  | "payment_required"
  | "rate_limited"
  | "upstream_unavailable"
  | "upstream_timeout"
  | "upstream_invalid";

/**
 * Finer causes, detected from the upstream's status and message:
 * - `two_factor_required` (unauthenticated): Basic/Digest for an account that needs 2-factor;
 * - `token_address` (forbidden): a token used from an address outside its allow list;
 * - `read_only` (forbidden): a read-only user placing or cancelling an order;
 * - `too_large` (validation): the upstream answered 413;
 * - `redirect` (upstream_invalid): the upstream answered 3xx, which is never followed;
 * - `too_large_answer` (upstream_invalid): the answer passed the size cap;
 * - `not_json`, `bad_shape` (upstream_invalid): a 2xx answer that is not JSON, or not the shape
 *   the contract describes;
 * - `network` (upstream_unavailable): no HTTP answer at all (refused, reset, DNS);
 * - `outcome_unknown` (upstream_timeout, upstream_unavailable): a non-retried order_create or
 *   order_cancel whose effect is unknown: the user must check before trying again.
 */
export type KlikkErrorReason =
  | "two_factor_required"
  | "token_address"
  | "read_only"
  | "too_large"
  | "redirect"
  | "too_large_answer"
  | "not_json"
  | "bad_shape"
  | "network"
  | "outcome_unknown";

/**
 * The status a route handler answers with, per code. Upstream failures are the gateway's
 * failures (502/504), never 500; payment_required is 402 (the upstream asks for payment before
 * it acts); an upstream 413 keeps 413 through `httpStatus` on the instance.
 */
export const httpStatusByCode: Readonly<Record<KlikkErrorCode, number>> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation: 400,
  conflict: 409,
  payment_required: 402,
  rate_limited: 429,
  upstream_unavailable: 502,
  upstream_timeout: 504,
  upstream_invalid: 502,
};

export type KlikkErrorOptions = {
  reason?: KlikkErrorReason;
  /** Overrides `httpStatusByCode[code]` (e.g. 413 for an upstream 413). */
  httpStatus?: number;
  /** For validation: the field the upstream named, e.g. `items[0].product.options.os`. */
  field?: string;
  /** For server logs: action, upstream status, upstream message. Never credentials. */
  detail?: string;
  /** The upstream's HTTP status, when there was an answer. */
  upstreamStatus?: number;
  /** For rate_limited: seconds from the upstream's Retry-After, when it sent one. */
  retryAfterSeconds?: number;
  cause?: unknown;
};

export class KlikkError extends Error {
  override readonly name = "KlikkError";
  readonly code: KlikkErrorCode;
  readonly reason: KlikkErrorReason | undefined;
  readonly httpStatus: number;
  readonly field: string | undefined;
  readonly detail: string | undefined;
  readonly upstreamStatus: number | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: KlikkErrorCode, message: string, options: KlikkErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.reason = options.reason;
    this.httpStatus = options.httpStatus ?? httpStatusByCode[code];
    this.field = options.field;
    this.detail = options.detail;
    this.upstreamStatus = options.upstreamStatus;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** A plain object for structured logs (the cause is left out: it may hold request details). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      reason: this.reason,
      httpStatus: this.httpStatus,
      field: this.field,
      message: this.message,
      detail: this.detail,
      upstreamStatus: this.upstreamStatus,
    };
  }
}

/** True for a `KlikkError` (also across module copies, by shape). */
export function isKlikkError(e: unknown): e is KlikkError {
  if (e instanceof KlikkError) return true;
  return (
    typeof e === "object" &&
    e !== null &&
    (e as { name?: unknown }).name === "KlikkError" &&
    typeof (e as { code?: unknown }).code === "string" &&
    typeof (e as { httpStatus?: unknown }).httpStatus === "number"
  );
}

/**
 * True when the caller's own signal ended the call. The client rethrows the caller's abort
 * reason untouched (as fetch does), so a handler checks this first and answers nothing useful:
 * the browser has gone.
 */
export function isAbortError(e: unknown): boolean {
  return (
    typeof e === "object" &&
    e !== null &&
    ((e as { name?: unknown }).name === "AbortError" || (e as { name?: unknown }).name === "TimeoutError")
  );
}

// A path like `items[0].product.options.features.sshd.ip_allow`, `reference` or `order_id`.
const PATH = String.raw`[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\]|\.[A-Za-z_][A-Za-z0-9_]*)*`;
// "<path> is required", "<path> must be ...", at the start of the message.
const LEADING_PATH = new RegExp(
  String.raw`^\s*(?:field\s+)?["'\x60]?(${PATH})["'\x60]?\s*(?::|\bis\b|\bare\b|\bmust\b|\bshould\b|\bhas\b|\bmay\b|\bcannot\b|\bcan't\b|\bneeds?\b|\bexceeds\b|\bnot\b|\binvalid\b|\bunknown\b|\btoo\b)`,
);
// "... field items[0].name ...", "invalid value for 'reference'".
// (A lookbehind, so "for field x" yields both "field" and "x" as candidates.)
const NAMED_FIELD = new RegExp(String.raw`(?<=\b(?:field|for|in|of)\s+["'\x60]?)(${PATH})`, "g");
// Anything that is clearly a path into the order body, wherever it stands.
const ORDER_PATH = /\b(items\[\d+\](?:\[\d+\]|\.[A-Za-z_][A-Za-z0-9_]*)*)/;
// Words that start sentences and are not field names.
const NOT_FIELDS = new Set([
  "the", "a", "an", "this", "that", "request", "body", "json", "malformed", "invalid", "unknown",
  "missing", "value", "field", "payload", "order", "input", "it", "there", "action",
]);

/**
 * The field an upstream validation message names, in the upstream's own notation:
 * `items[0].product.options.features.sshd.ip_allow is required` ->
 * `items[0].product.options.features.sshd.ip_allow`. Undefined when no field is named.
 * (`action` is never reported: an unknown action is the client's bug, not the user's.)
 */
export function parseFieldFromMessage(message: string | undefined): string | undefined {
  if (!message) return undefined;
  const order = ORDER_PATH.exec(message);
  if (order?.[1]) return order[1];
  const leading = LEADING_PATH.exec(message)?.[1];
  if (leading && !NOT_FIELDS.has(leading.toLowerCase())) return leading;
  for (const m of message.matchAll(NAMED_FIELD)) {
    const path = m[1];
    if (path && !NOT_FIELDS.has(path.toLowerCase())) return path;
  }
  return undefined;
}

/**
 * An upstream message reworded for the field it names: the leading path (and a colon) is
 * dropped, so `items[0].product.options.antiaffinity: anti-affinity group 7 has no free host`
 * becomes `anti-affinity group 7 has no free host`. The server does this once, so no browser
 * code ever has to find a path in a message.
 */
export function messageAboutField(message: string, field: string): string {
  const trimmed = message.trimStart();
  for (const quote of ["", '"', "'", "`"]) {
    const prefix = `${quote}${field}${quote}`;
    if (trimmed.startsWith(prefix)) {
      const rest = trimmed.slice(prefix.length).replace(/^\s*:?\s*/, "");
      if (rest !== "") return rest;
    }
  }
  return message;
}
