/**
 * `npm run bench`: builds if needed, starts the simulator with 20,000 extra servers and the built
 * dashboard on loopback, signs in, then measures and prints one table and writes
 * bench/results.json:
 *   1. proxy overhead: GET /api/orders and /api/servers through the dashboard against the same
 *      action sent straight to the simulator with the same credentials (autocannon, c=1 and 16);
 *   2. the dashboard's peak resident memory during that load;
 *   3. First Load JS per route, gzip, from the build's diagnostics;
 *   4. the inventory timings for 20,000 servers in Chromium (scripts/bench-inventory.ts).
 * Figures, not a pass/fail test: this 2-core machine also runs the load generator.
 * Options: --duration S (default 10), --skip-inventory.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon, { type Result } from "autocannon";
import { runInventoryBench, type InventoryBenchResult } from "./bench-inventory.ts";
import { root } from "./build.ts";
import { residentMemoryMb, startStack, type Stack } from "./stack.ts";

const { values: flags } = parseArgs({ options: { duration: { type: "string", default: "10" }, "skip-inventory": { type: "boolean", default: false } } });
const durationSeconds = Number(flags.duration);

type LoadFigure = { p50: number; p99: number; rps: number; errors: number; non2xx: number };
type Scenario = { route: string; action: string; connections: number; direct: LoadFigure; dashboard: LoadFigure; ratioP50: number; addedP50Ms: number };

function figure(result: Result): LoadFigure {
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

/** Sequential requests timed with sub-millisecond precision (autocannon reports whole ms). */
async function preciseMedianMs(request: () => Promise<Response>, count: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const response = await request();
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`status ${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function measureProxy(stack: Stack, cookie: string, peak: { mb: number }): Promise<{ scenarios: Scenario[]; preciseOrdersP50: { direct: number; dashboard: number; addedMs: number } }> {
  const scenarios: Scenario[] = [];
  const targets = [
    { route: "/api/orders", action: "order_list" },
    { route: "/api/servers", action: "server_list" },
  ];
  const sample = setInterval(() => {
    const memory = residentMemoryMb(stack.appPid);
    if (memory) peak.mb = Math.max(peak.mb, memory.current, memory.peak);
  }, 200);
  try {
    // First, on a warm but not yet loaded server: the per-request overhead at concurrency 1.
    // Measured after the 20,000-server runs it would mostly measure their garbage collection.
    const directOrders = () => fetch(stack.simulatorUrl, { method: "POST", headers: { "Content-Type": "application/json", "X-Account-Token": "demo-token" }, body: '{"action":"order_list"}' });
    const dashboardOrders = () => fetch(`${stack.appUrl}/api/orders`, { headers: { Cookie: cookie } });
    await preciseMedianMs(dashboardOrders, 100);
    await preciseMedianMs(directOrders, 100);
    const directMs = await preciseMedianMs(directOrders, 500);
    const dashboardMs = await preciseMedianMs(dashboardOrders, 500);
    const precise = { direct: directMs, dashboard: dashboardMs, addedMs: dashboardMs - directMs };
    for (const target of targets) {
      for (const connections of [1, 16]) {
        const direct = await autocannon({
          url: stack.simulatorUrl,
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Account-Token": "demo-token" },
          body: JSON.stringify({ action: target.action }),
          connections,
          duration: durationSeconds,
          timeout: 30,
        });
        const dashboard = await autocannon({ url: `${stack.appUrl}${target.route}`, headers: { Cookie: cookie }, connections, duration: durationSeconds, timeout: 30 });
        const d = figure(direct);
        const p = figure(dashboard);
        scenarios.push({ ...target, connections, direct: d, dashboard: p, ratioP50: p.p50 / Math.max(d.p50, 0.001), addedP50Ms: p.p50 - d.p50 });
        console.log(`  ${target.route} c=${connections}: direct p50 ${d.p50} ms, dashboard p50 ${p.p50} ms`);
      }
    }
    return { scenarios, preciseOrdersP50: precise };
  } finally {
    clearInterval(sample);
    const memory = residentMemoryMb(stack.appPid);
    if (memory) peak.mb = Math.max(peak.mb, memory.peak);
  }
}

function firstLoadJs(): { route: string; gzipKb: number; rawKb: number }[] {
  const stats = JSON.parse(readFileSync(path.join(root, ".next", "diagnostics", "route-bundle-stats.json"), "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  const gzipCache = new Map<string, number>();
  const gzipSize = (chunk: string) => {
    if (!gzipCache.has(chunk)) gzipCache.set(chunk, gzipSync(readFileSync(path.join(root, chunk))).length);
    return gzipCache.get(chunk)!;
  };
  return stats
    .filter((entry) => !entry.route.startsWith("/api") && !entry.route.startsWith("/_"))
    .map((entry) => ({
      route: entry.route,
      gzipKb: entry.firstLoadChunkPaths.reduce((sum, chunk) => sum + gzipSize(chunk), 0) / 1000,
      rawKb: entry.firstLoadChunkPaths.reduce((sum, chunk) => sum + readFileSync(path.join(root, chunk)).length, 0) / 1000,
    }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

async function inventoryTimings(): Promise<{ firstRenderMs: number; keystrokeMs: number; keystrokeMaxMs: number; details: InventoryBenchResult } | { skipped: string }> {
  if (flags["skip-inventory"]) return { skipped: "--skip-inventory" };
  const details = await runInventoryBench({ log: (line) => console.log(`  ${line}`) });
  return { firstRenderMs: details.firstRenderCommitMs, keystrokeMs: details.keystrokeMs, keystrokeMaxMs: details.keystrokeMaxMs, details };
}

const pad = (value: string, width: number) => value.padEnd(width);
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

async function main() {
  console.log(`klikk dashboard benchmark (${durationSeconds} s per load run, loopback, ${process.versions.node})`);
  const stack = await startStack({ servers: 20_000 });
  const peak = { mb: 0 };
  let proxy: Awaited<ReturnType<typeof measureProxy>>;
  try {
    const cookie = await stack.signIn();
    // Warm both sides (JIT, caches, connection pools) before measuring.
    for (let i = 0; i < 3; i += 1) await (await fetch(`${stack.appUrl}/api/servers`, { headers: { Cookie: cookie } })).arrayBuffer();
    proxy = await measureProxy(stack, cookie, peak);
  } finally {
    await stack.stop();
  }
  const bundles = firstLoadJs();
  const inventory = await inventoryTimings();

  const servers1 = proxy.scenarios.find((s) => s.route === "/api/servers" && s.connections === 1)!;
  const largestBundle = Math.max(...bundles.map((b) => b.gzipKb));
  const targets = [
    { name: "proxy overhead, /api/orders p50 at c=1 (sequential, sub-ms timer)", value: ms(proxy.preciseOrdersP50.addedMs), target: "≤ 3 ms", met: proxy.preciseOrdersP50.addedMs <= 3 },
    { name: "/api/servers (20,000 servers) p50 through the dashboard, c=1", value: ms(servers1.dashboard.p50), target: "< 400 ms", met: servers1.dashboard.p50 < 400 },
    { name: "dashboard peak resident memory under load", value: `${peak.mb.toFixed(0)} MB`, target: "≤ 350 MB", met: peak.mb <= 350 },
    { name: "largest First Load JS (gzip)", value: `${largestBundle.toFixed(1)} kB`, target: "≤ 200 kB", met: largestBundle <= 200 },
    ...("firstRenderMs" in inventory
      ? [
          { name: "inventory: first render of 20,000 rows after data", value: ms(inventory.firstRenderMs), target: "< 300 ms", met: inventory.firstRenderMs < 300 },
          { name: "inventory: one search keystroke until the table updated (median)", value: ms(inventory.keystrokeMs), target: "< 50 ms", met: inventory.keystrokeMs < 50 },
          { name: "inventory: slowest single keystroke", value: ms(inventory.keystrokeMaxMs), target: "< 50 ms", met: inventory.keystrokeMaxMs < 50 },
        ]
      : []),
  ];

  console.log("\nProxy overhead (autocannon; latency in ms, whole-ms resolution)");
  console.log(`${pad("route", 14)}${pad("c", 4)}${pad("direct p50/p99", 18)}${pad("dashboard p50/p99", 20)}${pad("direct req/s", 14)}${pad("dashboard req/s", 17)}ratio p50`);
  for (const s of proxy.scenarios) {
    console.log(
      `${pad(s.route, 14)}${pad(String(s.connections), 4)}${pad(`${s.direct.p50} / ${s.direct.p99}`, 18)}${pad(`${s.dashboard.p50} / ${s.dashboard.p99}`, 20)}${pad(s.direct.rps.toFixed(1), 14)}${pad(s.dashboard.rps.toFixed(1), 17)}${s.ratioP50.toFixed(2)}${s.dashboard.errors || s.dashboard.non2xx ? `  (errors ${s.dashboard.errors}, non-2xx ${s.dashboard.non2xx})` : ""}`,
    );
  }
  console.log(`sequential /api/orders p50: direct ${ms(proxy.preciseOrdersP50.direct)}, dashboard ${ms(proxy.preciseOrdersP50.dashboard)}`);
  console.log("\nFirst Load JS per route (gzip / raw)");
  for (const b of bundles) console.log(`  ${pad(b.route, 24)}${b.gzipKb.toFixed(1)} kB / ${b.rawKb.toFixed(1)} kB`);
  if ("skipped" in inventory) console.log(`\nInventory timings skipped: ${inventory.skipped}`);
  console.log("\nTargets");
  for (const t of targets) console.log(`  ${t.met ? "met   " : "MISSED"}  ${pad(t.name, 66)}${pad(t.value, 12)}(${t.target})`);

  mkdirSync(path.join(root, "bench"), { recursive: true });
  const results = { measuredAt: new Date().toISOString(), node: process.versions.node, durationSeconds, proxy, peakMemoryMb: peak.mb, firstLoadJs: bundles, inventory, targets };
  writeFileSync(path.join(root, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log("\nwrote bench/results.json");
}

await main();
