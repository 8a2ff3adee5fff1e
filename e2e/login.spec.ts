import { sealSession, setSessionCookie, COOKIE_NAME } from "./support/cookies";
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
    await expect(page.getByRole("banner").getByRole("button", { name: "Account: Signed in with an account token" })).toBeVisible();
  });

  test("signs in with Basic and with Digest, and signs out", async ({ page }) => {
    for (const scheme of ["Basic", "Digest (recommended)"] as const) {
      await page.goto("/login");
      await signInWithPassword(page, "demo", "demo", scheme);
      await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
      await expect(page.getByRole("banner")).toContainText("demo");
      await page.getByRole("button", { name: "Account: Signed in as demo" }).click();
      await page.getByRole("menuitem", { name: "Sign out" }).click();
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
    expect(await session.json()).toEqual({ method: "basic", username: "demo", clientAddress: expect.any(String) });
  });

  test("a forged cookie reads as signed out", async ({ page, context }) => {
    await setSessionCookie(context, "Fe26.2**forged**cookie");
    await page.goto("/orders");
    await expect(page).toHaveURL(/\/login\?next=%2Forders$/);
    expect((await page.request.get("/api/orders")).status()).toBe(401);
  });

  test("a cookie past its idle timeout or absolute lifetime reads as signed out", async ({ page, context }) => {
    const now = Date.now();
    const auth = { method: "token", token: "demo-token" };
    const idle = await sealSession({ auth, createdAt: now - 40 * 60_000, lastSeenAt: now - 31 * 60_000 });
    await setSessionCookie(context, idle);
    expect((await page.request.get("/api/orders")).status()).toBe(401);
    const old = await sealSession({ auth, createdAt: now - 13 * 60 * 60_000, lastSeenAt: now - 60_000 });
    await setSessionCookie(context, old);
    expect((await page.request.get("/api/orders")).status()).toBe(401);
    const fresh = await sealSession({ auth, createdAt: now - 60_000, lastSeenAt: now - 60_000 });
    await setSessionCookie(context, fresh);
    expect((await page.request.get("/api/orders")).status()).toBe(200);
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
