import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect } from "@playwright/test";
import { appServerEnv } from "./env";

export type SpawnedApp = { url: string; api: APIRequestContext; stop(): Promise<void> };

/**
 * Another instance of the standalone build with its own settings (and so its own memory: sign-in
 * limiter, idempotency keys), for tests of a setting or of state the shared instance must not keep.
 */
export async function spawnApp(port: number, env: Record<string, string>, extraHeaders: Record<string, string> = {}): Promise<SpawnedApp> {
  const url = `http://localhost:${port}`;
  // A fresh embedded store of its own, unless the test names a DATA_DIR (to share or keep one).
  if (!env.DATA_DIR) rmSync(appServerEnv(port).DATA_DIR ?? "", { recursive: true, force: true });
  const child: ChildProcess = spawn(process.execPath, [".next/standalone/server.js"], {
    env: { ...process.env, ...appServerEnv(port, env) },
    stdio: "ignore",
  });
  const api = await playwrightRequest.newContext({ baseURL: url, extraHTTPHeaders: extraHeaders });
  await expect.poll(async () => (await api.get("/api/health").catch(() => null))?.status(), { timeout: 20_000 }).toBe(200);
  return {
    url,
    api,
    async stop() {
      await api.dispose();
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
    },
  };
}
