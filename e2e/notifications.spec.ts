import type { APIRequestContext, Page } from "@playwright/test";
import { scaled } from "./support/env";
import { advanceSimulator, holdPayments, payOrder } from "./support/simulator";
import { demo, expect, expectNoAxeViolations, resetSimulator, sameOrigin, signIn, test } from "./support/fixtures";
import { placeOrder as placeOrderThroughApi } from "./support/orders";
import { fillMinimumAndReview } from "./support/wizard-helpers";

/** Places a one-server order through the dashboard's API and returns its id. */
async function placeOrder(request: APIRequestContext, name: string): Promise<number> {
  return (await placeOrderThroughApi(request, name)).order_id;
}

/**
 * Opens `path` (the first page of the test: an earlier page's poll could answer instead) and
 * waits until the app-wide watcher holds its baseline (an answer of the order list after
 * hydration, prefetched or polled), so the clock can move on.
 */
async function openWatching(page: Page, path: string): Promise<void> {
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/orders" && response.ok());
  await page.goto(path);
  await answered;
}

const bell = (page: Page) => page.getByRole("button", { name: /^Notifications/ });

/**
 * An order held at "payment required" (Demo Labs has too little credit, and the simulator pays
 * no invoice by itself while held), so it cannot finish before the page has its baseline, however
 * slow the machine; `payAndAdvance` then lets it run to completion.
 */
async function placeHeldOrder(request: APIRequestContext, name: string): Promise<number> {
  await holdPayments(request);
  return placeOrder(request, name);
}

async function payAndAdvance(request: APIRequestContext, orderId: number): Promise<void> {
  await payOrder(request, orderId);
  await advanceSimulator(request, 5_000);
}

/** The account's history persists in the store across tests: each starts with nothing unread. */
async function clearBell(request: APIRequestContext): Promise<void> {
  expect((await request.post("/api/notifications/read", { headers: sameOrigin, data: {} })).ok()).toBe(true);
}

test.beforeEach(async ({ request }) => {
  await resetSimulator(request);
});

test.describe("ready notices", () => {
  test("an order completes while /servers is open: a toast names the server and its address, the bell counts it, its link opens the server", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await signIn(page.request, demo.labsToken);
    await clearBell(page.request);
    const orderId = await placeHeldOrder(page.request, "notice-ready");
    await openWatching(page, "/servers");
    await expect(bell(page)).toHaveAccessibleName("Notifications");
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.focus();

    await payAndAdvance(page.request, orderId);
    const toast = page.getByTestId("toast");
    await expect(toast).toContainText(/^notice-ready is ready: \d+\.\d+\.\d+\.\d+/, { timeout: scaled(20_000) });
    const title = (await toast.locator("p").textContent()) ?? "";
    const address = title.split(": ")[1] ?? "";
    // Read aloud through the polite live region, without taking focus from the search box.
    await expect(page.getByRole("status").filter({ hasText: title })).toHaveCount(1);
    await expect(search).toBeFocused();
    await expect(toast.getByRole("button", { name: `Copy the command ssh root@${address}` })).toBeVisible();
    expect(await toast.evaluate((el) => getComputedStyle(el).animationName)).toBe("none");

    await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
    await bell(page).click();
    const panel = page.getByRole("region", { name: "Notifications" });
    await expect(panel.getByRole("link", { name: `Unread: ${title}` })).toBeVisible();
    await expectNoAxeViolations(page, "the bell's panel with a toast");
    await panel.getByRole("link", { name: `Unread: ${title}` }).click();
    await expect(page).toHaveURL(/\/servers\/\d+$/);
    await expect(page.getByRole("heading", { level: 1, name: "notice-ready" })).toBeVisible();
    await expect(bell(page)).toHaveAccessibleName("Notifications");
  });

  test("the open inventory shows the new server by itself, and keyboard focus stays on its server as the rows move", async ({ page }) => {
    await signIn(page.request, demo.labsToken);
    // Sorts before Demo Labs' lab-1, so every row moves down one place when it arrives.
    const orderId = await placeHeldOrder(page.request, "aa-focus");
    await openWatching(page, "/servers");
    const table = page.getByRole("table");
    const details = table.getByRole("button", { name: "Details of lab-1" });
    await details.focus();
    await expect(table.locator("tbody tr[data-server-id]").first()).toContainText("lab-1");

    await payAndAdvance(page.request, orderId);
    // No Refresh: the watcher saw the item complete and the list followed.
    await expect(table.getByRole("link", { name: "aa-focus", exact: true })).toBeVisible({ timeout: scaled(20_000) });
    await expect(table.locator("tbody tr[data-server-id]").first()).toContainText("aa-focus");
    await expect(details).toBeFocused();
    await expect(page.locator(":focus")).toHaveAccessibleName("Details of lab-1");
  });

  test("a new order that needs payment is announced; mark all as read clears the count", async ({ page }) => {
    await signIn(page.request, demo.labsToken);
    await clearBell(page.request);
    await holdPayments(page.request);
    // One unpaid order keeps the watcher polling; the next one appears while the page is open.
    await placeOrder(page.request, "notice-pay-1");
    await openWatching(page, "/");
    const second = await placeOrder(page.request, "notice-pay-2");
    const toast = page.getByTestId("toast");
    await expect(toast).toContainText(`Order ${second} needs payment`, { timeout: scaled(20_000) });
    await expect(toast.getByRole("link", { name: "Open order" })).toHaveAttribute("href", `/orders/${second}`);
    await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
    await bell(page).click();
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect(bell(page)).toHaveAccessibleName("Notifications");
    await expect(page.getByRole("region", { name: "Notifications" }).getByRole("link", { name: `Order ${second} needs payment` })).toBeVisible();
    await toast.getByRole("button", { name: /^Dismiss/ }).click();
    await expect(toast).toHaveCount(0);
  });
});

test.describe("toasts and the wizard", () => {
  test("a ready notice on the review step sits above the sticky actions: Place order stays in view and clickable", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    // Without the slide-in, the box measured is where the toast stays.
    await page.emulateMedia({ reducedMotion: "reduce" });
    await signIn(page.request, demo.labsToken);
    await clearBell(page.request);
    const orderId = await placeHeldOrder(page.request, "notice-footer");
    const answered = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/orders" && response.ok());
    await fillMinimumAndReview(page);
    await answered;

    await payAndAdvance(page.request, orderId);
    const toast = page.getByTestId("toast");
    await expect(toast).toContainText("notice-footer is ready", { timeout: scaled(20_000) });
    const place = page.getByRole("button", { name: "Place order" });
    const toastBottom = await toast.evaluate((element) => element.getBoundingClientRect().bottom);
    const placeTop = await place.evaluate((element) => element.getBoundingClientRect().top);
    expect(toastBottom, "the toast ends above the button").toBeLessThanOrEqual(placeTop);
    // Nothing intercepts a click on it (a toast over it made the retry of an unconfirmed order hang).
    await place.click({ trial: true });
  });
});

test.describe("desktop notifications", () => {
  test("with the permission granted and Notify me on, a completed order shows a desktop notification", async ({ page, context }) => {
    await signIn(page.request, demo.labsToken);
    await context.grantPermissions(["notifications"]);
    await clearBell(page.request);
    await context.addInitScript(() => {
      // Records what the page shows, over the browser's own Notification (permission included).
      const Real = window.Notification;
      const shown: { title: string; body?: string }[] = [];
      class Recording {
        static get permission() {
          return Real.permission;
        }
        static requestPermission() {
          return Real.requestPermission();
        }
        onclick: (() => void) | null = null;
        constructor(title: string, options?: NotificationOptions) {
          shown.push({ title, body: options?.body });
        }
      }
      Object.assign(window, { Notification: Recording, __shown: shown });
    });
    await page.goto("/servers");
    await bell(page).click();
    await page.getByRole("button", { name: "Notify me" }).click();
    await expect(page.getByText("Desktop notifications are on.")).toBeVisible();
    await page.close();

    // The choice holds for the browser: a tab opened after the order was placed notifies too.
    const orderId = await placeHeldOrder(context.request, "notice-desktop");
    const tab = await context.newPage();
    await openWatching(tab, "/servers");
    await payAndAdvance(context.request, orderId);
    await expect
      .poll(() => tab.evaluate(() => (window as unknown as { __shown: { title: string }[] }).__shown.map((n) => n.title)), { timeout: scaled(20_000) })
      .toEqual([expect.stringMatching(/^notice-desktop is ready: \d+\.\d+\.\d+\.\d+$/)]);
  });
});
