/**
 * The typed client of the klikk action API: one method per action, each answer validated, every
 * failure a `KlikkError` (./errors.ts).
 *
 * Reliability, for every call:
 * - one deadline (`timeoutMs`, 10 s) for the whole call, retries and body included, combined
 *   with the caller's signal; the caller's abort is rethrown as is (see `isAbortError`);
 * - reads (order_list, order_status, server_list) are retried at most twice, with jittered
 *   backoff, on a network error, 502, 503 or 504, and only while the deadline leaves room;
 *   order_create and order_cancel are never retried: a second attempt could place a second order;
 * - redirects are never followed (`redirect: "manual"`), so credentials never leave for
 *   another URL; a 3xx is `upstream_invalid`;
 * - the answer is streamed and cut off past `maxBodyBytes` (64 MiB);
 * - a 2xx that is not JSON, or not the contract's shape, is `upstream_invalid`, never a crash.
 *
 * Passwords and tokens never appear in an error's message or detail. Server-only (node:crypto
 * through ./digest.ts, node:buffer); runs under Node's type stripping without a build.
 */
import { Buffer } from "node:buffer";
import type { OrderCreateBody } from "./contract/order-request.ts";
import { defaultDigestCache, digestFetch, parseWwwAuthenticate, type DigestChallengeCache } from "./digest.ts";
import { KlikkError, parseFieldFromMessage, type KlikkErrorCode, type KlikkErrorOptions } from "./errors.ts";
import {
  answers,
  describeSchemaError,
  parseErrorBody,
  type AnswerReader,
  type OrderCreateResult,
  type OrderStatus,
  type Server,
} from "./schemas.ts";

/** How the dashboard signs in to the action API. */
export type KlikkAuth =
  | { method: "token"; token: string }
  | { method: "basic"; username: string; password: string }
  | { method: "digest"; username: string; password: string };

export type KlikkClientOptions = {
  /** The action API's one URL, e.g. `https://my.klikk.com/api`. Every call POSTs to it. */
  baseUrl: string | URL;
  auth: KlikkAuth;
  /** The deadline of one call, retries included. Default 10 000 ms. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  /** The largest answer read; past it the call fails with upstream_invalid. Default 64 MiB. */
  maxBodyBytes?: number;
  /** Retries of a read after its first attempt. Default 2. */
  maxRetries?: number;
  /** Where Digest keeps the last challenge per (origin, username). Default: process-wide. */
  digestCache?: DigestChallengeCache;
};

/** Per-call options. */
export type RequestOptions = {
  /** The incoming request's signal: aborting it ends the call (no retry). */
  signal?: AbortSignal;
};

export type KlikkClient = {
  readonly authMethod: KlikkAuth["method"];
  /**
   * Places an order (`order_create`). Never retried. A 2xx with `status` 100 is a success that
   * asks for payment (the invoice exists). On `upstream_timeout` or `upstream_unavailable` with
   * reason `outcome_unknown`, the order may have been placed: check `orderList` first.
   */
  orderCreate(body: OrderCreateBody, opts?: RequestOptions): Promise<OrderCreateResult>;
  /** One order with its items (`order_status`); not_found when it is not visible to the caller. */
  orderStatus(orderId: number, opts?: RequestOptions): Promise<OrderStatus>;
  /**
   * Every order of the profile (`order_list`), `{orders}` and bare arrays alike. Also the
   * sign-in check: it is the cheapest call that every valid credential may make.
   */
  orderList(opts?: RequestOptions): Promise<OrderStatus[]>;
  /**
   * Cancels a whole order, or one item of it (`order_cancel`). Never retried. Resolves on the
   * upstream's empty 200; not_found when the order or item does not exist.
   */
  orderCancel(orderId: number, itemId?: number, opts?: RequestOptions): Promise<void>;
  /** The servers (`server_list`): all of them, or those of one order item when given. */
  serverList(orderItemId?: number, opts?: RequestOptions): Promise<Server[]>;
};

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;
/** Error bodies are only read this far; the rest is dropped (they are a message, not data). */
const ERROR_BODY_BYTES = 64 * 1024;
const BACKOFF_BASE_MS = 150;
const RETRYABLE_STATUSES = new Set([502, 503, 504]);
/** Node's connect-time failures: the request never left, so even a write failed cleanly. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

type Action = "order_create" | "order_status" | "order_list" | "order_cancel" | "server_list";

type CallSpec<T> = {
  action: Action;
  payload: Record<string, unknown>;
  /** Reads are retried; writes never. */
  idempotent: boolean;
  /** Null for order_cancel, whose answer is empty. */
  reader: AnswerReader<T> | null;
};

type Attempt<T> = { ok: true; value: T } | { ok: false; error: KlikkError; retryable: boolean };

/** Creates a client bound to one account. Cheap: make one per request from the session. */
export function createKlikkClient(options: KlikkClientOptions): KlikkClient {
  const {
    auth,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
    maxRetries = 2,
    digestCache = defaultDigestCache,
  } = options;
  const doFetch = options.fetch ?? globalThis.fetch;
  const url = parseBaseUrl(options.baseUrl);
  if (!(timeoutMs > 0)) throw new RangeError("timeoutMs must be positive");

  const secrets = secretsOf(auth);
  const redact = (text: string): string => {
    let out = text;
    for (const s of secrets) out = out.split(s).join("[redacted]");
    return out;
  };

  const baseHeaders: Record<string, string> = {
    "Content-Type": "application/json",
    Accept: "application/json",
  };
  if (auth.method === "token") baseHeaders["X-Account-Token"] = auth.token;
  if (auth.method === "basic") {
    if (auth.username.includes(":")) {
      throw new KlikkError("validation", "A username cannot contain a colon.", { field: "username" });
    }
    baseHeaders.Authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`, "utf8").toString("base64")}`;
  }

  const send = (body: string, signal: AbortSignal): Promise<Response> => {
    const init = { method: "POST", headers: baseHeaders, body, redirect: "manual" as const, signal };
    if (auth.method === "digest") {
      return digestFetch(url, init, auth, { fetch: doFetch, cache: digestCache });
    }
    return doFetch(url, init);
  };

  async function call<T>(spec: CallSpec<T>, opts: RequestOptions | undefined): Promise<T> {
    const callerSignal = opts?.signal;
    callerSignal?.throwIfAborted();
    const started = performance.now();
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, deadline]) : deadline;
    const body = JSON.stringify({ ...spec.payload, action: spec.action });

    for (let attempt = 0; ; attempt++) {
      let result: Attempt<T>;
      try {
        const res = await send(body, signal);
        result = await readAnswer(spec, res);
      } catch (e) {
        if (callerSignal?.aborted) throw callerSignal.reason;
        if (deadline.aborted) throw timeoutError(spec, timeoutMs);
        if (e instanceof KlikkError) throw e;
        result = { ok: false, ...networkError(spec, e) };
      }
      if (result.ok) return result.value;
      const { error, retryable } = result;
      if (!spec.idempotent || !retryable || attempt >= maxRetries) throw error;
      // Full jitter around an exponential base: 75-225 ms, then 150-450 ms.
      const delay = BACKOFF_BASE_MS * 2 ** attempt * (0.5 + Math.random());
      // No room left for a useful attempt: the real failure says more than a timeout would.
      if (performance.now() - started + delay + BACKOFF_BASE_MS >= timeoutMs) throw error;
      try {
        await sleep(delay, signal);
      } catch {
        if (callerSignal?.aborted) throw callerSignal.reason;
        throw timeoutError(spec, timeoutMs);
      }
    }
  }

  async function readAnswer<T>(spec: CallSpec<T>, res: Response): Promise<Attempt<T>> {
    const { status } = res;
    if (res.type === "opaqueredirect" || (status >= 300 && status < 400) || status === 0) {
      await discard(res);
      return fail("upstream_invalid", "The klikk API answered with a redirect, which this dashboard does not follow.", {
        reason: "redirect",
        upstreamStatus: status,
        detail: `${spec.action}: HTTP ${status} redirect not followed`,
      });
    }
    if (status >= 200 && status < 300) {
      if (spec.reader === null) {
        await discard(res); // order_cancel: an empty 200; whatever else came is not needed
        return { ok: true, value: undefined as T };
      }
      const text = await readCapped(res, maxBodyBytes, spec.action);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return fail("upstream_invalid", invalidMessage, {
          reason: "not_json",
          upstreamStatus: status,
          detail: `${spec.action}: HTTP ${status} answer is not JSON (${text.length} chars, content-type ${contentTypeOf(res)})`,
        });
      }
      const parsed = spec.reader.safeParse(json);
      if (!parsed.success) {
        return fail("upstream_invalid", invalidMessage, {
          reason: "bad_shape",
          upstreamStatus: status,
          detail: redact(`${spec.action}: answer does not match the contract: ${describeSchemaError(parsed.error)}`),
        });
      }
      return { ok: true, value: parsed.data };
    }
    const text = await readCapped(res, ERROR_BODY_BYTES, spec.action, true);
    return mapErrorStatus(spec, res, text);
  }

  function mapErrorStatus<T>(spec: CallSpec<T>, res: Response, text: string): Attempt<T> {
    const { status } = res;
    const raw = parseErrorBody(text).message;
    const upstreamMessage = raw === undefined ? undefined : clean(redact(raw));
    const detail =
      `${spec.action}: HTTP ${status}` +
      (upstreamMessage !== undefined
        ? `: ${upstreamMessage}`
        : text.trim() === ""
          ? " (empty body)"
          : ` (non-JSON body, ${text.length} chars, content-type ${contentTypeOf(res)})`);
    const base = { upstreamStatus: status, detail };
    const write = spec.action === "order_create" || spec.action === "order_cancel";

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
        const offered = parseWwwAuthenticate(res.headers.get("www-authenticate"))
          .map((c) => (c.params.algorithm ? `${c.scheme}(${c.params.algorithm})` : c.scheme))
          .join(", ");
        return fail(
          "unauthenticated",
          auth.method === "token"
            ? "The klikk API refused this account token."
            : "The klikk API refused this username and password.",
          { ...base, detail: offered ? `${detail}; offered: ${offered}` : detail },
        );
      }
      case 402:
        return fail("payment_required", upstreamMessage || "The klikk API asks for payment first: see the invoices in the billing menu.", base);
      case 403: {
        const m = upstreamMessage ?? "";
        if (auth.method === "token" && /\baddress\b|\bIP\b|allow[- ]?list|not allowed from/i.test(m)) {
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
        return fail("upstream_timeout", write ? outcomeUnknownMessage(spec.action) : "The klikk API timed out. Try again in a moment.", {
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
        const retryAfter = parseRetryAfter(res.headers.get("retry-after"));
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
        unknownOutcome ? outcomeUnknownMessage(spec.action) : "The klikk API is not available right now. Try again in a moment.",
        { ...base, ...(unknownOutcome ? { reason: "outcome_unknown" as const } : {}) },
      );
      return { ok: false, error, retryable: RETRYABLE_STATUSES.has(status) };
    }
    return fail("upstream_invalid", invalidMessage, base);
  }

  async function readCapped(res: Response, cap: number, action: Action, truncate = false): Promise<string> {
    const declared = Number(res.headers.get("content-length") ?? Number.NaN);
    if (!truncate && declared > cap) {
      await discard(res);
      throw tooLarge(action, cap, `declared ${declared} bytes`);
    }
    if (!res.body) return "";
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (total + value.byteLength > cap) {
        await reader.cancel().catch(() => {});
        if (!truncate) throw tooLarge(action, cap, `over ${cap} bytes`);
        chunks.push(value.subarray(0, cap - total));
        total = cap;
        break;
      }
      chunks.push(value);
      total += value.byteLength;
    }
    const bytes = Buffer.concat(chunks, total);
    return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  }

  function networkError(spec: CallSpec<unknown>, e: unknown): { error: KlikkError; retryable: boolean } {
    const code = errorCode(e);
    const notSent = code !== undefined && NOT_SENT_CODES.has(code);
    const write = spec.action === "order_create" || spec.action === "order_cancel";
    const unknownOutcome = write && !notSent;
    return {
      retryable: true,
      error: new KlikkError(
        "upstream_unavailable",
        unknownOutcome ? outcomeUnknownMessage(spec.action) : "The klikk API cannot be reached right now. Try again in a moment.",
        {
          reason: unknownOutcome ? "outcome_unknown" : "network",
          detail: redact(`${spec.action}: no answer: ${describeError(e)}`),
          cause: e,
        },
      ),
    };
  }

  function tooLarge(action: Action, cap: number, what: string): KlikkError {
    return new KlikkError("upstream_invalid", "The klikk API sent an answer too large to read.", {
      reason: "too_large_answer",
      detail: `${action}: answer ${what}, cap ${cap} bytes`,
    });
  }

  const checkId = (value: number | undefined, field: string): void => {
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
      throw new KlikkError("validation", `${field} must be a whole number.`, { field });
    }
  };

  return {
    authMethod: auth.method,

    orderCreate(body, opts) {
      return call({ action: "order_create", payload: { ...body }, idempotent: false, reader: answers.orderCreate }, opts);
    },

    orderStatus(orderId, opts) {
      return Promise.resolve().then(() => {
        checkId(orderId, "order_id");
        return call({ action: "order_status", payload: { order_id: orderId }, idempotent: true, reader: answers.orderStatus }, opts);
      });
    },

    orderList(opts) {
      return call({ action: "order_list", payload: {}, idempotent: true, reader: answers.orderList }, opts);
    },

    orderCancel(orderId, itemId, opts) {
      return Promise.resolve().then(() => {
        checkId(orderId, "order_id");
        checkId(itemId, "order_item_id");
        const payload: Record<string, unknown> = { order_id: orderId };
        if (itemId !== undefined) payload.order_item_id = itemId;
        return call<void>({ action: "order_cancel", payload, idempotent: false, reader: null }, opts);
      });
    },

    serverList(orderItemId, opts) {
      return Promise.resolve().then(() => {
        checkId(orderItemId, "order_item_id");
        return call(
          { action: "server_list", payload: { order_item_id: orderItemId ?? 0 }, idempotent: true, reader: answers.serverList },
          opts,
        );
      });
    },
  };
}

// ---------------------------------------------------------------- helpers

const invalidMessage = "The klikk API sent an answer this dashboard cannot read.";

function outcomeUnknownMessage(action: Action): string {
  return action === "order_create"
    ? "The klikk API did not confirm the order. It may have been placed: check the order list before ordering again."
    : "The klikk API did not confirm the cancellation. It may have gone through: check the order before trying again.";
}

function timeoutError(spec: CallSpec<unknown>, timeoutMs: number): KlikkError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  const late = `The klikk API did not answer within ${seconds} s.`;
  const write = spec.action === "order_create" || spec.action === "order_cancel";
  const message =
    spec.action === "order_create"
      ? `${late} The order may have been placed: check the order list before ordering again.`
      : spec.action === "order_cancel"
        ? `${late} The cancellation may have gone through: check the order before trying again.`
        : `${late} Try again in a moment.`;
  return new KlikkError("upstream_timeout", message, {
    ...(write ? { reason: "outcome_unknown" as const } : {}),
    detail: `${spec.action}: no complete answer within ${timeoutMs} ms`,
  });
}

function fail<T>(code: KlikkErrorCode, message: string, options: KlikkErrorOptions): Attempt<T> {
  return { ok: false, error: new KlikkError(code, message, options), retryable: false };
}

function optionalField(field: string | undefined): { field?: string } {
  return field === undefined ? {} : { field };
}

function parseBaseUrl(baseUrl: string | URL): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError("baseUrl is not a valid URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new TypeError("baseUrl must be http(s)");
  if (url.username || url.password) throw new TypeError("baseUrl must not carry credentials");
  return url;
}

function secretsOf(auth: KlikkAuth): string[] {
  const out: string[] = [];
  if (auth.method === "token") out.push(auth.token);
  else {
    out.push(auth.password);
    if (auth.method === "basic") out.push(Buffer.from(`${auth.username}:${auth.password}`, "utf8").toString("base64"));
  }
  // Very short secrets would redact ordinary words; they are refused upstream anyway.
  return out.filter((s) => s.length >= 4);
}

/** Strips control characters and caps the length of text that came from the upstream. */
function clean(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}

function contentTypeOf(res: Response): string {
  return res.headers.get("content-type") ?? "none";
}

async function discard(res: Response): Promise<void> {
  await res.body?.cancel().catch(() => {});
}

function errorCode(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string") return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

function describeError(e: unknown): string {
  const parts: string[] = [];
  for (let cur: unknown = e, depth = 0; cur && depth < 4; depth++) {
    if (cur instanceof Error) parts.push(`${cur.name}: ${cur.message}`);
    else parts.push(String(cur));
    cur = (cur as { cause?: unknown }).cause;
  }
  return parts.join(" <- ");
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

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
