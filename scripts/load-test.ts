/**
 * `npm run test:load`: 60 s of mixed traffic from 50 signed-in sessions against the built
 * dashboard and the simulator, on loopback only: 80% reads, 20% order creates and cancels.
 * Passes when no answer is a 5xx, every order placed is found exactly once in the order list
 * afterwards (none lost, none duplicated), and memory is steady at the end. Prints its figures.
 * Options: --seconds N (default 60), --sessions N (default 50).
 */
import { parseArgs } from "node:util";
import { residentMemoryMb, startStack } from "./stack.ts";

const { values: flags } = parseArgs({ options: { seconds: { type: "string", default: "60" }, sessions: { type: "string", default: "50" } } });
const seconds = Number(flags.seconds);
const sessionCount = Number(flags.sessions);

type Counters = { requests: number; byStatus: Map<number, number>; latencies: number[]; networkErrors: number };

function orderBody(reference: string) {
  return {
    reference,
    items: [
      {
        name: "load-1",
        product: {
          name: "VPS",
          options: { quantity_ram_gb: 0.5, quantity_cpu: 1, quantity_storage_gb: 10, os: "Debian", os_version: "12", features: { sshd: { ip_allow: "192.0.2.0/24" } } },
        },
      },
    ],
  };
}

async function main() {
  const stack = await startStack({ simulatorArgs: ["--tick-ms", "1000", "--period-ms", "20000"] });
  const counters: Counters = { requests: 0, byStatus: new Map(), latencies: [], networkErrors: 0 };
  const placed = new Map<string, number>(); // reference -> order id, from 201 answers
  const unconfirmed: string[] = []; // creates without a 201: must not appear, or appear once
  const memory: { at: number; rssMb: number }[] = [];
  let failures: string[] = [];

  try {
    // One after another: the sign-in limit lets one attempt per address and account run at a time.
    const cookies: string[] = [];
    for (let index = 0; index < sessionCount; index += 1) cookies.push(await stack.signIn());
    const started = Date.now();
    const deadline = started + seconds * 1000;
    const sampler = setInterval(() => {
      const rss = residentMemoryMb(stack.appPid);
      if (rss) memory.push({ at: (Date.now() - started) / 1000, rssMb: rss.current });
    }, 1000);

    async function call(cookie: string, path: string, init: RequestInit = {}): Promise<{ status: number; text: string } | null> {
      const begin = performance.now();
      try {
        const response = await fetch(`${stack.appUrl}${path}`, {
          ...init,
          headers: {
            Cookie: cookie,
            ...(init.method && init.method !== "GET" ? { Origin: stack.appUrl, "Content-Type": "application/json" } : {}),
            ...(init.headers as Record<string, string> | undefined),
          },
          signal: AbortSignal.timeout(30_000),
        });
        const text = await response.text();
        counters.requests += 1;
        counters.latencies.push(performance.now() - begin);
        counters.byStatus.set(response.status, (counters.byStatus.get(response.status) ?? 0) + 1);
        return { status: response.status, text };
      } catch {
        counters.networkErrors += 1;
        return null;
      }
    }

    /** One signed-in user: reads most of the time, sometimes orders, sometimes cancels one of its orders. */
    async function session(index: number, cookie: string) {
      const mine: number[] = [];
      let sequence = 0;
      while (Date.now() < deadline) {
        const roll = Math.random();
        if (roll < 0.4) await call(cookie, "/api/orders");
        else if (roll < 0.7) await call(cookie, "/api/servers");
        else if (roll < 0.8) await call(cookie, `/api/orders/${mine.at(-1) ?? 70}`);
        else if (roll < 0.92 || mine.length === 0) {
          sequence += 1;
          const reference = `load-${index}-${sequence}`;
          const answer = await call(cookie, "/api/orders", {
            method: "POST",
            headers: { "Idempotency-Key": `load-${started}-${index}-${sequence}` },
            body: JSON.stringify(orderBody(reference)),
          });
          if (answer?.status === 201) {
            const orderId = (JSON.parse(answer.text) as { order_id: number }).order_id;
            placed.set(reference, orderId);
            mine.push(orderId);
          } else unconfirmed.push(reference);
        } else {
          const [orderId] = mine.splice(Math.floor(Math.random() * mine.length), 1);
          if (orderId !== undefined) await call(cookie, `/api/orders/${orderId}/cancel`, { method: "POST", body: "{}" });
        }
      }
    }

    await Promise.all(cookies.map((cookie, index) => session(index, cookie)));
    clearInterval(sampler);
    const elapsed = (Date.now() - started) / 1000;

    // Every order is checked against the upstream's own list after the run.
    const listing = await fetch(`${stack.appUrl}/api/orders`, { headers: { Cookie: cookies[0]! } });
    const { orders } = (await listing.json()) as { orders: { order_id: number; reference?: string }[] };
    const seen = new Map<string, number>();
    for (const order of orders) if (order.reference?.startsWith("load-")) seen.set(order.reference, (seen.get(order.reference) ?? 0) + 1);
    const lost = [...placed.keys()].filter((reference) => !seen.has(reference));
    const duplicated = [...seen.entries()].filter(([, count]) => count > 1).map(([reference]) => reference);
    const unexpected = unconfirmed.filter((reference) => (seen.get(reference) ?? 0) > 1);

    const fiveXx = [...counters.byStatus.entries()].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0);
    const sorted = [...counters.latencies].sort((a, b) => a - b);
    const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
    // Steady means: no growth in the second half (the first half is V8 sizing its heap).
    const settled = memory.filter((sample) => sample.at >= seconds / 2);
    const firstRss = settled[0]?.rssMb ?? 0;
    const lastRss = memory.at(-1)?.rssMb ?? 0;
    const peakRss = Math.max(...memory.map((sample) => sample.rssMb));
    const growth = firstRss ? (lastRss - firstRss) / firstRss : 0;

    console.log(`load test: ${sessionCount} sessions, ${elapsed.toFixed(1)} s, ${counters.requests} requests (${(counters.requests / elapsed).toFixed(0)}/s)`);
    console.log(`  status counts: ${[...counters.byStatus.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`).join(", ")}; network errors: ${counters.networkErrors}`);
    console.log(`  latency p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms`);
    console.log(`  orders placed (201): ${placed.size}; found once: ${placed.size - lost.length}; lost: ${lost.length}; duplicated: ${duplicated.length}; without 201: ${unconfirmed.length}`);
    console.log(`  dashboard memory: ${firstRss.toFixed(0)} MB at half time, ${lastRss.toFixed(0)} MB at the end (${(growth * 100).toFixed(1)}%), peak ${peakRss.toFixed(0)} MB`);

    failures = [
      ...(fiveXx > 0 ? [`${fiveXx} answers were 5xx`] : []),
      ...(counters.networkErrors > 0 ? [`${counters.networkErrors} requests got no answer`] : []),
      ...(lost.length ? [`${lost.length} placed orders are missing from the list, e.g. ${lost.slice(0, 3).join(", ")}`] : []),
      ...(duplicated.length ? [`${duplicated.length} orders appear more than once, e.g. ${duplicated.slice(0, 3).join(", ")}`] : []),
      ...(unexpected.length ? [`${unexpected.length} unconfirmed orders were placed more than once`] : []),
      ...(placed.size === 0 ? ["no order was placed: the load did not exercise creates"] : []),
      ...(growth > 0.25 ? [`memory grew ${(growth * 100).toFixed(0)}% in the second half (limit 25%)`] : []),
    ];
  } finally {
    await stack.stop();
  }
  if (failures.length) {
    console.log(`load test failed:\n  - ${failures.join("\n  - ")}`);
    process.exit(1);
  }
  console.log("load test passed");
}

await main();
