/**
 * Time to data, in Chromium: from the start of a navigation to the first order or server row in
 * the DOM, on /orders and /servers, for a full page load and for a client-side navigation from
 * the overview; beside it the baseline page's time to first byte (bench/baseline), the least any
 * Next.js page on this machine takes before the browser sees anything.
 *
 * - full load: performance.now() (counted from the navigation's start) when the first row
 *   appears, seen by a MutationObserver installed before the page's own scripts;
 * - client navigation: from the click on the header's link (capture phase) to the first row;
 * - time to first byte: the navigation entry's responseStart;
 * - refresh of an unchanged server list: on /servers with its rows shown, from the click on
 *   Refresh to the end of the refetch (the button no longer busy), the list answered 304.
 * Medians of `runs` fresh pages each, after one warm-up. Needs a running stack (scripts/bench.ts).
 */
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium.ts";

export type RouteTiming = { fullLoadMs: number; clientNavigationMs: number; ttfbMs: number };
export type TimeToDataResult = {
  runs: number;
  orders: RouteTiming;
  servers: RouteTiming;
  baselineTtfbMs: number;
  /** Click on Refresh to the end of the refetch, on /servers with an unchanged list. */
  serversRefreshMs: number;
  /** The status the refreshes were answered with (304 while the ETag works). */
  serversRefreshStatus: number;
};

const ROUTES = { orders: { path: "/orders", row: "[data-order-id]", link: "Orders" }, servers: { path: "/servers", row: "[data-server-id]", link: "Servers" } } as const;

type Win = Window & { __firstRow?: number; __clickAt?: number; __rowSelector?: string; __refreshedAt?: number };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

async function firstRowAt(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as Win).__firstRow !== undefined, undefined, { timeout: 60_000 });
  return page.evaluate(() => (window as Win).__firstRow!);
}

async function ttfb(page: Page): Promise<number> {
  return page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).responseStart);
}

async function fullLoad(context: BrowserContext, appUrl: string, route: keyof typeof ROUTES): Promise<{ rowMs: number; ttfbMs: number }> {
  const page = await context.newPage();
  try {
    await page.addInitScript((selector) => ((window as Win).__rowSelector = selector), ROUTES[route].row);
    await page.goto(`${appUrl}${ROUTES[route].path}`, { waitUntil: "commit" });
    const rowMs = await firstRowAt(page);
    return { rowMs, ttfbMs: await ttfb(page) };
  } finally {
    await page.close();
  }
}

async function clientNavigation(context: BrowserContext, appUrl: string, route: keyof typeof ROUTES): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(`${appUrl}/`);
    const link = page.getByRole("navigation").getByRole("link", { name: ROUTES[route].link, exact: true });
    // Hydrated, or the click would be a full page load.
    await page.waitForFunction((href) => {
      const a = document.querySelector(`nav a[href="${href}"]`);
      return a !== null && Object.keys(a).some((key) => key.startsWith("__reactFiber"));
    }, ROUTES[route].path);
    await page.waitForLoadState("load");
    await page.evaluate((selector) => {
      const w = window as Win;
      w.__firstRow = undefined;
      w.__rowSelector = selector;
    }, ROUTES[route].row);
    await link.click();
    const rowAt = await firstRowAt(page);
    const clickAt = await page.evaluate(() => (window as Win).__clickAt!);
    return rowAt - clickAt;
  } finally {
    await page.close();
  }
}

async function refreshUnchanged(context: BrowserContext, appUrl: string): Promise<{ ms: number; status: number }> {
  const page = await context.newPage();
  try {
    await page.goto(`${appUrl}/servers`);
    const refresh = page.getByRole("button", { name: "Refresh", exact: true });
    await page.locator(ROUTES.servers.row).first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector("button[aria-busy]"), undefined, { timeout: 60_000 });
    // The end of the refetch, seen as it happens: the button's aria-busy going away.
    await refresh.evaluate((button) => {
      const w = window as Win;
      w.__refreshedAt = undefined;
      let busy = false;
      new MutationObserver(() => {
        if (button.hasAttribute("aria-busy")) busy = true;
        else if (busy) w.__refreshedAt ??= performance.now();
      }).observe(button, { attributes: true, attributeFilter: ["aria-busy"] });
    });
    const [response] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === "/api/servers"), refresh.click()]);
    await page.waitForFunction(() => (window as Win).__refreshedAt !== undefined, undefined, { timeout: 60_000 });
    const ms = await page.evaluate(() => (window as Win).__refreshedAt! - (window as Win).__clickAt!);
    return { ms, status: response.status() };
  } finally {
    await page.close();
  }
}

async function baselineTtfb(context: BrowserContext, baselineUrl: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(`${baselineUrl}/`, { waitUntil: "commit" });
    await page.waitForLoadState("domcontentloaded");
    return await ttfb(page);
  } finally {
    await page.close();
  }
}

export async function runTimeToData(options: { appUrl: string; baselineUrl: string; runs?: number; log?: (line: string) => void }): Promise<TimeToDataResult> {
  const { appUrl, baselineUrl, runs = 5, log = () => {} } = options;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      const w = window as Win;
      document.addEventListener("click", () => (w.__clickAt = performance.now()), { capture: true });
      new MutationObserver(() => {
        if (w.__firstRow === undefined && w.__rowSelector && document.querySelector(w.__rowSelector)) w.__firstRow = performance.now();
      }).observe(document, { subtree: true, childList: true });
    });
    const signIn = await context.request.post(`${appUrl}/api/session`, {
      headers: { Origin: appUrl, "Content-Type": "application/json" },
      data: { method: "token", token: "demo-token" },
    });
    if (signIn.status() !== 200) throw new Error(`sign-in failed with ${signIn.status()}`);

    const refreshes: number[] = [];
    let refreshStatus = 0;
    const samples = { baseline: [] as number[], orders: { full: [] as number[], nav: [] as number[], ttfb: [] as number[] }, servers: { full: [] as number[], nav: [] as number[], ttfb: [] as number[] } };
    // Run 0 warms the servers and the browser's cache of scripts, as for a returning user.
    for (let i = 0; i <= runs; i++) {
      const base = await baselineTtfb(context, baselineUrl);
      const line: string[] = [`baseline ttfb ${base.toFixed(1)}`];
      for (const route of ["orders", "servers"] as const) {
        const full = await fullLoad(context, appUrl, route);
        const nav = await clientNavigation(context, appUrl, route);
        line.push(`${route} full ${full.rowMs.toFixed(0)} (ttfb ${full.ttfbMs.toFixed(1)}), navigation ${nav.toFixed(0)}`);
        if (i > 0) {
          samples[route].full.push(full.rowMs);
          samples[route].ttfb.push(full.ttfbMs);
          samples[route].nav.push(nav);
        }
      }
      const refresh = await refreshUnchanged(context, appUrl);
      line.push(`servers refresh ${refresh.ms.toFixed(0)} (${refresh.status})`);
      if (i > 0) {
        samples.baseline.push(base);
        refreshes.push(refresh.ms);
        refreshStatus = refresh.status;
      }
      log(`${i === 0 ? "warm-up" : `run ${i}`}: ${line.join("; ")} ms`);
    }
    const timing = (route: "orders" | "servers"): RouteTiming => ({
      fullLoadMs: median(samples[route].full),
      clientNavigationMs: median(samples[route].nav),
      ttfbMs: median(samples[route].ttfb),
    });
    return { runs, orders: timing("orders"), servers: timing("servers"), baselineTtfbMs: median(samples.baseline), serversRefreshMs: median(refreshes), serversRefreshStatus: refreshStatus };
  } finally {
    await browser.close();
  }
}
