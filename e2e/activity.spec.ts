import { E2E } from "./support/env";
import { demo, expect, expectNoAxeViolations, resetSimulator, sameOrigin, signIn, test } from "./support/fixtures";
import { orderBody } from "./support/orders";

test.describe("activity log", () => {
  test.beforeEach(async ({ request }) => {
    await resetSimulator(request);
  });

  test("shows this account's sign-in, order and cancel, newest first, and nothing of another account", async ({ page, browser }) => {
    const stranger = await browser.newContext({ baseURL: E2E.appUrl });
    try {
      // Another account's activity in the same store must never show up.
      await signIn(stranger.request, demo.labsToken);
      const theirs = await stranger.request.post("/api/orders", {
        headers: { ...sameOrigin, "Idempotency-Key": `activity-labs-${Date.now()}` },
        data: orderBody("labs-1", { reference: "labs-secret-ref" }),
      });
      expect(theirs.status()).toBe(201);

      await signIn(page.request, demo.basic);
      const reference = `activity ${Date.now()}`;
      const placed = await page.request.post("/api/orders", { headers: { ...sameOrigin, "Idempotency-Key": `activity-${Date.now()}` }, data: orderBody("activity-1", { reference }) });
      expect(placed.status()).toBe(201);
      const orderId = (await placed.json()).order_id as number;
      expect((await page.request.post(`/api/orders/${orderId}/cancel`, { headers: sameOrigin, data: {} })).status()).toBe(204);

      await page.goto("/activity");
      const list = page.getByRole("list", { name: "Activity" });
      const rows = list.getByRole("listitem");
      await expect(rows.nth(0)).toContainText("Order cancelled");
      await expect(rows.nth(0)).toContainText(`Order ${orderId}`);
      await expect(rows.nth(1)).toContainText("Order placed");
      await expect(rows.nth(1)).toContainText(reference);
      await expect(list.getByText("Signed in").first()).toBeVisible();
      await expect(list).not.toContainText("labs-secret-ref");
      await expectNoAxeViolations(page, "activity page");

      // The filter narrows to one kind and keeps it in the URL.
      await page.getByLabel("Kind of event").selectOption("order_placed");
      await page.getByRole("button", { name: "Show" }).click();
      await expect(page).toHaveURL(/\/activity\?kind=order_placed$/);
      await expect(rows.first()).toContainText("Order placed");
      await expect(list).not.toContainText("Order cancelled");

      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: "Export CSV" }).click();
      const csv = await (await (await download).createReadStream()).toArray();
      const text = Buffer.concat(csv).toString("utf8");
      expect(text.split("\r\n")[0]).toBe("time (UTC),event,account,order,item,servers,reference,detail,username,browser,address");
      expect(text).toContain(reference);

      // The order page says who placed and cancelled it from this dashboard.
      await page.goto(`/orders/${orderId}`);
      const fromHere = page.getByRole("region", { name: "From this dashboard" });
      await expect(fromHere).toContainText("Order placed by demo");
      await expect(fromHere).toContainText("Order cancelled by demo");
    } finally {
      await stranger.close();
    }
  });

  test("records refused sign-ins and sign-outs; the API filters by kind and checks it", async ({ page }) => {
    expect((await page.request.post("/api/session", { headers: sameOrigin, data: { ...demo.basic, password: "wrong" } })).status()).toBe(401);
    await signIn(page.request, demo.basic);
    const events = (await (await page.request.get("/api/activity?kind=sign_in_failed")).json()).events;
    expect(events[0]).toMatchObject({ kind: "sign_in_failed", username: "demo", detail: "wrong credentials" });
    expect(JSON.stringify(events)).not.toContain("wrong\"");
    const bad = await page.request.get("/api/activity?kind=nonsense");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.fields).toHaveProperty("kind");
    expect((await page.request.delete("/api/session", { headers: sameOrigin })).status()).toBe(204);
    await signIn(page.request, demo.basic);
    const signOuts = (await (await page.request.get("/api/activity?kind=sign_out")).json()).events;
    expect(signOuts.length).toBeGreaterThan(0);
  });
});
