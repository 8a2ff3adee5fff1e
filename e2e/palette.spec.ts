import { expect, expectNoAxeViolations, resetSimulator, setTheme, test } from "./support/fixtures";
import type { Page } from "@playwright/test";

// edge-1 of simulator/seed.ts: server 4410, 2001:db8:4b::113a (written here fully expanded, upper case).
const EDGE_V6_FULL_UPPER = "2001:0DB8:004B:0000:0000:0000:0000:113A";

function paletteBox(page: Page) {
  return page.getByRole("combobox", { name: "Search orders, servers, pages and actions" });
}

async function openWithKeyboard(page: Page) {
  await page.keyboard.press("Control+k");
  await expect(paletteBox(page)).toBeFocused();
}

test.beforeEach(async ({ request }) => {
  await resetSimulator(request);
});

test.describe("command palette", () => {
  test("Ctrl-K, a server's IPv6 address fully expanded in upper case, Enter: the server page opens", async ({ signedInPage: page }) => {
    await page.goto("/orders");
    await openWithKeyboard(page);
    await paletteBox(page).fill(EDGE_V6_FULL_UPPER);
    const option = page.getByRole("option", { name: /^edge-1 Server 4410/ });
    await expect(option).toHaveAttribute("aria-selected", "true");
    await expect(paletteBox(page)).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id")) ?? "");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/servers\/4410$/);
    await expect(page.getByRole("heading", { level: 1, name: "edge-1" })).toBeVisible();
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });

  test("keyboard first: arrows move the active option, Enter opens an order, Escape returns focus to where it was", async ({ signedInPage: page }) => {
    await page.goto("/");
    const button = page.getByRole("button", { name: "Search" });
    await button.focus();
    await page.keyboard.press("Enter");
    const box = paletteBox(page);
    await expect(box).toBeFocused();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(box).toHaveAttribute("aria-controls", (await page.getByRole("listbox", { name: "Results" }).getAttribute("id")) ?? "");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(button).toBeFocused();

    await openWithKeyboard(page);
    // edge-1 (a server) and order 74 (reference "Edge"): two groups, servers first.
    await paletteBox(page).fill("edge");
    const serverOption = page.getByRole("option", { name: /^edge-1 / });
    const orderOption = page.getByRole("option", { name: /^Order 74/ });
    await expect(serverOption).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowDown");
    await expect(orderOption).toHaveAttribute("aria-selected", "true");
    await expect(serverOption).toHaveAttribute("aria-selected", "false");
    await page.keyboard.press("ArrowUp");
    await expect(serverOption).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/orders\/74$/);
  });

  test("pages and actions: New order opens the wizard, the theme changes from the palette", async ({ signedInPage: page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/");
    await openWithKeyboard(page);
    await paletteBox(page).fill("dark");
    await page.getByRole("option", { name: "Theme: dark" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await expect(page.getByRole("button", { name: "Theme: Dark. Change theme" })).toBeVisible();
    await openWithKeyboard(page);
    await paletteBox(page).fill("new order");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/orders\/new$/);
  });

  for (const theme of ["light", "dark"] as const) {
    test(`axe finds no WCAG A/AA violations with the palette open (${theme})`, async ({ signedInPage: page }) => {
      await page.goto("/");
      await setTheme(page, theme);
      await page.reload();
      await openWithKeyboard(page);
      await paletteBox(page).fill("web");
      await expect(page.getByRole("option", { name: /^web-1 / })).toBeVisible();
      await expectNoAxeViolations(page, `the command palette (${theme})`);
    });
  }

  test("at 375 px the palette fits and works from the header's search button", async ({ signedInPage: page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto("/");
    await page.getByRole("button", { name: "Search" }).click();
    await paletteBox(page).fill("100.64.17.58");
    const option = page.getByRole("option", { name: /^edge-1 / });
    await expect(option).toBeVisible();
    const box = await page.getByRole("dialog").boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375, "the dialog fits the screen").toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await option.click();
    await expect(page).toHaveURL(/\/servers\/4410$/);
  });
});
