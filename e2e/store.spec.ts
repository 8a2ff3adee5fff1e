import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startRedisServer, type RedisServer } from "../tests/support/redis-server";
import { spawn } from "node:child_process";
import { appServerEnv, E2E, scaled } from "./support/env";
import { demo, expect, resetSimulator, test } from "./support/fixtures";
import { orderBody } from "./support/orders";
import { resetStats, setFaults, simulatorStats } from "./support/simulator";
import { spawnApp, type SpawnedApp } from "./support/spawn-app";

// Node's fetch keeps no cookie jar: each call carries exactly the cookie the test gives it (a
// browser's jar would share one cookie between the instances, which all live on localhost).
const json = (app: SpawnedApp) => ({ Origin: app.url, "Content-Type": "application/json" });

/** Signs in on `app` and returns the session cookie it set, as a Cookie header value. */
async function signInCookie(app: SpawnedApp, credentials: Record<string, string> = demo.token): Promise<string> {
  const response = await fetch(`${app.url}/api/session`, { method: "POST", headers: json(app), body: JSON.stringify(credentials) });
  expect(response.status, await response.clone().text()).toBe(200);
  const cookie = /^(klikk=[^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  if (!cookie) throw new Error("no session cookie was set");
  return cookie;
}

const ordersWith = (app: SpawnedApp, cookie: string) => fetch(`${app.url}/api/orders`, { headers: { Cookie: cookie } });

/** Places an order on `app` with an Idempotency-Key. */
const placeOrder = (app: SpawnedApp, cookie: string, key: string, body: unknown) =>
  fetch(`${app.url}/api/orders`, { method: "POST", headers: { Cookie: cookie, "Idempotency-Key": key, ...json(app) }, body: JSON.stringify(body) });

/** The simulator's orders with this reference (read through `app`). */
async function ordersWithReference(app: SpawnedApp, cookie: string, reference: string): Promise<number> {
  const { orders } = (await (await ordersWith(app, cookie)).json()) as { orders: { reference?: string }[] };
  return orders.filter((order) => order.reference === reference).length;
}

test.describe("embedded store (SQLite)", () => {
  test("a restart with the same DATA_DIR keeps the session and the idempotency keys; a new DATA_DIR reads the old cookie as signed out", async ({ request }) => {
    test.setTimeout(scaled(120_000));
    await resetSimulator(request);
    await resetStats(request);
    const dir = mkdtempSync(path.join(tmpdir(), "klikk-sqlite-"));
    const port = E2E.appPort + 65;
    let app: SpawnedApp | null = null;
    try {
      app = await spawnApp(port, { DATA_DIR: path.join(dir, "a") });
      const cookie = await signInCookie(app);
      expect((await ordersWith(app, cookie)).status).toBe(200);
      await app.stop();

      app = await spawnApp(port, { DATA_DIR: path.join(dir, "a") });
      expect((await ordersWith(app, cookie)).status, "still signed in after a restart").toBe(200);

      // An order whose answer was lost after the upstream placed it, then a restart: the same key
      // is still known, so a retry never places a second order.
      await setFaults(request, { hangAfterCommit: true, times: 1, actions: ["order_create"] });
      const key = `restart-${Date.now()}`;
      const body = orderBody("restart-1", { reference: `restart ${key}` });
      expect((await placeOrder(app, cookie, key, body)).status).toBe(504);
      await app.stop();
      app = await spawnApp(port, { DATA_DIR: path.join(dir, "a") });
      const again = await signInCookie(app);
      const retry = await placeOrder(app, again, key, body);
      expect(retry.status).toBe(504);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(await ordersWithReference(app, again, body.reference)).toBe(1);
      expect((await simulatorStats(request)).requests.order_create).toBe(1);
      await app.stop();

      app = await spawnApp(port, { DATA_DIR: path.join(dir, "b") });
      const fresh = await ordersWith(app, cookie);
      expect(fresh.status, "a new store knows no session").toBe(401);
      expect((await fresh.json()).error.code).toBe("unauthenticated");
    } finally {
      await app?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test("the server itself stops with one line naming a DATA_DIR it cannot write", async () => {
  const child = spawn(process.execPath, [".next/standalone/server.js"], {
    env: { ...process.env, ...appServerEnv(E2E.appPort + 69, { DATA_DIR: "/proc/version/data" }) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  expect(code).toBe(1);
  expect(output).toMatch(/^klikk dashboard: DATA_DIR \/proc\/version\/data cannot be written \(.+\); set DATA_DIR to a writable folder$/m);
  expect(output).not.toMatch(/\n\s+at /);
});

test.describe("two instances sharing one Redis", () => {
  let redis: RedisServer;
  let a: SpawnedApp;
  let b: SpawnedApp;

  test.beforeAll(async () => {
    test.setTimeout(scaled(90_000));
    redis = await startRedisServer();
    [a, b] = await Promise.all([spawnApp(E2E.appPort + 66, { REDIS_URL: redis.url }), spawnApp(E2E.appPort + 67, { REDIS_URL: redis.url })]);
  });

  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  test("a session made on A works on B, and sign-out on B is refused on A at once", async () => {
    const cookie = await signInCookie(a);
    expect((await ordersWith(b, cookie)).status).toBe(200);
    const signOut = await fetch(`${b.url}/api/session`, { method: "DELETE", headers: { Cookie: cookie, ...json(b) } });
    expect(signOut.status).toBe(204);
    expect((await ordersWith(a, cookie)).status).toBe(401);
  });

  test("an order whose answer was lost on A is not placed again through B", async ({ request }) => {
    await resetSimulator(request);
    await resetStats(request);
    const cookie = await signInCookie(a);
    await setFaults(request, { hangAfterCommit: true, times: 1, actions: ["order_create"] });
    const key = `two-instances-${Date.now()}`;
    const body = orderBody("two-instances-1", { reference: `two instances ${key}` });
    expect((await placeOrder(a, cookie, key, body)).status).toBe(504);
    const onB = await placeOrder(b, cookie, key, body);
    expect(onB.status).toBe(504);
    expect(onB.headers.get("idempotent-replayed")).toBe("true");
    expect(await ordersWithReference(b, cookie, body.reference)).toBe(1);
    expect((await simulatorStats(request)).requests.order_create).toBe(1);
  });

  test("Redis down: 503 store_unavailable in the one error shape; back up: recovers without a restart", async () => {
    test.setTimeout(scaled(60_000));
    const cookie = await signInCookie(a);
    await redis.kill();
    const down = await ordersWith(a, cookie);
    expect(down.status).toBe(503);
    expect((await down.json()).error).toMatchObject({ code: "store_unavailable", message: expect.stringContaining("Try again") });
    const signIn = await fetch(`${a.url}/api/session`, { method: "POST", headers: json(a), body: JSON.stringify(demo.token) });
    expect(signIn.status).toBe(503);
    const page = await fetch(`${b.url}/orders`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(page.status, "a page says the store is unavailable instead of signing out").toBe(503);
    const health = await fetch(`${a.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, store: { ok: false } });

    await redis.restart();
    // The restarted Redis kept nothing (no persistence): signed out, but answering again.
    await expect.poll(async () => (await ordersWith(a, cookie)).status, { timeout: scaled(20_000) }).toBe(401);
    const again = await signInCookie(a);
    // Each instance reconnects on its own backoff (up to 2 s between tries), so B may still be
    // waiting for its next try when A is already back: wait for B's recovery, not A's.
    await expect.poll(async () => (await ordersWith(b, again)).status, { timeout: scaled(20_000) }).toBe(200);
    expect((await fetch(`${a.url}/api/health`)).status).toBe(200);
  });
});
