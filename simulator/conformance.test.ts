/**
 * Conformance of the simulator with ../shared/klikk-api.md over real HTTP: routing, every
 * authentication path, every action, every error case, transitions (virtual clock), payment,
 * anti-affinity and firewall conflicts, faults.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./index.ts";
import { basic, call, digestHeader, fetchChallenge, parseChallenge, token, type Reply } from "./testing.ts";

const TICK = 1000;
const PERIOD = 10_000;
const PAY_DELAY = 5000;

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, quiet: true, faultsApi: true, tickMs: TICK, periodMs: PERIOD, paymentDelayMs: PAY_DELAY });
});
afterAll(async () => {
  await sim.close();
});

const asDemo = basic("demo", "demo");
const asToken = token("demo-token");
const asLabs = token("demo-token-labs");

function api(headers: Record<string, string>, body: unknown, extra: { timeoutMs?: number } = {}): Promise<Reply> {
  return call(sim.origin, { headers, body, ...extra });
}
function simPost(path: string, body: unknown = {}): Promise<Reply> {
  return call(sim.origin, { path, body });
}
const advance = (ms: number) => simPost("/__sim/advance", { ms });

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const j = (r: Reply) => r.json as Json;

function expectError(r: Reply, status: number, message?: string | RegExp): void {
  expect(r.status, r.text).toBe(status);
  expect(j(r).status).toBe(status);
  expect(typeof j(r).message).toBe("string");
  if (typeof message === "string") expect(j(r).message).toContain(message);
  else if (message) expect(j(r).message).toMatch(message);
}

function item(name: string, over: Json = {}, features: Json = {}): Json {
  return {
    name,
    product: {
      name: "VPS",
      options: {
        quantity_ram_gb: 1,
        quantity_cpu: 1,
        quantity_storage_gb: 20,
        os: "Debian",
        os_version: "12",
        ...over,
        features: { ipv4: 1, sshd: { ip_allow: "192.0.2.0/24" }, ...features },
      },
    },
  };
}
const create = (headers: Record<string, string>, items: Json[], reference?: string) =>
  api(headers, { action: "order_create", items, ...(reference !== undefined ? { reference } : {}) });

describe("routing and request framing", () => {
  it("404 for other paths, 405 with Allow for other methods", async () => {
    expectError(await call(sim.origin, { path: "/", headers: asDemo, body: {} }), 404);
    expectError(await call(sim.origin, { path: "/api/x", headers: asDemo, body: {} }), 404);
    for (const method of ["GET", "PUT", "DELETE", "PATCH"]) {
      const r = await call(sim.origin, { method, headers: asDemo });
      expectError(r, 405);
      expect(r.headers.allow).toEqual(["POST"]);
    }
  });

  it("413 for a body over 1 MiB, by Content-Length and while streaming", async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 0x20);
    expectError(await call(sim.origin, { headers: asDemo, body: big }), 413, "1 MiB");
    expectError(await call(sim.origin, { headers: asDemo, body: big, chunked: true }), 413);
    // Exactly 1 MiB is allowed (and is then malformed JSON).
    expectError(await call(sim.origin, { headers: asDemo, body: Buffer.alloc(1024 * 1024, 0x20) }), 400);
  });

  it("400 for malformed JSON, a non-object body, a missing or unknown action", async () => {
    expectError(await api(asDemo, "{nope"), 400, "malformed JSON");
    expectError(await api(asDemo, ""), 400, "malformed JSON");
    expectError(await api(asDemo, [1, 2]), 400, "JSON object");
    expectError(await api(asDemo, "null"), 400, "JSON object");
    expectError(await api(asDemo, { order_id: 1 }), 400, "action is required");
    expectError(await api(asDemo, { action: "server_delete" }), 400, 'unknown action "server_delete"');
    expectError(await api(asDemo, { action: 5 }), 400, "unknown action");
  });

  it("authenticates before it looks at the body", async () => {
    expectError(await api({}, "{nope"), 401);
  });

  it("answers JSON with no-store", async () => {
    const r = await api(asDemo, { action: "order_list" });
    expect(r.headers["content-type"]?.[0]).toMatch(/^application\/json/);
    expect(r.headers["cache-control"]).toEqual(["no-store"]);
  });

  it("has no /__sim endpoints without the faults API", async () => {
    const plain = await startSimulator({ port: 0, quiet: true });
    try {
      expect((await call(plain.origin, { path: "/__sim/faults", method: "GET" })).status).toBe(404);
      expect((await call(plain.origin, { path: "/__sim/reset" })).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe("authentication", () => {
  it("every 401 carries Digest SHA-256, Digest MD5 and Basic challenges", async () => {
    const r = await api({}, { action: "order_list" });
    expectError(r, 401, "authentication required");
    const challenges = (r.headers["www-authenticate"] ?? []).map(parseChallenge);
    expect(challenges.map((c) => `${c.scheme} ${c.params.algorithm ?? ""}`.trim())).toEqual(["Digest SHA-256", "Digest MD5", "Basic"]);
    for (const c of challenges.slice(0, 2)) {
      expect(c.params).toMatchObject({ realm: "klikk", qop: "auth" });
      expect(c.params.nonce).toBeTruthy();
      expect(c.params.opaque).toBeTruthy();
      expect(c.params.stale).toBeUndefined();
    }
    for (const bad of [basic("demo", "wrong"), token("nope")]) {
      expect((await api(bad, { action: "order_list" })).headers["www-authenticate"]).toHaveLength(3);
    }
  });

  describe("Basic", () => {
    it("accepts the right password", async () => {
      expect((await api(asDemo, { action: "order_list" })).status).toBe(200);
    });
    it("gives the same 401 for a wrong password and an unknown user", async () => {
      const wrong = await api(basic("demo", "nope"), { action: "order_list" });
      const unknown = await api(basic("nobody", "demo"), { action: "order_list" });
      expectError(wrong, 401);
      expectError(unknown, 401);
      expect(j(wrong).message).toBe(j(unknown).message);
    });
    it("splits at the first colon", async () => {
      expectError(await api(basic("demo", "demo:"), { action: "order_list" }), 401, "invalid username or password");
      expectError(await api(basic("demo:demo", ""), { action: "order_list" }), 401, "invalid username or password");
    });
    it("401 (not a crash) for bad base64 or no colon", async () => {
      for (const header of ["Basic !!!!", "Basic ", "Basic", "Basic ZGVtbw==", "Basic /w==", "Basic ZGVtbzpkZW1v=="]) {
        expectError(await api({ Authorization: header }, { action: "order_list" }), 401);
      }
      expectError(await api({ Authorization: "Bearer abc" }, { action: "order_list" }), 401, "unsupported");
    });
    it("refuses 2-factor accounts, but only with the right password", async () => {
      expectError(await api(basic("demo-2fa", "demo"), { action: "order_list" }), 401, "2-factor authentication is required: use an account token");
      expectError(await api(basic("demo-2fa", "bad"), { action: "order_list" }), 401, "invalid username or password");
    });
  });

  describe("Digest", () => {
    it.each(["SHA-256", "MD5", "SHA-256-sess", "MD5-sess"])("accepts %s", async (algorithm) => {
      const challenge = await fetchChallenge(sim.origin, algorithm.startsWith("SHA") ? "SHA-256" : "MD5");
      const r = await api({ Authorization: digestHeader({ challenge, username: "demo", password: "demo", algorithm }) }, { action: "order_list" });
      expect(r.status, r.text).toBe(200);
    });

    it("requires nc to grow per nonce: a replay is refused", async () => {
      const challenge = await fetchChallenge(sim.origin, "SHA-256");
      const first = digestHeader({ challenge, username: "demo", password: "demo", nc: 1 });
      expect((await api({ Authorization: first }, { action: "order_list" })).status).toBe(200);
      const replay = await api({ Authorization: first }, { action: "order_list" });
      expectError(replay, 401, "replay");
      expect((replay.headers["www-authenticate"] ?? []).join()).not.toContain("stale");
      const next = digestHeader({ challenge, username: "demo", password: "demo", nc: 2 });
      expect((await api({ Authorization: next }, { action: "order_list" })).status).toBe(200);
      const back = digestHeader({ challenge, username: "demo", password: "demo", nc: 2 });
      expectError(await api({ Authorization: back }, { action: "order_list" }), 401);
    });

    it("accepts username* (RFC 7616 3.4.4) and proves itself with rspauth (3.5)", async () => {
      const challenge = await fetchChallenge(sim.origin, "SHA-256");
      const cnonce = "conformance-cnonce";
      const r = await api({ Authorization: digestHeader({ challenge, username: "demo", password: "demo", cnonce, extendedUsername: true }) }, { action: "order_list" });
      expect(r.status, r.text).toBe(200);
      const info = r.headers["authentication-info"]?.[0] ?? "";
      const rspauth = /rspauth="([0-9a-f]+)"/.exec(info)?.[1];
      const sha = (text: string) => createHash("sha256").update(text).digest("hex");
      const ha1 = sha(`demo:${challenge.params.realm}:demo`);
      expect(rspauth).toBe(sha(`${ha1}:${challenge.params.nonce}:00000001:${cnonce}:auth:${sha(":/api")}`));
    });

    it("requires uri to be the request target", async () => {
      const challenge = await fetchChallenge(sim.origin, "SHA-256");
      const h = digestHeader({ challenge, username: "demo", password: "demo", uri: "/other" });
      // RFC 7616 3.4.6: a bad request, not bad credentials.
      expectError(await api({ Authorization: h }, { action: "order_list" }), 400, "uri");
      // A query string is part of the target.
      const withQuery = digestHeader({ challenge, username: "demo", password: "demo", uri: "/api?x=1", nc: 5 });
      const r = await call(sim.origin, { path: "/api?x=1", headers: { Authorization: withQuery }, body: { action: "order_list" } });
      expect(r.status).toBe(200);
    });

    it("refuses a wrong password, an unknown user, a forged nonce, a wrong opaque, realm or qop", async () => {
      const challenge = await fetchChallenge(sim.origin, "SHA-256");
      const wrong = await api({ Authorization: digestHeader({ challenge, username: "demo", password: "x" }) }, { action: "order_list" });
      const unknown = await api({ Authorization: digestHeader({ challenge, username: "ghost", password: "demo" }) }, { action: "order_list" });
      expectError(wrong, 401);
      expect(j(wrong).message).toBe(j(unknown).message);
      const forged = { scheme: "Digest", params: { ...challenge.params, nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v" } };
      expectError(await api({ Authorization: digestHeader({ challenge: forged, username: "demo", password: "demo" }) }, { action: "order_list" }), 401, "nonce");
      const opaque = { scheme: "Digest", params: { ...challenge.params, opaque: "x" } };
      expectError(await api({ Authorization: digestHeader({ challenge: opaque, username: "demo", password: "demo" }) }, { action: "order_list" }), 401, "opaque");
      const realm = { scheme: "Digest", params: { ...challenge.params, realm: "other" } };
      expectError(await api({ Authorization: digestHeader({ challenge: realm, username: "demo", password: "demo" }) }, { action: "order_list" }), 401, "realm");
      const noQop = digestHeader({ challenge, username: "demo", password: "demo" }).replace("qop=auth", "qop=auth-int");
      expectError(await api({ Authorization: noQop }, { action: "order_list" }), 401, "qop");
      expectError(await api({ Authorization: 'Digest username="demo' }, { action: "order_list" }), 401, "malformed");
    });

    it("refuses 2-factor accounts", async () => {
      const challenge = await fetchChallenge(sim.origin, "MD5");
      const r = await api({ Authorization: digestHeader({ challenge, username: "demo-2fa", password: "demo" }) }, { action: "order_list" });
      expectError(r, 401, "2-factor authentication is required: use an account token");
    });

    it("says stale=true only for an expired nonce with an otherwise right answer", async () => {
      const challenge = await fetchChallenge(sim.origin, "SHA-256");
      await advance(6 * 60_000);
      const right = await api({ Authorization: digestHeader({ challenge, username: "demo", password: "demo" }) }, { action: "order_list" });
      expectError(right, 401, "expired");
      const challenges = (right.headers["www-authenticate"] ?? []).map(parseChallenge);
      expect(challenges[0]?.params.stale).toBe("true");
      expect(challenges[1]?.params.stale).toBe("true");
      const wrong = await api({ Authorization: digestHeader({ challenge, username: "demo", password: "nope", nc: 2 }) }, { action: "order_list" });
      expectError(wrong, 401, "invalid username or password");
      expect((wrong.headers["www-authenticate"] ?? []).join()).not.toContain("stale");
      // The fresh nonce from the stale answer works.
      const fresh = challenges[0] as NonNullable<(typeof challenges)[0]>;
      expect((await api({ Authorization: digestHeader({ challenge: fresh, username: "demo", password: "demo" }) }, { action: "order_list" })).status).toBe(200);
    });
  });

  describe("X-Account-Token", () => {
    it("is scoped to its profile", async () => {
      const as = j(await api(asToken, { action: "order_list" })).orders as Json[];
      const labs = j(await api(asLabs, { action: "order_list" })).orders as Json[];
      expect(as.map((o) => o.order_id)).toContain(70);
      expect(as.map((o) => o.order_id)).not.toContain(90);
      expect(labs.map((o) => o.order_id).sort()).toEqual([90, 91]);
      expectError(await api(asToken, { action: "order_status", order_id: 90 }), 404);
      expectError(await api(asLabs, { action: "order_status", order_id: 70 }), 404);
      const servers = j(await api(asLabs, { action: "server_list" })).servers as Json[];
      expect(servers.every((s) => s.customer_id === 311)).toBe(true);
    });

    it("is refused from an address outside its allow list, whatever X-Forwarded-For says", async () => {
      const r = await api({ ...token("demo-token-remote"), "X-Forwarded-For": "203.0.113.9", "X-Real-IP": "203.0.113.9" }, { action: "order_list" });
      expectError(r, 403, "127.0.0.1");
    });

    it("401 for an unknown token, and works for the 2-factor case (token is the way)", async () => {
      expectError(await api(token("demo-token-x"), { action: "order_list" }), 401, "invalid account token");
      expectError(await api(token(""), { action: "order_list" }), 401);
    });

    it("takes precedence over Authorization", async () => {
      expect((await api({ ...asToken, ...basic("demo", "wrong") }, { action: "order_list" })).status).toBe(200);
    });

    it("checks IPv6 ::1 against the allow list", async () => {
      let v6: Simulator;
      try {
        v6 = await startSimulator({ port: 0, quiet: true, host: "::1" });
      } catch {
        return; // no IPv6 loopback on this machine
      }
      try {
        expect((await call(v6.origin, { headers: asToken, body: { action: "order_list" } })).status).toBe(200);
        expect((await call(v6.origin, { headers: token("demo-token-remote"), body: { action: "order_list" } })).status).toBe(403);
      } finally {
        await v6.close();
      }
    });
  });
});

describe("actions", () => {
  beforeEach(async () => {
    await simPost("/__sim/reset");
    await call(sim.origin, { path: "/__sim/faults", method: "DELETE" });
  });

  describe("order_list and order_status", () => {
    it("lists orders in every status class, with reference and created", async () => {
      const orders = j(await api(asDemo, { action: "order_list" })).orders as Json[];
      const byId = new Map(orders.map((o) => [o.order_id as number, o]));
      expect([...byId.keys()]).toEqual([70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 90, 91]);
      const statuses = new Set(orders.map((o) => o.status));
      for (const s of [0, 100, 110, 200, 210, 900, 910]) expect(statuses).toContain(s);
      for (const o of orders) {
        expect(new Date(o.created).toISOString()).toBe(o.created);
        expect(typeof o.reference).toBe("string");
        expect(typeof o.message).toBe("string");
        for (const it of o.order_items) expect(Object.keys(it).sort()).toEqual(["id", "message", "name", "reference", "status"]);
      }
      // The mixed order: 0, 210, 910 -> the lowest class in progress.
      expect(byId.get(82)).toMatchObject({ status: 210, reference: "Mixed" });
      expect(byId.get(78)?.message).toContain("invoice 5501");
    });

    it("order_status answers the contract's shape", async () => {
      const r = await api(asDemo, { action: "order_status", order_id: 70 });
      expect(r.status).toBe(200);
      expect(j(r)).toEqual({
        order_id: 70,
        status: 0,
        message: "Completed",
        order_items: [
          { id: 1001, status: 0, name: "VPS", reference: "web-1", message: "Completed" },
          { id: 1002, status: 0, name: "VPS", reference: "web-2", message: "Completed" },
          { id: 1003, status: 0, name: "VPS", reference: "web-3", message: "Completed" },
        ],
      });
      expect((await api(asDemo, { action: "order_status", order_id: "70" })).status).toBe(200);
    });

    it("order_status errors: 404 unknown, 400 missing or invalid id, 400 unknown field", async () => {
      expectError(await api(asDemo, { action: "order_status", order_id: 4242 }), 404, "order 4242 not found");
      expectError(await api(asDemo, { action: "order_status" }), 400, "order_id is required");
      expectError(await api(asDemo, { action: "order_status", order_id: "abc" }), 400, "order_id must be a positive whole number");
      expectError(await api(asDemo, { action: "order_status", order_id: -3 }), 400, "order_id");
      expectError(await api(asDemo, { action: "order_status", order_id: 70, extra: 1 }), 400, '"extra"');
      expectError(await api(asDemo, { action: "order_list", page: 2 }), 400, '"page"');
    });

    it("read-only users can read", async () => {
      expect((await api(basic("demo-readonly", "demo"), { action: "order_list" })).status).toBe(200);
      expect((await api(basic("demo-readonly", "demo"), { action: "server_list" })).status).toBe(200);
    });
  });

  describe("server_list", () => {
    it("lists every visible server for 0, blank or absent order_item_id", async () => {
      const all = j(await api(asToken, { action: "server_list" })).servers as Json[];
      expect(all.length).toBeGreaterThanOrEqual(12);
      for (const v of [0, "", "0", null]) {
        expect(j(await api(asToken, { action: "server_list", order_item_id: v })).servers).toEqual(all);
      }
      expect(all.some((s) => s.is_running === 0)).toBe(true);
      expect(all.some((s) => s.networks.length === 2)).toBe(true);
      expect(all.some((s) => s.networks.every((n: Json) => n.ipv4 === "" && n.ipv6 !== ""))).toBe(true);
      expect(all.some((s) => s.storages.length === 3)).toBe(true);
      const web1 = all.find((s) => s.name === "web-1") as Json;
      expect(web1).toMatchObject({ id: 4401, cpu: 2, memory: 2048, is_running: 1, customer_id: 310, order_item_id: 1001 });
      expect(web1.storages).toEqual([{ id: 501, lun: 0, name: "NVM SSD", size: 40000 }]);
      expect(web1.networks[0]).toMatchObject({ ifindex: 0, ipv4: "100.64.17.49", ipv6: "2001:db8:4b::1131" });
      // The password user sees both profiles.
      const both = j(await api(asDemo, { action: "server_list" })).servers as Json[];
      expect(both.length).toBe(all.length + 1);
    });

    it("filters by order item; 404 for unknown or invisible items", async () => {
      const edge = j(await api(asToken, { action: "server_list", order_item_id: 1010 })).servers as Json[];
      expect(edge.map((s) => s.name)).toEqual(["edge-1"]);
      expect(j(await api(asToken, { action: "server_list", order_item_id: 1014 })).servers).toEqual([]);
      expectError(await api(asToken, { action: "server_list", order_item_id: 999_999 }), 404);
      expectError(await api(asToken, { action: "server_list", order_item_id: 1030 }), 404);
      expectError(await api(asToken, { action: "server_list", order_item_id: "x" }), 400);
      // The cancelled-at-period-end server (900) is still there; the 910 one is not.
      expect(j(await api(asToken, { action: "server_list", order_item_id: 1012 })).servers).toHaveLength(1);
      expect(j(await api(asToken, { action: "server_list", order_item_id: 1013 })).servers).toHaveLength(0);
    });
  });

  describe("order_create", () => {
    it("places a paid order and walks 110 -> 200 -> 210 -> 0, then the server appears", async () => {
      const r = await create(asToken, [item("app-1", { quantity_ram_gb: 0.5, quantity_storage_gb: 25 })], "My ref");
      expect(r.status).toBe(200);
      expect(j(r)).toEqual({ order_id: 100, status: 110, message: "Order is being processed" });
      const status = async () => j(await api(asToken, { action: "order_status", order_id: 100 }));
      expect((await status()).order_items[0]).toMatchObject({ id: 1100, status: 110, name: "VPS", reference: "app-1" });
      await advance(TICK);
      expect((await status()).status).toBe(200);
      await advance(TICK);
      expect((await status()).status).toBe(210);
      expect(j(await api(asToken, { action: "server_list", order_item_id: 1100 })).servers).toEqual([]);
      await advance(TICK);
      expect((await status()).status).toBe(0);
      const servers = j(await api(asToken, { action: "server_list", order_item_id: 1100 })).servers as Json[];
      expect(servers).toHaveLength(1);
      const s = servers[0] as Json;
      expect(s).toMatchObject({ name: "app-1", cpu: 1, memory: 512, is_running: 1, customer_id: 310, order_item_id: 1100 });
      expect(s.storages).toEqual([{ id: expect.any(Number), lun: 0, name: "NVM SSD", size: 25000 }]);
      expect(s.networks).toHaveLength(1);
      expect(s.networks[0].ipv4).not.toBe("");
      expect(s.networks[0].ipv6).not.toBe("");
      const listed = (j(await api(asToken, { action: "order_list" })).orders as Json[]).find((o) => o.order_id === 100);
      expect(listed).toMatchObject({ reference: "My ref", status: 0 });
      expect(j(await api(asToken, { action: "server_list" })).servers.some((x: Json) => x.name === "app-1")).toBe(true);
    });

    it("gives IPv6 only when features.ipv4 is not 1", async () => {
      await create(asToken, [item("v6-1", {}, { ipv4: 0 }), item("v6-2", {}, { ipv4: undefined })]);
      await advance(3 * TICK);
      for (const id of [1100, 1101]) {
        const [s] = j(await api(asToken, { action: "server_list", order_item_id: id })).servers as Json[];
        expect(s?.networks[0].ipv4).toBe("");
        expect(s?.networks[0].ipv6).toMatch(/^2001:db8:/);
      }
    });

    it("without enough credit asks for payment (status 100, invoice), then continues once paid", async () => {
      const r = await create(asLabs, [item("lab-9", { quantity_ram_gb: 4 })]);
      expect(r.status).toBe(200);
      expect(j(r)).toMatchObject({ status: 100, message: expect.stringMatching(/^Payment required: invoice 5521 created/) });
      const id = j(r).order_id as number;
      const status = async () => j(await api(asLabs, { action: "order_status", order_id: id }));
      expect(await status()).toMatchObject({ status: 100, message: expect.stringMatching(/^Payment required: invoice 5521 is open \(EUR \d+\.\d{2}\)$/) });
      await advance(TICK * 3);
      expect((await status()).status).toBe(100);
      expect(j(await simPost("/__sim/pay", { invoice: 5521 }))).toEqual({ paid: [5521] });
      expect((await status()).status).toBe(110);
      await advance(3 * TICK);
      expect((await status()).status).toBe(0);
      const state = j(await call(sim.origin, { path: "/__sim/state", method: "GET" }));
      expect(state.invoices.find((i: Json) => i.id === 5521).status).toBe("paid");
    });

    it("holds open invoices while asked to (POST /__sim/payments), until /__sim/pay or a reset", async () => {
      expect(j(await simPost("/__sim/payments", { hold: true }))).toEqual({ hold: true });
      const id = j(await create(asLabs, [item("lab-7")])).order_id as number;
      await advance(PAY_DELAY * 3);
      expect(j(await api(asLabs, { action: "order_status", order_id: id })).status).toBe(100);
      expect((await simPost("/__sim/payments", { hold: "yes" })).status).toBe(400);
      await simPost("/__sim/pay", { order_id: id });
      expect(j(await api(asLabs, { action: "order_status", order_id: id })).status).toBe(110);
      await simPost("/__sim/reset", {});
      expect(j(await simPost("/__sim/payments", { hold: false }))).toEqual({ hold: false });
    });

    it("demo mode pays an invoice by itself after the payment delay", async () => {
      const r = await create(asLabs, [item("lab-8")]);
      const id = j(r).order_id as number;
      // Virtual time also runs with real time, hence the margin below the boundaries.
      await advance(PAY_DELAY - 300);
      expect(j(await api(asLabs, { action: "order_status", order_id: id })).status).toBe(100);
      await advance(300 + 3 * TICK);
      expect(j(await api(asLabs, { action: "order_status", order_id: id })).status).toBe(0);
    });

    it("a password user orders into the first profile", async () => {
      const r = await create(asDemo, [item("first-1")]);
      expect(j(r).status).toBe(110);
      expect((await api(asToken, { action: "order_status", order_id: j(r).order_id })).status).toBe(200);
    });

    it("403 for a read-only user", async () => {
      expectError(await create(basic("demo-readonly", "demo"), [item("ro-1")]), 403, "read-only");
    });

    it.each<[string, Json, string]>([
      ["ip_allow missing", { items: [item("a", {}, { sshd: {} })] }, "items[0].product.options.features.sshd.ip_allow is required"],
      ["bad CIDR", { items: [item("a", {}, { sshd: { ip_allow: "10.0.0.0/33" } })] }, "items[0].product.options.features.sshd.ip_allow:"],
      ["bad port range", { items: [item("a", {}, { sshd: { ip_allow: "::1", public_ports_allow: "443:80" } })] }, "public_ports_allow:"],
      ["bad key", { items: [item("a", {}, { sshd: { ip_allow: "::1", authorized_keys: "ssh-ed25519 AAAA" } })] }, "authorized_keys: line 1:"],
      ["http cloud-init", { items: [item("a", {}, { cloud_init_url: "http://example.com/x" })] }, "features.cloud_init_url:"],
      ["ipv4 2", { items: [item("a", {}, { ipv4: 2 })] }, "features.ipv4 must be 0 or 1"],
      ["ram", { items: [item("a", { quantity_ram_gb: 0.25 })] }, "items[0].product.options.quantity_ram_gb must be"],
      ["cpu", { items: [item("a", { quantity_cpu: 65 })] }, "items[0].product.options.quantity_cpu must be"],
      ["storage", { items: [item("a", { quantity_storage_gb: 4001 })] }, "items[0].product.options.quantity_storage_gb must be"],
      ["os", { items: [item("a", { os: 2 })] }, "items[0].product.options.os must be a string"],
      ["os_version", { items: [item("a", { os_version: "10.4" })] }, "items[0].product.options.os_version must be one of"],
      ["antiaffinity", { items: [item("a", { antiaffinity: 0 })] }, "antiaffinity must be a positive whole number"],
      ["firewall_addme", { items: [item("a", { firewall_id: 12, firewall_addme: 1 })] }, 'firewall_addme must be "1" or "0"'],
      ["name", { items: [item("my server")] }, "items[0].name:"],
      ["product", { items: [{ ...item("a"), product: { ...item("a").product, name: "Dedicated" } }] }, 'items[0].product.name must be "VPS"'],
      ["no items", { items: [] }, "items must hold at least 1 server"],
      ["21 items", { items: Array.from({ length: 21 }, (_, i) => item(`n${i}`)) }, "items must hold at most 20 servers"],
      ["items missing", {}, "items is required"],
      ["reference", { items: [item("a")], reference: "x".repeat(256) }, "reference must be at most 255 characters"],
      ["unknown field", { items: [item("a")], referense: "x" }, 'has an unknown field "referense"'],
    ])("400 for %s, naming the field", async (_name, body, message) => {
      const r = await api(asToken, { action: "order_create", ...body });
      expectError(r, 400, message);
    });

    it("409 when an anti-affinity group has no free host, naming the group", async () => {
      // Group 7 already holds web-1..3 on hosts 1-3: one more fits, two do not.
      const two = await create(asToken, [item("aa-1", { antiaffinity: 7 }), item("aa-2", { antiaffinity: 7 })]);
      expectError(two, 409, "anti-affinity group 7");
      expect(j(two).message).toMatch(/^items\[1\]/);
      expect((await create(asToken, [item("aa-1", { antiaffinity: 7 })])).status).toBe(200);
      expectError(await create(asToken, [item("aa-2", { antiaffinity: 7 })]), 409, "group 7");
      // Four of a new group spread over four hosts; a fifth does not fit.
      const four = await create(asToken, [1, 2, 3, 4].map((i) => item(`g${i}`, { antiaffinity: 42 })));
      expect(four.status).toBe(200);
      const hosts = j(await call(sim.origin, { path: "/__sim/state", method: "GET" })).hosts as Record<string, number>;
      const ids = (j(await api(asToken, { action: "order_status", order_id: j(four).order_id })).order_items as Json[]).map((i) => i.id);
      expect(new Set(ids.map((i) => hosts[i])).size).toBe(4);
      expectError(await create(asToken, [item("g5", { antiaffinity: 42 })]), 409, "group 42");
      // Groups are per profile: Labs can use 42 freely.
      expect((await create(asLabs, [item("g1", { antiaffinity: 42 })])).status).toBe(200);
      // Nothing was placed by the refused orders.
      expect((j(await api(asToken, { action: "order_list" })).orders as Json[]).length).toBe(15 - 2 + 2);
    });

    it("409 for an unknown firewall group or one of another profile", async () => {
      expectError(await create(asToken, [item("fw-1", { firewall_id: 99 })]), 409, "firewall group 99");
      expectError(await create(asToken, [item("fw-1", { firewall_id: 21 })]), 409, "firewall group 21");
    });

    it("firewall_addme adds the server's addresses to the group", async () => {
      const r = await create(asToken, [item("fw-2", { firewall_id: 13, firewall_addme: "1" }), item("fw-3", { firewall_id: 13, firewall_addme: "0" })]);
      expect(r.status).toBe(200);
      await advance(3 * TICK);
      const [s2] = j(await api(asToken, { action: "server_list", order_item_id: 1100 })).servers as Json[];
      const [s3] = j(await api(asToken, { action: "server_list", order_item_id: 1101 })).servers as Json[];
      const group = (j(await call(sim.origin, { path: "/__sim/state", method: "GET" })).firewallGroups as Json[]).find((g) => g.id === 13) as Json;
      expect(group.addresses).toEqual(expect.arrayContaining([s2?.networks[0].ipv4, s2?.networks[0].ipv6]));
      expect(group.addresses).not.toContain(s3?.networks[0].ipv6);
      expect(group.serverIds).toEqual(expect.arrayContaining([s2?.id, s3?.id]));
    });
  });

  describe("order_cancel", () => {
    it("cancels an order: empty 200, 900 while the period runs, then 910 and the server leaves", async () => {
      const r = await api(asToken, { action: "order_cancel", order_id: 70 });
      expect(r.status).toBe(200);
      expect(r.text).toBe("");
      expect(r.headers["content-length"]).toEqual(["0"]);
      const st = j(await api(asToken, { action: "order_status", order_id: 70 }));
      expect(st.status).toBe(900);
      expect(st.order_items.every((i: Json) => i.status === 900)).toBe(true);
      expect(j(await api(asToken, { action: "server_list", order_item_id: 1001 })).servers).toHaveLength(1);
      await advance(PERIOD - 300);
      expect(j(await api(asToken, { action: "order_status", order_id: 70 })).status).toBe(900);
      await advance(300);
      expect(j(await api(asToken, { action: "order_status", order_id: 70 })).status).toBe(910);
      expect(j(await api(asToken, { action: "server_list", order_item_id: 1001 })).servers).toHaveLength(0);
      const names = (j(await api(asToken, { action: "server_list" })).servers as Json[]).map((s) => s.name);
      expect(names).not.toContain("web-1");
      // Idempotent afterwards.
      expect((await api(asToken, { action: "order_cancel", order_id: 70 })).status).toBe(200);
      expect((await api(asToken, { action: "order_cancel", order_id: 70, order_item_id: 1002 })).status).toBe(200);
    });

    it("cancels one item; the order follows its items", async () => {
      expect((await api(asToken, { action: "order_cancel", order_id: 71, order_item_id: 1004 })).status).toBe(200);
      expect((await api(asToken, { action: "order_cancel", order_id: 71, order_item_id: 1004 })).status).toBe(200);
      const st = j(await api(asToken, { action: "order_status", order_id: 71 }));
      expect(st.order_items.map((i: Json) => i.status)).toEqual([900, 0]);
      expect(st.status).toBe(0);
      expect(st.order_items[0].message).toMatch(/^Cancellation scheduled/);
    });

    it("404 for an unknown or invisible order or item, 400 for a bad id", async () => {
      expectError(await api(asToken, { action: "order_cancel", order_id: 4242 }), 404);
      expectError(await api(asToken, { action: "order_cancel", order_id: 90 }), 404);
      expectError(await api(asToken, { action: "order_cancel", order_id: 70, order_item_id: 1004 }), 404, "order item 1004");
      expectError(await api(asToken, { action: "order_cancel" }), 400, "order_id is required");
      expectError(await api(asToken, { action: "order_cancel", order_id: 70, order_item_id: "x" }), 400, "order_item_id");
      expect(j(await api(asToken, { action: "order_status", order_id: 70 })).status).toBe(0);
    });

    it("403 for a read-only user", async () => {
      expectError(await api(basic("demo-readonly", "demo"), { action: "order_cancel", order_id: 70 }), 403, "read-only");
      expect(j(await api(asToken, { action: "order_status", order_id: 70 })).status).toBe(0);
    });

    it("cancelling an unpaid order voids its invoice", async () => {
      const r = await create(asLabs, [item("lab-7")]);
      await api(asLabs, { action: "order_cancel", order_id: j(r).order_id });
      await advance(PAY_DELAY + PERIOD);
      expect(j(await api(asLabs, { action: "order_status", order_id: j(r).order_id })).status).toBe(910);
      const state = j(await call(sim.origin, { path: "/__sim/state", method: "GET" }));
      expect(state.invoices.find((i: Json) => i.id === 5521).status).toBe("void");
    });
  });

  it("seeded orders in transitional states stay where they are", async () => {
    await advance(24 * 3600_000);
    const st = j(await api(asToken, { action: "order_status", order_id: 81 }));
    expect(st.status).toBe(210);
    expect(j(await api(asToken, { action: "order_status", order_id: 78 })).status).toBe(100);
  });
});

describe("faults", () => {
  beforeEach(async () => {
    await call(sim.origin, { path: "/__sim/faults", method: "DELETE" });
  });
  afterAll(async () => {
    await call(sim.origin, { path: "/__sim/faults", method: "DELETE" });
  });
  const setFaults = (f: Json) => simPost("/__sim/faults", f);

  it("GET returns the config, POST validates it, DELETE clears it", async () => {
    expect(j(await setFaults({ rate500: 0.5, actions: ["server_list"] }))).toEqual({ rate500: 0.5, actions: ["server_list"] });
    expect(j(await call(sim.origin, { path: "/__sim/faults", method: "GET" }))).toEqual({ rate500: 0.5, actions: ["server_list"] });
    expect((await setFaults({ rate500: 2 })).status).toBe(400);
    expect((await setFaults({ bogus: true })).status).toBe(400);
    expect(j(await call(sim.origin, { path: "/__sim/faults", method: "DELETE" }))).toEqual({});
  });

  it("500 and 503 answers", async () => {
    await setFaults({ rate500: 1 });
    expectError(await api(asToken, { action: "order_list" }), 500);
    await setFaults({ rate503: 1 });
    const r = await api(asToken, { action: "order_list" });
    expectError(r, 503);
    expect(r.headers["retry-after"]).toEqual(["1"]);
  });

  it("malformed bodies: html, truncated, wrong shape", async () => {
    await setFaults({ malformedRate: 1, malformedKinds: ["html"] });
    const html = await api(asToken, { action: "order_list" });
    expect(html.status).toBe(200);
    expect(html.headers["content-type"]?.[0]).toMatch(/^text\/html/);
    expect(html.text).toContain("<html>");
    await setFaults({ malformedRate: 1, malformedKinds: ["truncated"] });
    const cut = await api(asToken, { action: "order_list" });
    expect(cut.status).toBe(200);
    expect(cut.json).toBeUndefined();
    expect(cut.text.startsWith('{"orders":[')).toBe(true);
    await setFaults({ malformedRate: 1, malformedKinds: ["wrong-shape"] });
    expect(j(await api(asToken, { action: "order_list" }))).toEqual({ orders: "nope" });
    expect(Array.isArray(j(await api(asToken, { action: "server_list" })).servers)).toBe(false);
  });

  it("latency", async () => {
    await setFaults({ latencyMs: 250 });
    const t = performance.now();
    expect((await api(asToken, { action: "order_list" })).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(240);
  });

  it("hang: no answer until the client gives up", async () => {
    await setFaults({ hang: true });
    await expect(api(asToken, { action: "order_list" }, { timeoutMs: 300 })).rejects.toThrow("timeout");
  });

  it("reset: the connection is cut", async () => {
    await setFaults({ resetRate: 1 });
    await expect(api(asToken, { action: "order_list" })).rejects.toThrow(/ECONNRESET|socket hang up/);
  });

  it("faults can be limited to some actions", async () => {
    await setFaults({ rate500: 1, actions: ["server_list"] });
    expect((await api(asToken, { action: "order_list" })).status).toBe(200);
    expect((await api(asToken, { action: "server_list" })).status).toBe(500);
  });

  it("hangAfterCommit: order_create places the order and never answers", async () => {
    await simPost("/__sim/reset");
    await setFaults({ hangAfterCommit: true });
    await expect(
      call(sim.origin, { headers: asToken, body: { action: "order_create", items: [item("ghost-1")], reference: "lost answer" }, timeoutMs: 400 }),
    ).rejects.toThrow("timeout");
    // Reads still answer; the order is there.
    const orders = j(await api(asToken, { action: "order_list" })).orders as Json[];
    expect(orders.find((o) => o.reference === "lost answer")).toMatchObject({ order_id: 100, status: 110 });
  });

  it("setFaults() from the API", async () => {
    sim.setFaults({ rate503: 1 });
    expect((await api(asToken, { action: "order_list" })).status).toBe(503);
    sim.setFaults({});
    expect((await api(asToken, { action: "order_list" })).status).toBe(200);
  });
});
