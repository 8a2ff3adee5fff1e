import type { APIResponse, Page, Route } from "@playwright/test";
import { E2E } from "./support/env";
import { expect, expectNoAxeViolations, setTheme, test } from "./support/fixtures";
import { hydrated, markPage, samePage } from "./support/page-marks";

const NAV = [
  { name: "Overview", path: "/", heading: "Overview" },
  { name: "Orders", path: "/orders", heading: "Orders" },
  { name: "New order", path: "/orders/new", heading: "New order" },
  { name: "Servers", path: "/servers", heading: "Servers" },
];

type ChunkHandler = (route: Route, response: APIResponse, body: string) => Promise<void>;
/**
 * A chunk request the page let go of while it was fetched here: a full page load (an ordinary
 * link's click) cancels the old page's requests, and Playwright then disposes their answers.
 */
const isAbandoned = (error: unknown) => error instanceof Error && /has been disposed/.test(error.message);

/** The script chunk whose text includes `marker` goes to `handle`; the rest pass. */
async function onChunkWith(page: Page, marker: string, handle: ChunkHandler): Promise<void> {
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    let response: APIResponse;
    let body: string;
    try {
      response = await route.fetch();
      body = await response.text();
    } catch (error) {
      // Nobody waits for that answer any more; anything else is a real failure of the test.
      if (!isAbandoned(error)) throw error;
      await route.abort().catch(() => {});
      return;
    }
    if (body.includes(marker)) await handle(route, response, body);
    else await route.fulfill({ response, body });
  });
}
/** next/link's code, found by an export's name. */
const onLinkCode = (page: Page, handle: ChunkHandler) => onChunkWith(page, "useLinkStatus", handle);
/** The header buttons' code (components/shell/header-tools.tsx), found by the search button's shortcut. */
const onHeaderToolsCode = (page: Page, handle: ChunkHandler) => onChunkWith(page, "Control+K Meta+K", handle);

/** A promise and the function that resolves it. */
function latch() {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
/** For one page load: when its code was asked for, and when to let it through. */
const newGate = () => ({ requested: latch(), released: latch() });

const mainLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });

test.describe("app shell", () => {
  test("every navigation entry opens its page", async ({ signedInPage: page }) => {
    await page.goto("/");
    for (const entry of NAV) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: entry.name, exact: true }).click();
      await expect(page).toHaveURL(`${E2E.appUrl}${entry.path}`);
      await expect(page.getByRole("heading", { level: 1, name: entry.heading, exact: true })).toBeVisible();
      await expect(page.getByRole("link", { name: entry.name, exact: true })).toHaveAttribute("aria-current", "page");
    }
  });

  test("links work before their code has arrived (a page load) and navigate within the page once it has", async ({ signedInPage: page }) => {
    // next/link loads after the first paint (components/ui/app-link.tsx): hold its chunk back.
    const released = latch();
    await onLinkCode(page, async (route, response, body) => {
      await released.promise;
      await route.fulfill({ response, body });
    });
    const orders = mainLink(page, "Orders");

    // Not until "load": the held chunk may be asked for before it, and would hold the event too.
    await page.goto("/", { waitUntil: "commit" });
    await page.locator("html[data-hydrated=true]").waitFor({ state: "attached" });
    await markPage(page);
    await orders.click();
    await expect(page.getByRole("heading", { level: 1, name: "Orders", exact: true })).toBeVisible();
    expect(await samePage(page), "without its code the link is an ordinary link: a new page").toBe(false);

    released.open();
    await expect.poll(() => hydrated(orders)).toBe(true);
    await markPage(page);
    await mainLink(page, "Servers").click();
    await expect(page.getByRole("heading", { level: 1, name: "Servers", exact: true })).toBeVisible();
    expect(await samePage(page), "with its code the link navigates within the page").toBe(true);
  });

  test("links whose code cannot be loaded stay ordinary links, and the page works", async ({ signedInPage: page }) => {
    const refused = latch();
    await onLinkCode(page, async (route) => {
      refused.open();
      await route.abort("connectionrefused");
    });
    const orders = mainLink(page, "Orders");
    await page.goto("/");
    await refused.promise;
    // Hydrated without next/link, and no error took the page.
    await expect.poll(() => hydrated(orders)).toBe(true);
    await expect(page.getByRole("heading", { level: 1, name: "Overview", exact: true })).toBeVisible();
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
    await markPage(page);
    await orders.click();
    await expect(page.getByRole("heading", { level: 1, name: "Orders", exact: true })).toBeVisible();
    expect(await samePage(page), "a plain link loads the page").toBe(false);
  });

  test("the header's buttons are on the page before their code arrives; a click or Ctrl-K meanwhile acts once it has", async ({ signedInPage: page }) => {
    // Their code loads beside hydration (components/shell/lazy-header-tools.tsx): hold it back,
    // afresh for each page load.
    let gate = newGate();
    await onHeaderToolsCode(page, async (route, response, body) => {
      const { requested, released } = gate;
      requested.open();
      await released.promise;
      await route.fulfill({ response, body });
    });
    const search = page.getByRole("button", { name: "Search" });
    const accountMenu = page.getByRole("button", { name: /^Account: / });
    const paletteBox = page.getByRole("combobox", { name: "Search orders, servers, pages and actions" });

    // Not until "load": the held chunk may be asked for before it, and would hold the event too.
    await page.goto("/", { waitUntil: "commit" });
    await gate.requested.promise;
    await page.locator("html[data-hydrated=true]").waitFor({ state: "attached" });
    // From the HTML: the page hydrated around them without their code.
    await expect(search).toBeVisible();
    await expect(accountMenu).toBeVisible();
    await expect(page.getByRole("button", { name: /^Theme: / })).toBeVisible();
    expect(await hydrated(accountMenu), "not hydrated while the code is held").toBe(false);
    // A click now is held, and opens the menu once the code is there.
    await accountMenu.click();
    await expect(page.getByRole("menuitem", { name: "Sign out", exact: true })).toHaveCount(0);
    gate.released.open();
    await expect(page.getByRole("menuitem", { name: "Sign out", exact: true })).toBeVisible();
    await page.keyboard.press("Escape");

    // Ctrl-K pressed before the code has arrived opens the palette once it has.
    gate = newGate();
    await page.reload({ waitUntil: "commit" });
    await gate.requested.promise;
    await page.locator("html[data-hydrated=true]").waitFor({ state: "attached" });
    expect(await hydrated(search), "not hydrated while the code is held").toBe(false);
    await page.keyboard.press("Control+k");
    await expect(paletteBox).toHaveCount(0);
    gate.released.open();
    await expect(paletteBox).toBeFocused();
  });

  test("header buttons whose code cannot be loaded give way to a reload button, and the page works", async ({ signedInPage: page }) => {
    const refused = latch();
    await onHeaderToolsCode(page, async (route) => {
      refused.open();
      await route.abort("connectionrefused");
    });
    await page.goto("/");
    await refused.promise;
    const reload = page.getByRole("button", { name: "Menus did not load: reload" });
    await expect(reload).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Overview", exact: true })).toBeVisible();
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
    await mainLink(page, "Orders").click();
    await expect(page.getByRole("heading", { level: 1, name: "Orders", exact: true })).toBeVisible();

    // Once the code can be had again, the reload brings the buttons back.
    await page.unroute("**/_next/static/chunks/*.js");
    await reload.click();
    await expect(page.getByRole("button", { name: "Search" })).toBeVisible();
    await expect(reload).toHaveCount(0);
  });

  test("the skip link moves focus to the main content", async ({ signedInPage: page }) => {
    await page.goto("/orders");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
  });

  test("the theme toggle cycles and is remembered across a reload", async ({ signedInPage: page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/");
    const toggle = page.getByRole("button", { name: /^Theme: / });
    await expect(toggle).toHaveAccessibleName("Theme: System. Change theme");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    await toggle.click();
    await expect(toggle).toHaveAccessibleName("Theme: Light. Change theme");
    await toggle.click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await expect(page.getByRole("button", { name: "Theme: Dark. Change theme" })).toBeVisible();
  });

  test("follows the system's dark preference by default", async ({ signedInPage: page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  });

  for (const theme of ["light", "dark"] as const) {
    test(`axe finds no WCAG A/AA violations on the shell in the ${theme} theme`, async ({ signedInPage: page }) => {
      await page.goto("/");
      await setTheme(page, theme);
      await page.reload();
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      await expectNoAxeViolations(page, `the shell (${theme})`);
    });
  }

  test("works at 375 px wide without horizontal scrolling", async ({ signedInPage: page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    for (const entry of NAV) {
      await page.goto(entry.path);
      await expect(page.getByRole("heading", { level: 1, name: entry.heading, exact: true })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${entry.path} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
    }
  });

  test("an unknown page shows the not-found page without a stack trace", async ({ signedInPage: page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText(/at \S+ \(.*:\d+:\d+\)|node_modules/);
  });

  test("every page answer carries the security headers", async ({ signedInPage: page }) => {
    const response = await page.goto("/");
    const headers = response?.headers() ?? {};
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"]).toContain("max-age=");
    expect(headers["x-powered-by"]).toBeUndefined();
  });
});
