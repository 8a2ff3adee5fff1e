import { expect, resetSimulator, signIn, test } from "./support/fixtures";

/**
 * What a page says before any script runs: the HTML as the server sent it, with scripts (and
 * the RSC payload inside them), styles, comments and tags taken out.
 */
function visibleHtmlText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, " ")
    .replace(/<style\b[\s\S]*?<\/style>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** ISO 8601 timestamps: a date with a time part. */
const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

test.beforeEach(async ({ request }) => {
  await resetSimulator(request);
});

test("full loads of /orders and /servers arrive with their rows in the HTML", async ({ request }) => {
  await signIn(request);
  const orders = await request.get("/orders");
  expect(orders.status()).toBe(200);
  const ordersText = visibleHtmlText(await orders.text());
  for (const id of [70, 74, 78, 82]) expect(ordersText, `order ${id} in the HTML of /orders`).toContain(`Order ${id}`);
  expect(ordersText).not.toContain("Loading orders");

  const servers = await request.get("/servers");
  expect(servers.status()).toBe(200);
  const serversText = visibleHtmlText(await servers.text());
  for (const name of ["web-1", "db-1", "edge-1"]) expect(serversText, `${name} in the HTML of /servers`).toContain(name);

  const overview = visibleHtmlText(await (await request.get("/")).text());
  expect(overview).toContain("Order 82");
  const order = visibleHtmlText(await (await request.get("/orders/70")).text());
  expect(order).toContain("web-1");
  const server = visibleHtmlText(await (await request.get("/servers/4401")).text());
  expect(server).toContain("web-1");
  expect(ISO_TIMESTAMP.test(ordersText + serversText + overview + order + server), "no ISO timestamp in the HTML text").toBe(false);
});

test("no page shows an ISO timestamp in its visible text", async ({ signedInPage: page }) => {
  // Order 76 is scheduled for cancellation: its upstream message carries the period's end.
  const pages: [string, string | RegExp][] = [
    ["/", "Needs attention"],
    ["/orders", "Order 76"],
    ["/orders/76", "Order status:"],
    ["/orders/70", "web-1"],
    ["/servers", "web-1"],
    ["/servers/4401", "web-1"],
    ["/orders/new", "New order"],
    ["/sessions", "This session"],
    ["/activity", "Signed in"],
    ["/accounts", "Add an account"],
    ["/no-such-page", "Page not found"],
  ];
  for (const [path, marker] of pages) {
    await page.goto(path);
    await expect(page.getByText(marker).filter({ visible: true }).first()).toBeVisible();
    const text = await page.locator("body").innerText();
    expect(text.match(ISO_TIMESTAMP), `ISO timestamp on ${path}`).toBeNull();
  }
  await page.context().clearCookies();
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect((await page.locator("body").innerText()).match(ISO_TIMESTAMP), "ISO timestamp on /login").toBeNull();
});

test("the lists in the HTML are the browser's data too: no request needed after hydration", async ({ signedInPage: page }) => {
  // Any list request from the browser fails: what the page shows must come from the HTML's data.
  const asked: string[] = [];
  await page.route(/\/api\/(orders|servers)(\?|$)/, (route) => {
    asked.push(new URL(route.request().url()).pathname);
    return route.abort();
  });
  for (const [path, row] of [
    ["/orders", "Order 70"],
    ["/servers", "web-1"],
  ] as const) {
    await page.goto(path);
    await page.locator("html[data-hydrated=true]").waitFor({ state: "attached" });
    await expect(page.getByText(row, { exact: true }).filter({ visible: true }).first()).toBeVisible();
    await expect(page.getByText(/could not be loaded/i)).toHaveCount(0);
    // Read at once: live status may poll orders in progress a few seconds after the data's time.
    expect(asked, `${path}: no list asked for by the browser`).toEqual([]);
  }
});
