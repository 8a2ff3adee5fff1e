import { E2E, scaled } from "./support/env";
import { expect, expectNoAxeViolations, resetSimulator, setTheme, test } from "./support/fixtures";
import { expectStep, fillMinimumAndReview, fingerprintOf, listOrders, next, PUBLIC_KEY, shownRequest, stepHeading } from "./support/wizard-helpers";

test.beforeEach(async ({ request }) => {
  await resetSimulator(request);
});

test.describe("order wizard", () => {
  test("places a 3-server order spread across hosts in four steps and lands on the new order", async ({ signedInPage: page }) => {
    const before = await listOrders(page.request);
    await page.goto("/orders/new");
    await expect(page.getByRole("heading", { level: 1, name: "New order" })).toBeVisible();
    await expectStep(page, "Servers and size");
    await expect(stepHeading(page)).toContainText("Step 1 of 4");

    await page.getByLabel("Number of servers").selectOption("3");
    // web-1 to web-3 exist in this account: the suggestions start after them.
    await expect(page.getByLabel("Name of server 3")).toHaveValue("web-6");
    await page.getByLabel("Name of server 1").fill("app-1");
    await page.getByLabel("Reference (optional)").fill("E2E cluster");
    await page.getByRole("radio", { name: /^Large/ }).check();
    const totals = page.getByRole("region", { name: "Totals for 3 servers" });
    await expect(totals).toContainText("48 GB");
    await expect(totals).toContainText("600 GB");
    await next(page);

    await expectStep(page, "Image");
    await expect(stepHeading(page)).toBeFocused();
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
    await page.getByLabel("Cloud-init URL (optional)").fill("https://example.com/cloud-init.yaml");
    await next(page);

    await expectStep(page, "Review");
    await expect(stepHeading(page)).toContainText("Step 4 of 4");
    // The request is folded away until asked for, and then exactly what is sent.
    await expect(page.getByRole("region", { name: "JSON request" })).toBeHidden();
    const sent = await shownRequest(page);
    expect(sent.action).toBe("order_create");
    expect(sent.reference).toBe("E2E cluster");
    expect(sent.items.map((i) => i.name)).toEqual(["app-1", "web-5", "web-6"]);
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
    expect(placed[0]?.order_items.map((i) => i.reference).sort()).toEqual(["app-1", "web-5", "web-6"]);
    expect(placed[0]?.reference).toBe("E2E cluster");
    expect(after).toHaveLength(before.length + 1);

    // The order's page shows it with its three servers, and so does the list.
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(`Order ${orderId}`) })).toBeVisible();
    for (const name of ["app-1", "web-5", "web-6"]) await expect(page.getByRole("article").filter({ hasText: name })).toBeVisible();
    await page.goto("/orders");
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: `Order ${orderId}`, exact: true }) });
    await expect(row).toContainText("E2E cluster");
    await expect(row).toContainText("3 items");

    // The draft is gone: a new order starts fresh.
    await page.goto("/orders/new");
    await expect(page.getByLabel("Number of servers")).toHaveValue("1");
    await expect(page.getByLabel("Reference (optional)")).toHaveValue("");
  });

  test("the default name is never one of the account's servers; a typed one that is gets a warning", async ({ signedInPage: page }) => {
    const servers = (await (await page.request.get("/api/servers")).json()) as { servers: { name: string }[] };
    const existing = new Set(servers.servers.map((s) => s.name.toLowerCase()));
    expect(existing.has("web-1")).toBe(true);
    await page.goto("/orders/new");
    const first = page.getByLabel("Name of server 1");
    await expect(first).not.toHaveValue("web-1");
    await page.getByLabel("Number of servers").selectOption("4");
    for (let i = 1; i <= 4; i++) {
      const value = await page.getByLabel(`Name of server ${i}`).inputValue();
      expect(existing.has(value.toLowerCase()), `server ${i} is named ${value}`).toBe(false);
    }
    await expect(page.getByText(/already exists in your account/)).toHaveCount(0);
    // A name typed by hand may repeat an existing one: a warning tied to the field, not an error.
    await first.fill("web-1");
    await expect(first).toHaveAccessibleDescription(/A server named “web-1” already exists in your account\. You can still order this one\./);
    await expect(first).not.toHaveAttribute("aria-invalid", "true");
    await next(page);
    await expectStep(page, "Image");
  });

  test("the error summary follows the fields as they are fixed and goes once all are valid", async ({ signedInPage: page }) => {
    await page.goto("/orders/new?step=network");
    await page.getByLabel("Public ports (optional)").fill("80,12010:12000");
    await next(page);
    const summary = page.getByText(/fields? needs? attention on the network and access step/);
    await expect(summary).toContainText("2 fields need attention");
    await expect(summary).toContainText("backwards range");
    await page.getByLabel("Public ports (optional)").fill("80,443");
    await expect(summary).toContainText("1 field needs attention");
    await expect(summary).not.toContainText("backwards range");
    await page.getByRole("button", { name: /^Add my address/ }).click();
    await expect(summary).toHaveCount(0);
  });

  test("Place order is in view on the review step without scrolling, on a phone and a desktop", async ({ signedInPage: page }) => {
    // A full draft: three servers with keys make the review as long as it gets in practice.
    await page.goto("/orders/new");
    await page.getByLabel("Number of servers").selectOption("3");
    await page.goto("/orders/new?step=network");
    await page.getByLabel("SSH public keys (optional)").fill(PUBLIC_KEY);
    await fillMinimumAndReview(page);
    for (const viewport of [
      { width: 375, height: 667 },
      { width: 1280, height: 800 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto("/orders/new?step=review");
      await expectStep(page, "Review");
      expect(await page.evaluate(() => window.scrollY), `${viewport.width} px: not scrolled`).toBe(0);
      const place = page.getByRole("button", { name: "Place order" });
      await expect(place, `${viewport.width} px`).toBeInViewport({ ratio: 1 });
      await page.getByText("Show API request").click();
      await expect(page.getByRole("region", { name: "JSON request" })).toBeVisible();
      await expect(place, `${viewport.width} px, with the request shown`).toBeInViewport({ ratio: 1 });
    }
  });

  test("a reload keeps the draft and the step", async ({ signedInPage: page }) => {
    await page.goto("/orders/new");
    await page.getByLabel("Number of servers").selectOption("2");
    // The suggested names move past the account's servers (web-1 to web-3) once they are known;
    // a name typed while that happened was appended to the new suggestion on a slow machine.
    await expect(page.getByLabel("Name of server 2")).not.toHaveValue(/^web-[1-3]$/);
    await page.getByLabel("Name of server 2").fill("db-2");
    await page.getByLabel("Reference (optional)").fill("Kept across reloads");
    await page.getByLabel("CPU cores").fill("6");
    await next(page);
    await expectStep(page, "Image");
    await page.reload();
    await expectStep(page, "Image");
    await page.getByRole("button", { name: "Back" }).click();
    await expectStep(page, "Servers and size");
    await expect(page.getByLabel("CPU cores")).toHaveValue("6");
    await expect(page.getByRole("radio", { name: /^Custom/ })).toBeChecked();
    await expect(page.getByLabel("Name of server 2")).toHaveValue("db-2");
    await expect(page.getByLabel("Reference (optional)")).toHaveValue("Kept across reloads");
  });

  test("the browser's back and forward buttons move between steps", async ({ signedInPage: page }) => {
    await page.goto("/orders/new");
    await next(page);
    await expect(page).toHaveURL(/\?step=image$/);
    await next(page);
    await expect(page).toHaveURL(/\?step=network$/);
    await expectStep(page, "Network and access");
    await page.goBack();
    await expectStep(page, "Image");
    await expect(stepHeading(page)).toBeFocused();
    await page.goBack();
    await expectStep(page, "Servers and size");
    await page.goForward();
    await expectStep(page, "Image");
    await expect(page).toHaveURL(/\?step=image$/);
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
    await expectStep(page, "Servers and size");
    await page.goto("/orders/new?step=network");
    await expect(keys).toHaveValue(PUBLIC_KEY);
    await page.getByLabel("Remember these keys in this browser").uncheck();
    await expect.poll(() => page.evaluate(() => localStorage.getItem("klikk-ssh-public-keys"))).toBeNull();
  });

  test("review's Edit links go back to their step", async ({ signedInPage: page }) => {
    await fillMinimumAndReview(page);
    await page.getByRole("link", { name: "Edit servers and size" }).click();
    await expectStep(page, "Servers and size");
    await expect(stepHeading(page)).toBeFocused();
    await expect(page).toHaveURL(/\?step=servers$/);
  });

  for (const theme of ["light", "dark"] as const) {
    test(`axe finds no WCAG A/AA violations on any step (${theme})`, async ({ signedInPage: page }) => {
      test.setTimeout(scaled(90_000)); // Six full axe scans in one test.
      await page.goto("/orders/new");
      await setTheme(page, theme);
      await page.reload();
      const steps = ["Servers and size", "Image", "Network and access"];
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
      await page.getByText("Show API request").click();
      await expect(page.getByRole("region", { name: "JSON request" })).toBeVisible();
      await expectNoAxeViolations(page, `the review step with the API request shown (${theme})`);
    });
  }

  test("fits a 375 px wide screen on every step", async ({ signedInPage: page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/orders/new?step=network");
    await page.getByRole("button", { name: /^Add my address/ }).click();
    await page.getByLabel("SSH public keys (optional)").fill(PUBLIC_KEY);
    for (const step of ["servers", "image", "network", "review"]) {
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
