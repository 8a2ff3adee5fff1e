import { orderBody } from "./support/orders";
import { E2E, scaled } from "./support/env";
import { spawnApp } from "./support/spawn-app";
import { demo, expect, resetSimulator, sameOrigin, signIn, test } from "./support/fixtures";
import { resetStats, setFaults, simulatorStats } from "./support/simulator";
import { fillMinimumAndReview, listOrders } from "./support/wizard-helpers";

/** The e2e app runs with KLIKK_TIMEOUT_MS=3000. */
const DEADLINE_MS = 3_000;

test.describe("upstream faults, against the built app", () => {
  test.beforeEach(async ({ request }) => {
    await resetSimulator(request);
    await signIn(request, demo.token);
    await resetStats(request);
  });

  test("a hanging upstream gets 504 within the deadline", async ({ request }) => {
    await setFaults(request, { hang: true, actions: ["order_list"] });
    const started = Date.now();
    const response = await request.get("/api/orders");
    const elapsed = Date.now() - started;
    expect(response.status()).toBe(504);
    expect((await response.json()).error).toMatchObject({ code: "upstream_timeout", message: expect.stringContaining("did not answer") });
    expect(elapsed, "answered by the deadline, not much later").toBeLessThan(DEADLINE_MS + 1_500);
    expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 200);
  });

  for (const kind of ["html", "truncated", "wrong-shape"] as const) {
    test(`a malformed answer (${kind}) becomes 502 with a generic message`, async ({ request }) => {
      await setFaults(request, { malformedRate: 1, malformedKinds: [kind], actions: ["server_list"] });
      const response = await request.get("/api/servers");
      expect(response.status()).toBe(502);
      const body = await response.json();
      expect(body.error.code).toBe("upstream_invalid");
      expect(body.error.message).toBe("The klikk API sent an answer this dashboard cannot read.");
      expect(JSON.stringify(body), "no upstream details reach the browser").not.toMatch(/nope|not-a-list|<html|Bad Gateway/i);
    });
  }

  test("503 on a read is retried and served", async ({ request }) => {
    await setFaults(request, { rate503: 1, times: 2, actions: ["order_list"] });
    const response = await request.get("/api/orders");
    expect(response.status()).toBe(200);
    expect((await response.json()).orders.length).toBeGreaterThan(5);
    expect((await simulatorStats(request)).requests.order_list, "two 503s, then the answer").toBe(3);
  });

  test("503 on order_create is not retried and places nothing", async ({ request }) => {
    const before = (await (await request.get("/api/orders")).json()).orders.length;
    await setFaults(request, { rate503: 1, times: 1, actions: ["order_create"] });
    const response = await request.post("/api/orders", { headers: { ...sameOrigin, "Idempotency-Key": `f503-${Date.now()}` }, data: orderBody("f503") });
    expect(response.status()).toBe(502);
    expect((await response.json()).error.code).toBe("upstream_unavailable");
    expect((await simulatorStats(request)).requests.order_create, "sent once, never retried").toBe(1);
    expect((await (await request.get("/api/orders")).json()).orders.length).toBe(before);
  });

  test("an order_create that times out after the upstream placed it: the user is told to check, and the list shows it once", async ({ request }) => {
    await setFaults(request, { hangAfterCommit: true, actions: ["order_create"] });
    const key = `late-${Date.now()}`;
    const body = { ...orderBody("late-order"), reference: `late ${key}` };
    const response = await request.post("/api/orders", { headers: { ...sameOrigin, "Idempotency-Key": key }, data: body });
    expect(response.status()).toBe(504);
    expect((await response.json()).error.message).toMatch(/may have been placed: check the order list/);
    // A retry of the same request replays the answer instead of ordering again.
    const retry = await request.post("/api/orders", { headers: { ...sameOrigin, "Idempotency-Key": key }, data: body });
    expect(retry.status()).toBe(504);
    expect(retry.headers()["idempotent-replayed"]).toBe("true");
    await setFaults(request, {});
    const { orders } = await (await request.get("/api/orders")).json();
    expect(orders.filter((order: { reference?: string }) => order.reference === body.reference)).toHaveLength(1);
    expect((await simulatorStats(request)).requests.order_create).toBe(1);
  });

  test("the same key after signing in again (a new session) replays the first answer: one order", async ({ request }) => {
    await setFaults(request, { hangAfterCommit: true, times: 1, actions: ["order_create"] });
    const key = `resign-${Date.now()}`;
    const body = orderBody("resign-1", { reference: `resign ${key}` });
    const first = await request.post("/api/orders", { headers: { ...sameOrigin, "Idempotency-Key": key }, data: body });
    expect(first.status()).toBe(504);
    expect((await first.json()).error).toMatchObject({ code: "order_outcome_unknown", message: expect.stringMatching(/may have been placed/) });
    // Signing out and in again: the key belongs to the account, not to the session.
    expect((await request.delete("/api/session", { headers: sameOrigin })).status()).toBe(204);
    await signIn(request, demo.token);
    const again = await request.post("/api/orders", { headers: { ...sameOrigin, "Idempotency-Key": key }, data: body });
    expect(again.status()).toBe(504);
    expect(again.headers()["idempotent-replayed"]).toBe("true");
    const { orders } = await (await request.get("/api/orders")).json();
    expect(orders.filter((order: { reference?: string }) => order.reference === body.reference)).toHaveLength(1);
    expect((await simulatorStats(request)).requests.order_create).toBe(1);
  });

  test("a 503 on the first try keeps nothing: the same key then places the order", async ({ request }) => {
    await setFaults(request, { rate503: 1, times: 1, actions: ["order_create"] });
    const key = `retry503-${Date.now()}`;
    const body = orderBody("retry503-1", { reference: `retry503 ${key}` });
    const first = await request.post("/api/orders", { headers: { ...sameOrigin, "Idempotency-Key": key }, data: body });
    expect(first.status()).toBe(502);
    expect((await first.json()).error.message).toMatch(/Try again in a moment/);
    const retry = await request.post("/api/orders", { headers: { ...sameOrigin, "Idempotency-Key": key }, data: body });
    expect(retry.status()).toBe(201);
    expect(retry.headers()["idempotent-replayed"]).toBeUndefined();
    expect((await simulatorStats(request)).requests.order_create).toBe(2);
  });

  test("an unreadable answer to order_create says the order may have been placed", async ({ request }) => {
    await setFaults(request, { malformedRate: 1, malformedKinds: ["html"], times: 1, actions: ["order_create"] });
    const response = await request.post("/api/orders", { headers: { ...sameOrigin, "Idempotency-Key": `garbled-${Date.now()}` }, data: orderBody("garbled-1") });
    expect(response.status()).toBe(502);
    expect((await response.json()).error).toMatchObject({ code: "order_outcome_unknown", message: expect.stringMatching(/may have been placed/) });
  });

  test("one account's hanging server list does not delay another account's", async ({ request, browser }) => {
    const other = await browser.newContext({ baseURL: E2E.appUrl });
    try {
      await signIn(other.request, demo.labsToken);
      await setFaults(request, { hang: true, times: 1, actions: ["server_list"] });
      let hangingDone = false;
      const hanging = request.get("/api/servers").then((response) => {
        hangingDone = true;
        return response;
      });
      // The first account's call has reached the upstream and hangs there (until the deadline).
      await expect.poll(async () => (await simulatorStats(request)).requests.server_list ?? 0).toBeGreaterThanOrEqual(1);
      const answer = await other.request.get("/api/servers");
      expect(answer.status()).toBe(200);
      expect(hangingDone, "the other account's list answered while the first still hung").toBe(false);
      expect((await hanging).status()).toBe(504);
    } finally {
      await other.close();
    }
  });

  test("when the browser gives up, the upstream call is aborted", async ({ browser, request }) => {
    // An instance whose own deadline is a minute away: an abort the upstream sees before then can
    // only be the browser's, whatever the machine's load.
    const app = await spawnApp(E2E.appPort + 68, { KLIKK_TIMEOUT_MS: "60000" });
    const context = await browser.newContext({ baseURL: app.url });
    try {
      await signIn(context.request, demo.token, app.url);
      const page = await context.newPage();
      await page.goto("/login"); // any same-origin page: the fetch below runs from it
      await resetStats(request);
      await setFaults(request, { hang: true, actions: ["server_list"] });
      // The browser gives up once the call is hanging upstream (not after a fixed time, which on a
      // slow machine could come before the dashboard has even made the call).
      await page.evaluate(() => {
        const controller = new AbortController();
        (window as unknown as { __giveUp: () => void }).__giveUp = () => controller.abort();
        void fetch("/api/servers", { signal: controller.signal }).catch(() => null);
      });
      await expect.poll(async () => (await simulatorStats(request)).requests.server_list ?? 0).toBeGreaterThanOrEqual(1);
      await page.evaluate(() => (window as unknown as { __giveUp: () => void }).__giveUp());
      await expect.poll(async () => (await simulatorStats(request)).clientAborts, { timeout: scaled(30_000) }).toBeGreaterThanOrEqual(1);
    } finally {
      await context.close();
      await app.stop();
    }
  });

  test("an upstream redirect is not followed and the credentials go nowhere else", async ({ request }) => {
    const { createServer } = await import("node:http");
    const seen: string[] = [];
    const trap = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)}`);
      res.end("{}");
    });
    await new Promise<void>((resolve) => trap.listen(0, "127.0.0.1", resolve));
    const port = (trap.address() as { port: number }).port;
    try {
      await setFaults(request, { redirectTo: `http://127.0.0.1:${port}/steal` });
      for (const path of ["/api/orders", "/api/servers", "/api/orders/70"]) {
        const response = await request.get(path);
        expect(response.status(), path).toBe(502);
        expect((await response.json()).error.code).toBe("upstream_invalid");
      }
      const signInAttempt = await request.post("/api/session", { headers: sameOrigin, data: demo.basic });
      expect(signInAttempt.status()).toBe(502);
      expect(seen, "nothing reached the redirect target").toEqual([]);
    } finally {
      trap.close();
    }
  });
});

test.describe("upstream faults, as the pages show them", () => {
  test.beforeEach(async ({ request }) => {
    await resetSimulator(request);
    await resetStats(request);
  });

  test("a hanging upstream: the orders page says so by the deadline and its retry recovers", async ({ signedInPage: page, request }) => {
    await setFaults(request, { hang: true, actions: ["order_list"] });
    const browserCalls: string[] = [];
    page.on("request", (sent) => {
      if (new URL(sent.url()).pathname === "/api/orders") browserCalls.push(sent.url());
    });
    await page.goto("/orders");
    const error = page.getByRole("alert").filter({ hasText: /did not answer/ });
    await expect(error).toBeVisible({ timeout: DEADLINE_MS * 4 });
    // One deadline, not several: the browser did not retry what the server already timed out
    // (counted, so a slow machine cannot blur it; the page's server-side prefetch gave up first).
    expect(browserCalls, "one call from the browser, no retries").toHaveLength(1);
    await setFaults(request, {});
    await error.getByRole("button", { name: /try again/i }).click();
    await expect(page.getByRole("row", { name: /#70\b|\b70\b/ }).first()).toBeVisible();
  });

  test("an order whose answer was lost: the wizard says it may exist and shows the matching order", async ({ signedInPage: page, request }) => {
    await fillMinimumAndReview(page);
    await setFaults(request, { hangAfterCommit: true, times: 1, actions: ["order_create"] });
    await page.getByRole("button", { name: "Place order" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "The outcome of this order is unknown" });
    await expect(alert).toBeVisible({ timeout: DEADLINE_MS * 4 });
    await expect(alert).toContainText("It may have been placed: check the order list");
    // The order the upstream did place is offered from the fresh list, linked.
    const placed = (await listOrders(page.request))[0];
    await expect(alert.getByTestId("possible-orders")).toContainText(`Order ${placed?.order_id}`);
    await alert.getByRole("link", { name: `Order ${placed?.order_id}` }).click();
    await expect(page).toHaveURL(new RegExp(`/orders/${placed?.order_id}$`));
  });

  test("503 on order_create: the wizard says so, nothing is retried or duplicated", async ({ signedInPage: page, request }) => {
    await fillMinimumAndReview(page);
    const before = await listOrders(page.request);
    await setFaults(request, { rate503: 1, times: 1, actions: ["order_create"] });
    await resetStats(request);
    await page.getByRole("button", { name: "Place order" }).click();
    const alert = page.getByRole("alert").filter({ hasText: /klikk API/i });
    await expect(alert).toBeVisible();
    await expect(page).toHaveURL(/\/orders\/new\?step=review$/);
    expect((await simulatorStats(request)).requests.order_create, "sent once, never retried").toBe(1);
    expect(await listOrders(page.request)).toHaveLength(before.length);
  });

  test("the dashboard unreachable: a refresh says so, keeps the list, and its retry recovers", async ({ signedInPage: page }) => {
    await page.goto("/servers");
    const row = page.locator("[data-server-id]").first();
    await expect(row).toBeVisible();
    // The dashboard's server gone (a restart, a dropped connection): nothing more can be loaded
    // from it, scripts included, so what says so must already be in the page.
    await page.route("**/*", (route) => route.abort("connectionrefused"));
    await page.getByRole("button", { name: "Refresh", exact: true }).click();
    // A warning, not an error: the list is still there (role=status).
    const alert = page.getByRole("status").filter({ hasText: "Could not refresh the servers" });
    // The browser tries twice more (1 s, then 2 s apart) before it says so.
    await expect(alert).toBeVisible({ timeout: scaled(15_000) });
    await expect(alert).toContainText("The dashboard could not be reached. Check your connection and try again.");
    await expect(row).toBeVisible();
    await page.unrouteAll();
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(alert).toBeHidden();
  });

  test("the browser offline: a refresh says the dashboard could not be reached instead of waiting silently", async ({ signedInPage: page }) => {
    await page.goto("/servers");
    const row = page.locator("[data-server-id]").first();
    await expect(row).toBeVisible();
    await page.context().setOffline(true);
    try {
      await page.getByRole("button", { name: "Refresh", exact: true }).click();
      const alert = page.getByRole("status").filter({ hasText: "Could not refresh the servers" });
      await expect(alert).toBeVisible({ timeout: scaled(15_000) });
      await expect(alert).toContainText("The dashboard could not be reached. Check your connection and try again.");
      await expect(row).toBeVisible();
      await page.context().setOffline(false);
      await alert.getByRole("button", { name: "Try again" }).click();
      await expect(alert).toBeHidden();
    } finally {
      await page.context().setOffline(false);
    }
  });
});
