import type { Page } from "@playwright/test";
import { E2E } from "./support/env";
import { demo, expect, resetSimulator, signIn, test, type Credentials } from "./support/fixtures";
import { holdPayments } from "./support/simulator";
import { spawnApp, type SpawnedApp } from "./support/spawn-app";
import { expectStep, fillMinimumAndReview, listOrders, next } from "./support/wizard-helpers";

/**
 * Prices and the payment path (issue 17). Prices need demo mode (the simulator's own price list),
 * and the shared e2e instance runs outside it, so demo mode gets an instance of its own here,
 * pointed at the same simulator; a second one outside demo mode checks that no price appears.
 */
const DEMO_PORT = E2E.appPort + 70;
const PLAIN_PORT = E2E.appPort + 71;

async function signInAt(page: Page, app: SpawnedApp, credentials: Credentials = demo.token) {
  const response = await page.request.post(`${app.url}/api/session`, { headers: { Origin: app.url, "Content-Type": "application/json" }, data: credentials });
  expect(response.status()).toBe(200);
}

/** "€32.00 per month" -> 3200 */
function cents(text: string): number {
  const match = /€([\d,]+\.\d{2}) per month/.exec(text);
  if (!match?.[1]) throw new Error(`no monthly price in ${JSON.stringify(text)}`);
  return Math.round(Number(match[1].replace(/,/g, "")) * 100);
}

test.beforeEach(async ({ request }) => {
  await resetSimulator(request);
});

test.describe("prices", () => {
  let demoApp: SpawnedApp;
  let plainApp: SpawnedApp;
  test.beforeAll(async () => {
    // KLIKK_API_URL empty is demo mode; SIMULATOR_PORT points it at the e2e simulator.
    [demoApp, plainApp] = await Promise.all([
      spawnApp(DEMO_PORT, { KLIKK_API_URL: "", SIMULATOR_PORT: String(E2E.simulatorPort) }),
      spawnApp(PLAIN_PORT, {}),
    ]);
  });
  test.afterAll(async () => {
    await Promise.all([demoApp?.stop(), plainApp?.stop()]);
  });

  test("in demo mode every size card, the running total and the review show a monthly estimate; N servers cost N times one", async ({ page }) => {
    await signInAt(page, demoApp);
    await page.goto(`${demoApp.url}/orders/new`);
    await expectStep(page, "Servers and size");
    for (const name of ["Small", "Medium", "Large", "Extra large"]) {
      await expect(page.getByRole("radio", { name: new RegExp(`^${name} .*€[\\d,]+\\.\\d{2} per month \\(estimate\\)`) })).toBeVisible();
    }
    await page.getByRole("radio", { name: /^Large/ }).check();
    const large = cents(await page.locator("label").filter({ has: page.getByRole("radio", { name: /^Large/ }) }).innerText());
    // The simulator's table: 16 GB x 4.00 + 4 vCPU x 3.00 + 200 GB x 0.10 + IPv4 2.00 = 98.00.
    expect(large).toBe(9800);

    await page.getByLabel("Number of servers").selectOption("3");
    const running = page.locator("p").filter({ hasText: /^Estimated total:/ }).first();
    await expect(running).toContainText("€294.00 per month");
    expect(cents(await running.innerText())).toBe(3 * large);

    await next(page);
    await page.goto(`${demoApp.url}/orders/new?step=network`);
    await page.getByRole("button", { name: /^Add my address/ }).click();
    await next(page);
    await expectStep(page, "Review");
    const total = page.locator("p").filter({ hasText: /^Estimated total:/ }).first();
    await expect(total).toContainText(`(3 × €98.00)`);
    expect(cents(await total.innerText())).toBe(3 * large);
    await expect(page.getByText(/the invoice decides/).first()).toBeVisible();
  });

  test("outside demo mode and without PRICE_LIST no price appears anywhere", async ({ page }) => {
    await signInAt(page, plainApp);
    await page.goto(`${plainApp.url}/orders/new`);
    await expectStep(page, "Servers and size");
    await expect(page.getByRole("radio", { name: /^Large/ })).toBeVisible();
    await expect(page.getByText(/€|per month|estimate/i)).toHaveCount(0);
    await fillMinimumAndReview(page, plainApp.url);
    await expect(page.getByRole("button", { name: "Place order" })).toBeVisible();
    await expect(page.getByText(/€|per month|Estimated total/i)).toHaveCount(0);
  });
});

test.describe("the payment path", () => {
  test("a Demo Labs order ends payment-required; its page shows the upstream's amount and the portal link", async ({ page }) => {
    await signIn(page.request, demo.labsToken);
    // No automatic payment in this test: the invoice stays open while the page is checked.
    await holdPayments(page.request);
    await fillMinimumAndReview(page);
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page).toHaveURL(/\/orders\/\d+\?created=1&status=100$/);
    const orderId = Number(/\/orders\/(\d+)/.exec(page.url())?.[1]);
    const order = (await listOrders(page.request)).find((o) => o.order_id === orderId) as { status: number; message?: string } | undefined;
    expect(order?.status).toBe(100);

    const payment = page.getByRole("region", { name: "Payment required" });
    // The upstream's own words, with the invoice and the amount it asks for.
    await expect(payment).toContainText(/Payment required: invoice \d+ is open \(EUR \d+\.\d{2}\)/);
    const link = payment.getByRole("link", { name: /Pay in the klikk portal/ });
    await expect(link).toHaveAttribute("href", "https://my.klikk.com/");
    const placedNotice = page.getByRole("status").filter({ hasText: `Order ${orderId} placed: payment required` });
    await expect(placedNotice).toContainText("Pay it in the klikk portal");

    // The overview shows it too, with the same link.
    await page.goto("/");
    const overviewPayment = page.getByRole("region", { name: "Payment required" });
    await expect(overviewPayment).toContainText(/invoice \d+ is open \(EUR \d+\.\d{2}\)/);
    await expect(overviewPayment.getByRole("link", { name: /Pay in the klikk portal/ })).toHaveAttribute("href", "https://my.klikk.com/");
  });

  test("a paid order's badge differs from an unpaid one's, and only the unpaid one speaks of money", async ({ signedInPage: page }) => {
    // Seed: order 78 waits for payment (100), order 79 is paid and being processed (110).
    const badge = () => page.getByRole("region", { name: "Order status" }).locator("[data-status-code]");
    await page.goto("/orders/78");
    await expect(badge()).toHaveText(/^€\s*Payment required$/);
    const unpaid = { tone: await badge().getAttribute("data-status-tone"), classes: await badge().getAttribute("class") };
    await expect(page.getByRole("region", { name: "Payment required" })).toBeVisible();
    await page.goto("/orders/79");
    await expect(badge()).toHaveText(/^↻\s*Processing$/);
    await expect(badge()).not.toContainText(/€|pay/i);
    expect(await badge().getAttribute("data-status-tone")).not.toBe(unpaid.tone);
    expect(await badge().getAttribute("class")).not.toBe(unpaid.classes);
    await expect(page.getByRole("region", { name: "Payment required" })).toHaveCount(0);
  });
});
