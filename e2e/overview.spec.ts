import type { Page } from "@playwright/test";
import { E2E, scaled } from "./support/env";
import { expect, expectNoAxeViolations, resetSimulator, setTheme, test } from "./support/fixtures";
import { placeOrder } from "./support/orders";
import { advanceSimulator } from "./support/simulator";

function section(page: Page, name: string) {
  return page.getByRole("region", { name });
}

test.beforeEach(async ({ request }) => {
  await resetSimulator(request);
});

test.describe("overview", () => {
  test("puts what needs attention first, then the latest orders and the server counts", async ({ signedInPage: page }) => {
    await page.goto("/");
    const attention = section(page, "Needs attention");
    await expect(attention.getByRole("heading", { name: "Waiting for payment (1)" })).toBeVisible();
    await expect(attention.getByRole("link", { name: "Order 78" })).toBeVisible();
    await expect(attention.getByRole("heading", { name: "In progress (4)" })).toBeVisible();
    for (const id of [79, 80, 81, 82]) await expect(attention.getByRole("link", { name: `Order ${id}`, exact: true })).toBeVisible();
    await expect(attention.getByText(/^Updated \d{1,2}:\d\d/)).toBeVisible();

    // Newest first, without the orders already listed under "Needs attention".
    const latest = section(page, "Latest settled orders");
    await expect(latest.getByRole("listitem").getByRole("link")).toHaveText(["Order 75", "Order 74", "Order 73", "Order 72", "Order 71"]);

    // Demo AS has 13 servers; build-2, build-3 and staging-1 are stopped.
    const servers = section(page, "Servers");
    await expect(servers.getByRole("link", { name: "10 servers running" })).toHaveAttribute("href", "/servers?state=running");
    await expect(servers.getByRole("link", { name: "3 servers stopped" })).toHaveAttribute("href", "/servers?state=stopped");
    await expect(servers.getByText(/^Newest:/)).toContainText("mix-1");
  });

  test("the attention link opens the filtered orders list", async ({ signedInPage: page }) => {
    await page.goto("/");
    await section(page, "Needs attention").getByRole("link", { name: "Orders waiting for payment or processing" }).click();
    await expect(page).toHaveURL(`${E2E.appUrl}/orders?status=payment`);
    await expect(page.getByLabel("Status")).toHaveValue("payment");
    await expect(page.getByRole("table").getByRole("rowheader")).toHaveText(["Order 79", "Order 78"]);
  });

  test("a new order shows up in progress and settles without a reload", async ({ signedInPage: page }) => {
    await page.goto("/");
    await expect(section(page, "Latest settled orders").getByRole("link", { name: "Order 75" })).toBeVisible();
    await page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    const { order_id: orderId } = await placeOrder(page.request, "overview-1");
    await advanceSimulator(page.request, 5_000);
    // Settled, it moves from "Needs attention" to the latest settled orders, at the top.
    const line = section(page, "Latest settled orders").getByRole("listitem").filter({ has: page.getByRole("link", { name: `Order ${orderId}` }) });
    await expect(line).toContainText("Completed", { timeout: scaled(20_000) });
    await expect(section(page, "Servers").getByRole("link", { name: /servers running/ })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  for (const theme of ["light", "dark"] as const) {
    test(`axe finds no WCAG A/AA violations on the overview (${theme})`, async ({ signedInPage: page }) => {
      await page.goto("/");
      await setTheme(page, theme);
      await page.reload();
      await expect(section(page, "Servers").getByRole("link", { name: /servers running/ })).toBeVisible();
      await expect(section(page, "Latest settled orders").getByRole("link", { name: "Order 75" })).toBeVisible();
      await expectNoAxeViolations(page, `overview (${theme})`);
    });
  }
});
