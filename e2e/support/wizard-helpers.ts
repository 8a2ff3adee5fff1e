import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { tagOrders, type OrdersAnswer } from "../../lib/accounts/tag-orders";

// The keys live with the other shared fixtures (tests/support), used by vitest and Playwright alike.
export { fingerprintOf, PRIVATE_KEY, PUBLIC_KEY } from "../../tests/support/ssh-keys";

export type ListedOrder = { order_id: number; status: number; reference?: string; order_items: { id: number; name: string; reference?: string; status: number }[] };

/** The session's orders newest first, read as the browser reads them (lib/accounts/tag-orders). */
export async function listOrders(request: APIRequestContext): Promise<ListedOrder[]> {
  const response = await request.get("/api/orders");
  expect(response.status()).toBe(200);
  return tagOrders((await response.json()) as OrdersAnswer);
}

export function stepHeading(page: Page) {
  return page.locator("#step-heading");
}

export async function expectStep(page: Page, title: string) {
  await expect(stepHeading(page)).toContainText(title);
}

export async function next(page: Page) {
  await page.getByRole("button", { name: /^Next: / }).click();
}

/**
 * From a fresh draft to the review step: the defaults are valid except the required SSH allow
 * list, which is filled with the address the dashboard sees for this browser.
 */
export async function fillMinimumAndReview(page: Page, origin = "") {
  await page.goto(`${origin}/orders/new?step=network`);
  await expectStep(page, "Network and access");
  await page.getByRole("button", { name: /^Add my address/ }).click();
  await next(page);
  await expectStep(page, "Review");
}

/** Opens the review's "Show API request" disclosure and returns the JSON it shows. */
export async function shownRequest(page: Page): Promise<{
  action: string;
  reference?: string;
  items: { name: string; product: { options: { antiaffinity?: number; os: string; os_version: string; quantity_ram_gb: number } } }[];
}> {
  const disclosure = page.getByText("Show API request");
  if (!(await page.getByRole("region", { name: "JSON request" }).isVisible())) await disclosure.click();
  const json = page.getByRole("region", { name: "JSON request" }).locator("pre");
  await expect(json).toBeVisible();
  return JSON.parse((await json.textContent()) ?? "");
}
