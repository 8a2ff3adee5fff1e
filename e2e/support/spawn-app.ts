import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect } from "@playwright/test";
import { appLogFile, appServerEnv, scaled } from "./env";

/** True when something accepts connections on the loopback port. */
function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export type SpawnedApp = { url: string; api: APIRequestContext; stop(): Promise<void> };

/**
 * Another instance of the standalone build with its own settings (and so its own memory: sign-in
 * limiter, idempotency keys), for tests of a setting or of state the shared instance must not keep.
 */
export async function spawnApp(port: number, env: Record<string, string>, extraHeaders: Record<string, string> = {}): Promise<SpawnedApp> {
  const url = `http://localhost:${port}`;
  // A leftover server on the port would answer the health check instead of the new one.
  if (await portAnswers(port)) throw new Error(`port ${port} is already in use: stop what listens there (a leftover test server?)`);
  // A fresh embedded store of its own, unless the test names a DATA_DIR (to share or keep one).
  if (!env.DATA_DIR) rmSync(appServerEnv(port).DATA_DIR ?? "", { recursive: true, force: true });
  // The log goes to a file per port (appended across restarts), for a failing test's reader.
  mkdirSync(".cache", { recursive: true });
  const log = openSync(appLogFile(port), "a");
  const child: ChildProcess = spawn(process.execPath, [".next/standalone/server.js"], {
    env: { ...process.env, ...appServerEnv(port, env) },
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const api = await playwrightRequest.newContext({ baseURL: url, extraHTTPHeaders: extraHeaders });
  try {
    await expect.poll(async () => (await api.get("/api/health").catch(() => null))?.status(), { timeout: scaled(20_000) }).toBe(200);
  } catch (error) {
    // Never leave a half-started server behind: it would hold the port for the next test.
    child.kill("SIGTERM");
    await api.dispose();
    throw error;
  }
  let stopped = false;
  return {
    url,
    api,
    // Safe to call twice (a test's finally after an explicit stop).
    async stop() {
      if (stopped) return;
      stopped = true;
      await api.dispose();
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
    },
  };
}
