/**
 * The browser's one way to call the dashboard's route handlers. It checks `res.ok`, reads the
 * one error shape `{"error": {code, message, fields}}` and throws an ApiError carrying the HTTP
 * status and code, so callers branch on `error.code`, never on message text.
 */
import { isApiErrorCode, type ApiErrorCode } from "@/lib/api-errors";

export type { ApiErrorCode } from "@/lib/api-errors";

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: Record<string, string>;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, code: ApiErrorCode, message: string, fields: Record<string, string> = {}, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type ApiFetchInit = {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** This call's request, already made elsewhere (lib/queries/early-response.ts): read it instead of asking again. */
  started?: Promise<Response>;
};

function readErrorBody(status: number, body: unknown, retryAfter: string | null): ApiError {
  const retryAfterSeconds = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
  if (body && typeof body === "object" && "error" in body) {
    const error = (body as { error: unknown }).error;
    if (error && typeof error === "object") {
      const { code, message, fields } = error as { code?: unknown; message?: unknown; fields?: unknown };
      const safeFields: Record<string, string> = {};
      if (fields && typeof fields === "object") {
        for (const [key, value] of Object.entries(fields)) if (typeof value === "string") safeFields[key] = value;
      }
      return new ApiError(
        status,
        // A code outside the vocabulary (an older or newer server) reads as a plain failure.
        isApiErrorCode(code) ? code : "internal",
        typeof message === "string" ? message : `The dashboard answered ${status}.`,
        safeFields,
        retryAfterSeconds,
      );
    }
  }
  return new ApiError(status, "internal", `The dashboard answered ${status} without details. Try again.`, {}, retryAfterSeconds);
}

/**
 * Adds the `?account=` hint to a URL of the dashboard's API. Here rather than with the order
 * queries, so the header's bell does not bring those into every page's first load.
 */
export function withAccount(url: string, account: string | undefined): string {
  return account ? `${url}${url.includes("?") ? "&" : "?"}account=${encodeURIComponent(account)}` : url;
}

function networkError(): ApiError {
  return new ApiError(0, "network", "The dashboard could not be reached. Check your connection and try again.");
}

/**
 * Code a call loads on first use (a parser, a page's rare requests). When it cannot be loaded
 * (offline, the dashboard restarting) the call failed as a request that got no answer would: the
 * same words and a retry, not the loader's "Failed to load chunk …".
 */
export function loadedForCall<T>(load: Promise<T>): Promise<T> {
  return load.catch(() => {
    throw networkError();
  });
}

/**
 * A call to the dashboard's API that succeeded, for a caller that reads the body itself (the
 * server list, parsed while it downloads); a failure throws the ApiError apiFetch throws.
 */
export async function apiResponse(path: string, init: ApiFetchInit = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json", ...init.headers };
  // Mutating routes demand a JSON content type (part of the CSRF defence), even without a body.
  if (init.body !== undefined || (init.method ?? "GET") !== "GET") headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await (init.started ??
      fetch(path, {
        method: init.method ?? "GET",
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        credentials: "same-origin",
        cache: "no-store",
        signal: init.signal,
      }));
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw networkError();
  }
  // 304 answers a caller's own If-None-Match (lib/queries/list-validators.ts): not a failure.
  if (!response.ok && response.status !== 304) throw readErrorBody(response.status, parseOrNull(await response.text()), response.headers.get("retry-after"));
  return response;
}

function parseOrNull(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function apiFetch<T>(path: string, init: ApiFetchInit = {}): Promise<T> {
  const response = await apiResponse(path, init);
  if (response.status === 204) return undefined as T;
  return parseOrNull(await response.text()) as T;
}
