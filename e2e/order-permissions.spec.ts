import type { Page } from "@playwright/test";
import { E2E } from "./support/env";
import { demo, expect, resetSimulator, test, type Credentials } from "./support/fixtures";
import { spawnApp, type SpawnedApp } from "./support/spawn-app";
import { expectStep, fillMinimumAndReview } from "./support/wizard-helpers";

/**
 * Permission-aware actions (issue 17). Runs on an instance of its own, so that what it remembers
 * about `demo-readonly` starts empty here and does not leak into the other specs.
 */
const PORT = E2E.appPort + 72;
const NOTICE = "Read-only access: ordering and cancelling are off";

let app: SpawnedApp;
test.beforeAll(async () => {
  app = await spawnApp(PORT, {});
});
test.afterAll(async () => {
  await app?.stop();
});
test.beforeEach(async ({ request }) => {
  await resetSimulator(request);
});

const json = () => ({ Origin: app.url, "Content-Type": "application/json" });

async function signInAt(page: Page, credentials: Credentials) {
  const response = await page.request.post(`${app.url}/api/session`, { headers: json(), data: credentials });
  expect(response.status()).toBe(200);
}

async function expectActionsOff(page: Page) {
  await page.goto(`${app.url}/orders/73`);
  await expect(page.getByRole("status").filter({ hasText: NOTICE })).toBeVisible();
  // Cancelling sits in quiet Actions menus (the order's and each item's): all of them are off.
  await expect(page.getByRole("button", { name: "Actions for order 73" })).toBeDisabled();
  for (const button of await page.getByRole("button", { name: /^Actions for / }).all()) await expect(button).toBeDisabled();
  await page.goto(`${app.url}/orders/new?step=review`);
  await expectStep(page, "Review");
  await expect(page.getByRole("status").filter({ hasText: NOTICE })).toBeVisible();
  await expect(page.getByRole("button", { name: "Place order" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Place order" })).toHaveAccessibleDescription(new RegExp(NOTICE));
  await page.goto(`${app.url}/`);
  await expect(page.getByRole("status").filter({ hasText: NOTICE })).toBeVisible();
}

test("after one refused order, demo-readonly sees ordering and cancelling off, also after signing in again", async ({ page }) => {
  await signInAt(page, demo.readonly);
  // Nothing is known yet: the actions are on, and the notice is not shown.
  await page.goto(`${app.url}/orders/73`);
  await expect(page.getByRole("button", { name: "Actions for order 73" })).toBeEnabled();
  await expect(page.getByText(NOTICE)).toHaveCount(0);

  await fillMinimumAndReview(page, app.url);
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The order was not placed" })).toContainText(/read-only/i);
  // At once, without a reload: the notice, and Place order off.
  await expect(page.getByRole("status").filter({ hasText: NOTICE })).toBeVisible();
  await expect(page.getByRole("button", { name: "Place order" })).toBeDisabled();
  await expectActionsOff(page);

  // Signed out and in again: still remembered for this account.
  expect((await page.request.delete(`${app.url}/api/session`, { headers: json() })).status()).toBe(204);
  await signInAt(page, demo.readonly);
  await expectActionsOff(page);

  // Another account on the same dashboard is not affected.
  await signInAt(page, demo.token);
  await page.goto(`${app.url}/orders/73`);
  await expect(page.getByRole("button", { name: "Actions for order 73" })).toBeEnabled();
  await expect(page.getByText(NOTICE)).toHaveCount(0);
});
