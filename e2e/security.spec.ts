import http from "node:http";
import type { APIRequestContext } from "@playwright/test";
import { sealSession, setSessionCookie, COOKIE_NAME } from "./support/cookies";
import { appServerEnv, E2E } from "./support/env";
import { demo, expect, resetSimulator, sameOrigin, signIn, test } from "./support/fixtures";
import { orderBody } from "./support/orders";
import { resetStats, simulatorStats } from "./support/simulator";
import { spawnApp } from "./support/spawn-app";

const MUTATING_ROUTES: { method: "post" | "delete"; path: string; data: unknown }[] = [
  { method: "post", path: "/api/session", data: demo.token },
  { method: "delete", path: "/api/session", data: {} },
  { method: "post", path: "/api/orders", data: orderBody("csrf-1") },
  { method: "post", path: "/api/orders/70/cancel", data: {} },
  { method: "post", path: "/api/notifications", data: { orderId: 70, itemId: 1001, status: 0 } },
  { method: "post", path: "/api/notifications/read", data: {} },
];

const CSRF_VARIANTS: { name: string; headers: Record<string, string>; body?: (data: unknown) => string }[] = [
  { name: "a text/plain body (what a cross-site form can send)", headers: { Origin: E2E.appUrl, "Content-Type": "text/plain" }, body: (data) => JSON.stringify(data) },
  { name: "an urlencoded body", headers: { Origin: E2E.appUrl, "Content-Type": "application/x-www-form-urlencoded" }, body: () => "method=token&token=demo-token" },
  { name: "no Origin header", headers: { "Content-Type": "application/json" } },
  { name: "Origin: null", headers: { Origin: "null", "Content-Type": "application/json" } },
  { name: "a foreign Origin", headers: { Origin: "https://evil.example", "Content-Type": "application/json" } },
  { name: "Sec-Fetch-Site: cross-site", headers: { ...sameOrigin, "Sec-Fetch-Site": "cross-site" } },
];

async function send(request: APIRequestContext, method: "post" | "delete", path: string, headers: Record<string, string>, body: string) {
  return request.fetch(path, { method: method.toUpperCase(), headers: { ...headers, "Idempotency-Key": `csrf-${Date.now()}` }, data: body });
}

test.describe("CSRF", () => {
  test.beforeEach(async ({ request }) => {
    await resetSimulator(request);
    await signIn(request, demo.token);
  });

  for (const variant of CSRF_VARIANTS) {
    test(`every mutating route refuses ${variant.name}`, async ({ request }) => {
      await resetStats(request);
      for (const route of MUTATING_ROUTES) {
        const body = variant.body ? variant.body(route.data) : JSON.stringify(route.data);
        const response = await send(request, route.method, route.path, variant.headers, body);
        expect(response.status(), `${route.method.toUpperCase()} ${route.path} with ${variant.name} should be refused with 403`).toBe(403);
        expect((await response.json()).error.code).toBe("csrf");
      }
      const stats = await simulatorStats(request);
      expect(stats.requests.order_create ?? 0, "nothing was ordered").toBe(0);
      expect(stats.requests.order_cancel ?? 0, "nothing was cancelled").toBe(0);
      expect((await request.get("/api/session")).status(), "still signed in: DELETE was refused too").toBe(200);
    });
  }

  test("a cross-site form in the browser cannot cancel an order", async ({ page, request }) => {
    await signIn(page.request, demo.token);
    const evil = http.createServer((_req, res) => {
      res.setHeader("Content-Type", "text/html");
      res.end(`<!doctype html><title>win a prize</title><form method="post" enctype="text/plain" action="${E2E.appUrl}/api/orders/75/cancel"><input name='{"a":"' value='"}'></form><script>document.forms[0].submit()</script>`);
    });
    await new Promise<void>((resolve) => evil.listen(0, "127.0.0.1", resolve));
    try {
      const answer = page.waitForResponse((response) => response.url().endsWith("/api/orders/75/cancel"));
      await page.goto(`http://127.0.0.1:${(evil.address() as { port: number }).port}/`);
      expect([401, 403], "refused: the Lax cookie is not sent and the Origin is foreign").toContain((await answer).status());
      const order = await (await request.get("/api/orders/75")).json();
      expect(order.status, "order 75 was not cancelled").toBeLessThan(900);
    } finally {
      evil.close();
    }
  });

  test("GET on the cancel route is 405 and cancels nothing", async ({ request }) => {
    const response = await request.get("/api/orders/75/cancel");
    expect(response.status()).toBe(405);
    expect(response.headers().allow).toBe("POST");
    expect((await (await request.get("/api/orders/75")).json()).status).toBeLessThan(900);
  });
});

test.describe("session cookies", () => {
  async function signedInCookie(request: APIRequestContext): Promise<string> {
    const response = await request.post("/api/session", { headers: sameOrigin, data: demo.basic });
    const header = response.headers()["set-cookie"] ?? "";
    const value = /klikk=([^;]+)/.exec(header)?.[1];
    expect(value, "a session cookie was set").toBeTruthy();
    return value!;
  }

  test("the cookie's attributes are as specified", async ({ request }) => {
    const response = await request.post("/api/session", { headers: sameOrigin, data: demo.basic });
    const header = response.headers()["set-cookie"] ?? "";
    expect(header).toMatch(/^klikk=Fe26\.2\*/);
    expect(header).toMatch(/;\s*HttpOnly/i);
    expect(header).toMatch(/;\s*SameSite=Lax/i);
    expect(header).toMatch(/;\s*Path=\//i);
    expect(header, "plain http://localhost: not Secure").not.toMatch(/;\s*Secure/i);
    expect(header).not.toMatch(/;\s*Domain=/i);
    const maxAge = Number(/Max-Age=(\d+)/i.exec(header)?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(12 * 60 * 60);
  });

  test("tampered, truncated, retired-password and pre-store cookies read as signed out", async ({ page, context, request }) => {
    const good = await signedInCookie(request);
    const middle = Math.floor(good.length / 2);
    const tampered = `${good.slice(0, middle)}${good[middle] === "A" ? "B" : "A"}${good.slice(middle + 1)}`;
    const retired = await sealSession(
      { sid: "A".repeat(43) },
      { "1": "a-retired-password-that-is-no-longer-configured" },
    );
    // What a cookie held before sessions moved to the store: the credential itself, sealed.
    const legacy = await sealSession({ auth: { method: "token", token: "demo-token" }, createdAt: Date.now(), lastSeenAt: Date.now() });
    for (const [name, value] of [
      ["from before server-side sessions", legacy],
      ["tampered", tampered],
      ["truncated", good.slice(0, middle)],
      ["sealed with a retired password", retired],
      ["empty", ""],
    ] as const) {
      await context.clearCookies();
      await setSessionCookie(context, value);
      expect((await page.request.get("/api/orders")).status(), `${name} cookie`).toBe(401);
      const visit = await page.goto("/orders");
      expect(visit?.status(), `${name} cookie: the page answers, no 500`).toBe(200);
      await expect(page, `${name} cookie`).toHaveURL(/\/login\?next=%2Forders(&reason=expired)?$/);
    }
    await context.clearCookies();
    await setSessionCookie(context, good);
    expect((await page.request.get("/api/orders")).status(), "the untouched cookie still works").toBe(200);
  });

  test("rotation: a new secret seals, the old one still unseals", async ({ request }) => {
    const oldCookie = await signedInCookie(request);
    // The same store as the main instance (two processes on one SQLite file), with a new secret added.
    const app = await spawnApp(E2E.appPort + 61, {
      SESSION_SECRET: `2:${"n".repeat(40)},1:${E2E.sessionSecret}`,
      DATA_DIR: appServerEnv(E2E.appPort).DATA_DIR ?? "",
      // The same limit as the main instance, whose sign-in counters it shares.
      SIGN_IN_MAX_FAILURES: "1000",
    });
    try {
      const withOld = await app.api.get("/api/orders", { headers: { Cookie: `${COOKIE_NAME}=${oldCookie}` } });
      expect(withOld.status(), "a cookie sealed with secret 1 is still read").toBe(200);
      const fresh = await app.api.post("/api/session", { headers: { Origin: app.url, "Content-Type": "application/json" }, data: demo.token });
      expect(fresh.status(), await fresh.text()).toBe(200);
      expect(fresh.headers()["set-cookie"], "the newest secret (id 2) seals").toMatch(/^klikk=Fe26\.2\*2\*/);
    } finally {
      await app.stop();
    }
  });

  test("over https the cookie is __Host-klikk and Secure", async () => {
    const origin = "https://dashboard.example";
    const app = await spawnApp(E2E.appPort + 62, { APP_ORIGIN: origin });
    try {
      const response = await app.api.post("/api/session", { headers: { Origin: origin, "Content-Type": "application/json" }, data: demo.token });
      expect(response.status()).toBe(200);
      const header = response.headers()["set-cookie"] ?? "";
      expect(header).toMatch(/^__Host-klikk=Fe26\.2\*/);
      expect(header).toMatch(/;\s*Secure/i);
      expect(header).toMatch(/;\s*Path=\//i);
      expect(header).not.toMatch(/;\s*Domain=/i);
      const refused = await app.api.post("/api/session", { headers: { Origin: "http://localhost", "Content-Type": "application/json" }, data: demo.token });
      expect(refused.status(), "the Origin must equal APP_ORIGIN").toBe(403);
    } finally {
      await app.stop();
    }
  });
});

test.describe("hostile input", () => {
  test.beforeEach(async ({ request }) => {
    await resetSimulator(request);
    await signIn(request, demo.token);
  });

  const post = (request: APIRequestContext, path: string, data: unknown, headers: Record<string, string> = {}) =>
    request.post(path, { headers: { ...sameOrigin, "Idempotency-Key": `in-${Date.now()}-${Math.random().toString(36).slice(2)}`, ...headers }, data: typeof data === "string" ? data : JSON.stringify(data) });

  test("a chunked body over 64 KiB without Content-Length gets 413", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${E2E.appUrl.replace("localhost", "127.0.0.1")}/api/session`, {
        method: "POST",
        headers: { Origin: E2E.appUrl.replace("localhost", "127.0.0.1"), "Content-Type": "application/json", "Transfer-Encoding": "chunked" },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      const chunk = `"${"x".repeat(8 * 1024)}",`;
      req.write('{"method":"token","token":[');
      let sent = 0;
      const pump = () => {
        while (sent < 40) {
          sent += 1;
          if (!req.write(chunk)) return req.once("drain", pump);
        }
        req.end('""]}');
      };
      pump();
    });
    expect(status).toBe(413);
  });

  test("bodies over the limit with Content-Length get 413 on every JSON route", async ({ request }) => {
    const big = { ...orderBody(), reference: "x".repeat(65 * 1024) };
    for (const path of ["/api/session", "/api/orders", "/api/orders/70/cancel"]) {
      const response = await post(request, path, big);
      expect(response.status(), path).toBe(413);
    }
  });

  test("deeply nested JSON, wrong types and extra fields get 400 naming the field", async ({ request }) => {
    const nested = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    const deep = await post(request, "/api/orders", nested);
    expect(deep.status(), "deeply nested JSON").toBe(400);

    const wrongType = await post(request, "/api/session", { method: "token", token: 12345 });
    expect(wrongType.status()).toBe(400);
    expect(Object.keys((await wrongType.json()).error.fields)).toEqual(["token"]);

    const body = orderBody() as ReturnType<typeof orderBody> & Record<string, unknown>;
    (body.items[0]!.product.options as Record<string, unknown>).quantity_cpu = "two";
    const cpu = await post(request, "/api/orders", body);
    expect(cpu.status()).toBe(400);
    expect((await cpu.json()).error.fields).toHaveProperty(["items[0].product.options.quantity_cpu"]);

    const extra = orderBody() as Record<string, unknown>;
    extra.action = "order_cancel";
    const extraResponse = await post(request, "/api/orders", extra);
    expect(extraResponse.status()).toBe(400);
    expect((await extraResponse.json()).error.message).toMatch(/unknown field "action"/);

    const extraSignIn = await post(request, "/api/session", { ...demo.token, url: "http://evil.example" });
    expect(extraSignIn.status()).toBe(400);
    const cancelType = await post(request, "/api/orders/70/cancel", { itemId: "1\r\n" });
    expect(cancelType.status()).toBe(400);
  });

  test("CR/LF in every text field is refused; unicode is kept", async ({ request }) => {
    const crlf = "\r\nX-Injected: 1";
    expect((await post(request, "/api/session", { method: "token", token: `demo-token${crlf}` })).status()).toBe(400);
    expect((await post(request, "/api/session", { method: "basic", username: `demo${crlf}`, password: "demo" })).status()).toBe(400);
    expect((await post(request, "/api/session", { method: "basic", username: "demo", password: `demo${crlf}` })).status()).toBe(400);
    const unicodePassword = await post(request, "/api/session", { method: "basic", username: "démo-ünï", password: "pässwörd-🚀" });
    expect(unicodePassword.status(), "unicode credentials are checked, not crashed on").toBe(401);

    const fields: [string, (body: ReturnType<typeof orderBody>) => void][] = [
      ["reference", (body) => void (body.reference = `ref${crlf}`)],
      ["items[0].name", (body) => void (body.items[0]!.name = `web${crlf}`)],
      ["items[0].product.options.os", (body) => void (body.items[0]!.product.options.os = `Debian${crlf}`)],
      ["items[0].product.options.features.sshd.ip_allow", (body) => void (body.items[0]!.product.options.features.sshd.ip_allow = `192.0.2.1${crlf}`)],
    ];
    for (const [field, mutate] of fields) {
      const body = orderBody();
      mutate(body);
      const response = await post(request, "/api/orders", body);
      expect(response.status(), field).toBe(400);
      expect(Object.keys((await response.json()).error.fields), field).toContain(field);
    }
    await signIn(request, demo.token);
    const unicode = await post(request, "/api/orders", { ...orderBody("unicode-1"), reference: "Bestellung für Café 🚀" });
    expect(unicode.status()).toBe(201);
    const { orders } = await (await request.get("/api/orders")).json();
    expect(orders.some((order: { reference?: string }) => order.reference === "Bestellung für Café 🚀")).toBe(true);
  });

  test("unknown paths and methods get JSON 404 and 405", async ({ request }) => {
    const unknown = await request.get("/api/does-not-exist");
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
    // The client normalises the path to /etc/passwd, a page URL: pages refuse bodies (405).
    expect((await request.post("/api/admin/../../etc/passwd", { headers: sameOrigin, data: {} })).status()).toBe(405);
    expect((await request.fetch("/api/orders", { method: "PATCH", headers: sameOrigin, data: {} })).status()).toBe(405);
    expect((await request.delete("/api/servers", { headers: sameOrigin })).status()).toBe(405);
    expect((await request.delete("/api/orders/70", { headers: sameOrigin })).status()).toBe(405);
  });
});

test("no request makes the dashboard call another host, path or action", async ({ request }) => {
  await resetSimulator(request);
  await signIn(request, demo.token);
  await resetStats(request);
  const attempts = [
    request.get("/api/servers?orderItemId=1001&url=http://127.0.0.1:9/&action=order_cancel"),
    request.get("/api/orders/70?action=order_cancel&order_id=71"),
    request.get("/api/orders/..%2F..%2Fsession"),
    request.get("/api/orders/70%2Fcancel"),
    request.get("/api/orders", { headers: { Host: "evil.example", "X-Forwarded-Host": "evil.example" } }),
    request.post("/api/orders/70/cancel", { headers: { ...sameOrigin, "X-HTTP-Method-Override": "GET" }, data: { itemId: 1, action: "order_create" } }),
    request.post("/api/session", { headers: sameOrigin, data: { method: "token", token: "demo-token", url: "http://127.0.0.1:9/" } }),
  ];
  for (const response of await Promise.all(attempts)) expect(response.status()).toBeLessThan(500);
  const stats = await simulatorStats(request);
  const actions = Object.keys(stats.requests).sort();
  for (const action of actions) expect(["order_list", "order_status", "server_list"], `unexpected upstream action ${action}`).toContain(action);
  expect(stats.requests.order_status ?? 0, "only order 70 was read").toBeLessThanOrEqual(1);
});

test.describe("sign-in limits and X-Forwarded-For", () => {
  test("rotating X-Forwarded-For does not reset the limit when TRUST_PROXY is off", async () => {
    const app = await spawnApp(E2E.appPort + 63, {});
    try {
      const headers = { Origin: app.url, "Content-Type": "application/json" };
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        const response = await app.api.post("/api/session", {
          headers: { ...headers, "X-Forwarded-For": `198.51.100.${attempt}` },
          data: { method: "basic", username: `user-${attempt}`, password: "wrong" },
        });
        expect(response.status(), `failure ${attempt}`).toBe(401);
      }
      const eleventh = await app.api.post("/api/session", {
        headers: { ...headers, "X-Forwarded-For": "198.51.100.99" },
        data: { method: "basic", username: "user-11", password: "wrong" },
      });
      expect(eleventh.status(), "the socket address is what counts").toBe(429);
    } finally {
      await app.stop();
    }
  });

  test("with TRUST_PROXY the forwarded address is what counts", async () => {
    const app = await spawnApp(E2E.appPort + 64, { TRUST_PROXY: "true" });
    try {
      const headers = { Origin: app.url, "Content-Type": "application/json" };
      for (let attempt = 1; attempt <= 12; attempt += 1) {
        const response = await app.api.post("/api/session", {
          headers: { ...headers, "X-Forwarded-For": `198.51.100.${attempt}` },
          data: { method: "basic", username: `user-${attempt}`, password: "wrong" },
        });
        expect(response.status(), `failure ${attempt} from its own forwarded address`).toBe(401);
      }
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        await app.api.post("/api/session", { headers: { ...headers, "X-Forwarded-For": "203.0.113.7" }, data: { method: "basic", username: `other-${attempt}`, password: "wrong" } });
      }
      const limited = await app.api.post("/api/session", { headers: { ...headers, "X-Forwarded-For": "203.0.113.7" }, data: { method: "basic", username: "other-11", password: "wrong" } });
      expect(limited.status()).toBe(429);
    } finally {
      await app.stop();
    }
  });

  test("an unknown user and a wrong password get the same message in about the same time", async ({ request }) => {
    const time = async (username: string) => {
      const started = performance.now();
      const response = await request.post("/api/session", { headers: sameOrigin, data: { method: "digest", username, password: "wrong" } });
      return { ms: performance.now() - started, body: await response.text(), status: response.status() };
    };
    const known: number[] = [];
    const unknown: number[] = [];
    let knownBody = "";
    let unknownBody = "";
    for (let round = 0; round < 15; round += 1) {
      const a = await time("demo");
      const b = await time(`nobody-${round}`);
      known.push(a.ms);
      unknown.push(b.ms);
      knownBody = a.body;
      unknownBody = b.body;
      expect(a.status).toBe(401);
      expect(b.status).toBe(401);
    }
    expect(unknownBody).toBe(knownBody);
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
    const difference = Math.abs(median(known) - median(unknown));
    // Loose on purpose (a shared 2-core machine is noisy); what it catches is a systematic gap
    // such as one path doing an extra round trip or skipping the password hash.
    const slower = Math.max(median(known), median(unknown));
    expect(difference, `median ${median(known).toFixed(1)} ms vs ${median(unknown).toFixed(1)} ms`).toBeLessThan(Math.max(40, 0.6 * slower));
  });
});

test.describe("headers", () => {
  test("a script without the nonce is blocked by the CSP", async ({ signedInPage: page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    // Stand-in for an injection that reaches the HTML (stored XSS): the server's own answer,
    // CSP header included, with scripts added that do not carry this request's nonce.
    await page.route(`${E2E.appUrl}/`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        "</body>",
        `<script>window.__inline = true</script><script nonce="guessed-nonce">window.__guessed = true</script><img src="/missing.png" alt="" onerror="window.__handler = true"></body>`,
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    const ran = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { inline: w.__inline, guessed: w.__guessed, handler: w.__handler };
    });
    expect(ran).toEqual({ inline: undefined, guessed: undefined, handler: undefined });
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
    // The page's own scripts, which carry the nonce, do run: the app is interactive.
    await page.getByRole("link", { name: "Orders", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  });

  test("API answers carry nosniff, HSTS and a deny-all CSP, and no X-Powered-By", async ({ request }) => {
    for (const path of ["/api/health", "/api/orders", "/api/does-not-exist"]) {
      const headers = (await request.get(path)).headers();
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["strict-transport-security"], path).toMatch(/max-age=\d+/);
      expect(headers["content-security-policy"], path).toContain("default-src 'none'");
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["x-powered-by"], path).toBeUndefined();
      expect(headers["cache-control"], path).toBe("no-store");
      expect(headers["access-control-allow-origin"], path).toBeUndefined();
    }
  });

  test("x-middleware-subrequest bypasses nothing", async ({ request }) => {
    const api = await (await import("@playwright/test")).request.newContext({ baseURL: E2E.appUrl });
    try {
      for (const value of ["proxy:proxy:proxy:proxy:proxy", "middleware:middleware:middleware:middleware:middleware", "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware"]) {
        const page = await api.get("/orders", { headers: { "x-middleware-subrequest": value }, maxRedirects: 0 });
        expect(page.status(), `page with ${value}`).toBe(303);
        expect(page.headers().location).toMatch(/^\/login\?next=/);
        expect((await api.get("/api/orders", { headers: { "x-middleware-subrequest": value } })).status(), `API with ${value}`).toBe(401);
      }
    } finally {
      await api.dispose();
    }
    void request;
  });
});
