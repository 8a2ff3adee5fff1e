import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { E2E, scaled } from "./support/env";
import { orderBody } from "./support/orders";
import { demo, expect, resetSimulator, sameOrigin, signIn, test, type Credentials } from "./support/fixtures";

async function contextFor(baseURL = E2E.appUrl): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL });
}

test.describe("route handlers with each sign-in method", () => {
  test.beforeEach(async ({ request }) => {
    await resetSimulator(request);
  });

  for (const [label, credentials] of [
    ["token", demo.token],
    ["basic", demo.basic],
    ["digest", demo.digest],
  ] as const) {
    test(`every route works when signed in with ${label}`, async () => {
      const api = await contextFor();
      try {
        expect((await api.get("/api/orders")).status(), "signed out first").toBe(401);
        await signIn(api, credentials as Credentials);

        const session = await (await api.get("/api/session")).json();
        expect(session.method).toBe(credentials.method);

        const orders = await api.get("/api/orders");
        expect(orders.status()).toBe(200);
        expect(orders.headers()["cache-control"]).toBe("no-store");
        const { orders: list } = await orders.json();
        expect(list.length).toBeGreaterThan(5);
        expect(list.map((order: { order_id: number }) => order.order_id)).toContain(70);

        const order = await (await api.get("/api/orders/70")).json();
        expect(order).toMatchObject({ order_id: 70, order_items: expect.any(Array) });

        const { servers } = await (await api.get("/api/servers")).json();
        expect(servers.length).toBeGreaterThanOrEqual(12);
        const itemId = servers[0].order_item_id;
        const byItem = await (await api.get(`/api/servers?orderItemId=${itemId}`)).json();
        expect(byItem.servers.map((server: { id: number }) => server.id)).toEqual([servers[0].id]);

        const key = `api-${label}-${Date.now()}`;
        const created = await api.post("/api/orders", { headers: { ...sameOrigin, "Idempotency-Key": key }, data: orderBody(`api-${label}`) });
        expect(created.status()).toBe(201);
        const placed = await created.json();
        expect(placed).toMatchObject({ order_id: expect.any(Number), status: expect.any(Number), message: expect.any(String) });

        const replay = await api.post("/api/orders", { headers: { ...sameOrigin, "Idempotency-Key": key }, data: orderBody(`api-${label}`) });
        expect(replay.status()).toBe(201);
        expect(replay.headers()["idempotent-replayed"]).toBe("true");
        expect((await replay.json()).order_id).toBe(placed.order_id);

        const cancel = await api.post(`/api/orders/${placed.order_id}/cancel`, { headers: sameOrigin, data: {} });
        expect(cancel.status()).toBe(204);
        const cancelled = await (await api.get(`/api/orders/${placed.order_id}`)).json();
        expect(cancelled.status).toBeGreaterThanOrEqual(900);

        const signOut = await api.delete("/api/session", { headers: sameOrigin });
        expect(signOut.status()).toBe(204);
        expect((await api.get("/api/orders")).status()).toBe(401);
      } finally {
        await api.dispose();
      }
    });
  }
});

test.describe("refusals", () => {
  test.beforeEach(async ({ request }) => {
    await resetSimulator(request);
  });

  const signInStatus = async (api: APIRequestContext, data: unknown) => {
    const response = await api.post("/api/session", { headers: sameOrigin, data });
    return { status: response.status(), body: await response.json() };
  };

  test("sign-in refusals carry a code and a clear message", async ({ request }) => {
    expect(await signInStatus(request, demo.twoFactor)).toMatchObject({ status: 401, body: { error: { code: "two_factor_required" } } });
    expect(await signInStatus(request, demo.remoteToken)).toMatchObject({ status: 403, body: { error: { code: "token_address_refused" } } });
    const wrong = await signInStatus(request, { method: "digest", username: "demo", password: "nope" });
    const unknown = await signInStatus(request, { method: "digest", username: "no-such-user", password: "nope" });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: "invalid_credentials" } } });
    expect(unknown.body, "an unknown user and a wrong password read the same").toEqual(wrong.body);
    expect(await signInStatus(request, { method: "basic", username: "", password: "x" })).toMatchObject({
      status: 400,
      body: { error: { code: "validation", fields: { username: "Enter your username." } } },
    });
    expect(await signInStatus(request, { method: "carrier-pigeon" })).toMatchObject({ status: 400, body: { error: { code: "validation" } } });
  });

  test("a read-only user cannot place or cancel an order", async ({ request }) => {
    await signIn(request, demo.readonly);
    const create = await request.post("/api/orders", { headers: { ...sameOrigin, "Idempotency-Key": `ro-${Date.now()}` }, data: orderBody() });
    expect(create.status()).toBe(403);
    // Its own code, so the pages can turn ordering and cancelling off for this account.
    expect((await create.json()).error.code).toBe("read_only");
    const cancel = await request.post("/api/orders/70/cancel", { headers: sameOrigin, data: {} });
    expect(cancel.status()).toBe(403);
  });

  test("a 409 names its field in `fields`, as a 400 does, with the message about that field alone", async ({ request }) => {
    await signIn(request, demo.token);
    const body = orderBody("api-conflict-1");
    // Group 7 already has servers on three of the four hosts: two more cannot be kept apart.
    const item = body.items[0]!;
    body.items = [item, { ...item, name: "api-conflict-2" }];
    for (const it of body.items) (it.product.options as { antiaffinity?: number }).antiaffinity = 7;
    const response = await request.post("/api/orders", { headers: { ...sameOrigin, "Idempotency-Key": `conflict-${Date.now()}` }, data: body });
    expect(response.status()).toBe(409);
    const { error } = await response.json();
    expect(error.code).toBe("conflict");
    expect(error.fields).toEqual({ "items[1].product.options.antiaffinity": expect.stringMatching(/^anti-affinity group 7 has no free host/) });
  });

  test("bad requests get the one error shape with the right status", async ({ request }) => {
    await signIn(request, demo.token);
    const noKey = await request.post("/api/orders", { headers: sameOrigin, data: orderBody() });
    expect(noKey.status()).toBe(400);
    expect((await noKey.json()).error.fields).toHaveProperty("Idempotency-Key");

    const body = orderBody();
    delete (body.items[0]!.product.options.features.sshd as { ip_allow?: string }).ip_allow;
    const missing = await request.post("/api/orders", { headers: { ...sameOrigin, "Idempotency-Key": `bad-${Date.now()}` }, data: body });
    expect(missing.status()).toBe(400);
    const missingBody = await missing.json();
    expect(missingBody.error.message).toBe("items[0].product.options.features.sshd.ip_allow is required");
    expect(missingBody.error.fields).toHaveProperty(["items[0].product.options.features.sshd.ip_allow"]);

    expect((await request.get("/api/orders/999999")).status()).toBe(404);
    expect((await request.get("/api/orders/abc")).status()).toBe(400);
    expect((await request.get("/api/servers?orderItemId=-1")).status()).toBe(400);
    expect((await request.get("/api/orders/70/cancel")).status()).toBe(405);
    expect((await request.put("/api/orders", { headers: sameOrigin, data: {} })).status()).toBe(405);

    const huge = await request.post("/api/orders", {
      headers: { ...sameOrigin, "Idempotency-Key": `big-${Date.now()}` },
      data: { ...orderBody(), reference: "x".repeat(70 * 1024) },
    });
    expect(huge.status()).toBe(413);
    expect((await huge.json()).error.code).toBe("payload_too_large");
  });

  test("health needs no session and shows no secrets", async () => {
    const api = await contextFor();
    try {
      const response = await api.get("/api/health");
      expect(response.status()).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({ ok: true, upstream: { reachable: true, latencyMs: expect.any(Number) } });
      expect(JSON.stringify(body)).not.toMatch(/demo-token|secret|password/i);
    } finally {
      await api.dispose();
    }
  });
});

test("Digest session: 5 rounds of 20 concurrent orders, none refused", async ({ request }) => {
  test.setTimeout(scaled(120_000));
  await resetSimulator(request);
  const api = await contextFor();
  try {
    await signIn(api, demo.digest);
    for (let round = 1; round <= 5; round += 1) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          api.post("/api/orders", {
            headers: { ...sameOrigin, "Idempotency-Key": `digest-${round}-${index}-${Date.now()}` },
            data: orderBody(`digest-${round}-${index}`),
          }),
        ),
      );
      const statuses = answers.map((answer) => answer.status());
      expect(statuses.filter((status) => status !== 201), `round ${round}`).toEqual([]);
    }
  } finally {
    await api.dispose();
  }
});
