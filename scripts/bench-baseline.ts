/**
 * The bench's baseline: bench/baseline, a minimal Next.js 16 app whose route handlers forward
 * order_list and server_list to the same upstream with a fixed credential and no checks, and one
 * tiny page rendered per request. What the dashboard adds is measured against it, in the same
 * run, against the same simulator, on the same machine.
 *
 * Built with the project's installed `next` (bench/baseline has no package.json or
 * node_modules of its own); the root build, lint, typecheck and tests never look inside it.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { root, serverNodeFlags, serverProcessEnv } from "./build.ts";
import { stackPort, waitFor } from "./stack.ts";

export const baselineDir = path.join(root, "bench", "baseline");
// The traced server keeps the app's place relative to the project root (outputFileTracingRoot).
export const baselineServer = path.join(baselineDir, ".next", "standalone", "bench", "baseline", "server.js");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === ".next" || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the baseline when it has no build yet or its sources changed since. */
export function ensureBaselineBuild(): void {
  if (existsSync(baselineServer) && statSync(baselineServer).mtimeMs >= newestSource(baselineDir)) return;
  console.log("building the baseline app (bench/baseline)…");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build", baselineDir], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("the baseline build failed");
  // As for the dashboard: the standalone server serves the client scripts only when copied in.
  cpSync(path.join(baselineDir, ".next", "static"), path.join(path.dirname(baselineServer), ".next", "static"), { recursive: true });
}

export type Baseline = { url: string; pid: number; stop(): Promise<void> };

/** Starts the baseline's standalone server against `upstreamUrl`, with the dashboard's heap and malloc settings. */
export async function startBaseline(upstreamUrl: string): Promise<Baseline> {
  ensureBaselineBuild();
  const port = await stackPort();
  const child = spawn(process.execPath, [...serverNodeFlags(), baselineServer], {
    cwd: path.dirname(baselineServer),
    env: { ...process.env, ...serverProcessEnv(), NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1", KLIKK_API_URL: upstreamUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  process.once("exit", () => {
    if (child.exitCode === null) child.kill("SIGTERM");
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/orders`, child, "the baseline");
  return {
    url,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
