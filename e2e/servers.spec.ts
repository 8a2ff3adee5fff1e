import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { E2E, scaled } from "./support/env";
import { expect, expectNoAxeViolations, resetSimulator, setTheme, test } from "./support/fixtures";
import { hydrated, markPage, samePage } from "./support/page-marks";
import { clearFaults, setFaults } from "./support/simulator";

// The "Demo AS" servers of simulator/seed.ts (demo-token sees only that profile): ids 4401-4413,
// addresses derived from the id (IPv4 100.64.0.0 + id, IPv6 2001:db8:4b::<id in hex>).
const SEEDED = ["web-1", "web-2", "web-3", "db-1", "db-2", "mon-1", "build-1", "build-2", "build-3", "edge-1", "staging-1", "api-old-1", "mix-1"];
const STOPPED = ["build-2", "build-3", "staging-1"];

function serverTable(page: Page): Locator {
  return page.getByRole("table", { name: /^Servers:/ });
}

/** The data row of one server, found by its row header (the name cell). */
function serverRow(page: Page, name: string): Locator {
  return serverTable(page).getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^Details of ${name} ${name}$`) }) });
}

async function visibleServerNames(page: Page): Promise<string[]> {
  const headers = serverTable(page).getByRole("rowheader");
  return (await headers.getByRole("link").allTextContents()).map((t) => t.trim());
}

/** The totals fold away under a summary line after the list; this opens them. */
async function openTotals(page: Page): Promise<void> {
  await page.locator("summary").filter({ hasText: /^Totals/ }).click();
}

test.beforeEach(async ({ request }) => {
  await resetSimulator(request);
});

test.describe("server inventory", () => {
  test("lists the seeded servers with their state, resources, addresses, order and totals", async ({ signedInPage: page }) => {
    await page.goto("/servers");
    await expect(page.getByRole("heading", { level: 1, name: "Servers" })).toBeVisible();
    await expect(page.getByTestId("result-count")).toHaveText("Showing all 13 servers");
    await expect(serverTable(page)).toHaveAttribute("aria-rowcount", "14");
    // The table renders the rows near its view: the first ones, and scrolled to its end the last.
    const listed = new Set(await visibleServerNames(page));
    const scroller = page.getByTestId("server-table-scroll");
    await scroller.evaluate((box) => box.scrollTo(0, box.scrollHeight));
    await expect(serverRow(page, "web-3")).toBeVisible();
    for (const name of await visibleServerNames(page)) listed.add(name);
    expect([...listed].sort()).toEqual([...SEEDED].sort());
    await scroller.evaluate((box) => box.scrollTo(0, 0));

    const edge = serverRow(page, "edge-1");
    await expect(edge.getByRole("cell")).toHaveText([/Running$/, "2", "4 GB", "20 GB", "100.64.17.58", "2001:db8:4b::113a", "Profile 310", "Order 74 · item 1010"]);
    await expect(edge.getByRole("link", { name: "Order 74 · item 1010" })).toHaveAttribute("href", "/orders/74");
    const db2 = serverRow(page, "db-2");
    await expect(db2.getByRole("cell").nth(3)).toHaveText("1,700 GB");
    await expect(serverRow(page, "mon-1").getByRole("cell").nth(4)).toHaveText("none");
    await expect(serverRow(page, "build-2").getByRole("cell").first()).toHaveText(/Stopped$/);

    await expect(page.locator("summary").filter({ hasText: /^Totals/ })).toHaveText(
      "Totals: 13 servers, 10 running, 45 vCPUs, 74 GB memory, 2,960 GB storage",
    );
    await openTotals(page);
    const totals = page.getByRole("region", { name: "Totals" });
    await expect(totals.locator("> div > dl").getByRole("definition")).toHaveText(["13", "10 (3 stopped)", "45", "74 GB", "2,960 GB"]);
    const chart = page.getByRole("figure", { name: "Resources per profile" });
    await expect(chart).toContainText("Profile 310 13 servers, 10 running");
    await expect(chart.getByRole("definition")).toHaveText(["45 (27 running)", "74 GB (54 GB running)", "2,960 GB (2,710 GB running)"]);
  });

  test("a row's links open their pages within the page, and a modified click is left to the browser", async ({ signedInPage: page, context }) => {
    await page.goto("/servers");
    const nameLink = () => serverRow(page, "edge-1").getByRole("link", { name: "edge-1", exact: true });
    // The rows are plain links followed by the table's own handler, there once it has hydrated.
    await expect.poll(() => hydrated(serverTable(page).locator("tbody"))).toBe(true);
    const serverPage = await nameLink().getAttribute("href");
    expect(serverPage).toMatch(/^\/servers\/\d+$/);

    await markPage(page);
    await nameLink().click();
    await expect(page).toHaveURL(`${E2E.appUrl}${serverPage}`);
    await expect(page.getByRole("heading", { level: 1, name: "edge-1" })).toBeVisible();
    expect(await samePage(page), "a client-side navigation, not a page load").toBe(true);

    await page.goBack();
    await markPage(page);
    await serverRow(page, "edge-1").getByRole("link", { name: "Order 74 · item 1010" }).click();
    await expect(page).toHaveURL(`${E2E.appUrl}/orders/74`);
    await expect(page.getByRole("heading", { level: 1, name: "Order 74" })).toBeVisible();
    expect(await samePage(page), "a client-side navigation, not a page load").toBe(true);

    await page.goBack();
    await expect.poll(() => hydrated(serverTable(page).locator("tbody"))).toBe(true);
    const [tab] = await Promise.all([context.waitForEvent("page"), nameLink().click({ modifiers: ["ControlOrMeta"] })]);
    await expect(tab).toHaveURL(`${E2E.appUrl}${serverPage}`);
    await tab.close();
    await expect(page).toHaveURL(`${E2E.appUrl}/servers`);
  });

  test("an expanding row shows every network and storage of the server", async ({ signedInPage: page }) => {
    await page.goto("/servers");
    const toggle = page.getByRole("button", { name: "Details of edge-1" });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const networks = page.getByRole("region", { name: "Networks of edge-1 (2)" });
    await expect(networks.getByRole("listitem")).toHaveCount(2);
    // Plain words first, the API's terms as the secondary line.
    const first = networks.getByRole("listitem", { name: "Interface 1" });
    await expect(first).toContainText("Interface 1: Public LAN");
    await expect(first).toContainText("ifindex 0 · segment Public LAN");
    await expect(first).toContainText("100.64.17.58");
    await expect(first).toContainText("2001:db8:4b::113a");
    const second = networks.getByRole("listitem", { name: "Interface 2" });
    await expect(second).toContainText("Interface 2: Private LAN");
    await expect(second).toContainText("10.10.0.1");
    await expect(second).toContainText("fd00:10::1");

    await page.getByRole("button", { name: "Details of db-2" }).click();
    const disks = page.getByRole("region", { name: "Disks of db-2 (3)" }).getByRole("listitem");
    await expect(disks).toHaveText([/^Disk 1: NVM SSD\s*LUN 0\s*200 GB$/, /^Disk 2: HDD\s*LUN 1\s*500 GB$/, /^Disk 3: HDD\s*LUN 2\s*1,000 GB$/]);

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("region", { name: /^Networks of edge-1/ })).toHaveCount(0);
  });

  test("searching an IPv6 address finds its server, whatever its written form", async ({ signedInPage: page }) => {
    await page.goto("/servers");
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.fill("2001:DB8:4B:0:0:0:0:1134");
    await expect.poll(() => visibleServerNames(page)).toEqual(["db-1"]);
    await expect(page.getByTestId("result-count")).toHaveText("Showing 1 of 13 servers");
    await expect(page).toHaveURL(/[?&]q=2001%3ADB8%3A4B%3A0%3A0%3A0%3A0%3A1134/);

    // An address on a second network is found too.
    await search.fill("fd00:10::1");
    await expect.poll(() => visibleServerNames(page)).toEqual(["edge-1"]);

    // The search survives a reload (it lives in the URL).
    await expect(page).toHaveURL(/q=fd00/);
    await page.reload();
    await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("fd00:10::1");
    await expect.poll(() => visibleServerNames(page)).toEqual(["edge-1"]);

    await search.fill("no-such-server");
    await expect(page.getByRole("heading", { name: "No servers match" })).toBeVisible();
    await page.getByRole("button", { name: "Clear search and filters" }).click();
    await expect(page.getByTestId("result-count")).toHaveText("Showing all 13 servers");
  });

  test("the stopped filter shows only stopped servers", async ({ signedInPage: page }) => {
    await page.goto("/servers");
    await page.getByLabel("State").selectOption("stopped");
    await expect(page).toHaveURL(/[?&]state=stopped/);
    await expect.poll(async () => (await visibleServerNames(page)).sort()).toEqual([...STOPPED].sort());
    const states = serverTable(page).locator("tbody tr[data-server-id] > td:nth-of-type(1)");
    await expect(states).toHaveText([/Stopped$/, /Stopped$/, /Stopped$/]);
    await expect(page.locator("summary").filter({ hasText: /^Totals of the servers shown: 3 servers/ })).toBeVisible();

    await page.getByLabel("State").selectOption("running");
    await expect.poll(async () => (await visibleServerNames(page)).length).toBe(10);
    expect(await visibleServerNames(page)).not.toContain("build-2");
  });

  test("column headers sort the table and say so", async ({ signedInPage: page }) => {
    await page.goto("/servers");
    const nameHeader = page.getByRole("columnheader", { name: /^Name/ });
    await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    await page.getByRole("button", { name: /^vCPUs/ }).click();
    const cpuHeader = page.getByRole("columnheader", { name: /^vCPUs/ });
    await expect(cpuHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(nameHeader).not.toHaveAttribute("aria-sort", /.+/);
    await expect.poll(async () => (await visibleServerNames(page)).slice(0, 3)).toEqual(["api-old-1", "mix-1", "mon-1"]);
    await page.getByRole("button", { name: /^vCPUs/ }).click();
    await expect(cpuHeader).toHaveAttribute("aria-sort", "descending");
    await expect(page).toHaveURL(/sort=cpu/);
    await expect(page).toHaveURL(/dir=desc/);
    await expect.poll(async () => (await visibleServerNames(page)).slice(0, 3)).toEqual(["build-1", "build-2", "build-3"]);
  });

  test("?orderItemId shows the servers of one order item, with a way back to all", async ({ signedInPage: page }) => {
    await page.goto("/servers?orderItemId=1005");
    await expect(page.getByRole("status").filter({ hasText: "Servers of order item 1005" })).toContainText("order 71");
    await expect.poll(() => visibleServerNames(page)).toEqual(["db-2"]);
    await page.getByRole("link", { name: "Show all servers" }).click();
    await expect(page).toHaveURL(`${E2E.appUrl}/servers`);
    await expect(page.getByTestId("result-count")).toHaveText("Showing all 13 servers");
  });

  test("exports the visible list as CSV and JSON", async ({ signedInPage: page }) => {
    await page.goto("/servers?state=stopped");
    await expect(page.getByTestId("result-count")).toHaveText("Showing 3 of 13 servers");
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    const csv = await readFile((await csvDownload.path()) ?? "", "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("id,name,state,vcpus,memory_gb,storage_gb,ipv4,ipv6,all_addresses,profile,order_item_id,order_id");
    expect(lines.slice(1).map((line) => line.split(",")[1])).toEqual(["build-2", "build-3", "staging-1"]);
    expect(lines[2]).toContain(",stopped,8,8,100,,2001:db8:4b::1139,");

    const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
    const servers = JSON.parse(await readFile((await jsonDownload.path()) ?? "", "utf8")) as { name: string; networks: unknown[]; storages: unknown[] }[];
    expect(servers.map((s) => s.name)).toEqual(["build-2", "build-3", "staging-1"]);
    expect(servers[0]?.storages).toHaveLength(1);
  });

  test("a failing upstream shows an error with a retry that recovers", async ({ signedInPage: page, request }) => {
    await setFaults(request, { rate503: 1, actions: ["server_list"] });
    await page.goto("/servers");
    const alert = page.getByRole("alert").filter({ hasText: "The servers could not be loaded" });
    await expect(alert).toBeVisible({ timeout: scaled(15_000) });
    await clearFaults();
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByTestId("result-count")).toHaveText("Showing all 13 servers");
  });
});

test.describe("server page", () => {
  test("shows every disk and every interface of the server", async ({ signedInPage: page }) => {
    await page.goto("/servers/4405");
    await expect(page.getByRole("heading", { level: 1, name: "db-2" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Disks of db-2 (3)" }).getByRole("listitem")).toHaveCount(3);
    await expect(page.getByRole("link", { name: "Order 71 · item 1005" })).toHaveAttribute("href", "/orders/71");

    await page.goto("/servers/4410");
    await expect(page.getByRole("heading", { level: 1, name: "edge-1" })).toBeVisible();
    const interfaces = page.getByRole("region", { name: "Networks of edge-1 (2)" }).getByRole("listitem");
    await expect(interfaces).toHaveCount(2);
    await expect(interfaces.nth(0)).toContainText("100.64.17.58");
    await expect(interfaces.nth(1)).toContainText("fd00:10::1");
    // The header: state, the addresses to reach it with copy buttons, and the ssh command.
    await expect(page.getByText("Running").first()).toBeVisible();
    const addresses = page.getByRole("definition").filter({ hasText: "100.64.17.58" }).first();
    await expect(addresses.getByRole("button", { name: "Copy IPv4 address 100.64.17.58 of edge-1" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Copy IPv6 address 2001:db8:4b::113a of edge-1", exact: true })).toBeVisible();
    await expect(page.getByText("ssh root@100.64.17.58", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Copy the command ssh root@100.64.17.58" })).toBeVisible();
  });

  test("the copy button puts the address on the clipboard and says so", async ({ signedInPage: page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: E2E.appUrl });
    await page.goto("/servers/4410");
    const copy = page.getByRole("button", { name: "Copy IPv6 address fd00:10::1 of edge-1 (Private LAN)" });
    await copy.click();
    await expect(copy.locator("xpath=following-sibling::*[@role='status']")).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("fd00:10::1");

    await page.getByRole("button", { name: "Copy IPv4 address 100.64.17.58 of edge-1 (Public LAN)" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("100.64.17.58");
  });

  test("cancelling a server from its page schedules its order item's cancellation", async ({ signedInPage: page }) => {
    await page.goto("/servers/4402");
    await expect(page.getByRole("heading", { level: 1, name: "web-2" })).toBeVisible();
    const actions = page.getByRole("button", { name: "Actions for web-2" });
    await actions.click();
    await page.getByRole("menuitem", { name: "Cancel this server" }).click();
    // The order page's own confirmation: what goes, that it is the item, and when.
    const dialog = page.getByRole("dialog", { name: "Cancel web-2 (item 1002 of order 70)?" });
    await expect(dialog).toContainText("This cancels only web-2 (item 1002 of order 70)");
    await expect(dialog).toContainText("It takes effect at the end of the current period, not now.");
    await dialog.getByRole("button", { name: "Cancel item" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Cancellation scheduled: web-2 (item 1002 of order 70)")).toBeVisible();
    await expect(page.getByText(/^Cancellation scheduled: this server keeps running/)).toBeVisible();
    // A scheduled item cannot be cancelled again, so the page offers nothing more.
    await expect(actions).toHaveCount(0);

    const order = (await (await page.request.get("/api/orders/70")).json()) as { order_items: { id: number; status: number }[] };
    expect(order.order_items.find((item) => item.id === 1002)?.status).toBe(900);
    expect(order.order_items.find((item) => item.id === 1001)?.status).toBe(0);
  });

  test("an unknown server gets a clear not-found state", async ({ signedInPage: page }) => {
    await page.goto("/servers/999999");
    await expect(page.getByRole("heading", { level: 1, name: "Server not found" })).toBeVisible();
    await expect(page.getByText("There is no server 999999 in your account.")).toBeVisible();
    const response = await page.goto("/servers/not-a-number");
    expect(response?.status()).toBe(404);
  });
});

test.describe("accessibility and small screens", () => {
  for (const theme of ["light", "dark"] as const) {
    test(`axe finds no WCAG A/AA violations on the list, an expanded row and the server page (${theme})`, async ({ signedInPage: page }) => {
      await page.goto("/servers");
      await setTheme(page, theme);
      await page.reload();
      await expect(page.getByTestId("result-count")).toHaveText("Showing all 13 servers");
      await expectNoAxeViolations(page, `the server list (${theme})`);
      await page.getByRole("button", { name: "Details of edge-1" }).click();
      await expect(page.getByRole("region", { name: "Networks of edge-1 (2)" })).toBeVisible();
      await expectNoAxeViolations(page, `an expanded server row (${theme})`);
      await page.goto("/servers/4410");
      await expect(page.getByRole("heading", { level: 1, name: "edge-1" })).toBeVisible();
      await expectNoAxeViolations(page, `the server page (${theme})`);
    });
  }

  test("two filter changes in quick succession both land in the URL", async ({ signedInPage: page }) => {
    await page.goto("/servers");
    await expect(page.getByTestId("result-count")).toHaveText("Showing all 13 servers");
    // The rows arrive in the HTML before the page reacts: wait until it does.
    await expect(page.locator("html[data-hydrated=true]")).toBeAttached();
    // Both changes in one task, before React renders the first: the second must not undo it.
    await page.evaluate(() => {
      const select = (label: string, value: string) => {
        const id = [...document.querySelectorAll("label")].find((l) => l.textContent?.trim() === label)?.htmlFor;
        const element = id ? (document.getElementById(id) as HTMLSelectElement | null) : null;
        if (!element) throw new Error(`no select ${label}`);
        element.value = value;
        element.dispatchEvent(new Event("change", { bubbles: true }));
      };
      select("State", "stopped");
      select("Profile", "310");
    });
    await expect(page).toHaveURL(/state=stopped/);
    await expect(page).toHaveURL(/profile=310/);
    await expect(page.getByTestId("result-count")).toHaveText("Showing 3 of 13 servers");
  });
});
