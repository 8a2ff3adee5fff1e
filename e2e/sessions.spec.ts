import { E2E, scaled } from "./support/env";
import type { APIRequestContext } from "@playwright/test";
import { demo, expect, expectNoAxeViolations, sameOrigin, signIn, test, type Credentials } from "./support/fixtures";

/** Signs in after ending every session the account has from earlier tests: a clean slate. */
async function signInAlone(request: APIRequestContext, credentials: Credentials): Promise<void> {
  await signIn(request, credentials);
  expect((await request.delete("/api/sessions", { headers: sameOrigin })).status()).toBe(200);
  await signIn(request, credentials);
}

test.describe("sessions page", () => {
  test("lists this account's sessions only, and ending one signs that browser out on its next request", async ({ page, browser }) => {
    // Three browser contexts and an axe run: more than the default 30 s on a busy machine.
    test.setTimeout(scaled(60_000));
    const other = await browser.newContext({ baseURL: E2E.appUrl });
    const stranger = await browser.newContext({ baseURL: E2E.appUrl });
    try {
      await signInAlone(page.request, demo.token);
      await signIn(other.request, demo.token);
      await signIn(stranger.request, demo.labsToken);
      const otherPage = await other.newPage();
      await otherPage.goto("/orders");
      await expect(otherPage.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();

      await page.goto("/sessions");
      const list = page.getByRole("list", { name: "Sessions" });
      await expect(list.getByRole("listitem")).toHaveCount(2);
      await expect(list.getByText("This session")).toHaveCount(1);
      // Playwright's "Desktop Chrome" device sends a Windows user agent.
      await expect(list.getByText("Chrome on Windows").first()).toBeVisible();
      const listed = await (await page.request.get("/api/sessions")).json();
      expect(listed.sessions).toHaveLength(2);
      expect(JSON.stringify(listed)).not.toMatch(/demo-token|credential|password/);
      await expectNoAxeViolations(page, "sessions page");

      await list.getByRole("button", { name: /^End session/ }).click();
      await expect(page.getByRole("status").filter({ hasText: "It is signed out on its next request" })).toBeVisible();
      await expect(list.getByRole("listitem")).toHaveCount(1);

      // The page first: a refused API call also deletes that browser's cookie.
      await otherPage.reload();
      await expect(otherPage).toHaveURL(/\/login\?next=%2Forders&reason=expired$/);
      await expect(otherPage.getByText(/Your session expired/)).toBeVisible();
      expect((await other.request.get("/api/orders")).status()).toBe(401);
      // The other account's session was never listed and still works.
      expect((await stranger.request.get("/api/orders")).status()).toBe(200);
    } finally {
      await other.close();
      await stranger.close();
    }
  });

  test("ends all other sessions, then signs out everywhere from the account menu", async ({ page, browser }) => {
    const others = await Promise.all([1, 2].map(() => browser.newContext({ baseURL: E2E.appUrl })));
    try {
      await signInAlone(page.request, demo.basic);
      for (const context of others) await signIn(context.request, demo.digest);
      await page.goto("/sessions");
      const list = page.getByRole("list", { name: "Sessions" });
      // Basic and Digest with the same username are the same account.
      await expect(list.getByRole("listitem")).toHaveCount(3);
      await page.getByRole("button", { name: "End all other sessions" }).click();
      await expect(list.getByRole("listitem")).toHaveCount(1);
      for (const context of others) expect((await context.request.get("/api/orders")).status()).toBe(401);

      for (const context of others) await signIn(context.request, demo.basic);
      await page.getByRole("button", { name: /^Account:/ }).click();
      await page.getByRole("menuitem", { name: "Sign out everywhere" }).click();
      await expect(page).toHaveURL(/\/login\?reason=signed-out$/);
      for (const context of others) expect((await context.request.get("/api/orders")).status()).toBe(401);
      expect((await page.request.get("/api/orders")).status()).toBe(401);
    } finally {
      await Promise.all(others.map((context) => context.close()));
    }
  });

  test("refuses to end another account's session, and checks the id", async ({ page, browser }) => {
    const stranger = await browser.newContext({ baseURL: E2E.appUrl });
    try {
      await signIn(stranger.request, demo.labsToken);
      const strangerId = (await (await stranger.request.get("/api/sessions")).json()).sessions[0].id;
      await signIn(page.request, demo.token);
      expect((await page.request.delete(`/api/sessions/${strangerId}`, { headers: sameOrigin })).status()).toBe(404);
      expect((await stranger.request.get("/api/orders")).status()).toBe(200);
      const bad = await page.request.delete("/api/sessions/not-an-id", { headers: sameOrigin });
      expect(bad.status()).toBe(400);
      expect((await bad.json()).error.fields).toHaveProperty("sessionId");
      expect((await page.request.delete(`/api/sessions/${strangerId}`, { headers: { "Content-Type": "application/json" } })).status(), "CSRF: no Origin").toBe(403);
    } finally {
      await stranger.close();
    }
  });
});
