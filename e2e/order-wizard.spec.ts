import type { Page } from "@playwright/test";
import { E2E } from "./support/env";
import { demo, expect, expectNoAxeViolations, resetSimulator, setTheme, signIn, test } from "./support/fixtures";
import {
  expectStep,
  fillMinimumAndReview,
  fingerprintOf,
  listOrders,
  next,
  PRIVATE_KEY,
  PUBLIC_KEY,
  stepHeading,
} from "./support/wizard-helpers";

test.beforeEach(async ({ request }) => {
  await resetSimulator(request);
});

test.describe("order wizard", () => {
  test("places a 3-server order spread across hosts and lands on the new order", async ({ signedInPage: page }) => {
    const before = await listOrders(page.request);
    await page.goto("/orders/new");
    await expect(page.getByRole("heading", { level: 1, name: "New order" })).toBeVisible();
    await expectStep(page, "Servers");

    await page.getByLabel("Number of servers").selectOption("3");
    await expect(page.getByLabel("Name of server 3")).toHaveValue("web-3");
    await page.getByLabel("Name of server 1").fill("app-1");
    await page.getByLabel("Reference (optional)").fill("E2E cluster");
    await next(page);

    await expectStep(page, "Size");
    await expect(stepHeading(page)).toBeFocused();
    await page.getByRole("radio", { name: /^Large/ }).check();
    const totals = page.getByRole("region", { name: "Totals for 3 servers" });
    await expect(totals).toContainText("48 GB");
    await expect(totals).toContainText("600 GB");
    await next(page);

    await expectStep(page, "Image");
    await page.getByRole("radio", { name: /^Ubuntu LTS/ }).check();
    await page.getByLabel("Version of Ubuntu LTS").selectOption("22.04");
    await next(page);

    await expectStep(page, "Network and access");
    await page.getByRole("button", { name: /^Add my address/ }).click();
    await expect(page.getByLabel("Addresses allowed to reach SSH")).toHaveValue(/^(127\.0\.0\.1|::1)$/);
    await page.getByLabel("Public ports (optional)").fill("80,443,12000:12010");
    await page.getByLabel("SSH public keys (optional)").fill(PUBLIC_KEY);
    await expect(page.getByRole("list", { name: "Keys found" })).toContainText(fingerprintOf(PUBLIC_KEY));
    await page.getByLabel("Spread across hosts").check();
    await page.getByLabel("Anti-affinity group number").fill("4242");
    await next(page);

    await expectStep(page, "Cloud-init");
    await page.getByLabel("Cloud-init URL (optional)").fill("https://example.com/cloud-init.yaml");
    await next(page);

    await expectStep(page, "Review");
    const json = page.getByRole("region", { name: "JSON request" }).locator("pre");
    const sent = JSON.parse((await json.textContent()) ?? "") as {
      action: string;
      reference: string;
      items: { name: string; product: { options: { antiaffinity?: number; os: string; os_version: string; quantity_ram_gb: number } } }[];
    };
    expect(sent.action).toBe("order_create");
    expect(sent.reference).toBe("E2E cluster");
    expect(sent.items.map((i) => i.name)).toEqual(["app-1", "web-2", "web-3"]);
    expect(sent.items.map((i) => i.product.options.antiaffinity)).toEqual([4242, 4242, 4242]);
    expect(sent.items[0]?.product.options).toMatchObject({ os: "Ubuntu", os_version: "22.04", quantity_ram_gb: 16 });
    const curl = page.getByRole("region", { name: "curl command" }).locator("pre");
    await expect(curl).toContainText('-H "X-Account-Token: $KLIKK_TOKEN"');
    await expect(curl).toContainText('"action": "order_create"');
    await expect(curl).not.toContainText("demo-token");

    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page).toHaveURL(/\/orders\/(\d+)\?created=1&status=\d+$/);
    const orderId = Number(/\/orders\/(\d+)/.exec(page.url())?.[1]);

    const after = await listOrders(page.request);
    const placed = after.filter((o) => o.order_id === orderId);
    expect(placed).toHaveLength(1);
    // Each item is a "VPS" whose reference is the server's name (the contract's order_status shape).
    expect(placed[0]?.order_items.map((i) => i.reference).sort()).toEqual(["app-1", "web-2", "web-3"]);
    expect(placed[0]?.reference).toBe("E2E cluster");
    expect(after).toHaveLength(before.length + 1);

    // The order's page shows it with its three servers, and so does the list.
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(`Order ${orderId}`) })).toBeVisible();
    for (const name of ["app-1", "web-2", "web-3"]) await expect(page.getByRole("article").filter({ hasText: name })).toBeVisible();
    await page.goto("/orders");
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: `Order ${orderId}`, exact: true }) });
    await expect(row).toContainText("E2E cluster");
    await expect(row).toContainText("3 items");

    // The draft is gone: a new order starts fresh.
    await page.goto("/orders/new");
    await expect(page.getByLabel("Number of servers")).toHaveValue("1");
    await expect(page.getByLabel("Reference (optional)")).toHaveValue("");
  });

  test.describe("each check blocks with its message on its field", () => {
    test("ip_allow missing", async ({ signedInPage: page }) => {
      await page.goto("/orders/new?step=network");
      await expectStep(page, "Network and access");
      await next(page);
      const field = page.getByLabel("Addresses allowed to reach SSH");
      await expect(field).toBeFocused();
      await expect(field).toHaveAttribute("aria-invalid", "true");
      await expect(field).toHaveAccessibleDescription(/Enter at least one address or range allowed to reach SSH/);
      await expectStep(page, "Network and access");
      await expect(page.getByText(/1 field needs attention on the network and access step/)).toBeVisible();
    });

    test("a bad CIDR", async ({ signedInPage: page }) => {
      await page.goto("/orders/new?step=network");
      const field = page.getByLabel("Addresses allowed to reach SSH");
      await field.fill("192.0.2.10, 10.0.0.0/33");
      await field.blur();
      await expect(field).toHaveAccessibleDescription(/Entry 2: "10\.0\.0\.0\/33" has an invalid prefix length: use \/0 to \/32/);
      await next(page);
      await expect(field).toBeFocused();
      await expectStep(page, "Network and access");
      // Fixing it clears the message and lets Next through.
      await field.fill("192.0.2.10, 10.0.0.0/24");
      await expect(field).not.toHaveAttribute("aria-invalid", "true");
      await next(page);
      await expectStep(page, "Cloud-init");
    });

    test("a bad port range", async ({ signedInPage: page }) => {
      await page.goto("/orders/new?step=network");
      await page.getByRole("button", { name: /^Add my address/ }).click();
      const field = page.getByLabel("Public ports (optional)");
      await field.fill("80,12010:12000");
      await next(page);
      await expect(field).toBeFocused();
      await expect(field).toHaveAccessibleDescription(/"12010:12000" is a backwards range/);
      await expectStep(page, "Network and access");
    });

    test("a private key pasted or loaded is refused", async ({ signedInPage: page }) => {
      await page.goto("/orders/new?step=network");
      const field = page.getByLabel("SSH public keys (optional)");
      await field.fill(PRIVATE_KEY);
      await expect(field).toHaveAccessibleDescription(/Refused: this is a PRIVATE key: never share it/);
      await expect(field).toHaveValue("");
      await page.getByLabel("Load a public key from a file").setInputFiles({ name: "id_ed25519", mimeType: "text/plain", buffer: Buffer.from(PRIVATE_KEY) });
      await expect(field).toHaveAccessibleDescription(/Refused: id_ed25519 holds a private key/);
      await expect(field).toHaveValue("");
      // A public key file is taken, and shown with its fingerprint.
      await page.getByLabel("Load a public key from a file").setInputFiles({ name: "id_ed25519.pub", mimeType: "text/plain", buffer: Buffer.from(`${PUBLIC_KEY}\n`) });
      await expect(field).toHaveValue(PUBLIC_KEY);
      await expect(page.getByRole("list", { name: "Keys found" })).toContainText(fingerprintOf(PUBLIC_KEY));
      // Nothing of the private key reached the stored draft.
      const stored = await page.evaluate(() => sessionStorage.getItem("klikk-order-draft") ?? "");
      expect(stored).not.toContain("PRIVATE KEY");
    });

    test("an http cloud-init URL", async ({ signedInPage: page }) => {
      await page.goto("/orders/new?step=cloud-init");
      const field = page.getByLabel("Cloud-init URL (optional)");
      await field.fill("http://example.com/cloud-init.yaml");
      await next(page);
      await expect(field).toBeFocused();
      await expect(field).toHaveAccessibleDescription(/The URL must start with https:\/\/ \(got http\)/);
      await expectStep(page, "Cloud-init");
    });
  });

  test.describe("the checks arrive after the page (code-split to keep first load small)", () => {
    /** Route the chunk holding the order schema (zod and the contract) through `handle`. */
    async function holdSchemaChunk(page: Page, handle: (fulfil: () => Promise<void>, abort: () => Promise<void>) => Promise<void>) {
      await page.route("**/_next/static/chunks/*.js", async (route) => {
        const response = await route.fetch();
        const body = await response.text();
        if (!body.includes("must hold at least")) return route.fulfill({ response, body });
        await handle(
          () => route.fulfill({ response, body }),
          () => route.abort("failed"),
        );
      });
    }

    test("a fast Next waits for them and still blocks with the message", async ({ signedInPage: page }) => {
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      await holdSchemaChunk(page, async (fulfil) => {
        await released;
        await fulfil();
      });
      await page.goto("/orders/new?step=network");
      await expectStep(page, "Network and access");
      await next(page);
      await expect(page.getByText("Checking your answers…")).toBeVisible();
      await expectStep(page, "Network and access");
      release();
      const field = page.getByLabel("Addresses allowed to reach SSH");
      await expect(field).toBeFocused();
      await expect(field).toHaveAccessibleDescription(/Enter at least one address or range allowed to reach SSH/);
      await expect(page.getByText("Checking your answers…")).toHaveCount(0);
      await expectStep(page, "Network and access");
    });

    test("when they fail to load, Next says so, and the next click tries again", async ({ signedInPage: page }) => {
      let failing = true;
      await holdSchemaChunk(page, async (fulfil, abort) => {
        await (failing ? abort() : fulfil());
      });
      await page.goto("/orders/new?step=network");
      await expectStep(page, "Network and access");
      await next(page);
      await expect(page.getByText(/Your answers could not be checked because part of this page did not load/)).toBeVisible();
      await expectStep(page, "Network and access");
      failing = false;
      await next(page);
      const field = page.getByLabel("Addresses allowed to reach SSH");
      await expect(field).toBeFocused();
      await expect(field).toHaveAccessibleDescription(/Enter at least one address or range allowed to reach SSH/);
      await expectStep(page, "Network and access");
    });
  });

  test("payment required on the low-credit profile says where to pay", async ({ page }) => {
    await signIn(page.request, demo.labsToken);
    await fillMinimumAndReview(page);
    await page.getByRole("button", { name: "Place order" }).click();
    // Status 100 is not an error: the order's page opens and says where the invoice is paid.
    await expect(page).toHaveURL(/\/orders\/\d+\?created=1&status=100$/);
    const orderId = Number(/\/orders\/(\d+)/.exec(page.url())?.[1]);
    const notice = page.getByRole("status").filter({ hasText: "An invoice was created for this order" });
    await expect(notice).toContainText(`Order ${orderId} placed: payment required`);
    await expect(notice).toContainText("An invoice was created for this order. Pay it in the billing menu; the order continues once it is paid.");
    const orders = await listOrders(page.request);
    expect(orders.find((o) => o.order_id === orderId)?.status).toBe(100);
  });

  test("an upstream anti-affinity conflict returns to its field on the network step", async ({ signedInPage: page }) => {
    await page.goto("/orders/new");
    await page.getByLabel("Number of servers").selectOption("2");
    await page.goto("/orders/new?step=network");
    await page.getByRole("button", { name: /^Add my address/ }).click();
    await page.getByLabel("Spread across hosts").check();
    // Group 7 already runs web-1..3 on three of the four hosts: two more cannot be kept apart.
    await page.getByLabel("Anti-affinity group number").fill("7");
    await next(page);
    await next(page);
    await expectStep(page, "Review");
    const before = await listOrders(page.request);
    await page.getByRole("button", { name: "Place order" }).click();
    await expectStep(page, "Network and access");
    const field = page.getByLabel("Anti-affinity group number");
    await expect(field).toBeFocused();
    await expect(field).toHaveAccessibleDescription(/Anti-affinity group 7 has no free host/);
    expect(await listOrders(page.request)).toHaveLength(before.length);
    // Another group number goes through.
    await field.fill("77");
    await next(page);
    await next(page);
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page).toHaveURL(/\/orders\/\d+\?created=1&status=\d+$/);
  });

  test("a double click places exactly one order", async ({ signedInPage: page }) => {
    await fillMinimumAndReview(page);
    const before = await listOrders(page.request);
    await page.getByRole("button", { name: "Place order" }).dblclick();
    await expect(page).toHaveURL(/\/orders\/\d+\?created=1&status=\d+$/);
    const after = await listOrders(page.request);
    expect(after).toHaveLength(before.length + 1);
  });

  test("a retry after an unconfirmed order never places a second one", async ({ signedInPage: page }) => {
    await fillMinimumAndReview(page);
    const before = await listOrders(page.request);
    // The simulator places the order, then never answers: the dashboard gives up after 3 s.
    const fault = await page.request.post(`${E2E.simulatorOrigin}/__sim/faults`, { data: { hangAfterCommit: true, actions: ["order_create"] } });
    expect(fault.ok()).toBe(true);
    const place = page.getByRole("button", { name: "Place order" });
    await place.click();
    const alert = page.getByRole("alert").filter({ hasText: "The outcome of this order is unknown" });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("check the order list");
    await expect(alert.getByRole("link", { name: "Check your orders" })).toHaveAttribute("href", "/orders");
    await page.request.delete(`${E2E.simulatorOrigin}/__sim/faults`);
    const [retry] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${E2E.appUrl}/api/orders` && r.request().method() === "POST"),
      place.click(),
    ]);
    // The same Idempotency-Key: the dashboard replays the first answer instead of ordering again.
    expect(retry.headers()["idempotent-replayed"]).toBe("true");
    await expect(alert).toBeVisible();
    const after = await listOrders(page.request);
    expect(after).toHaveLength(before.length + 1);
  });

  test("a reload keeps the draft and the step", async ({ signedInPage: page }) => {
    await page.goto("/orders/new");
    await page.getByLabel("Number of servers").selectOption("2");
    await page.getByLabel("Name of server 2").fill("db-2");
    await page.getByLabel("Reference (optional)").fill("Kept across reloads");
    await next(page);
    await page.getByLabel("CPU cores").fill("6");
    await page.reload();
    await expectStep(page, "Size");
    await expect(page.getByLabel("CPU cores")).toHaveValue("6");
    await expect(page.getByRole("radio", { name: /^Custom/ })).toBeChecked();
    await page.getByRole("button", { name: "Back" }).click();
    await expectStep(page, "Servers");
    await expect(page.getByLabel("Name of server 2")).toHaveValue("db-2");
    await expect(page.getByLabel("Reference (optional)")).toHaveValue("Kept across reloads");
  });

  test("the browser's back and forward buttons move between steps", async ({ signedInPage: page }) => {
    await page.goto("/orders/new");
    await next(page);
    await expect(page).toHaveURL(/\?step=size$/);
    await next(page);
    await expect(page).toHaveURL(/\?step=image$/);
    await expectStep(page, "Image");
    await page.goBack();
    await expectStep(page, "Size");
    await expect(stepHeading(page)).toBeFocused();
    await page.goBack();
    await expectStep(page, "Servers");
    await page.goForward();
    await expectStep(page, "Size");
    await expect(page).toHaveURL(/\?step=size$/);
  });

  test("SSH keys are remembered in this browser only when asked", async ({ signedInPage: page }) => {
    await page.goto("/orders/new?step=network");
    const keys = page.getByLabel("SSH public keys (optional)");
    await keys.fill(PUBLIC_KEY);
    expect(await page.evaluate(() => localStorage.getItem("klikk-ssh-public-keys"))).toBeNull();
    await page.getByLabel("Remember these keys in this browser").check();
    await expect.poll(() => page.evaluate(() => localStorage.getItem("klikk-ssh-public-keys"))).toBe(PUBLIC_KEY);
    // A new draft starts with the remembered keys.
    await page.getByRole("button", { name: "Start over" }).click();
    await expectStep(page, "Servers");
    await page.goto("/orders/new?step=network");
    await expect(keys).toHaveValue(PUBLIC_KEY);
    await page.getByLabel("Remember these keys in this browser").uncheck();
    await expect.poll(() => page.evaluate(() => localStorage.getItem("klikk-ssh-public-keys"))).toBeNull();
  });

  test("review's Edit links go back to their step", async ({ signedInPage: page }) => {
    await fillMinimumAndReview(page);
    await page.getByRole("link", { name: "Edit size" }).click();
    await expectStep(page, "Size");
    await expect(stepHeading(page)).toBeFocused();
    await expect(page).toHaveURL(/\?step=size$/);
  });

  for (const theme of ["light", "dark"] as const) {
    test(`axe finds no WCAG A/AA violations on any step (${theme})`, async ({ signedInPage: page }) => {
      test.setTimeout(90_000); // Seven full axe scans in one test.
      await page.goto("/orders/new");
      await setTheme(page, theme);
      await page.reload();
      const steps = ["Servers", "Size", "Image", "Network and access", "Cloud-init"];
      for (const title of steps) {
        await expectStep(page, title);
        if (title === "Network and access") {
          // With errors and a parsed key showing, then valid.
          await next(page);
          await page.getByLabel("SSH public keys (optional)").fill(PUBLIC_KEY);
          await expect(page.getByRole("list", { name: "Keys found" })).toContainText("SHA256:");
          await page.getByLabel("Spread across hosts").check();
          await expectNoAxeViolations(page, `the ${title} step with errors (${theme})`);
          await page.getByRole("button", { name: /^Add my address/ }).click();
        }
        await expectNoAxeViolations(page, `the ${title} step (${theme})`);
        await next(page);
      }
      await expectStep(page, "Review");
      await expectNoAxeViolations(page, `the review step (${theme})`);
    });
  }

  test("fits a 375 px wide screen on every step", async ({ signedInPage: page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/orders/new?step=network");
    await page.getByRole("button", { name: /^Add my address/ }).click();
    await page.getByLabel("SSH public keys (optional)").fill(PUBLIC_KEY);
    for (const step of ["servers", "size", "image", "network", "cloud-init", "review"]) {
      await page.goto(`/orders/new?step=${step}`);
      await expect(stepHeading(page)).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `sideways scroll on the ${step} step`).toBeLessThanOrEqual(0);
    }
  });
});

test("signed out, the wizard sends you to sign in", async ({ page }) => {
  await page.goto("/orders/new");
  await expect(page).toHaveURL(new RegExp(`^${E2E.appUrl}/login`));
});
