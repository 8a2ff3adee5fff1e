/** `next build`, then lay out the standalone folder so `node .next/standalone/server.js` serves assets too. */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const standaloneServer = path.join(root, ".next", "standalone", "server.js");

/**
 * V8 heap settings for the dashboard's server process. With V8's defaults on a large machine the
 * heap grows lazily: sixteen concurrent 20,000-server lists peaked at about 540 MB resident. A
 * 256 MB old space and 8 MB young semi-spaces kept that near 350 MB (npm run bench), at about a
 * quarter less throughput on such lists. A NODE_OPTIONS that sets the heap itself wins.
 */
export function serverNodeFlags(): string[] {
  return /max-old-space-size|max-semi-space-size/.test(process.env.NODE_OPTIONS ?? "") ? [] : ["--max-semi-space-size=8", "--max-old-space-size=256"];
}

/**
 * Environment for the dashboard's server process, beside serverNodeFlags. A value already in the
 * environment wins for each.
 * - MALLOC_ARENA_MAX=2: by default glibc gives every thread that allocates at the same time as
 *   another an arena of its own, up to 8 per core (V8's garbage-collector and compiler threads,
 *   libuv's pool), and memory freed into an arena stays with the process. Under the bench's load
 *   the server peaked at 254 to 261 MB resident with the default and at 218 to 234 MB with two
 *   arenas, at the same requests per second (measured in session 14; one arena: 212 and 219 MB).
 *   Other C libraries (musl) ignore it.
 * - KEEP_ALIVE_TIMEOUT=65000 (ms; read by Next's standalone server): Node closes an idle
 *   keep-alive connection after 5 s, and a client that sends on it just then gets a reset, which
 *   Node's own HTTP client and proxies do not retry for a POST. A reverse proxy keeps idle
 *   upstream connections for 60 s by default (nginx, most load balancers), so the server must
 *   keep them longer than that. The e2e suite met the same race under load: a sign-in POST
 *   reset after a 5-s pause.
 */
export function serverProcessEnv(env: Record<string, string | undefined> = process.env): Record<string, string> {
  return {
    ...(env.MALLOC_ARENA_MAX ? {} : { MALLOC_ARENA_MAX: "2" }),
    ...(env.KEEP_ALIVE_TIMEOUT ? {} : { KEEP_ALIVE_TIMEOUT: "65000" }),
  };
}

/** `output: "standalone"` leaves public/ and .next/static out of the server folder by design. */
export function copyStaticAssets(): void {
  cpSync(path.join(root, "public"), path.join(root, ".next", "standalone", "public"), { recursive: true });
  cpSync(path.join(root, ".next", "static"), path.join(root, ".next", "standalone", ".next", "static"), { recursive: true });
}

/** What a build is made from: a change to any of these makes the build out of date. */
export const SOURCE_ENTRIES = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.mjs", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

/** The newest modification time (ms) among the files under `entries` of `base`; 0 when none exist. */
export function newestSourceTime(base: string, entries: readonly string[] = SOURCE_ENTRIES): number {
  let newest = 0;
  const visit = (file: string) => {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return; // An optional entry that this checkout does not have.
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(file)) if (!name.startsWith(".") && name !== "node_modules") visit(path.join(file, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of entries) visit(path.join(base, entry));
  return newest;
}

/**
 * Whether the standalone build exists and is newer than every source file. `npm start` and the
 * benchmarks used to take any existing build, so after a pull (or a merge) they served or
 * measured the code of before without a word.
 */
export function buildIsCurrent(server = standaloneServer, base = root): boolean {
  if (!existsSync(server)) return false;
  return statSync(server).mtimeMs >= newestSourceTime(base);
}

/** Returns false when the build failed (its output went to the terminal). */
export function buildApp(): boolean {
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) return false;
  copyStaticAssets();
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(buildApp() ? 0 : 1);
}
