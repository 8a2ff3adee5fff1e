import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ListBody } from "./pass-through.ts";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../../simulator/index.ts";
import { createKlikkClient, type KlikkAuth, type KlikkClient, type KlikkClientOptions } from "./client.ts";
import { orderCreateBodySchema, type OrderCreateBody } from "./contract/order-request.ts";
import { DigestChallengeCache } from "./digest.ts";
import { isAbortError, isKlikkError, KlikkError, messageAboutField, parseFieldFromMessage, type KlikkErrorCode } from "./errors.ts";

/** Resolves to the KlikkError a promise rejects with (fails the test otherwise). */
async function klikkError(p: Promise<unknown>): Promise<KlikkError> {
  try {
    await p;
  } catch (e) {
    if (isKlikkError(e)) return e;
    throw new Error(`expected a KlikkError, got ${String(e)}`, { cause: e });
  }
  throw new Error("expected a rejection");
}

function expectCode(e: KlikkError, code: KlikkErrorCode, httpStatus: number): void {
  expect({ code: e.code, httpStatus: e.httpStatus }).toEqual({ code, httpStatus });
}

const okOrders = { orders: [{ order_id: 73, status: 200, message: "Order is being processed", order_items: [] }] };

// ---------------------------------------------------------------- a scripted server

type Seen = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };
type Handler = (req: IncomingMessage, res: ServerResponse, seen: Seen, n: number) => void;

let server: Server;
let origin: string;
let handler: Handler;
let seen: Seen[];

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const s: Seen = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString() };
      seen.push(s);
      // No keep-alive: afterEach closes sockets, and a POST on a pooled socket the server has
      // just closed fails like a reset (which the client rightly reports as outcome unknown).
      res.setHeader("Connection", "close");
      handler(req, res, s, seen.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen = [];
  handler = (_req, res) => json(res, 200, okOrders);
});

afterEach(async () => {
  server.closeAllConnections(); // hanging handlers
  // Let fetch's pool see those sockets close, so the next test does not pick one up.
  await new Promise((resolve) => setTimeout(resolve, 30));
});

const token: KlikkAuth = { method: "token", token: "tok-very-secret-123" };
function client(options: Partial<KlikkClientOptions> = {}): KlikkClient {
  return createKlikkClient({ baseUrl: `${origin}/api`, auth: token, timeoutMs: 2000, ...options });
}

const orderBody: OrderCreateBody = orderCreateBodySchema.parse({
  items: [
    {
      name: "test-1",
      product: {
        name: "VPS",
        options: {
          quantity_ram_gb: 1,
          quantity_cpu: 1,
          quantity_storage_gb: 25,
          os: "Debian",
          os_version: "12",
          features: { ipv4: 1, sshd: { ip_allow: "192.0.2.0/24" } },
        },
      },
    },
  ],
  reference: "client test",
});

describe("requests", () => {
  it("POSTs JSON with the action, Accept, and the token header", async () => {
    const orders = await client().orderList();
    expect(orders).toEqual(okOrders.orders);
    const [req] = seen;
    expect(req).toMatchObject({ method: "POST", url: "/api" });
    expect(req!.headers["content-type"]).toBe("application/json");
    expect(req!.headers.accept).toBe("application/json");
    expect(req!.headers["x-account-token"]).toBe("tok-very-secret-123");
    expect(req!.headers.authorization).toBeUndefined();
    expect(JSON.parse(req!.body)).toEqual({ action: "order_list" });
  });

  it("builds each action's body", async () => {
    handler = (_req, res, s) => {
      const action = (JSON.parse(s.body) as { action: string }).action;
      if (action === "order_cancel") {
        res.writeHead(200);
        res.end();
      } else if (action === "server_list") json(res, 200, { servers: [] });
      else if (action === "order_create") json(res, 200, { order_id: "74", status: "100", message: "Payment required: invoice 5521 created" });
      else json(res, 200, okOrders.orders[0]);
    };
    const c = client();
    await expect(c.orderCreate(orderBody)).resolves.toEqual({ order_id: 74, status: 100, message: "Payment required: invoice 5521 created" });
    await expect(c.orderStatus(73)).resolves.toMatchObject({ order_id: 73 });
    await expect(c.orderCancel(73)).resolves.toBeUndefined();
    await expect(c.orderCancel(73, 1293)).resolves.toBeUndefined();
    await expect(c.serverList()).resolves.toEqual([]);
    await expect(c.serverList(1293)).resolves.toEqual([]);
    expect(seen.map((s) => JSON.parse(s.body) as unknown)).toEqual([
      { ...orderBody, action: "order_create" },
      { action: "order_status", order_id: 73 },
      { action: "order_cancel", order_id: 73 },
      { action: "order_cancel", order_id: 73, order_item_id: 1293 },
      { action: "server_list", order_item_id: 0 },
      { action: "server_list", order_item_id: 1293 },
    ]);
  });

  it("sends Basic credentials", async () => {
    await client({ auth: { method: "basic", username: "ann", password: "pä:ss" } }).orderList();
    expect(seen[0]!.headers.authorization).toBe(`Basic ${Buffer.from("ann:pä:ss").toString("base64")}`);
    expect(seen[0]!.headers["x-account-token"]).toBeUndefined();
  });

  it("refuses bad ids before calling", async () => {
    expectCode(await klikkError(client().orderStatus(-1)), "validation", 400);
    expect((await klikkError(client().orderCancel(1, 1.5))).field).toBe("order_item_id");
    expect(seen).toHaveLength(0);
  });

  it("refuses base URLs it must not use", () => {
    expect(() => createKlikkClient({ baseUrl: "ftp://x/api", auth: token })).toThrow(TypeError);
    expect(() => createKlikkClient({ baseUrl: "https://u:p@x/api", auth: token })).toThrow(TypeError);
  });
});

describe("retries", () => {
  it("retries a read on 502/503/504 up to twice, then succeeds", async () => {
    handler = (_req, res, _s, n) => (n <= 2 ? json(res, n === 1 ? 503 : 504, "") : json(res, 200, okOrders));
    await expect(client().orderList()).resolves.toHaveLength(1);
    expect(seen).toHaveLength(3);
  });

  it("gives up after two retries", async () => {
    handler = (_req, res) => json(res, 502, { status: 502, message: "bad gateway" });
    const e = await klikkError(client().serverList());
    expectCode(e, "upstream_unavailable", 502);
    expect(e.upstreamStatus).toBe(502);
    expect(seen).toHaveLength(3);
  });

  it("retries a read after a connection reset", async () => {
    handler = (req, res, _s, n) => (n === 1 ? req.socket.destroy() : json(res, 200, okOrders.orders[0]));
    await expect(client().orderStatus(73)).resolves.toMatchObject({ order_id: 73 });
    expect(seen).toHaveLength(2);
  });

  it("does not retry a 500, nor any 4xx", async () => {
    handler = (_req, res) => json(res, 500, { status: 500, message: "boom" });
    expectCode(await klikkError(client().orderList()), "upstream_unavailable", 502);
    expect(seen).toHaveLength(1);
    seen = [];
    handler = (_req, res) => json(res, 404, { status: 404, message: "order 5 not found" });
    expectCode(await klikkError(client().orderStatus(5)), "not_found", 404);
    expect(seen).toHaveLength(1);
  });

  it("never retries order_create or order_cancel", async () => {
    handler = (_req, res) => json(res, 503, { status: 503, message: "maintenance" });
    const e = await klikkError(client().orderCreate(orderBody));
    expectCode(e, "upstream_unavailable", 502);
    expect(e.reason).toBeUndefined(); // 503: the upstream did not act
    expect(seen).toHaveLength(1);

    handler = (_req, res) => json(res, 502, "");
    const c = await klikkError(client().orderCancel(73));
    expect(c.reason).toBe("outcome_unknown");
    expect(c.message).toMatch(/may have gone through/);
    expect(seen).toHaveLength(2);

    handler = (req) => req.socket.destroy();
    const reset = await klikkError(client().orderCreate(orderBody));
    expect(reset.reason).toBe("outcome_unknown");
    expect(reset.message).toMatch(/may have been placed.*order list/);
    expect(seen).toHaveLength(3);
  });

  it("a refused connection is upstream_unavailable, and says so for writes too", async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, "127.0.0.1", resolve));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    const c = createKlikkClient({ baseUrl: `http://127.0.0.1:${port}/api`, auth: token, timeoutMs: 3000 });
    const read = await klikkError(c.orderList());
    expectCode(read, "upstream_unavailable", 502);
    expect(read.reason).toBe("network");
    expect(read.detail).toMatch(/ECONNREFUSED/);
    expect((await klikkError(c.orderCreate(orderBody))).reason).toBe("network"); // never sent
  });
});

describe("deadline and abort", () => {
  it("times out a hanging read as upstream_timeout", async () => {
    handler = () => {}; // never answers
    const t0 = performance.now();
    const e = await klikkError(client({ timeoutMs: 300 }).orderList());
    expectCode(e, "upstream_timeout", 504);
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(seen).toHaveLength(1);
  });

  it("keeps retries inside the deadline", async () => {
    handler = (_req, res) => setTimeout(() => json(res, 503, ""), 150);
    const t0 = performance.now();
    const e = await klikkError(client({ timeoutMs: 400 }).orderList());
    expect(["upstream_unavailable", "upstream_timeout"]).toContain(e.code);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it("tells the user an order may have been placed when order_create times out", async () => {
    handler = () => {};
    const e = await klikkError(client({ timeoutMs: 250 }).orderCreate(orderBody));
    expectCode(e, "upstream_timeout", 504);
    expect(e.reason).toBe("outcome_unknown");
    expect(e.message).toMatch(/may have been placed: check the order list/);
  });

  it("rethrows the caller's abort without retrying", async () => {
    handler = () => {};
    const controller = new AbortController();
    const p = client().orderList({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const err: unknown = await p.catch((e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
    expect(isKlikkError(err)).toBe(false);
    expect(seen).toHaveLength(1);
    // already aborted: nothing is sent
    await expect(client().orderList({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
    expect(seen).toHaveLength(1);
  });

  it("an abort during the backoff is still the caller's", async () => {
    handler = (_req, res) => json(res, 503, "");
    const controller = new AbortController();
    const p = client().orderList({ signal: controller.signal });
    await new Promise((r) => setTimeout(r, 30));
    controller.abort(new DOMException("gone", "AbortError"));
    await expect(p).rejects.toMatchObject({ name: "AbortError", message: "gone" });
  });
});

describe("answers the client refuses", () => {
  it("a redirect is never followed", async () => {
    handler = (req, res, s) => {
      if (s.url === "/api") {
        res.writeHead(307, { Location: `${origin}/elsewhere` });
        res.end();
      } else json(res, 200, okOrders);
    };
    const e = await klikkError(client().orderList());
    expectCode(e, "upstream_invalid", 502);
    expect(e.reason).toBe("redirect");
    expect(seen.map((s) => s.url)).toEqual(["/api"]);
  });

  it("an answer over the cap, with or without Content-Length", async () => {
    const big = JSON.stringify({ orders: Array.from({ length: 200 }, (_, i) => ({ ...okOrders.orders[0], order_id: i })) });
    handler = (_req, res) => json(res, 200, big);
    const e = await klikkError(client({ maxBodyBytes: 1024 }).orderList());
    expectCode(e, "upstream_invalid", 502);
    expect(e.reason).toBe("too_large_answer");

    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" }); // chunked, no length
      for (let i = 0; i < 10; i++) res.write(big.slice(i * 1000, (i + 1) * 1000));
      res.end(big.slice(10_000));
    };
    expect((await klikkError(client({ maxBodyBytes: 4096 }).orderList())).reason).toBe("too_large_answer");
    await expect(client({ maxBodyBytes: big.length }).orderList()).resolves.toHaveLength(200);
  });

  it("a 2xx that is not JSON, or not the contract's shape", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<html>maintenance</html>");
    };
    const notJson = await klikkError(client().orderList());
    expectCode(notJson, "upstream_invalid", 502);
    expect(notJson.reason).toBe("not_json");

    handler = (_req, res) => json(res, 200, '{"orders": [');
    expect((await klikkError(client().orderList())).reason).toBe("not_json");

    handler = (_req, res) => json(res, 200, { servers: [{ id: 1, name: "x", cpu: "many", memory: 1, is_running: 1 }] });
    const shape = await klikkError(client().serverList());
    expect(shape.reason).toBe("bad_shape");
    expect(shape.detail).toMatch(/servers\[0\]\.cpu/);
    expect(seen).toHaveLength(3); // none of these is retried
  });
});

describe("error statuses", () => {
  const cases: [number, unknown, KlikkErrorCode, number][] = [
    [400, { status: 400, message: "items[0].product.options.features.sshd.ip_allow is required" }, "validation", 400],
    [401, { status: 401, message: "invalid credentials" }, "unauthenticated", 401],
    [402, "", "payment_required", 402],
    [403, { status: 403, message: "not on this profile" }, "forbidden", 403],
    [404, { status: 404, message: "order 9 not found" }, "not_found", 404],
    [409, { status: 409, message: "anti-affinity group 7 has no free host" }, "conflict", 409],
    [413, "", "validation", 413],
    [429, "slow down", "rate_limited", 429],
    [418, "teapot", "upstream_invalid", 502],
  ];
  it.each(cases)("HTTP %i -> %s", async (status, body, code, httpStatus) => {
    handler = (_req, res) => json(res, status, body, status === 429 ? { "Retry-After": "30" } : {});
    const e = await klikkError(client().orderStatus(9));
    expectCode(e, code, httpStatus);
    expect(e.upstreamStatus).toBe(status);
    expect(e.detail).toMatch(new RegExp(`^order_status: HTTP ${status}`));
  });

  it("names the field of a validation error, and keeps the upstream's message", async () => {
    handler = (_req, res) => json(res, 400, { status: 400, message: "items[0].product.options.features.sshd.ip_allow is required" });
    const e = await klikkError(client().orderCreate(orderBody));
    expect(e.field).toBe("items[0].product.options.features.sshd.ip_allow");
    expect(e.message).toBe("items[0].product.options.features.sshd.ip_allow is required");
  });

  it("names the field of a conflict too, so it lands on that field like a 400", async () => {
    const message = "items[1].product.options.antiaffinity: anti-affinity group 7 has no free host";
    handler = (_req, res) => json(res, 409, { status: 409, message });
    const e = await klikkError(client().orderCreate(orderBody));
    expectCode(e, "conflict", 409);
    expect(e.field).toBe("items[1].product.options.antiaffinity");
    expect(e.message).toBe(message);
  });

  it.each([
    ["items[0].product.options.features.sshd.ip_allow is required", "items[0].product.options.features.sshd.ip_allow"],
    ['items[1].name: "a b" is not a valid server name', "items[1].name"],
    ["reference must be at most 255 characters", "reference"],
    ["order_id is required", "order_id"],
    ["invalid value for field quantity_cpu", "quantity_cpu"],
    ["malformed JSON in request body", undefined],
    ["unknown action \"order_delete\"", undefined],
    ["the request body must be a JSON object", undefined],
    ["", undefined],
  ])("finds the field in %j", (message, field) => {
    expect(parseFieldFromMessage(message)).toBe(field);
  });

  it.each([
    ["items[1].product.options.antiaffinity: anti-affinity group 7 has no free host", "items[1].product.options.antiaffinity", "anti-affinity group 7 has no free host"],
    ["items[0].product.options.features.sshd.ip_allow is required", "items[0].product.options.features.sshd.ip_allow", "is required"],
    ['"reference" must be at most 255 characters', "reference", "must be at most 255 characters"],
    ["invalid value for field quantity_cpu", "quantity_cpu", "invalid value for field quantity_cpu"],
  ])("words %j for its field alone", (message, field, expected) => {
    expect(messageAboutField(message, field)).toBe(expected);
  });

  it("reads Retry-After", async () => {
    handler = (_req, res) => json(res, 429, { status: 429, message: "slow" }, { "Retry-After": "12" });
    expect((await klikkError(client().orderList())).retryAfterSeconds).toBe(12);
  });

  it("survives empty and non-JSON error bodies", async () => {
    handler = (_req, res) => {
      res.writeHead(404, { "Content-Type": "text/html" });
      res.end("<h1>Not here</h1>");
    };
    const e = await klikkError(client().orderStatus(1));
    expectCode(e, "not_found", 404);
    expect(e.detail).toMatch(/non-JSON body/);
    expect(e.message).not.toMatch(/<h1>/);
  });

  it("detects 2-factor accounts and token address refusals", async () => {
    handler = (_req, res) => json(res, 401, { status: 401, message: "2-factor authentication is required: use an account token" });
    const twoFa = await klikkError(client({ auth: { method: "basic", username: "u", password: "pw-1234" } }).orderList());
    expect(twoFa.reason).toBe("two_factor_required");
    handler = (_req, res) => json(res, 403, { status: 403, message: "this token may not be used from 10.1.2.3: add the address to the token's allow list" });
    const addr = await klikkError(client().orderList());
    expect(addr.reason).toBe("token_address");
    expect(addr.message).toMatch(/allow list/);
  });

  it("never puts a password or token into message or detail", async () => {
    const password = "Pa55-Word-Secret";
    handler = (_req, res, s) => json(res, 400, { status: 400, message: `bad request: ${s.headers.authorization ?? ""} ${password} tok-very-secret-123` });
    const secretsOf: [KlikkAuth, string[]][] = [
      [{ method: "basic", username: "ann", password }, [password, Buffer.from(`ann:${password}`).toString("base64")]],
      [{ method: "digest", username: "ann", password }, [password]],
      [token, ["tok-very-secret-123"]],
    ];
    for (const [auth, secrets] of secretsOf) {
      const e = await klikkError(client({ auth }).orderList());
      const text = `${e.message} ${e.detail} ${JSON.stringify(e)}`;
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).toContain("[redacted]");
    }
  });
});

// ---------------------------------------------------------------- the simulator

describe("against the simulator", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, quiet: true, seed: "demo" });
  });
  afterAll(async () => {
    await sim.close();
  });
  afterEach(() => sim.setFaults({}));

  const make = (auth: KlikkAuth, extra: Partial<KlikkClientOptions> = {}) =>
    createKlikkClient({ baseUrl: sim.url, auth, timeoutMs: 5000, digestCache: new DigestChallengeCache(), ...extra });

  it.each([
    ["token", { method: "token", token: "demo-token" }],
    ["basic", { method: "basic", username: "demo", password: "demo" }],
    ["digest", { method: "digest", username: "demo", password: "demo" }],
  ] as [string, KlikkAuth][])("reads orders and servers with %s", async (_name, auth) => {
    const c = make(auth);
    const orders = await c.orderList();
    expect(orders.length).toBeGreaterThan(0);
    const first = orders[0]!;
    await expect(c.orderStatus(first.order_id)).resolves.toMatchObject({ order_id: first.order_id });
    const servers = await c.serverList();
    expect(servers.length).toBeGreaterThan(0);
    expect(servers[0]!.networks.length).toBeGreaterThan(0);
  });

  it("digest authenticates preemptively after the first call", async () => {
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests++;
      return fetch(input, init);
    };
    const c = make({ method: "digest", username: "demo", password: "demo" }, { fetch: counting });
    await c.orderList();
    expect(requests).toBe(2);
    await c.serverList();
    await c.orderList();
    expect(requests).toBe(4);
  });

  it("places, reads and cancels an order", async () => {
    const c = make({ method: "token", token: "demo-token" });
    const placed = await c.orderCreate(orderBody);
    expect(placed.order_id).toBeGreaterThan(0);
    expect([100, 110, 200, 210, 0]).toContain(placed.status);
    const status = await c.orderStatus(placed.order_id);
    expect(status.order_items).toHaveLength(1);
    await expect(c.orderCancel(placed.order_id)).resolves.toBeUndefined();
    expect(await klikkError(c.orderCancel(placed.order_id, 99_999_999))).toMatchObject({ code: "not_found" });
  });

  it("refuses 2-factor accounts over Basic and Digest", async () => {
    for (const method of ["basic", "digest"] as const) {
      const e = await klikkError(make({ method, username: "demo-2fa", password: "demo" }).orderList());
      expectCode(e, "unauthenticated", 401);
      expect(e.reason).toBe("two_factor_required");
    }
  });

  it("refuses demo-token-remote from this address", async () => {
    const e = await klikkError(make({ method: "token", token: "demo-token-remote" }).orderList());
    expectCode(e, "forbidden", 403);
    expect(e.reason).toBe("token_address");
  });

  it("refuses a wrong password and an unknown user with the same message", async () => {
    const errors: KlikkError[] = [];
    for (const method of ["basic", "digest"] as const) {
      errors.push(await klikkError(make({ method, username: "demo", password: "wrong" }).orderList()));
      errors.push(await klikkError(make({ method, username: "nobody", password: "wrong" }).orderList()));
    }
    for (const e of errors) {
      expectCode(e, "unauthenticated", 401);
      expect(e.reason).toBeUndefined();
      expect(e.message).toBe("The klikk API refused this username and password.");
    }
    expectCode(await klikkError(make({ method: "token", token: "no-such-token" }).orderList()), "unauthenticated", 401);
  });

  it("refuses an order from demo-readonly", async () => {
    const e = await klikkError(make({ method: "basic", username: "demo-readonly", password: "demo" }).orderCreate(orderBody));
    expectCode(e, "forbidden", 403);
    expect(e.reason).toBe("read_only");
  });

  it("maps an invalid order to validation with the field", async () => {
    const bad = structuredClone(orderBody) as { items: { product: { options: { features: { sshd: Record<string, unknown> } } } }[] };
    delete bad.items[0]!.product.options.features.sshd.ip_allow;
    const e = await klikkError(make({ method: "token", token: "demo-token" }).orderCreate(bad as unknown as OrderCreateBody));
    expectCode(e, "validation", 400);
    expect(e.field).toBe("items[0].product.options.features.sshd.ip_allow");
  });

  it("retries reads through 503s and never retries order_create", async () => {
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests++;
      return fetch(input, init);
    };
    const c = make({ method: "token", token: "demo-token" }, { fetch: counting });
    sim.setFaults({ rate503: 1 });
    expectCode(await klikkError(c.orderList()), "upstream_unavailable", 502);
    expect(requests).toBe(3);
    requests = 0;
    expectCode(await klikkError(c.orderCreate(orderBody)), "upstream_unavailable", 502);
    expect(requests).toBe(1);
  });

  it("a malformed answer is upstream_invalid", async () => {
    const c = make({ method: "token", token: "demo-token" });
    for (const kind of ["html", "truncated", "wrong-shape"] as const) {
      sim.setFaults({ malformedRate: 1, malformedKinds: [kind], actions: ["server_list"] });
      expectCode(await klikkError(c.serverList()), "upstream_invalid", 502);
    }
  });

  it("an order_create that hangs after placing times out with a warning, and the order exists", async () => {
    const c = make({ method: "token", token: "demo-token" }, { timeoutMs: 400 });
    const before = (await c.orderList()).length;
    sim.setFaults({ hangAfterCommit: true, actions: ["order_create"] });
    const e = await klikkError(c.orderCreate(orderBody));
    expectCode(e, "upstream_timeout", 504);
    expect(e.message).toMatch(/may have been placed/);
    sim.setFaults({});
    expect((await c.orderList()).length).toBe(before + 1);
  });
});

describe("serverListBody: a list passed on as it came", () => {
  const server = { id: 1, name: "web-1", cpu: 2, memory: 2048, is_running: 1, customer_id: 7, order_item_id: null, networks: [], storages: [], extra: { kept: true } };
  const decode = (body: ListBody) => new Response(body.responseBody()).text();

  it("sends the upstream's own bytes when they are the strict form, and reads the same bytes again without parsing", async () => {
    // Spacing that JSON.stringify would never produce: proof that the bytes are the upstream's.
    const raw = `{ "servers" : [ ${JSON.stringify(server)} ] }`;
    handler = (_req, res) => json(res, 200, raw);
    const first = await client().serverListBody();
    expect(await decode(first)).toBe(raw);
    const parse = JSON.parse;
    let parsed = 0;
    JSON.parse = ((...args: Parameters<typeof JSON.parse>) => {
      parsed += 1;
      return parse(...args);
    }) as typeof JSON.parse;
    try {
      expect(await decode(await client().serverListBody())).toBe(raw);
    } finally {
      JSON.parse = parse;
    }
    expect(parsed).toBe(0);
  });

  it("wraps a bare array without a byte order mark, also when white space fills the first chunk", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(" \n")]));
      setTimeout(() => res.end(Buffer.from(` [${JSON.stringify({ ...server, id: 2 })}]`)), 20);
    };
    const body = JSON.parse(await decode(await client().serverListBody()));
    expect(body).toEqual({ servers: [{ ...server, id: 2 }] });
  });

  it("serialises what the tolerant form repaired, and leaves out other keys", async () => {
    handler = (_req, res) => json(res, 200, { servers: [{ ...server, id: "3", is_running: true, networks: null }], total: 1 });
    const body = JSON.parse(await decode(await client().serverListBody()));
    expect(body).toEqual({ servers: [{ ...server, id: 3, is_running: 1, networks: [] }] });
  });

  it("refuses an answer of the wrong shape every time, however often it comes", async () => {
    handler = (_req, res) => json(res, 200, { servers: [{ ...server, cpu: "many" }] });
    for (let i = 0; i < 2; i++) expectCode(await klikkError(client().serverListBody()), "upstream_invalid", 502);
  });
});

describe("orderListBody: the order list passed on as it came", () => {
  const order = { order_id: 70, status: 400, message: "done", order_items: [{ id: 1, status: 400, name: "web-1", message: "done" }], note: "kept" };
  const decode = (body: ListBody) => new Response(body.responseBody()).text();

  it("sends the upstream's own bytes when they are the strict form", async () => {
    const raw = `{ "orders" : [ ${JSON.stringify(order)} ] }`;
    handler = (_req, res) => json(res, 200, raw);
    expect(await decode(await client().orderListBody())).toBe(raw);
  });

  it("serialises what the tolerant form repaired, and refuses the wrong shape", async () => {
    handler = (_req, res) => json(res, 200, { orders: [{ ...order, order_id: "71" }] });
    expect(JSON.parse(await decode(await client().orderListBody()))).toEqual({ orders: [{ ...order, order_id: 71 }] });
    handler = (_req, res) => json(res, 200, { orders: [{ ...order, status: "paid" }] });
    expectCode(await klikkError(client().orderListBody()), "upstream_invalid", 502);
  });
});
