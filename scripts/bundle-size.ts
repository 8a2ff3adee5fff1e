/**
 * First Load JS per route, gzip, from a build's diagnostics. `npm run bench` reports it beside
 * everything else; `npm run bench:bundles` prints it alone from the current build, so checking a
 * bundle change takes a build and a second instead of a whole bench run.
 *
 *   npm run bench:bundles              every route, marking those over the target
 *   npm run bench:bundles -- --chunks  and each route's largest chunks
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { root } from "./build.ts";

/** Issue 18's target for every route (gzip kB). */
export const FIRST_LOAD_TARGET_KB = 160;

export type BundleFigure = { route: string; gzipKb: number; rawKb: number; chunks: { path: string; gzipKb: number }[] };

/** First Load JS per page route of a build, gzip, with its chunks largest first. */
export function firstLoadJs(appDir: string): BundleFigure[] {
  const stats = JSON.parse(readFileSync(path.join(appDir, ".next", "diagnostics", "route-bundle-stats.json"), "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  const cache = new Map<string, { gzip: number; raw: number }>();
  const size = (chunk: string) => {
    if (!cache.has(chunk)) {
      const bytes = readFileSync(path.join(appDir, chunk));
      cache.set(chunk, { gzip: gzipSync(bytes).length, raw: bytes.length });
    }
    return cache.get(chunk)!;
  };
  return stats
    .filter((entry) => !entry.route.startsWith("/api") && !entry.route.startsWith("/_"))
    .map((entry) => ({
      route: entry.route,
      gzipKb: entry.firstLoadChunkPaths.reduce((sum, chunk) => sum + size(chunk).gzip, 0) / 1000,
      rawKb: entry.firstLoadChunkPaths.reduce((sum, chunk) => sum + size(chunk).raw, 0) / 1000,
      chunks: entry.firstLoadChunkPaths.map((chunk) => ({ path: chunk, gzipKb: size(chunk).gzip / 1000 })).sort((a, b) => b.gzipKb - a.gzipKb),
    }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

function main(): void {
  const { values } = parseArgs({ options: { chunks: { type: "boolean", default: false }, top: { type: "string", default: "6" } } });
  let bundles: BundleFigure[];
  try {
    bundles = firstLoadJs(root);
  } catch (error) {
    // The diagnostics exist only after `next build`; say so instead of printing ENOENT's stack.
    console.error(`No build to measure (${error instanceof Error ? error.message : String(error)}); run \`npm run build\` first.`);
    process.exit(1);
  }
  const routesOf = new Map<string, number>();
  for (const b of bundles) for (const c of b.chunks) routesOf.set(c.path, (routesOf.get(c.path) ?? 0) + 1);
  const pad = (text: string, width: number) => text.padEnd(width);
  const width = Math.max(...bundles.map((b) => b.route.length)) + 2;
  console.log(`First Load JS per route (gzip / raw kB), target ≤ ${FIRST_LOAD_TARGET_KB} kB gzip`);
  // Largest first: the routes still to cut come at the top.
  for (const b of [...bundles].sort((a, b) => b.gzipKb - a.gzipKb)) {
    const over = b.gzipKb > FIRST_LOAD_TARGET_KB ? `over by ${(b.gzipKb - FIRST_LOAD_TARGET_KB).toFixed(1)}` : "";
    console.log(`  ${pad(b.route, width)}${pad(b.gzipKb.toFixed(1), 8)}${pad(b.rawKb.toFixed(1), 9)}${over}`);
    // How many routes load each chunk: the ones every route shares are framework and layout, a
    // route's own code is in the chunks few routes load.
    if (values.chunks) for (const c of b.chunks.slice(0, Number(values.top))) console.log(`      ${c.gzipKb.toFixed(1).padStart(6)}  ${c.path}  (${routesOf.get(c.path)} of ${bundles.length} routes)`);
  }
  const over = bundles.filter((b) => b.gzipKb > FIRST_LOAD_TARGET_KB).length;
  console.log(`${bundles.length - over} of ${bundles.length} routes at or under ${FIRST_LOAD_TARGET_KB} kB`);
}

// Run as a script, not when bench.ts imports firstLoadJs.
if (import.meta.url === `file://${process.argv[1]}`) main();
