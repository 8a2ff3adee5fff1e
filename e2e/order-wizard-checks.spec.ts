import type { Page } from "@playwright/test";
import { scaled } from "./support/env";
import { expect, resetSimulator, test } from "./support/fixtures";
import { advanceSimulator, clearFaults, setFaults } from "./support/simulator";
import { expectStep, fillMinimumAndReview, fingerprintOf, listOrders, next, PRIVATE_KEY, PUBLIC_KEY } from "./support/wizard-helpers";

test.beforeEach(async ({ request }) => {
  await resetSimulator(request);
});

/** The wizard's checks, its own and the upstream's, and placing an order exactly once. */
test.describe("order wizard checks", () => {
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
      await expectStep(page, "Review");
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
      // The six-step wizard's address still opens the step that holds the field now.
      await page.goto("/orders/new?step=cloud-init");
      await expectStep(page, "Network and access");
      await page.getByRole("button", { name: /^Add my address/ }).click();
      const field = page.getByLabel("Cloud-init URL (optional)");
      await field.fill("http://example.com/cloud-init.yaml");
      await next(page);
      await expect(field).toBeFocused();
      await expect(field).toHaveAccessibleDescription(/The URL must start with https:\/\/ \(got http\)/);
      await expectStep(page, "Network and access");
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

  test("an upstream anti-affinity conflict returns to its field on the network step", async ({ signedInPage: page }) => {
    await page.goto("/orders/new");
    await page.getByLabel("Number of servers").selectOption("2");
    await page.goto("/orders/new?step=network");
    await page.getByRole("button", { name: /^Add my address/ }).click();
    await page.getByLabel("Spread across hosts").check();
    // Group 7 already runs web-1..3 on three of the four hosts: two more cannot be kept apart.
    await page.getByLabel("Anti-affinity group number").fill("7");
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
    const sentName = (await page.getByRole("region", { name: "Servers and size" }).getByRole("definition").first().textContent())?.trim() ?? "";
    expect(sentName).toMatch(/^web-\d+$/);
    // The simulator places the order, then never answers: the dashboard gives up after 3 s.
    await setFaults(page.request, { hangAfterCommit: true, actions: ["order_create"] });
    const place = page.getByRole("button", { name: "Place order" });
    await place.click();
    const alert = page.getByRole("alert").filter({ hasText: "The outcome of this order is unknown" });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("check the order list");
    await expect(alert.getByRole("link", { name: "Check your orders" })).toHaveAttribute("href", "/orders");
    await clearFaults();
    // Meanwhile the order the first attempt placed completes, and the server list is read again
    // with its server in it (the watcher sees the server become ready; its toast is not waited
    // for: an earlier test may have made the same notice). The suggested name must stay what was
    // sent, now the name of an existing server, or the retry would send another order.
    await advanceSimulator(page.request, 5_000);
    await page.getByRole("link", { name: "Edit servers and size" }).click();
    await expect(page.getByText(`A server named “${sentName}” already exists in your account.`)).toBeVisible({ timeout: scaled(20_000) });
    await page.getByRole("navigation", { name: "Order steps" }).getByRole("link", { name: "Review" }).click();
    const [retry] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === "/api/orders" && r.request().method() === "POST"),
      place.click(),
    ]);
    // The same Idempotency-Key: the dashboard replays the first answer instead of ordering again.
    expect(retry.headers()["idempotent-replayed"]).toBe("true");
    await expect(alert).toBeVisible();
    const after = await listOrders(page.request);
    expect(after).toHaveLength(before.length + 1);
  });

});
