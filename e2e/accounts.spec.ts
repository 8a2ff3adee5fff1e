import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { demo, expect, expectNoAxeViolations, resetSimulator, sameOrigin, setTheme, signIn, test, type Credentials } from "./support/fixtures";
import { orderBody } from "./support/orders";
import { holdPayments, simulatorOrders } from "./support/simulator";
import { openInstanceStore, sessionStoreId } from "./support/store";
import { fillMinimumAndReview } from "./support/wizard-helpers";

/**
 * Issue 15: several klikk accounts in one dashboard session. The seed has `demo-token` (profile
 * Demo AS: orders 70-82), `demo-token-labs` (Demo Labs: orders 90 and 91, server lab-1) and the
 * `demo` user who sees both profiles.
 */

type PublicAccount = { key: string; label: string; primary: boolean; active: boolean };

async function addAccount(request: APIRequestContext, credentials: Credentials, label?: string): Promise<{ account: string; accounts: PublicAccount[] }> {
  const response = await request.post("/api/session/accounts", { headers: sameOrigin, data: { credentials, ...(label ? { label } : {}) } });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

async function sessionAccounts(request: APIRequestContext): Promise<PublicAccount[]> {
  const response = await request.get("/api/session");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { accounts: PublicAccount[] }).accounts;
}

function orderRow(page: Page, id: number): Locator {
  return page.getByRole("region", { name: "Orders table" }).locator(`tr[data-order-id="${id}"]`);
}

async function chooseAction(page: Page, menu: string, entry: string): Promise<void> {
  await page.getByRole("button", { name: menu }).click();
  await page.getByRole("menuitem", { name: entry }).click();
}

test.describe("several accounts in one session", () => {
  test.beforeEach(async ({ request }) => {
    await resetSimulator(request);
  });

  test("add an account on the Accounts page; All accounts lists both with labels; one account narrows the lists and the URL keeps it", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page.request, demo.token);
    await page.goto("/accounts");
    await expect(page.getByRole("heading", { name: "1 account in this session" })).toBeVisible();

    // A wrong token is refused with the sign-in's own message, and nothing is added.
    const form = page.getByRole("region", { name: "Add an account" });
    await form.getByRole("textbox", { name: "Account token" }).fill("not-a-token");
    await form.getByRole("button", { name: "Add account" }).click();
    await expect(form.getByText("The account token was not accepted.")).toBeVisible();

    await form.getByRole("textbox", { name: "Account token" }).fill("demo-token-labs");
    await form.getByLabel("Name (optional)").fill("Demo Labs");
    await form.getByRole("button", { name: "Add account" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Demo Labs was added to this session." })).toBeVisible();
    await expect(page.getByRole("heading", { name: "2 accounts in this session" })).toBeVisible();

    // The account signed in with gets a name too (kept per account in the store, so it may
    // already have one from an earlier test).
    await page.locator("li[data-account]").first().getByRole("button", { name: /^Rename/ }).click();
    await page.getByLabel(/^New name for/).fill("Demo AS");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByRole("heading", { name: "Demo AS", exact: true })).toBeVisible();

    await page.goto("/orders");
    await expect(orderRow(page, 90)).toContainText("Demo Labs");
    await expect(orderRow(page, 70)).toContainText("Demo AS");
    await expect(page.getByRole("columnheader", { name: "Account" })).toBeVisible();

    await page.getByLabel("Account", { exact: true }).selectOption({ label: "Demo Labs" });
    await expect(page).toHaveURL(/[?&]account=/);
    await expect(orderRow(page, 70)).toHaveCount(0);
    await expect(orderRow(page, 90)).toBeVisible();
    await expect(orderRow(page, 91)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Account", { exact: true })).toHaveValue(/.+/);
    await expect(orderRow(page, 70)).toHaveCount(0);
    await expect(orderRow(page, 90)).toBeVisible();

    await page.goto("/servers");
    const table = page.getByTestId("server-table-scroll");
    await expect(table.locator("tr", { hasText: "lab-1" })).toContainText("Demo Labs");
    await expect(table.locator("tr", { hasText: "web-1" })).toContainText("Demo AS");
    await page.getByLabel("Account", { exact: true }).selectOption({ label: "Demo AS" });
    await expect(page).toHaveURL(/[?&]account=/);
    await expect(table.locator("tr", { hasText: "lab-1" })).toHaveCount(0);
    await expect(table.locator("tr", { hasText: "web-1" })).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("server-table-scroll").locator("tr", { hasText: "lab-1" })).toHaveCount(0);

    // The overview splits its totals by account.
    await page.goto("/");
    const byAccount = page.getByRole("region", { name: "Totals by account" });
    await expect(byAccount.locator("tr", { hasText: "Demo Labs" })).toContainText("2 orders");
    await expect(byAccount.locator("tr", { hasText: "Demo AS" })).toBeVisible();
  });

  test("switch to Demo Labs in the header and place an order: it lands on Demo Labs, where it needs payment", async ({ page }) => {
    // The invoice stays open until the test has read it: on a busy machine the simulator's
    // automatic payment (1.5 s) came first and the order was already past status 100.
    await holdPayments(page.request);
    await signIn(page.request, demo.token);
    await addAccount(page.request, demo.labsToken, "Demo Labs");
    await page.goto("/orders");
    await page.getByRole("button", { name: /^Orders go to: / }).click();
    await page.getByRole("menuitemradio", { name: "Demo Labs" }).click();
    await expect(page.getByTestId("active-account")).toHaveText("Demo Labs");

    await fillMinimumAndReview(page);
    await expect(page.getByTestId("order-account")).toContainText("Demo Labs");
    const before = new Set((await simulatorOrders(page.request)).map((order) => order.id));
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page).toHaveURL(/\/orders\/(\d+)\?created=1&status=\d+$/);
    const orderId = Number(/\/orders\/(\d+)/.exec(page.url())?.[1]);
    expect(before.has(orderId)).toBe(false);

    const placed = (await simulatorOrders(page.request)).find((order) => order.id === orderId);
    expect(placed?.profile).toBe("Demo Labs");
    expect(placed?.status).toBe(100);
    await expect(page.getByTestId("order-account")).toContainText("Demo Labs");
  });

  test("cancel an order of each account from the merged list: each cancel reaches its own account", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page.request, demo.token);
    await addAccount(page.request, demo.labsToken, "Demo Labs");
    await page.goto("/orders");

    // Order 90 is Demo Labs' (demo-token cannot see it); order 72 is Demo AS' (the Labs token cannot).
    for (const id of [90, 72]) {
      await chooseAction(page, `Actions for order ${id}`, `Cancel order ${id}`);
      const dialog = page.getByRole("dialog", { name: `Cancel order ${id}?` });
      await dialog.getByLabel(`Type the order id ${id} to confirm`).fill(String(id));
      await dialog.getByRole("button", { name: `Cancel order ${id}` }).click();
      await expect(page.getByText(new RegExp(`Done: cancellation scheduled: order ${id}\\b`, "i"))).toBeVisible();
      await expect(orderRow(page, id)).toContainText(/Cancel/i);
    }

    const orders = await simulatorOrders(page.request);
    const labs = orders.find((order) => order.id === 90);
    const as = orders.find((order) => order.id === 72);
    expect(labs?.profile).toBe("Demo Labs");
    expect(labs?.items.every((item) => item.status >= 900)).toBe(true);
    expect(as?.profile).toBe("Demo AS");
    expect(as?.items.every((item) => item.status >= 900)).toBe(true);
  });

  test("remove Demo Labs: its orders and servers leave the lists and its credential leaves the store", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page.request, demo.token);
    await addAccount(page.request, demo.labsToken, "Demo Labs");
    const storeId = await sessionStoreId(page.context());
    const db = openInstanceStore();
    try {
      const stored = db.prepare("SELECT accounts FROM sessions WHERE id = ?").get(storeId) as { accounts: string };
      const [linked] = JSON.parse(stored.accounts) as { credential: string }[];
      expect(linked?.credential).toMatch(/^v1\./);
      // Encrypted at rest: the token itself is nowhere in the record.
      expect(stored.accounts).not.toContain("demo-token-labs");

      await page.goto("/orders");
      await expect(orderRow(page, 90)).toBeVisible();
      await page.goto("/accounts");
      await page.getByRole("button", { name: "Remove Demo Labs" }).click();
      const dialog = page.getByRole("dialog", { name: "Remove Demo Labs?" });
      await dialog.getByRole("button", { name: "Remove account" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Demo Labs was removed from this session" })).toBeVisible();

      const after = db.prepare("SELECT accounts, active_account FROM sessions WHERE id = ?").get(storeId) as { accounts: string; active_account: string | null };
      expect(JSON.parse(after.accounts)).toEqual([]);
      const anywhere = db.prepare("SELECT count(*) AS n FROM sessions WHERE accounts LIKE ?").get(`%${linked?.credential ?? "none"}%`) as { n: number };
      expect(anywhere.n).toBe(0);
    } finally {
      db.close();
    }

    await page.goto("/orders");
    await expect(orderRow(page, 70)).toBeVisible();
    await expect(orderRow(page, 90)).toHaveCount(0);
    await expect(page.getByRole("columnheader", { name: "Account" })).toHaveCount(0);
    await page.goto("/servers");
    await expect(page.getByTestId("server-table-scroll").locator("tr", { hasText: "web-1" })).toBeVisible();
    await expect(page.getByTestId("server-table-scroll").locator("tr", { hasText: "lab-1" })).toHaveCount(0);
  });

  test("the Accounts page and the merged orders list pass axe in both themes, and fit a phone", async ({ page }) => {
    await signIn(page.request, demo.token);
    await addAccount(page.request, demo.labsToken, "Demo Labs");
    for (const theme of ["light", "dark"] as const) {
      await page.goto("/accounts");
      await setTheme(page, theme);
      await expectNoAxeViolations(page, `/accounts (${theme})`);
      await page.goto("/orders");
      await setTheme(page, theme);
      await expect(orderRow(page, 90)).toBeVisible();
      await expectNoAxeViolations(page, `/orders with two accounts (${theme})`);
    }
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of ["/accounts", "/orders", "/servers", "/"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
    }
    await expect(page.getByTestId("active-account")).toBeVisible();
  });
});

test.describe("ids resolve only within the session's accounts", () => {
  test.beforeEach(async ({ request }) => {
    await resetSimulator(request);
  });

  test("an order of account A asked for while only account B is in the session is a 404, also to cancel", async ({ request }) => {
    await signIn(request, demo.labsToken);
    expect((await request.get("/api/orders/90")).status()).toBe(200);
    const foreign = await request.get("/api/orders/70");
    expect(foreign.status()).toBe(404);
    expect(JSON.stringify(await foreign.json())).not.toContain("Web cluster");
    expect((await request.post("/api/orders/70/cancel", { headers: sameOrigin, data: {} })).status()).toBe(404);
    expect((await request.get("/api/servers?orderItemId=1001")).status()).toBe(404);
    // Nothing of order 70 was touched upstream.
    const order70 = (await simulatorOrders(request)).find((order) => order.id === 70);
    expect(order70?.items.every((item) => item.status === 0)).toBe(true);
  });

  test("with both accounts an id resolves to its own account whatever the hint says; unknown accounts are refused", async ({ request }) => {
    await signIn(request, demo.token);
    const { accounts } = await addAccount(request, demo.labsToken, "Demo Labs");
    const [as, labs] = accounts;
    expect(as?.primary).toBe(true);
    expect(labs?.label).toBe("Demo Labs");

    const hinted = await request.get(`/api/orders/70?account=${labs?.key}`);
    expect(hinted.status()).toBe(200);
    expect(((await hinted.json()) as { account: string }).account).toBe(as?.key);
    expect(((await (await request.get("/api/orders/90")).json()) as { account: string }).account).toBe(labs?.key);

    const list = (await (await request.get("/api/orders")).json()) as { orders: { order_id: number; account: string }[] };
    expect(list.orders.find((order) => order.order_id === 90)?.account).toBe(labs?.key);
    expect(list.orders.find((order) => order.order_id === 70)?.account).toBe(as?.key);

    // An account key that is not in this session: 404, and nothing is ordered.
    const before = (await simulatorOrders(request)).length;
    const foreign = await request.post("/api/orders?account=not-in-session", { headers: { ...sameOrigin, "Idempotency-Key": "accounts-e2e-foreign-1" }, data: orderBody("acc-1") });
    expect(foreign.status()).toBe(404);
    expect((await simulatorOrders(request)).length).toBe(before);
    expect((await request.patch("/api/session/accounts/not-in-session", { headers: sameOrigin, data: { active: true } })).status()).toBe(404);
    // The same account twice, and adding without the page's origin, are refused.
    const again = await request.post("/api/session/accounts", { headers: sameOrigin, data: { credentials: demo.labsToken } });
    expect(again.status()).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("account_exists");
    const crossSite = await request.post("/api/session/accounts", { headers: { ...sameOrigin, Origin: "https://evil.example" }, data: { credentials: demo.labsToken } });
    expect(crossSite.status()).toBe(403);
    // The account signed in with cannot be removed; sign out does that.
    expect((await request.delete(`/api/session/accounts/${as?.key}`, { headers: sameOrigin })).status()).toBe(409);
    expect((await sessionAccounts(request)).map((account) => account.key)).toEqual([as?.key, labs?.key]);
  });
});
