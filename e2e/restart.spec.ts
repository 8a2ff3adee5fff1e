import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { request as playwrightRequest } from "@playwright/test";
import { startSimulator } from "../simulator/index.ts";
import { E2E, scaled } from "./support/env";
import { expect, test } from "./support/fixtures";

/**
 * A real restart: this test owns its simulator (with a state file) and a dashboard instance
 * pointed at it, stops the simulator mid-session and starts it again. Digest nonces die with the
 * simulator's process, so the dashboard must also take a fresh challenge on its own.
 */
test("the dashboard recovers on the next request when the simulator restarts mid-session", async () => {
  test.setTimeout(scaled(60_000));
  const dir = mkdtempSync(path.join(tmpdir(), "klikk-restart-"));
  const statePath = path.join(dir, "state.json");
  const appPort = E2E.appPort + 60;
  const appUrl = `http://localhost:${appPort}`;
  let simulator = await startSimulator({ port: 0, quiet: true, statePath });
  const simulatorPort = simulator.port;
  let app: ChildProcess | null = null;
  const api = await playwrightRequest.newContext({ baseURL: appUrl });
  try {
    app = spawn(process.execPath, [".next/standalone/server.js"], {
      env: { ...process.env, NODE_ENV: "production", PORT: String(appPort), HOSTNAME: "127.0.0.1", KLIKK_API_URL: simulator.url, SESSION_SECRET: E2E.sessionSecret, KLIKK_TIMEOUT_MS: "3000", DATA_DIR: path.join(dir, "data") },
      stdio: "ignore",
    });
    await expect.poll(async () => (await api.get("/api/health").catch(() => null))?.status(), { timeout: scaled(20_000) }).toBe(200);

    const signedIn = await api.post("/api/session", { headers: { Origin: appUrl, "Content-Type": "application/json" }, data: { method: "digest", username: "demo", password: "demo" } });
    expect(signedIn.status()).toBe(200);
    const before = await api.get("/api/orders");
    expect(before.status()).toBe(200);
    const ordersBefore = (await before.json()).orders.length;

    await simulator.close();
    const down = await api.get("/api/orders");
    expect(down.status(), "upstream down").toBe(502);
    expect((await down.json()).error.code).toBe("upstream_unavailable");

    simulator = await startSimulator({ port: simulatorPort, quiet: true, statePath });
    const after = await api.get("/api/orders");
    expect(after.status(), "recovered on the next request, still signed in").toBe(200);
    expect((await after.json()).orders.length).toBe(ordersBefore);
  } finally {
    await api.dispose();
    app?.kill("SIGTERM");
    await simulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
