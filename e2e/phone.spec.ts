import type { Page } from "@playwright/test";
import { E2E } from "./support/env";
import { expect, expectNoAxeViolations, resetSimulator, setTheme, signIn, test } from "./support/fixtures";
import { hydrated, markPage, samePage } from "./support/page-marks";

/** A phone: 375 px wide, 667 px tall (the first screen). */
const PHONE = { width: 375, height: 667 };

/** Any element (the page included) that can be scrolled sideways, as "tag#id.class: scrollWidth > clientWidth". */
async function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`the page: ${root.scrollWidth} > ${root.clientWidth}`);
    for (const element of document.querySelectorAll<HTMLElement>("body *")) {
      const style = getComputedStyle(element);
      if (style.display === "none" || !/(auto|scroll)/.test(style.overflowX)) continue;
      if (element.scrollWidth > element.clientWidth + 1) {
        found.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}[${element.getAttribute("aria-label") ?? element.dataset.testid ?? ""}]: ${element.scrollWidth} > ${element.clientWidth}`);
      }
    }
    return found;
  });
}

/** Whether a box lies fully inside the first screen (nothing scrolled). */
async function inFirstScreen(page: Page, box: { x: number; y: number; width: number; height: number } | null): Promise<boolean> {
  if (!box) return false;
  const scrollY = await page.evaluate(() => window.scrollY);
  return scrollY === 0 && box.x >= 0 && box.x + box.width <= PHONE.width && box.y >= 0 && box.y + box.height <= PHONE.height;
}

test.beforeEach(async ({ page, request }) => {
  await resetSimulator(request);
  await page.setViewportSize(PHONE);
});

test.describe("at 375 px", () => {
  test("the orders list is cards: no sideways scroll, each order's id and status side by side", async ({ signedInPage: page }) => {
    await page.goto("/orders");
    const cards = page.getByRole("list", { name: "Orders" }).getByRole("article");
    await expect(cards).toHaveCount(13);
    expect(await sidewaysScrollers(page)).toEqual([]);
    for (const card of await cards.all()) {
      const id = card.getByRole("heading", { level: 3 });
      const status = card.locator("[data-status-class]").first();
      await card.scrollIntoViewIfNeeded();
      const [idBox, statusBox] = [await id.boundingBox(), await status.boundingBox()];
      expect(idBox && statusBox, `${await id.textContent()}: id and status shown`).toBeTruthy();
      // Together: on one line (their vertical extents overlap) and both inside the screen.
      expect(idBox!.y < statusBox!.y + statusBox!.height && statusBox!.y < idBox!.y + idBox!.height, `${await id.textContent()}: id and status on one line`).toBe(true);
      expect(statusBox!.x + statusBox!.width, `${await id.textContent()}: status inside the screen`).toBeLessThanOrEqual(PHONE.width);
    }
  });

  test("an order page: no sideways scroll, the id and the status in the first screen", async ({ signedInPage: page }) => {
    await page.goto("/orders/70");
    await expect(page.getByRole("article", { name: "web-1" })).toBeVisible();
    expect(await sidewaysScrollers(page)).toEqual([]);
    expect(await inFirstScreen(page, await page.getByRole("heading", { level: 1, name: "Order 70" }).boundingBox())).toBe(true);
    expect(await inFirstScreen(page, await page.getByRole("region", { name: "Order status" }).locator("[data-status-class]").boundingBox())).toBe(true);
  });

  test("the servers list is cards and comes before the totals; nothing scrolls sideways", async ({ signedInPage: page }) => {
    await page.goto("/servers");
    await expect(page.getByTestId("result-count")).toHaveText("Showing all 13 servers");
    const cards = page.getByRole("list", { name: "Servers" }).getByRole("article");
    await expect(cards.first()).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    expect(await sidewaysScrollers(page)).toEqual([]);
    // The first server is on the first screen; the totals are folded away after the list.
    expect(await inFirstScreen(page, await cards.first().boundingBox())).toBe(true);
    await expect(page.getByRole("region", { name: "Totals" })).toBeHidden();
  });

  test("searching a server's IPv4 address shows the match in the first screen", async ({ signedInPage: page }) => {
    await page.goto("/servers");
    await expect(page.getByTestId("result-count")).toHaveText("Showing all 13 servers");
    await page.getByRole("searchbox", { name: "Search" }).fill("100.64.17.58");
    await expect(page.getByTestId("result-count")).toHaveText("Showing 1 of 13 servers");
    const match = page.getByRole("article", { name: "edge-1" });
    await expect(match).toBeVisible();
    await expect(match).toContainText("100.64.17.58");
    // Typing may scroll the box into view; the match must be on screen without any more scrolling.
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await inFirstScreen(page, await match.boundingBox())).toBe(true);
  });

  test("a card's links open their pages within the page, and a modified click is left to the browser", async ({ signedInPage: page, context }) => {
    // edge-1 (its order known, two networks) is the seventh by name: the list renders only the
    // cards near its view, so the search brings it up.
    await page.goto("/servers?q=edge-1");
    const cards = page.getByRole("list", { name: "Servers" });
    const card = cards.getByRole("article", { name: "edge-1" });
    const nameLink = card.getByRole("link", { name: "edge-1", exact: true });
    // Links (next/link) navigate within the page once the list has hydrated; before, they load pages.
    await expect.poll(() => hydrated(cards)).toBe(true);
    const serverPage = await nameLink.getAttribute("href");
    expect(serverPage).toMatch(/^\/servers\/\d+$/);

    await markPage(page);
    await nameLink.click();
    await expect(page).toHaveURL(`${E2E.appUrl}${serverPage}`);
    await expect(page.getByRole("heading", { level: 1, name: "edge-1" })).toBeVisible();
    expect(await samePage(page), "a client-side navigation, not a page load").toBe(true);

    await page.goBack();
    await markPage(page);
    await card.getByRole("link", { name: "Order 74" }).click();
    await expect(page).toHaveURL(`${E2E.appUrl}/orders/74`);
    await expect(page.getByRole("heading", { level: 1, name: "Order 74" })).toBeVisible();
    expect(await samePage(page), "a client-side navigation, not a page load").toBe(true);

    await page.goBack();
    await expect.poll(() => hydrated(cards)).toBe(true);
    const [tab] = await Promise.all([context.waitForEvent("page"), nameLink.click({ modifiers: ["ControlOrMeta"] })]);
    await expect(tab).toHaveURL(`${E2E.appUrl}${serverPage}`);
    await tab.close();
    await expect(page).toHaveURL(`${E2E.appUrl}/servers?q=edge-1`);
  });

  test("a server page: no sideways scroll, name, state and address in the first screen", async ({ signedInPage: page }) => {
    await page.goto("/servers/4410");
    await expect(page.getByRole("region", { name: "Networks of edge-1 (2)" })).toBeVisible();
    expect(await sidewaysScrollers(page)).toEqual([]);
    expect(await inFirstScreen(page, await page.getByRole("heading", { level: 1, name: "edge-1" }).boundingBox())).toBe(true);
    expect(await inFirstScreen(page, await page.getByText("ssh root@100.64.17.58", { exact: true }).boundingBox())).toBe(true);
  });

  test("the header is one row plus the tabs", async ({ signedInPage: page }) => {
    await page.goto("/");
    const row = page.getByTestId("header-row");
    const rowBox = await row.boundingBox();
    for (const item of [page.getByRole("link", { name: /^klikk/ }), page.getByRole("button", { name: /^Theme:/ }), page.getByRole("button", { name: /^Account:/ })]) {
      const box = await item.boundingBox();
      expect(box && rowBox && box.y >= rowBox.y && box.y + box.height <= rowBox.y + rowBox.height + 1).toBe(true);
    }
    // One line: the row is no taller than its tallest control.
    expect(rowBox!.height).toBeLessThanOrEqual(40);
    expect(await sidewaysScrollers(page)).toEqual([]);
  });
});

for (const theme of ["light", "dark"] as const) {
  test(`axe finds no WCAG A/AA violations on any page at 375 px (${theme})`, async ({ page }) => {
    test.slow();
    await page.goto("/login");
    await setTheme(page, theme);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page, `/login at 375 px (${theme})`);
    await signIn(page.request);
    const pages: [string, string][] = [
      ["/", "Needs attention"],
      ["/orders", "Order 70"],
      ["/orders/70", "web-1"],
      ["/orders/new", "New order"],
      ["/servers", "api-old-1"],
      ["/servers/4410", "Networks of edge-1"],
      ["/sessions", "This session"],
      ["/activity", "Signed in"],
      ["/accounts", "Add an account"],
      ["/no-such-page", "Page not found"],
    ];
    for (const [path, marker] of pages) {
      await page.goto(path);
      await expect(page.getByText(marker).filter({ visible: true }).first()).toBeVisible();
      await expectNoAxeViolations(page, `${path} at 375 px (${theme})`);
    }
    await page.goto("/");
    await page.getByRole("button", { name: /^Account:/ }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    await expectNoAxeViolations(page, `the account menu at 375 px (${theme})`);
  });
}
