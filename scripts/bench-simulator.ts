/**
 * `npm run bench:simulator`: server_list over 20,000 servers, the simulator's performance check
 * (target: under 100 ms). Prints figures; it is a benchmark, not a test, so it always exits 0
 * unless something breaks.
 *
 * The simulator runs in this process, so each figure includes the client's own work (receiving
 * and reading the whole body): a pessimistic measure of the server's answer time.
 */
import { startSimulator } from "../simulator/index.ts";

const SERVERS = Number(process.env.BENCH_SERVERS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = 3;
const TARGET_MS = 100;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

async function serverList(url: string): Promise<{ ms: number; bytes: number }> {
  const t = performance.now();
  const res = await fetch(url, {
    method: "POST",
    headers: { "X-Account-Token": "demo-token", "Content-Type": "application/json" },
    body: JSON.stringify({ action: "server_list", order_item_id: 0 }),
  });
  const body = await res.arrayBuffer();
  const ms = performance.now() - t;
  if (!res.ok) throw new Error(`server_list answered ${res.status}`);
  return { ms, bytes: body.byteLength };
}

const t0 = performance.now();
const sim = await startSimulator({ port: 0, quiet: true, servers: SERVERS });
const startupMs = performance.now() - t0;
try {
  const first = await serverList(sim.url);
  const check = (await (
    await fetch(sim.url, { method: "POST", headers: { "X-Account-Token": "demo-token" }, body: '{"action":"server_list"}' })
  ).json()) as { servers: unknown[] };
  for (let i = 0; i < WARMUP; i++) await serverList(sim.url);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = await serverList(sim.url);
    times.push(r.ms);
    bytes = r.bytes;
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  const max = times[times.length - 1] as number;
  const f = (n: number) => n.toFixed(1).padStart(7);
  console.log(`klikk simulator benchmark: server_list, ${check.servers.length} servers visible (${SERVERS} generated), Node ${process.version}`);
  console.log(`  startup (seed + ${SERVERS} servers + listen): ${startupMs.toFixed(0)} ms`);
  console.log(`  first call (joins the cached JSON):         ${first.ms.toFixed(1)} ms`);
  console.log(`  ${RUNS} calls after ${WARMUP} warm-up calls:   p50 ${f(p50)} ms   p95 ${f(p95)} ms   max ${f(max)} ms`);
  console.log(`  body size: ${bytes} bytes (${(bytes / 1024 / 1024).toFixed(2)} MiB)`);
  console.log(`  target: p95 under ${TARGET_MS} ms -> ${p95 < TARGET_MS ? "OK" : "TOO SLOW"}`);
} finally {
  await sim.close();
}
