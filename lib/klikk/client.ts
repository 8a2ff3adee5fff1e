/**
 * The typed client of the klikk action API: one method per action, each answer validated, every
 * failure a `KlikkError` (./errors.ts). This file is the call loop (deadline, retries, reading the
 * answer); the public types are in ./client-types.ts, the mapping of every failure to a
 * KlikkError in ./error-mapping.ts, and the capped body reader in ../http/capped-body.ts.
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
import { decodeUtf8Chunks, readCappedChunks, readCappedText } from "../http/capped-body.ts";
import { callSignal, sleep } from "./call-signal.ts";
import type { KlikkAuth, KlikkClient, KlikkClientOptions, RequestOptions } from "./client-types.ts";
import { defaultDigestCache, digestFetch, DigestServerAuthError } from "./digest.ts";
import {
  badShapeFailure,
  mapErrorStatus,
  networkError,
  notJsonFailure,
  redirectFailure,
  timeoutError,
  tooLarge,
  unverifiedAnswerError,
  type Action,
  type Failure,
} from "./error-mapping.ts";
import { KlikkError } from "./errors.ts";
import { listBodyOf, sendableAsItCame, serialiseList, validatedAnswers, ValidatedAnswers, type ListBody } from "./pass-through.ts";
import { answers, describeSchemaError, type AnswerReader, type OrderCreateResult, type OrderStatus, type Server } from "./schemas.ts";

// The public types live in ./client-types.ts and the mapping of failures in ./error-mapping.ts;
// both stay importable from here, where callers have always found them.
export type { KlikkAuth, KlikkClient, KlikkClientOptions, RequestOptions } from "./client-types.ts";
export { parseRetryAfter } from "./error-mapping.ts";

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;
/** Error bodies are only read this far; the rest is dropped (they are a message, not data). */
const ERROR_BODY_BYTES = 64 * 1024;
const BACKOFF_BASE_MS = 150;

type CallSpec = {
  action: Action;
  payload: Record<string, unknown>;
  /** Reads are retried; writes never. */
  idempotent: boolean;
  /** Null for order_cancel, whose answer is empty. */
  reader: AnswerReader<unknown> | null;
  /**
   * Set for a list passed on to the browser: the answer's JSON bytes as `{"<asList>": [...]}`
   * are the value, the upstream's own when they are valid as they came (./pass-through.ts).
   */
  asList?: string;
};

type Attempt<T> = { ok: true; value: T } | Failure;

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

  async function call<T>(spec: CallSpec, opts: RequestOptions | undefined): Promise<T> {
    const callerSignal = opts?.signal;
    callerSignal?.throwIfAborted();
    const started = performance.now();
    const { signal, deadline, release } = callSignal(callerSignal, timeoutMs);
    const body = JSON.stringify({ ...spec.payload, action: spec.action });

    try {
      return await attempts<T>(spec, body, signal, deadline, callerSignal, started);
    } finally {
      release();
    }
  }

  async function attempts<T>(spec: CallSpec, body: string, signal: AbortSignal, deadline: AbortSignal, callerSignal: AbortSignal | undefined, started: number): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let result: Attempt<T>;
      try {
        const res = await send(body, signal);
        result = await readAnswer(spec, res);
      } catch (e) {
        if (callerSignal?.aborted) throw callerSignal.reason;
        if (deadline.aborted) throw timeoutError(spec.action, timeoutMs);
        if (e instanceof KlikkError) throw e;
        // An answer from something that does not know the password: never trusted, never retried.
        if (e instanceof DigestServerAuthError) throw unverifiedAnswerError(spec.action, e);
        result = { ok: false, ...networkError(spec.action, e, redact) };
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
        throw timeoutError(spec.action, timeoutMs);
      }
    }
  }

  async function readAnswer<T>(spec: CallSpec, res: Response): Promise<Attempt<T>> {
    const { status } = res;
    if (res.type === "opaqueredirect" || (status >= 300 && status < 400) || status === 0) {
      await discard(res);
      return redirectFailure(spec.action, status);
    }
    if (status >= 200 && status < 300) {
      if (spec.reader === null) {
        await discard(res); // order_cancel: an empty 200; whatever else came is not needed
        return { ok: true, value: undefined as T };
      }
      let chunks: Uint8Array[] | undefined;
      let text: string;
      let known: string | undefined;
      if (spec.asList !== undefined) {
        chunks = await readCappedChunksOf(res, maxBodyBytes, spec.action);
        known = ValidatedAnswers.key(spec.action, chunks);
        if (validatedAnswers.has(known)) return { ok: true, value: listBodyOf(spec.asList, chunks, known) as T };
        text = decodeUtf8Chunks(chunks);
      } else text = await readCapped(res, maxBodyBytes, spec.action);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return notJsonFailure(spec.action, status, text, res.headers);
      }
      const parsed = spec.reader.safeParse(json);
      if (!parsed.success) return badShapeFailure(spec.action, status, describeSchemaError(parsed.error), redact);
      if (spec.asList === undefined || chunks === undefined || known === undefined) return { ok: true, value: parsed.data as T };
      if (!sendableAsItCame(spec.asList, json, parsed.data)) return { ok: true, value: serialiseList(spec.asList, parsed.data) as T };
      validatedAnswers.add(known);
      return { ok: true, value: listBodyOf(spec.asList, chunks, known) as T };
    }
    const text = await readCapped(res, ERROR_BODY_BYTES, spec.action, true);
    return mapErrorStatus({ action: spec.action, authMethod: auth.method, status, headers: res.headers, text, redact });
  }

  const checkId = (value: number | undefined, field: string): void => {
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
      throw new KlikkError("validation", `${field} must be a whole number.`, { field });
    }
  };

  return {
    authMethod: auth.method,

    orderCreate(body, opts) {
      return call<OrderCreateResult>({ action: "order_create", payload: { ...body }, idempotent: false, reader: answers.orderCreate }, opts);
    },

    orderStatus(orderId, opts) {
      return Promise.resolve().then(() => {
        checkId(orderId, "order_id");
        return call<OrderStatus>({ action: "order_status", payload: { order_id: orderId }, idempotent: true, reader: answers.orderStatus }, opts);
      });
    },

    orderList(opts) {
      return call<OrderStatus[]>({ action: "order_list", payload: {}, idempotent: true, reader: answers.orderList }, opts);
    },

    orderListBody(opts) {
      return call<ListBody>({ action: "order_list", payload: {}, idempotent: true, reader: answers.orderList, asList: "orders" }, opts);
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
        return call<Server[]>(
          { action: "server_list", payload: { order_item_id: orderItemId ?? 0 }, idempotent: true, reader: answers.serverList },
          opts,
        );
      });
    },

    serverListBody(orderItemId, opts) {
      return Promise.resolve().then(() => {
        checkId(orderItemId, "order_item_id");
        return call<ListBody>(
          { action: "server_list", payload: { order_item_id: orderItemId ?? 0 }, idempotent: true, reader: answers.serverList, asList: "servers" },
          opts,
        );
      });
    },
  };
}

// ---------------------------------------------------------------- helpers

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

/** As readCapped, keeping the bytes in the chunks they came in. */
async function readCappedChunksOf(res: Response, cap: number, action: Action): Promise<Uint8Array[]> {
  const read = await readCappedChunks(res.body, cap, { declaredLength: res.headers.get("content-length") });
  if (read.ok) return read.chunks;
  throw tooLarge(action, cap, read.declared !== undefined ? `declared ${read.declared} bytes` : `over ${cap} bytes`);
}

/** Reads the answer through the shared capped reader; past the cap it is a KlikkError. */
async function readCapped(res: Response, cap: number, action: Action, truncate = false): Promise<string> {
  const read = await readCappedText(res.body, cap, { declaredLength: res.headers.get("content-length"), truncate });
  if (read.ok) return read.text;
  throw tooLarge(action, cap, read.declared !== undefined ? `declared ${read.declared} bytes` : `over ${cap} bytes`);
}

async function discard(res: Response): Promise<void> {
  await res.body?.cancel().catch(() => {});
}

