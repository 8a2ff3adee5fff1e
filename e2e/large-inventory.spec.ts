import type { BrowserContext, Page } from "@playwright/test";
import { startSimulator, type Simulator } from "../simulator/index.ts";
import { E2E, scaled } from "./support/env";
import { demo, expect, signIn, test } from "./support/fixtures";
import { simulatorControl } from "../tests/support/simulator-control";
import { placeOrder } from "./support/orders";
import { spawnApp, type SpawnedApp } from "./support/spawn-app";

/**
 * A server list too large to put in the HTML (lib/server/prefetch.ts: over 2,000 servers) on its
 * own simulator and dashboard instance: the page's HTML starts the browser's request for it, and
 * the servers query takes that request over instead of asking again after hydration; a refetch
 * of an unchanged list is answered 304 and keeps the list the browser holds.
 */
test.describe("a large server list", () => {
  let simulator: Simulator;
  let app: SpawnedApp;
  const SERVERS = 2_500;

  test.beforeAll(async () => {
    test.setTimeout(scaled(90_000));
    simulator = await startSimulator({ port: 0, quiet: true, servers: SERVERS, faultsApi: true });
    app = await spawnApp(E2E.appPort + 71, { KLIKK_API_URL: simulator.url });
  });

  test.afterAll(async () => {
    await app?.stop();
    await simulator?.close();
  });

  let context: BrowserContext;
  let page: Page;

  test.beforeEach(async ({ browser }) => {
    test.setTimeout(scaled(60_000));
    context = await browser.newContext({ baseURL: app.url });
    await signIn(context.request, demo.token, app.url);
    page = await context.newPage();
  });

  test.afterEach(async () => {
    await context?.close();
  });

  const serverListCalls = async () => ((await (await fetch(`${simulator.origin}/__sim/stats`)).json()) as { requests: Record<string, number> }).requests.server_list ?? 0;

  test("is asked for by the page's HTML, once, and the inventory shows it", async () => {
    const wholeListRequests: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname === "/api/servers" && url.search === "") wholeListRequests.push(request.url());
    });
    // Who started each request for the list: the page's own inline script (the HTML), or a
    // script file of the app (the query, after the scripts loaded).
    const initiators: string[] = [];
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    cdp.on("Network.requestWillBeSent", (event) => {
      const url = new URL(event.request.url);
      if (url.pathname !== "/api/servers" || url.search !== "") return;
      const frame = event.initiator.stack?.callFrames[0];
      initiators.push(frame && new URL(frame.url).pathname.startsWith("/_next/") ? "app script" : "page HTML");
    });

    for (const load of ["first", "second"]) {
      wholeListRequests.length = 0;
      initiators.length = 0;
      const before = await serverListCalls();
      await page.goto("/servers");
      await expect(page.getByTestId("result-count")).toHaveText(`Showing all ${(SERVERS + 13).toLocaleString("en-US")} servers`);
      expect(wholeListRequests, `${load} load: one request for the list`).toHaveLength(1);
      expect(initiators, `${load} load: asked by the page's HTML, and taken over by the query`).toEqual(["page HTML"]);
      // The first load's server read the list to find it too large; from then on it knows.
      expect(await serverListCalls(), `${load} load: upstream calls`).toBe(before + (load === "first" ? 2 : 1));
    }

    // One order item's servers: the whole list is not asked for at all.
    wholeListRequests.length = 0;
    await page.goto("/servers?orderItemId=1");
    await expect(page.getByRole("heading", { level: 1, name: "Servers" })).toBeVisible();
    await expect(page.locator("html[data-hydrated=true]")).toBeAttached();
    expect(wholeListRequests).toEqual([]);
  });

  test("a search from far down the list shows its result, and the table's height is the result's", async () => {
    await page.goto("/servers");
    const scroller = page.getByTestId("server-table-scroll");
    const table = scroller.locator("table");
    await expect(table).toHaveAttribute("data-result-count", String(SERVERS + 13));
    const rowHeight = await scroller.locator("tbody tr[data-server-id]").first().evaluate((row) => row.getBoundingClientRect().height);
    const fullHeight = await scroller.evaluate((element) => element.scrollHeight);
    expect(fullHeight, "the whole list's height").toBeGreaterThan((SERVERS + 13) * rowHeight);

    // To the end of the list, then a search for nine servers at its start.
    const lastRow = scroller.locator(`tbody tr[aria-rowindex="${SERVERS + 13 + 1}"]`);
    await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect(lastRow).toBeVisible();
    await page.getByRole("searchbox", { name: "Search" }).fill("gen-0000");
    await expect(table).toHaveAttribute("data-result-count", "9");
    for (const name of ["gen-00001", "gen-00009"]) await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
    // Nine rows and the header: no room left for the places of the rows the search took out.
    const narrowed = await scroller.evaluate((element) => element.scrollHeight);
    expect(narrowed).toBeLessThan(11 * rowHeight + 60);

    // Back to every server: the whole height again, and the list scrolls to its end as before.
    await page.getByRole("searchbox", { name: "Search" }).fill("");
    await expect(table).toHaveAttribute("data-result-count", String(SERVERS + 13));
    await expect.poll(() => scroller.evaluate((element) => element.scrollHeight)).toBe(fullHeight);
    await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect(lastRow).toBeVisible();
  });

  test("Tab from the last row in view reaches the next server, and the rows in view follow the focus", async () => {
    await page.goto("/servers");
    const scroller = page.getByTestId("server-table-scroll");
    await expect(scroller.locator("table")).toHaveAttribute("data-result-count", String(SERVERS + 13));
    // The last row whose link is inside the scroll box: the table renders only a row or two
    // beyond it at rest (components/servers/virtual-overscan.ts).
    const lastInView = await scroller.evaluate((box) => {
      const bottom = box.getBoundingClientRect().bottom;
      const rows = [...box.querySelectorAll<HTMLElement>("tbody tr[data-server-id]")];
      const inView = rows.filter((row) => row.querySelector("a")!.getBoundingClientRect().bottom <= bottom);
      return Number(inView.at(-1)!.getAttribute("aria-rowindex"));
    });
    await scroller.locator(`tbody tr[aria-rowindex="${lastInView}"] a[href^="/servers/"]`).focus();
    // Its server link is the row's last control (no order is known for these servers): Tab
    // goes on to the next row's details button, not out of the table, and on, row after row,
    // past what was rendered when the page settled.
    for (let step = 1; step <= 5; step++) {
      if (step > 1) await page.keyboard.press("Tab"); // the previous row's server link
      await page.keyboard.press("Tab");
      const row = scroller.locator(`tbody tr[aria-rowindex="${lastInView + step}"]`);
      await expect(row.getByRole("button", { name: /^Details of / }), `row ${step} after the last in view`).toBeFocused();
      await expect(row).toBeInViewport();
    }
  });

  test("a refresh of an unchanged list is answered 304 and keeps it; a changed list comes whole", async () => {
    const count = page.getByTestId("result-count");
    await page.goto("/servers");
    await expect(count).toHaveText(`Showing all ${(SERVERS + 13).toLocaleString("en-US")} servers`);
    const statuses: number[] = [];
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (url.pathname === "/api/servers" && url.search === "") statuses.push(response.status());
    });
    const refresh = page.getByRole("button", { name: "Refresh", exact: true });

    const before = await serverListCalls();
    await refresh.click();
    await expect.poll(() => statuses).toEqual([304]);
    // The dashboard still asked the upstream: only the browser's copy was reused.
    expect(await serverListCalls()).toBe(before + 1);
    await expect(refresh).toBeEnabled();
    await expect(count).toHaveText(`Showing all ${(SERVERS + 13).toLocaleString("en-US")} servers`);

    // A new server: the list differs, so it is sent whole and shown.
    const placed = await placeOrder(context.request, "etag-new", undefined, app.url);
    simulator.advance(60_000);
    const orders = simulatorControl(simulator.origin).orders;
    await expect.poll(async () => (await orders()).find((order) => order.id === placed.order_id)?.status, "the order completed").toBe(0);
    await refresh.click();
    await expect.poll(() => statuses).toEqual([304, 200]);
    await expect(count).toHaveText(`Showing all ${(SERVERS + 14).toLocaleString("en-US")} servers`);
    // And the new list's ETag is the one named from then on.
    await expect(refresh).toBeEnabled();
    await refresh.click();
    await expect.poll(() => statuses).toEqual([304, 200, 304]);
  });
});
