import { readFile } from "node:fs/promises";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { E2E, scaled } from "./support/env";
import { openInstanceStore } from "./support/store";
import { placeOrder } from "./support/orders";
import { advanceSimulator, clearFaults, payOrder, setFaults } from "./support/simulator";
import { demo, expect, expectNoAxeViolations, resetSimulator, setTheme, signIn, test } from "./support/fixtures";

/** Seeded "Demo AS" orders (simulator/README.md) and the badge each must show. */
const SEEDED: Record<number, { label: string; cls: string }> = {
  70: { label: "Completed", cls: "completed" },
  71: { label: "Completed", cls: "completed" },
  72: { label: "Completed", cls: "completed" },
  73: { label: "Completed", cls: "completed" },
  74: { label: "Completed", cls: "completed" },
  75: { label: "Completed", cls: "completed" },
  76: { label: "Cancellation scheduled", cls: "cancelled" },
  77: { label: "Cancelled", cls: "cancelled" },
  78: { label: "Payment required", cls: "payment" },
  79: { label: "Processing", cls: "payment" },
  80: { label: "Pending creation", cls: "pending" },
  81: { label: "Being provisioned", cls: "pending" },
  82: { label: "Being provisioned", cls: "pending" },
};

function orderRow(page: Page, id: number): Locator {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: `Order ${id}`, exact: true }) });
}

/** The order's own badge: the Status column (cells: select, reference, created, items, status, ...). */
function orderStatus(page: Page, id: number): Locator {
  return orderRow(page, id).getByRole("cell").nth(4);
}

/** A badge's text: an aria-hidden icon, then the label. */
function badge(label: string): RegExp {
  return new RegExp(`^\\S?\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}

async function shownOrderIds(page: Page): Promise<number[]> {
  const names = await page.getByRole("table").getByRole("rowheader").allTextContents();
  return names.map((name) => Number(name.replace(/\D/g, "")));
}

/** Opens a row's or a page's quiet action menu and picks an entry. */
async function chooseAction(scope: Page | Locator, menu: string, entry: string): Promise<void> {
  await scope.getByRole("button", { name: menu }).click();
  const page = "page" in scope ? scope.page() : scope;
  await page.getByRole("menuitem", { name: entry }).click();
}

async function advance(request: APIRequestContext, ms: number): Promise<void> {
  await advanceSimulator(request, ms);
}

async function serverIdsOfItem(request: APIRequestContext, itemId: number): Promise<number[]> {
  const response = await request.get(`/api/servers?orderItemId=${itemId}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { servers: { id: number }[] }).servers.map((s) => s.id);
}

test.beforeEach(async ({ request }) => {
  await resetSimulator(request);
});

test.describe("orders list", () => {
  test("shows every seeded order with the badge of its class, time and item count", async ({ signedInPage: page }) => {
    await page.goto("/orders");
    await expect(page.getByRole("status").filter({ hasText: /^Showing 13 of 13 orders$/ })).toBeVisible();
    for (const [id, { label, cls }] of Object.entries(SEEDED)) {
      const status = orderStatus(page, Number(id));
      await expect(status, `order ${id}`).toHaveText(badge(label));
      await expect(status.locator("[data-status-class]")).toHaveAttribute("data-status-class", cls);
    }
    const web = orderRow(page, 70);
    await expect(web.getByRole("cell").nth(1)).toHaveText("Web cluster");
    await expect(web.getByText("3 items")).toBeVisible();
    await expect(web.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
    // Live status: seeded orders 78-82 are in progress, so the page says when it last looked.
    await expect(page.getByText(/^Updated \d{1,2}:\d\d/)).toBeVisible();
  });

  test("filter, search and sort live in the URL, and that URL restores the view", async ({ signedInPage: page }) => {
    await page.goto("/orders");
    await expect(orderRow(page, 70)).toBeVisible();

    await page.getByLabel("Status").selectOption({ label: "Payment or processing (1xx)" });
    await expect(page).toHaveURL(/\/orders\?status=payment$/);
    await expect.poll(() => shownOrderIds(page)).toEqual([79, 78]);

    await page.goBack();
    await expect(page).toHaveURL(`${E2E.appUrl}/orders`);
    await expect.poll(() => shownOrderIds(page)).toHaveLength(13);

    const search = page.getByRole("searchbox", { name: "Search" });
    await search.fill("mix-2");
    await expect(page).toHaveURL(/q=mix-2/);
    await expect.poll(() => shownOrderIds(page)).toEqual([82]);
    await search.fill("#77");
    await expect.poll(() => shownOrderIds(page)).toEqual([77]);
    await search.fill("build farm");
    await expect.poll(() => shownOrderIds(page)).toEqual([73]);
    await search.fill("no such order");
    await expect(page.getByRole("heading", { name: "No orders match" })).toBeVisible();
    await page.getByRole("button", { name: "Show all orders" }).click();
    await expect(search).toHaveValue("");

    await page.getByLabel("Status").selectOption("completed");
    await page.getByLabel("Sort by").selectOption({ label: "Order id, low to high" });
    await expect(page).toHaveURL(/status=completed/);
    await expect(page).toHaveURL(/sort=id-asc/);
    await expect.poll(() => shownOrderIds(page)).toEqual([70, 71, 72, 73, 74, 75]);

    // The shared link opens the same view in a fresh tab.
    const url = page.url();
    const other = await page.context().newPage();
    await other.goto(url);
    await expect(other.getByLabel("Status")).toHaveValue("completed");
    await expect(other.getByLabel("Sort by")).toHaveValue("id-asc");
    await expect.poll(() => shownOrderIds(other)).toEqual([70, 71, 72, 73, 74, 75]);
    await other.close();

    await page.goto("/orders?sort=status&q=pay");
    await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("pay");
    await expect.poll(() => shownOrderIds(page)).toEqual([78, 79]);
  });

  test("exports the visible list as CSV and JSON", async ({ signedInPage: page }) => {
    await page.goto("/orders?status=payment&sort=id-asc");
    await expect.poll(() => shownOrderIds(page)).toEqual([78, 79]);

    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    expect(csvDownload.suggestedFilename()).toBe("orders.csv");
    const csv = await readFile((await csvDownload.path())!, "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("Order id,Reference,Created,Items,Item names,Status code,Status,Message");
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(["78", "79"]);

    const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
    const json = JSON.parse(await readFile((await jsonDownload.path())!, "utf8")) as { order_id: number; status: number }[];
    expect(json.map((o) => [o.order_id, o.status])).toEqual([
      [78, 100],
      [79, 110],
    ]);
  });

  test("a failed load shows an error with a retry that recovers", async ({ signedInPage: page, request }) => {
    await setFaults(request, { rate503: 1, actions: ["order_list"] });
    await page.goto("/orders");
    await expect(page.getByRole("alert").filter({ hasText: "Orders could not be loaded" })).toBeVisible({ timeout: scaled(20_000) });
    // The notices' watcher reads the orders too. It loads after hydration, and mounting on the
    // failed list it asks again: the fault is cleared only once it is there and no ask for the
    // list is under way (the retry shows one as busy), or that ask would mend the list before
    // the retry is tried and take the button away (seen in CI).
    const retry = page.getByRole("button", { name: "Try again" });
    await expect(page.getByTestId("notices-live-region")).toBeAttached();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    await expect(retry).not.toHaveAttribute("aria-busy", "true");
    await clearFaults();
    await retry.click();
    await expect(orderRow(page, 70)).toBeVisible();
  });

  test("a new order appears and turns Completed without a reload", async ({ signedInPage: page }) => {
    await page.goto("/orders");
    await expect(orderRow(page, 70)).toBeVisible();
    await page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    const placed = await placeOrder(page.request, "e2e-live");
    await advance(page.request, 5_000);
    // Only polling can bring the row: the page was loaded before the order existed.
    await expect(orderStatus(page, placed.order_id)).toHaveText(badge("Completed"), { timeout: scaled(20_000) });
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });
});

test.describe("cancelling", () => {
  test("a whole order from the list: typed confirmation, badge moves to 9xx, server stays until the period ends", async ({ signedInPage: page }) => {
    await page.goto("/orders");
    const opener = page.getByRole("button", { name: "Actions for order 73" });
    await chooseAction(page, "Actions for order 73", "Cancel order 73");
    const dialog = page.getByRole("dialog", { name: "Cancel order 73?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("build-1, build-2, build-3");
    await expect(dialog).toContainText("It takes effect at the end of the current period, not now.");

    // Escape closes and focus goes back to the opener; nothing was cancelled.
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
    await chooseAction(page, "Actions for order 73", "Cancel order 73");

    await dialog.getByRole("button", { name: "Cancel order 73" }).click();
    await expect(dialog.getByText("Type the order id 73 to confirm.")).toBeVisible();
    await expect(orderStatus(page, 73)).toHaveText(badge("Completed"));
    await dialog.getByLabel("Type the order id 73 to confirm").fill("73");
    await dialog.getByRole("button", { name: "Cancel order 73" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Cancellation scheduled: order 73 (Build farm)")).toBeVisible();
    // The confirm button's row may lose its button, so focus lands on the outcome instead.
    await expect(page.locator(":focus")).toContainText("Cancellation scheduled: order 73 (Build farm)");
    await expect(orderStatus(page, 73)).toHaveText(badge("Cancellation scheduled"));
    expect(await serverIdsOfItem(page.request, 1007), "build-1 still listed before the period ends").toEqual([4407]);

    await advance(page.request, 5_000);
    await page.reload();
    await expect(orderStatus(page, 73)).toHaveText(badge("Cancelled"));
    expect(await serverIdsOfItem(page.request, 1007), "build-1 gone after the period").toEqual([]);
  });

  test("one item from the order page: the server stays listed until the period ends, then the item shows Cancelled", async ({ signedInPage: page }) => {
    await page.goto("/orders/70");
    const item = page.getByRole("article", { name: "web-2" });
    await expect(item.getByRole("link", { name: "web-2 (server 4402)" })).toHaveAttribute("href", "/servers/4402");
    await chooseAction(item, "Actions for web-2 (item 1002)", "Cancel item web-2 (item 1002)");
    const dialog = page.getByRole("dialog", { name: "Cancel web-2 (item 1002 of order 70)?" });
    await expect(dialog).toContainText("This cancels only web-2 (item 1002 of order 70)");
    await expect(dialog).toContainText("not now");
    await dialog.getByRole("button", { name: "Cancel item" }).click();
    await expect(dialog).toBeHidden();
    await expect(item.locator("[data-status-class]").first()).toHaveText(badge("Cancellation scheduled"));
    await expect(item.getByText("Cancellation scheduled (current step)")).toBeVisible();
    await expect(item.getByRole("link", { name: "web-2 (server 4402)" })).toBeVisible();
    await expect(item.getByText("Keeps running until the end of the current period.")).toBeVisible();
    // The other items are untouched.
    await expect(page.getByRole("article", { name: "web-1" }).locator("[data-status-class]").first()).toHaveText(badge("Completed"));

    await advance(page.request, 5_000);
    await page.reload();
    await expect(item.locator("[data-status-class]").first()).toHaveText(badge("Cancelled"));
    await expect(item.getByText("Cancelled (current step)")).toBeVisible();
    await expect(item.getByRole("link", { name: /server 4402/ })).toHaveCount(0);
  });

  test("one item from the list", async ({ signedInPage: page }) => {
    await page.goto("/orders");
    const row = orderRow(page, 71);
    await row.getByText("2 items").click();
    await chooseAction(row, "Actions for order 71", "Cancel item db-2 (item 1005)");
    const dialog = page.getByRole("dialog", { name: "Cancel db-2 (item 1005 of order 71)?" });
    await dialog.getByRole("button", { name: "Cancel item" }).click();
    await expect(page.getByText("Cancellation scheduled: db-2 (item 1005 of order 71)")).toBeVisible();
    await expect(row.getByRole("listitem").filter({ hasText: "db-2" })).toContainText("Cancellation scheduled");
    await expect(row.getByRole("listitem").filter({ hasText: "db-1" })).toContainText("Completed");
  });

  test("bulk cancel of orders gives a result per row, and a 404 reads as done", async ({ signedInPage: page }) => {
    const placed = await placeOrder(page.request, "e2e-bulk");
    await page.goto("/orders");
    await expect(orderRow(page, placed.order_id)).toBeVisible();
    for (const id of [placed.order_id, 74, 72]) await page.getByRole("checkbox", { name: `Select order ${id}` }).check();
    await page.getByRole("button", { name: "Cancel selected (3)" }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel 3 orders?" });
    // Listed in the order they are shown (newest first).
    await expect(dialog.getByRole("listitem")).toHaveText([`order ${placed.order_id} (E2E e2e-bulk)`, "order 74 (Edge router)", "order 72 (Monitoring)"]);
    await dialog.getByLabel(/^Type 3/).fill("3");

    // The simulator forgets the new order between opening the dialog and confirming.
    await resetSimulator(page.request);
    await dialog.getByRole("button", { name: "Cancel 3 orders" }).click();
    const results = dialog.getByRole("list", { name: "Result per row" });
    await expect(results.getByRole("listitem")).toHaveText([
      `order ${placed.order_id} (E2E e2e-bulk): Already gone: nothing left to cancel`,
      "order 74 (Edge router): Done: cancellation scheduled for the end of the period",
      "order 72 (Monitoring): Done: cancellation scheduled for the end of the period",
    ]);
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
    await expect(orderStatus(page, 72)).toHaveText(badge("Cancellation scheduled"));
    await expect(orderStatus(page, 74)).toHaveText(badge("Cancellation scheduled"));
    // With nothing selected there is nothing to cancel, and no button offers it.
    await expect(page.getByRole("button", { name: /^Cancel selected/ })).toHaveCount(0);
  });

  test("bulk cancel of items on the order page", async ({ signedInPage: page }) => {
    await page.goto("/orders/70");
    await page.getByRole("checkbox", { name: "Select web-1 (item 1001)" }).check();
    await page.getByRole("checkbox", { name: "Select web-3 (item 1003)" }).check();
    await page.getByRole("button", { name: "Cancel selected items (2)" }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel 2 items?" });
    await dialog.getByRole("button", { name: "Cancel 2 items" }).click();
    await expect(dialog.getByRole("list", { name: "Result per row" }).getByRole("listitem")).toHaveText([/^web-1 .*: Done/, /^web-3 .*: Done/]);
    await dialog.getByRole("button", { name: "Close" }).click();
    for (const [name, label] of [
      ["web-1", "Cancellation scheduled"],
      ["web-2", "Completed"],
      ["web-3", "Cancellation scheduled"],
    ] as const) {
      await expect(page.getByRole("article", { name }).locator("[data-status-class]").first()).toHaveText(badge(label));
    }
  });

  test("a 404 on a single cancel reads as done", async ({ signedInPage: page }) => {
    const placed = await placeOrder(page.request, "e2e-gone");
    await page.goto(`/orders/${placed.order_id}`);
    await chooseAction(page, `Actions for order ${placed.order_id}`, `Cancel order ${placed.order_id}`);
    const dialog = page.getByRole("dialog", { name: `Cancel order ${placed.order_id}?` });
    await dialog.getByLabel(`Type the order id ${placed.order_id} to confirm`).fill(String(placed.order_id));
    await resetSimulator(page.request);
    await dialog.getByRole("button", { name: `Cancel order ${placed.order_id}` }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`order ${placed.order_id} (E2E e2e-gone): already gone, nothing left to cancel`)).toBeVisible();
    // The next look at the order finds it gone, and the page says so.
    await expect(page.getByRole("heading", { level: 1, name: "Order not found" })).toBeVisible();
  });

  test("a read-only user is refused: the reason is shown and nothing changes", async ({ page }) => {
    // The first refusal is what this is about: forget what the shared instance's store learned
    // about this account in earlier tests (after one refusal, the actions are shown off).
    const store = openInstanceStore();
    try {
      store.prepare("DELETE FROM settings WHERE identity = ?").run("user:demo-readonly");
    } finally {
      store.close();
    }
    await signIn(page.request, demo.readonly);
    await page.goto("/orders");
    await chooseAction(page, "Actions for order 70", "Cancel order 70");
    const dialog = page.getByRole("dialog", { name: "Cancel order 70?" });
    await dialog.getByLabel("Type the order id 70 to confirm").fill("70");
    await dialog.getByRole("button", { name: "Cancel order 70" }).click();
    const failure = dialog.getByRole("alert").filter({ hasText: "Not cancelled" });
    await expect(failure).toContainText(/read-only/i);
    await expect(failure).toContainText("Nothing was changed.");
    await dialog.getByRole("button", { name: "Keep order" }).click();
    await expect(dialog).toBeHidden();
    await expect(orderStatus(page, 70)).toHaveText(badge("Completed"));
  });

  test("an upstream failure leaves the order as it was and says why", async ({ signedInPage: page, request }) => {
    await page.goto("/orders/72");
    await setFaults(request, { rate503: 1, actions: ["order_cancel"] });
    await chooseAction(page, "Actions for mon-1 (item 1006)", "Cancel item mon-1 (item 1006)");
    const dialog = page.getByRole("dialog", { name: /Cancel mon-1/ });
    await dialog.getByRole("button", { name: "Cancel item" }).click();
    await expect(dialog.getByRole("alert").filter({ hasText: "Not cancelled" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("article", { name: "mon-1" }).locator("[data-status-class]").first()).toHaveText(badge("Completed"));
  });
});

test.describe("order page", () => {
  test("a new order shows the placed notice and turns Completed without a reload, with its server linked", async ({ signedInPage: page }) => {
    const placed = await placeOrder(page.request, "e2e-new");
    await page.goto(`/orders/${placed.order_id}?created=1&status=${placed.status}`);
    await expect(page.getByText(`Order ${placed.order_id} placed`)).toBeVisible();
    await page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    await advance(page.request, 5_000);
    const item = page.getByRole("article", { name: "e2e-new" });
    await expect(item.locator("[data-status-class]").first()).toHaveText(badge("Completed"), { timeout: scaled(20_000) });
    await expect(item.getByText("Completed (current step)")).toBeVisible();
    await expect(item.getByRole("link", { name: /^e2e-new \(server \d+\)$/ })).toHaveAttribute("href", /^\/servers\/\d+$/);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  test("an order that needs payment says an invoice was created and where to pay it", async ({ page }) => {
    await signIn(page.request, demo.labsToken);
    const placed = await placeOrder(page.request, "e2e-labs");
    expect(placed.status).toBe(100);
    await page.goto(`/orders/${placed.order_id}?created=1&status=100`);
    const notice = page.getByRole("status").filter({ hasText: `Order ${placed.order_id} placed` });
    await expect(notice).toContainText("An invoice was created");
    await expect(notice).toContainText("klikk portal");
    await expect(notice).toContainText("continues once it is paid");
    // Paying moves it on; the page follows without a reload.
    await payOrder(page.request, placed.order_id);
    await advance(page.request, 5_000);
    await expect(page.getByRole("article", { name: "e2e-labs" }).locator("[data-status-class]").first()).toHaveText(badge("Completed"), { timeout: scaled(20_000) });
  });

  test("shows each item with badge, message and a timeline marking the current step in words", async ({ signedInPage: page }) => {
    await page.goto("/orders/82");
    await expect(page.getByRole("heading", { level: 1, name: "Order 82" })).toBeVisible();
    const steps = [
      ["mix-1", "Completed", "Completed (current step)"],
      ["mix-2", "Being provisioned", "Being provisioned (current step)"],
      ["mix-3", "Cancelled", "Cancelled (current step)"],
    ] as const;
    for (const [name, label, current] of steps) {
      const item = page.getByRole("article", { name });
      await expect(item.locator("[data-status-class]").first()).toHaveText(badge(label));
      await expect(item.locator('[aria-current="step"]')).toContainText(current);
    }
    await expect(page.getByRole("article", { name: "mix-1" }).getByRole("link", { name: "mix-1 (server 4413)" })).toBeVisible();
  });

  test("an unknown order shows a not-found state", async ({ signedInPage: page }) => {
    await page.goto("/orders/9999");
    await expect(page.getByRole("heading", { level: 1, name: "Order not found" })).toBeVisible();
    await expect(page.getByText("There is no order 9999 in this account.")).toBeVisible();
    await page.goto("/orders/not-a-number");
    await expect(page.getByRole("heading", { level: 1, name: "Order not found" })).toBeVisible();
  });
});


test.describe("accessibility", () => {
  for (const theme of ["light", "dark"] as const) {
    test(`axe finds no WCAG A/AA violations on the orders list, the dialog and the order page (${theme})`, async ({ signedInPage: page }) => {
      // Four full axe runs; on a busy machine each can take several seconds.
      test.slow();
      await page.goto("/orders");
      await setTheme(page, theme);
      await page.reload();
      await expect(orderRow(page, 70)).toBeVisible();
      await expectNoAxeViolations(page, `/orders (${theme})`);
      await page.getByRole("button", { name: "Actions for order 70" }).click();
      await expect(page.getByRole("menu")).toBeVisible();
      await expectNoAxeViolations(page, `row action menu (${theme})`);
      await page.getByRole("menuitem", { name: "Cancel order 70" }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectNoAxeViolations(page, `cancel dialog (${theme})`);
      await page.keyboard.press("Escape");
      await page.goto("/orders/70?created=1&status=100");
      await expect(page.getByRole("article", { name: "web-1" }).getByRole("link", { name: /server 4401/ })).toBeVisible();
      await expectNoAxeViolations(page, `/orders/70 (${theme})`);
    });
  }
});

test.describe("small screens", () => {
  test("at 375 px the list and the order page do not scroll sideways; the table scrolls in its own box", async ({ signedInPage: page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of ["/orders", "/orders/70", "/"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByText(/^Updated \d{1,2}:\d\d|all shown orders have settled/).first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
});
