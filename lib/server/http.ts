import "server-only";
import type { z } from "zod";
import { firstIssueMessage, formatIssuePath } from "@/lib/klikk/contract/order-request";
import type { ErrorBody, ServerErrorCode } from "@/lib/api-errors";
import { isAbortError, isKlikkError, messageAboutField } from "@/lib/klikk/errors";
import { getEnv } from "@/lib/server/env";
import { logger } from "@/lib/server/log";

/** The largest request body a route handler reads. */
export const MAX_BODY_BYTES = 64 * 1024;

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

/** The origin this dashboard is served from: APP_ORIGIN, or else the request's own host. */
export function expectedOrigin(request: Request): string {
  const env = getEnv();
  if (env.appOrigin) return env.appOrigin;
  const headers = request.headers;
  const host = (env.trustProxy ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : null) ?? headers.get("host");
  const proto = env.trustProxy ? headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : null;
  const scheme = proto ?? new URL(request.url).protocol.replace(":", "");
  return `${scheme}://${host}`;
}

/**
 * CSRF defence for every mutating route: a JSON content type (which a cross-site form cannot
 * send without a CORS preflight we never grant), an Origin equal to ours (missing or "null" is
 * refused), and no cross-site fetch metadata.
 */
export function assertSameOrigin(request: Request): void {
  const refuse = (why: string) => new HttpError(403, "csrf", `Request refused: ${why}. Use the dashboard's own pages.`);
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site") throw refuse("it came from another site");
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") throw refuse("it has no Origin header");
  if (origin !== expectedOrigin(request)) throw refuse("its Origin is not this dashboard");
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(contentType)) throw refuse("its Content-Type must be application/json");
}

/**
 * Reads at most MAX_BODY_BYTES of the body, stopping early (413) whether or not a
 * Content-Length was sent, then parses JSON and validates it with the schema.
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const tooLarge = () => new HttpError(413, "payload_too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
  const declared = request.headers.get("content-length");
  if (declared && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    throw new HttpError(400, "validation", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[formatIssuePath(issue.path) || "body"] ??= issue.message;
    throw new HttpError(400, "validation", firstIssueMessage(parsed.error), { fields });
  }
  return parsed.data;
}

/** The caller's address: the socket's (set by lib/server/client-address), or the proxy's word when TRUST_PROXY is on. */
export function clientAddress(request: Request): string {
  const headers = request.headers;
  if (getEnv().trustProxy) {
    const forwarded = headers.get("x-forwarded-for");
    const last = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).pop();
    if (last) return last;
  }
  return headers.get("x-klikk-client-ip") ?? "unknown";
}
