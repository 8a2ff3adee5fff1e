import { setSessionCookie, COOKIE_NAME } from "./support/cookies";
import { orderBody } from "./support/orders";
import { openInstanceStore, sessionStoreId, unsealCookie } from "./support/store";
import { E2E } from "./support/env";
import { demo, expect, resetSimulator, sameOrigin, signIn, test, expectNoAxeViolations } from "./support/fixtures";
import type { Page } from "@playwright/test";

async function signInWithToken(page: Page, token: string) {
  await page.getByRole("radio", { name: /Account token/ }).check();
  await page.getByRole("textbox", { name: "Account token" }).fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signInWithPassword(page: Page, username: string, password: string, scheme: "Digest (recommended)" | "Basic") {
  await page.getByRole("radio", { name: /Username and password/ }).check();
  await page.getByLabel("Username", { exact: true }).fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("radio", { name: scheme }).check();
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("sign-in", () => {
  test.beforeEach(async ({ request }) => {
    await resetSimulator(request);
  });

  test("a signed-out visitor is sent to the sign-in page and back where they were going", async ({ page }) => {
    await page.goto("/servers?q=web");
    await expect(page).toHaveURL(`${E2E.appUrl}/login?next=${encodeURIComponent("/servers?q=web")}`);
    await expect(page.getByRole("heading", { name: "Sign in to klikk dashboard" })).toBeVisible();
    await signInWithToken(page, "demo-token");
    await expect(page).toHaveURL(`${E2E.appUrl}/servers?q=web`);
    await expect(page.getByRole("banner").getByRole("button", { name: "Account: Signed in with token …oken" })).toBeVisible();
  });

  test("signs in with Basic and with Digest, and signs out", async ({ page }) => {
    for (const scheme of ["Basic", "Digest (recommended)"] as const) {
      await page.goto("/login");
      await signInWithPassword(page, "demo", "demo", scheme);
      await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
      await expect(page.getByRole("banner")).toContainText("demo");
      await page.getByRole("button", { name: "Account: Signed in as demo" }).click();
      await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
      await expect(page).toHaveURL(`${E2E.appUrl}/login?reason=signed-out`);
      await expect(page.getByText("You are signed out")).toBeVisible();
      // The method just used is remembered in this browser (never the credentials).
      await expect(page.getByRole("radio", { name: /Username and password/ })).toBeChecked();
      await expect(page.getByRole("radio", { name: scheme })).toBeChecked();
      await expect(page.getByLabel("Username", { exact: true })).toHaveValue("");
      await page.goto("/orders");
      await expect(page).toHaveURL(/\/login\?next=%2Forders$/);
    }
  });

  test("an expired session is said so on the sign-in page", async ({ page }) => {
    await page.goto("/login?reason=expired");
    await expect(page.getByRole("status").filter({ hasText: "Your session expired, sign in again" })).toBeVisible();
    await page.goto("/login?reason=anything-else");
    await expect(page.getByText("Your session expired")).toHaveCount(0);
  });

  test("shows a clear message for each refusal", async ({ page }) => {
    await page.goto("/login");
    await signInWithPassword(page, "demo", "wrong-password", "Digest (recommended)");
    await expect(page.locator('form [role="alert"]')).toContainText("Wrong username or password.");

    await signInWithPassword(page, "nobody-like-this", "demo", "Basic");
    await expect(page.locator('form [role="alert"]')).toContainText("Wrong username or password.");

    await signInWithPassword(page, "demo-2fa", "demo", "Digest (recommended)");
    await expect(page.locator('form [role="alert"]')).toContainText("2-factor");
    await expect(page.locator('form [role="alert"]')).toContainText("account token");

    await signInWithToken(page, "demo-token-remote");
    await expect(page.locator('form [role="alert"]')).toContainText("Token refused from this address");
    await expect(page.locator('form [role="alert"]')).toContainText("127.0.0.1");

    await signInWithToken(page, "no-such-token");
    await expect(page.locator('form [role="alert"]')).toContainText("The account token was not accepted");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("empty fields are named on submit and focus moves to the first", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("textbox", { name: "Account token" })).toBeFocused();
    await expect(page.getByText("Enter the account token.")).toBeVisible();
  });

  test("the sign-in page has no WCAG A/AA violations and never echoes the password", async ({ page }) => {
    await page.goto("/login");
    await expectNoAxeViolations(page, "the sign-in page");
    await signInWithPassword(page, "demo", "a-secret-that-fails", "Basic");
    await expect(page.locator('form [role="alert"]')).toBeVisible();
    expect(await page.content()).not.toContain("a-secret-that-fails");
    expect(page.url()).not.toContain("a-secret-that-fails");
  });

  test("an external ?next= is ignored", async ({ page }) => {
    await page.goto(`/login?next=${encodeURIComponent("//evil.example/steal")}`);
    await signInWithToken(page, "demo-token");
    await expect(page).toHaveURL(`${E2E.appUrl}/`);
  });
});

test.describe("session cookie", () => {
  test("is httpOnly, SameSite=Lax and carries no readable credentials", async ({ page, context }) => {
    await signIn(page.request, demo.basic);
    const cookie = (await context.cookies()).find((entry) => entry.name === COOKIE_NAME);
    expect(cookie, "session cookie").toBeDefined();
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.value).not.toContain("demo");
    const session = await page.request.get("/api/session");
    expect(await session.json()).toEqual({ method: "basic", username: "demo", clientAddress: expect.any(String), accounts: [expect.objectContaining({ primary: true, active: true, method: "basic", username: "demo" })] });
  });

  test("a forged cookie reads as signed out", async ({ page, context }) => {
    await setSessionCookie(context, "Fe26.2**forged**cookie");
    await page.goto("/orders");
    await expect(page).toHaveURL(/\/login\?next=%2Forders&reason=expired$/);
    expect((await page.request.get("/api/orders")).status()).toBe(401);
  });

  test("a session past its idle timeout or absolute lifetime reads as signed out", async ({ page, context }) => {
    const db = openInstanceStore();
    try {
      const now = Date.now();
      await signIn(page.request, demo.token);
      const idleId = await sessionStoreId(context);
      expect((await page.request.get("/api/orders")).status()).toBe(200);
      // Aged in the store itself: the idle timeout (30 min) is enforced on the stored record.
      db.prepare("UPDATE sessions SET last_seen_at = ? WHERE id = ?").run(now - 31 * 60_000, idleId);
      expect((await page.request.get("/api/orders")).status()).toBe(401);

      await signIn(page.request, demo.token);
      const oldId = await sessionStoreId(context);
      db.prepare("UPDATE sessions SET created_at = ?, last_seen_at = ? WHERE id = ?").run(now - 13 * 60 * 60_000, now - 60_000, oldId);
      expect((await page.request.get("/api/orders")).status()).toBe(401);

      await signIn(page.request, demo.token);
      const freshId = await sessionStoreId(context);
      db.prepare("UPDATE sessions SET created_at = ?, last_seen_at = ? WHERE id = ?").run(now - 11 * 60 * 60_000, now - 29 * 60_000, freshId);
      expect((await page.request.get("/api/orders")).status()).toBe(200);
    } finally {
      db.close();
    }
  });

  test("holds only a random session id: no password and no token", async ({ page, context }) => {
    for (const credentials of [demo.basic, demo.token]) {
      await signIn(page.request, credentials);
      const cookie = (await context.cookies()).find((entry) => entry.name === COOKIE_NAME);
      const data = await unsealCookie(cookie?.value ?? "");
      expect(Object.keys(data).filter((key) => key !== "persistent")).toEqual(["sid"]);
      expect(String(data.sid)).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const text = JSON.stringify(data);
      expect(text).not.toContain("demo");
      expect(text).not.toContain("demo-token");
    }
  });

  test("a copied cookie is refused once its session has signed out", async ({ page, context, browser }) => {
    await signIn(page.request, demo.token);
    const copied = (await context.cookies()).find((entry) => entry.name === COOKIE_NAME)?.value ?? "";
    expect((await page.request.delete("/api/session", { headers: sameOrigin })).status()).toBe(204);
    const thief = await browser.newContext({ baseURL: E2E.appUrl });
    try {
      await setSessionCookie(thief, copied);
      const thiefPage = await thief.newPage();
      await thiefPage.goto("/orders");
      await expect(thiefPage).toHaveURL(/\/login\?next=%2Forders&reason=expired$/);
      // Each refusal also deletes the cookie in that browser: put the copy back before every call.
      await setSessionCookie(thief, copied);
      expect((await thief.request.get("/api/orders")).status()).toBe(401);
      await setSessionCookie(thief, copied);
      expect((await thief.request.post("/api/orders", { headers: { ...sameOrigin, "Idempotency-Key": `copied-${Date.now()}` }, data: orderBody("copied") })).status()).toBe(401);
    } finally {
      await thief.close();
    }
  });

  test("a cross-site POST is refused", async ({ page }) => {
    await signIn(page.request);
    const response = await page.request.post("/api/orders/1/cancel", {
      headers: { ...sameOrigin, Origin: "https://evil.example" },
      data: {},
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.code).toBe("csrf");
  });
});
