import "server-only";

// Responses and the route wrapper: the one error shape every route handler answers with.
import type { ErrorBody, ServerErrorCode } from "@/lib/api-errors";
import { isAbortError, isKlikkError, messageAboutField } from "@/lib/klikk/errors";
import type { ListBody } from "@/lib/klikk/pass-through";
import { logger } from "@/lib/server/log";
import { isStoreUnavailable } from "@/lib/server/store/types";

export type { ErrorBody } from "@/lib/api-errors";

/** A failure a route handler answers with; anything else thrown becomes a generic 500. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: ServerErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(status: number, code: ServerErrorCode, message: string, options: { fields?: Record<string, string>; headers?: Record<string, string> } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = options.fields;
    this.headers = options.headers;
  }
}

const NO_STORE = { "Cache-Control": "no-store" };

export function json(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(data, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: NO_STORE });
}

const opaqueTag = (tag: string) => (tag.startsWith("W/") ? tag.slice(2) : tag);

/** Whether an If-None-Match header names this ETag (RFC 9110 13.1.2: the weak comparison). */
export function matchesEntityTag(ifNoneMatch: string | null, entityTag: string): boolean {
  if (!ifNoneMatch) return false;
  const wanted = opaqueTag(entityTag);
  return ifNoneMatch.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || opaqueTag(trimmed) === wanted;
  });
}

/**
 * A list answer with its ETag, or 304 without a body when the browser says it holds that very
 * answer (lib/queries/list-validators). The browser keeps the list itself, not its HTTP cache:
 * no-store stays, so no list is ever written to the browser's disk.
 */
export function listResponse(request: Request, body: ListBody): Response {
  const headers = { ...NO_STORE, ETag: body.entityTag };
  if (matchesEntityTag(request.headers.get("if-none-match"), headers.ETag)) return new Response(null, { status: 304, headers });
  return new Response(body.responseBody(), { headers: { ...headers, "Content-Type": "application/json" } });
}

export function errorResponse(error: HttpError): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
  return json(body, { status: error.status, headers: error.headers });
}

/** Turns anything thrown inside a handler into the one error shape, logging what is unexpected. */
export function toHttpError(error: unknown, context: string): HttpError {
  if (error instanceof HttpError) return error;
  if (isKlikkError(error)) {
    if (error.detail) logger.warn(`${context}: upstream ${error.code}: ${error.detail}`);
    // A read-only refusal gets its own code, so the browser can turn ordering and cancelling off.
    const code = error.reason === "read_only" ? "read_only" : error.code;
    return new HttpError(error.httpStatus, code, error.message, error.field ? { fields: { [error.field]: messageAboutField(error.message, error.field) } } : {});
  }
  if (isStoreUnavailable(error)) {
    logger.warn(`${context}: store unavailable${error.cause instanceof Error ? ` (${error.cause.message})` : ""}`);
    return new HttpError(503, "store_unavailable", "The dashboard cannot reach its session store right now. Try again in a moment.", {
      headers: { "Retry-After": "2" },
    });
  }
  if (isAbortError(error)) {
    // The browser went away; nobody reads this answer.
    return new HttpError(499, "aborted", "The request was cancelled.");
  }
  logger.error(`${context}: unexpected error`, error);
  return new HttpError(500, "internal", "Something went wrong in the dashboard. Try again; if it keeps failing, check the server log.");
}

type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps a route handler: whatever it throws is answered in the one error shape, never with a
 * stack trace, and every answer carries Cache-Control: no-store.
 */
export function route<P = Record<string, never>>(name: string, handler: (request: Request, context: RouteContext<P>) => Promise<Response>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      // The client went away (Next rejects with ResponseAborted): nobody reads an answer, and it
      // is not an error worth a log line.
      if (request.signal.aborted) return new Response(null, { status: 499 });
      return errorResponse(toHttpError(error, name));
    }
  };
}

/** 405 with the methods the route does answer. */
export function methodNotAllowed(allowed: string[]) {
  return async () =>
    errorResponse(
      new HttpError(405, "method_not_allowed", `This address answers ${allowed.join(", ")} only.`, { headers: { Allow: allowed.join(", ") } }),
    );
}
