/**
 * The HTTP layer: `POST /api` and, with the faults API on, `/__sim/*`.
 *
 * Order of a request to /api: route (404/405) -> declared size (413) -> body, counted while it
 * streams (413) -> JSON (400) -> faults that replace the answer (latency, hang, reset, 500, 503)
 * -> authentication (401/403) -> action (400/403/404/409) -> save -> faults that spoil a
 * successful answer (malformed body, hang after commit). Faults come before authentication
 * because a failing proxy in front of the API does not look at credentials either.
 *
 * Nothing in here may throw out of the handler: every path ends in an answer, and an unexpected
 * error is a 500 with a fixed message (details only in the optional log, never credentials).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { limits } from "../lib/klikk/contract/catalog.ts";
import { HttpError, isActionName, runAction, type ActionResult } from "./actions.ts";
import type { Authenticator } from "./auth.ts";
import {
  HTML_BODY,
  chance,
  faultsApply,
  faultsSchema,
  pickKind,
  truncate,
  wrongShapeBody,
  type Faults,
  type Stats,
} from "./faults.ts";
import type { Store } from "./store.ts";

export type HandlerContext = {
  store: Store;
  auth: Authenticator;
  getFaults(): Faults;
  setFaults(f: Faults): void;
  faultsApi: boolean;
  /** Rebuild the seed (for /__sim/reset). */
  reset(): void;
  log: ((line: string) => void) | null;
  /** Answers deliberately left hanging; close() destroys them. */
  hanging: Set<ServerResponse>;
  /** Pending latency timers; close() clears them. */
  timers: Set<NodeJS.Timeout>;
  /** Counters for tests (GET /__sim/stats). */
  stats: Stats;
};

const BODY_LIMIT = limits.bodyMaxBytes;
/** After a 413 the rest of the body is read and dropped up to this much, then the socket is cut. */
const DRAIN_LIMIT = 16 * 1024 * 1024;
const SIM_BODY_LIMIT = 64 * 1024;

type Body = { kind: "ok"; data: Buffer } | { kind: "too-large" } | { kind: "aborted" };

function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (b: Body) => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onAbort);
      req.off("close", onAbort);
      resolve(b);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish({ kind: "too-large" });
      else chunks.push(chunk);
    };
    const onEnd = () => finish({ kind: "ok", data: Buffer.concat(chunks, size) });
    const onAbort = () => finish({ kind: "aborted" });
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onAbort);
    req.on("close", onAbort);
  });
}

function errorBody(status: number, message: string): string {
  return JSON.stringify({ status, message });
}

function send(res: ServerResponse, status: number, body: string | Buffer | null, headers: Record<string, string | string[]> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const buf = body === null ? null : typeof body === "string" ? Buffer.from(body, "utf8") : body;
  res.statusCode = status;
  res.setHeader("Cache-Control", "no-store");
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (buf !== null && !res.hasHeader("Content-Type")) res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", String(buf === null ? 0 : buf.length));
  res.end(buf ?? undefined);
}

function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string | string[]> = {}): void {
  send(res, status, errorBody(status, message), headers);
}

/** 413, then drop the rest of the body (bounded) so the client can read the answer. */
function sendTooLarge(req: IncomingMessage, res: ServerResponse): void {
  sendError(res, 413, `request body too large: the limit is ${BODY_LIMIT} bytes (1 MiB)`, { Connection: "close" });
  let dropped = 0;
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN_LIMIT) req.socket.destroy();
  });
  req.on("error", () => {});
  req.resume();
}

function sleep(ctx: HandlerContext, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      ctx.timers.delete(t);
      resolve();
    }, ms);
    ctx.timers.add(t);
  });
}

function hang(ctx: HandlerContext, req: IncomingMessage, res: ServerResponse): void {
  ctx.hanging.add(res);
  res.on("close", () => {
    // Still in the set: the client went away (close() empties the set before destroying).
    if (ctx.hanging.delete(res)) ctx.stats.clientAborts += 1;
  });
  req.resume();
}

function resetConnection(req: IncomingMessage): void {
  const socket = req.socket as IncomingMessage["socket"] & { resetAndDestroy?: () => void };
  if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
  else socket.destroy();
}

export function createRequestHandler(ctx: HandlerContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = performance.now();
    let action: string | undefined;
    res.on("finish", () => {
      ctx.log?.(`${req.method} ${(req.url ?? "").split("?")[0]} ${action ?? "-"} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`);
    });
    handle(ctx, req, res, (a) => (action = a)).catch((e: unknown) => {
      ctx.log?.(`internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      sendError(res, 500, "internal error");
    });
  };
}

async function handle(ctx: HandlerContext, req: IncomingMessage, res: ServerResponse, noteAction: (a: string) => void): Promise<void> {
  const target = req.url ?? "/";
  const path = target.split("?")[0] ?? "/";

  if (ctx.faultsApi && path.startsWith("/__sim/")) return simRoute(ctx, req, res, path);
  if (path !== "/api") return sendError(res, 404, "not found: the API is POST /api");
  if (req.method !== "POST") return sendError(res, 405, "method not allowed: use POST", { Allow: "POST" });

  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > BODY_LIMIT) return sendTooLarge(req, res);
  const body = await readBody(req, BODY_LIMIT);
  if (body.kind === "aborted") return;
  if (body.kind === "too-large") return sendTooLarge(req, res);

  let parsed: unknown;
  let parseError: string | null = null;
  try {
    parsed = JSON.parse(body.data.toString("utf8"));
  } catch {
    parseError = "malformed JSON: the body must be a JSON object with an action";
  }
  const obj = parseError === null && typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  const actionValue = obj?.action;
  if (typeof actionValue === "string") noteAction(actionValue);
  const actionName = typeof actionValue === "string" ? actionValue : undefined;

  const counted = actionName ?? "(none)";
  ctx.stats.requests[counted] = (ctx.stats.requests[counted] ?? 0) + 1;

  const faults = ctx.getFaults();
  const faulty = faultsApply(faults, actionName);
  if (faulty && faults.times !== undefined) {
    // This request uses up one of the N; the faults are gone for the next one.
    if (faults.times <= 1) ctx.setFaults({});
    else ctx.setFaults({ ...faults, times: faults.times - 1 });
  }
  if (faulty) {
    if (faults.latencyMs && faults.latencyMs > 0) await sleep(ctx, faults.latencyMs);
    if (res.destroyed) {
      ctx.stats.clientAborts += 1;
      return;
    }
    if (faults.hang) return hang(ctx, req, res);
    if (faults.redirectTo) return send(res, 307, JSON.stringify({ status: 307, message: "moved" }), { Location: faults.redirectTo });
    if (chance(faults.resetRate)) return resetConnection(req);
    if (chance(faults.rate500)) return sendError(res, 500, "internal server error (simulated fault)");
    if (chance(faults.rate503)) return sendError(res, 503, "service unavailable (simulated fault)", { "Retry-After": "1" });
  }

  const auth = ctx.auth.authenticate(req);
  if (!auth.ok) {
    if (auth.status === 401) {
      return sendError(res, 401, auth.message, { "WWW-Authenticate": ctx.auth.challenges(auth.stale === true) });
    }
    return sendError(res, auth.status, auth.message);
  }
  if (auth.authenticationInfo) res.setHeader("Authentication-Info", auth.authenticationInfo);

  if (parseError !== null) return sendError(res, 400, parseError);
  if (!obj) return sendError(res, 400, "the request body must be a JSON object with an action");
  if (actionValue === undefined) return sendError(res, 400, "action is required");
  if (!isActionName(actionValue)) {
    return sendError(
      res,
      400,
      `unknown action ${JSON.stringify(actionValue)}: use order_create, order_status, order_list, order_cancel or server_list`,
    );
  }

  const store = ctx.store;
  store.settle();
  let result: ActionResult;
  try {
    result = runAction(store, auth.principal, actionValue, obj);
  } catch (e) {
    if (e instanceof HttpError) {
      store.flush();
      return sendError(res, e.status, e.message);
    }
    throw e;
  }
  store.flush();

  if (faulty && actionValue === "order_create" && faults.hangAfterCommit) return hang(ctx, req, res);
  if (faulty && chance(faults.malformedRate)) {
    const kind = pickKind(faults);
    const real = result.body === null ? "" : result.body.toString();
    if (kind === "html") return send(res, 200, HTML_BODY, { "Content-Type": "text/html; charset=utf-8" });
    if (kind === "truncated") return send(res, 200, truncate(real === "" ? "{}" : real));
    return send(res, 200, wrongShapeBody(actionValue));
  }
  send(res, result.status, result.body);
}

// ---------------------------------------------------------------------------------------------
// /__sim/*: control endpoints for tests (only with faultsApi; no authentication by design, so
// never enable it on a reachable address).

async function readSimJson(req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown> | null> {
  const body = await readBody(req, SIM_BODY_LIMIT);
  if (body.kind !== "ok") {
    if (body.kind === "too-large") sendError(res, 413, "body too large");
    return null;
  }
  const text = body.data.toString("utf8").trim();
  if (text === "") return {};
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v === "object" && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  sendError(res, 400, "the body must be a JSON object");
  return null;
}

async function simRoute(ctx: HandlerContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const method = req.method ?? "GET";
  const store = ctx.store;
  const allow = (methods: string) => sendError(res, 405, `method not allowed: use ${methods}`, { Allow: methods });

  switch (path) {
    case "/__sim/faults": {
      if (method === "GET") return send(res, 200, JSON.stringify(ctx.getFaults()));
      if (method === "DELETE") {
        ctx.setFaults({});
        return send(res, 200, JSON.stringify({}));
      }
      if (method !== "POST" && method !== "PUT") return allow("GET, POST, PUT, DELETE");
      const body = await readSimJson(req, res);
      if (!body) return;
      const parsed = faultsSchema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return sendError(res, 400, `invalid faults: ${issue ? `${issue.path.join(".") || "(body)"}: ${issue.message}` : "invalid"}`);
      }
      ctx.setFaults(parsed.data);
      return send(res, 200, JSON.stringify(ctx.getFaults()));
    }
    case "/__sim/stats": {
      if (method === "DELETE") {
        ctx.stats.requests = {};
        ctx.stats.clientAborts = 0;
      } else if (method !== "GET") return allow("GET, DELETE");
      return send(res, 200, JSON.stringify(ctx.stats));
    }
    case "/__sim/reset": {
      if (method !== "POST") return allow("POST");
      ctx.reset();
      return send(res, 200, JSON.stringify({ ok: true }));
    }
    case "/__sim/advance": {
      if (method !== "POST") return allow("POST");
      const body = await readSimJson(req, res);
      if (!body) return;
      const ms = body.ms;
      if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) return sendError(res, 400, "ms must be a non-negative number");
      store.advance(ms);
      store.flush();
      return send(res, 200, JSON.stringify({ now: new Date(store.now()).toISOString(), clockOffsetMs: store.state.clockOffsetMs }));
    }
    case "/__sim/pay": {
      if (method !== "POST") return allow("POST");
      const body = await readSimJson(req, res);
      if (!body) return;
      store.settle();
      const { invoice, order_id: orderId } = body;
      let targets = store.state.invoices.filter((i) => i.status === "open");
      if (invoice !== undefined) {
        const inv = typeof invoice === "number" ? store.invoices.get(invoice) : undefined;
        if (!inv) return sendError(res, 404, `invoice ${String(invoice)} not found`);
        targets = inv.status === "open" ? [inv] : [];
      } else if (orderId !== undefined) {
        targets = targets.filter((i) => i.orderId === orderId);
      }
      for (const inv of targets) store.payInvoice(inv);
      store.flush();
      return send(res, 200, JSON.stringify({ paid: targets.map((i) => i.id) }));
    }
    case "/__sim/payments": {
      if (method !== "POST") return allow("POST");
      const body = await readSimJson(req, res);
      if (!body) return;
      if (typeof body.hold !== "boolean") return sendError(res, 400, "hold must be true or false");
      store.settle(); // Invoices already due are paid first: holding starts now.
      store.holdPayments = body.hold;
      return send(res, 200, JSON.stringify({ hold: store.holdPayments }));
    }
    case "/__sim/state": {
      if (method !== "GET") return allow("GET");
      store.settle();
      store.flush();
      // `?orders=1`: every order with its profile and item statuses, so a test can see which
      // account an order or a cancel reached (issue 15). Left out by default: it can be large.
      const withOrders = new URL(req.url ?? "/", "http://sim").searchParams.get("orders") === "1";
      return send(res, 200, JSON.stringify({ ...store.debugSnapshot(), ...(withOrders ? { orderList: store.debugOrders() } : {}) }));
    }
    default:
      return sendError(res, 404, "not found: /__sim/faults, /__sim/reset, /__sim/advance, /__sim/pay, /__sim/payments, /__sim/state, /__sim/stats");
  }
}
