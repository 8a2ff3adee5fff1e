import { describe, expect, it } from "vitest";
import { mapErrorStatus, networkError, parseRetryAfter, timeoutError, type Action, type ErrorAnswer } from "./error-mapping.ts";

const noRedact = (text: string) => text;

/** Maps one answer; the body is JSON `{status, message}` unless `text` is given. */
function map(status: number, message: string | undefined, more: Partial<Omit<ErrorAnswer, "headers">> & { headers?: Record<string, string> } = {}) {
  const { headers, ...rest } = more;
  return mapErrorStatus({
    action: "order_status",
    authMethod: "token",
    status,
    headers: new Headers(headers),
    text: message === undefined ? "" : JSON.stringify({ status, message }),
    redact: noRedact,
    ...rest,
  });
}

describe("mapErrorStatus", () => {
  it("400: validation with the upstream's message and the field it names", () => {
    const { error, retryable } = map(400, "items[0].product.options.os is required", { action: "order_create" });
    expect(retryable).toBe(false);
    expect(error).toMatchObject({
      code: "validation",
      httpStatus: 400,
      field: "items[0].product.options.os",
      message: "items[0].product.options.os is required",
      upstreamStatus: 400,
      detail: "order_create: HTTP 400: items[0].product.options.os is required",
    });
    expect(map(400, undefined).error).toMatchObject({ message: "The klikk API refused the request as invalid.", field: undefined, detail: "order_status: HTTP 400 (empty body)" });
  });

  it("401: refused credentials per auth method, with the challenges offered in the detail", () => {
    expect(map(401, "invalid credentials").error).toMatchObject({ code: "unauthenticated", httpStatus: 401, reason: undefined, message: "The klikk API refused this account token." });
    const basic = map(401, "invalid credentials", {
      authMethod: "digest",
      headers: { "WWW-Authenticate": 'Digest realm="klikk", nonce="n", qop="auth", algorithm=SHA-256, Basic realm="klikk"' },
    }).error;
    expect(basic.message).toBe("The klikk API refused this username and password.");
    expect(basic.detail).toBe("order_status: HTTP 401: invalid credentials; offered: Digest(SHA-256), Basic");
  });

  it("401: a 2-factor account is told to use a token", () => {
    for (const message of ["2-factor authentication is required", "Two-factor login needed", "2FA enabled"]) {
      expect(map(401, message, { authMethod: "basic" }).error).toMatchObject({ code: "unauthenticated", reason: "two_factor_required", message: expect.stringMatching(/account token/) });
    }
  });

  it("403: a token refused from this address, read-only accounts, and the rest", () => {
    const address = map(403, "this token may not be used from 10.1.2.3: add it to the allow list").error;
    expect(address).toMatchObject({ code: "forbidden", httpStatus: 403, reason: "token_address", message: expect.stringMatching(/allow list in the klikk portal/) });
    // Only a token has an allow list: the same words for a password sign-in are passed on as is.
    expect(map(403, "not allowed from this IP", { authMethod: "basic" }).error).toMatchObject({ reason: undefined, message: "not allowed from this IP" });
    expect(map(403, "user is read-only", { action: "order_create" }).error).toMatchObject({ reason: "read_only", message: "user is read-only" });
    expect(map(403, undefined).error).toMatchObject({ reason: undefined, message: "The klikk API does not allow this for this account." });
  });

  it("402, 404 and 409 keep the upstream's message, with a default", () => {
    expect(map(402, undefined).error).toMatchObject({ code: "payment_required", httpStatus: 402, message: expect.stringMatching(/billing menu/) });
    expect(map(404, "order 9 not found").error).toMatchObject({ code: "not_found", httpStatus: 404, message: "order 9 not found" });
    expect(map(404, undefined).error.message).toBe("The klikk API found no such order, item or server.");
    expect(map(409, "group 7 has no free host").error).toMatchObject({ code: "conflict", httpStatus: 409, message: "group 7 has no free host" });
  });

  it("408: a timed-out write has an unknown outcome, a read does not", () => {
    const write = map(408, undefined, { action: "order_create" });
    expect(write.retryable).toBe(false);
    expect(write.error).toMatchObject({ code: "upstream_timeout", httpStatus: 504, reason: "outcome_unknown", message: expect.stringMatching(/may have been placed/) });
    expect(map(408, undefined, { action: "order_cancel" }).error.message).toMatch(/cancellation\. It may have gone through/);
    expect(map(408, undefined).error).toMatchObject({ reason: undefined, message: "The klikk API timed out. Try again in a moment." });
  });

  it("413: validation that keeps 413", () => {
    expect(map(413, "too big").error).toMatchObject({ code: "validation", httpStatus: 413, reason: "too_large", message: "The request is too large for the klikk API." });
  });

  it("429: rate limited, with Retry-After in seconds when sent", () => {
    const limited = map(429, "slow down", { headers: { "Retry-After": "30" } });
    expect(limited.retryable).toBe(false);
    expect(limited.error).toMatchObject({ code: "rate_limited", httpStatus: 429, retryAfterSeconds: 30 });
    expect(map(429, undefined).error.retryAfterSeconds).toBeUndefined();
  });

  it("5xx: only 502/503/504 retryable; after a write only 503 says nothing was done", () => {
    expect(map(500, "boom")).toMatchObject({ retryable: false, error: { code: "upstream_unavailable", httpStatus: 502, reason: undefined } });
    expect(map(503, undefined).retryable).toBe(true);
    const write500 = map(500, "boom", { action: "order_create" }).error;
    expect(write500).toMatchObject({ reason: "outcome_unknown", message: expect.stringMatching(/may have been placed/) });
    const write503 = map(503, undefined, { action: "order_create" }).error;
    expect(write503).toMatchObject({ reason: undefined, message: "The klikk API is not available right now. Try again in a moment." });
  });

  it("anything else is upstream_invalid; non-JSON bodies are described, not quoted", () => {
    const teapot = map(418, undefined, { text: "<h1>teapot</h1>", headers: { "Content-Type": "text/html" } });
    expect(teapot.error).toMatchObject({ code: "upstream_invalid", httpStatus: 502, detail: "order_status: HTTP 418 (non-JSON body, 15 chars, content-type text/html)" });
  });

  it("redacts secrets and strips control characters from the upstream's message", () => {
    const redact = (text: string) => text.split("s3cret-token").join("[redacted]");
    const { error } = map(400, "bad token s3cret-token\n\u0007here", { redact });
    expect(error.message).toBe("bad token [redacted] here");
    expect(error.detail).toBe("order_status: HTTP 400: bad token [redacted] here");
  });
});

describe("networkError", () => {
  const refused = new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
  const reset = new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });

  it("before sending: a plain network failure, even for a write", () => {
    for (const action of ["order_list", "order_create"] as Action[]) {
      const { error, retryable } = networkError(action, refused, noRedact);
      expect(retryable).toBe(true);
      expect(error).toMatchObject({ code: "upstream_unavailable", httpStatus: 502, reason: "network", message: "The klikk API cannot be reached right now. Try again in a moment." });
      expect(error.detail).toBe(`${action}: no answer: TypeError: fetch failed <- Error: connect ECONNREFUSED`);
      expect(error.cause).toBe(refused);
    }
  });

  it("after sending: a write's outcome is unknown, a read's is just a network failure", () => {
    expect(networkError("order_create", reset, noRedact).error).toMatchObject({ reason: "outcome_unknown", message: expect.stringMatching(/may have been placed/) });
    expect(networkError("order_cancel", reset, noRedact).error).toMatchObject({ reason: "outcome_unknown", message: expect.stringMatching(/cancellation/) });
    expect(networkError("server_list", reset, noRedact).error.reason).toBe("network");
  });

  it("redacts the detail", () => {
    const e = new Error("GET failed with token s3cret-token");
    expect(networkError("order_list", e, (t) => t.replace("s3cret-token", "[redacted]")).error.detail).toBe("order_list: no answer: Error: GET failed with token [redacted]");
  });
});

describe("timeoutError", () => {
  it("says how long it waited, and warns for writes", () => {
    expect(timeoutError("order_list", 10_000)).toMatchObject({ code: "upstream_timeout", httpStatus: 504, reason: undefined, message: "The klikk API did not answer within 10 s. Try again in a moment.", detail: "order_list: no complete answer within 10000 ms" });
    expect(timeoutError("order_create", 2_500)).toMatchObject({ reason: "outcome_unknown", message: expect.stringMatching(/^The klikk API did not answer within 2\.5 s\. The order may have been placed/) });
    expect(timeoutError("order_cancel", 2_000).message).toMatch(/cancellation may have gone through/);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates, and nothing else", () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter(" 12 ")).toBe(12);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(new Date(Date.now() - 60_000).toUTCString())).toBe(0);
    const inAMinute = parseRetryAfter(new Date(Date.now() + 60_000).toUTCString());
    expect(inAMinute).toBeGreaterThanOrEqual(59);
    expect(inAMinute).toBeLessThanOrEqual(61);
  });
});
