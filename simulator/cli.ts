/**
 * `npm run simulator -- [flags]`: the simulator as a process. See simulator/README.md.
 */
import { parseArgs } from "node:util";
import { defaults, formatDemoCredentials, startSimulator, StateFileError, type Faults, type SimulatorOptions } from "./index.ts";
import { malformedKinds, type MalformedKind } from "./faults.ts";

const usage = `usage: npm run simulator -- [flags]
  --port N               listen port (default ${defaults.port}; 0 = any free port)
  --host ADDR            listen address (default ${defaults.host})
  --state FILE           load state from FILE and save it there after every change
  --seed demo|empty      initial data (default demo)
  --tick-ms N            provisioning step interval (default ${defaults.tickMs})
  --period-ms N          cancellation period (default ${defaults.periodMs})
  --payment-delay-ms N   demo auto-payment delay, 0 = never (default ${defaults.paymentDelayMs})
  --servers N            add N generated servers to "Demo AS"
  --nonce-ttl-ms N       Digest nonce lifetime (default ${defaults.nonceTtlMs})
  --faults-api           enable the unauthenticated /__sim/* control endpoints (tests only)
  --log                  one line per request on stderr (never credentials)
  --quiet                print only the listening line
  --exit-with-parent     stop when the process that started it ends (npm start's demo mode)
faults:
  --latency-ms N         add N ms before every answer
  --error-rate R         share (0..1) of 500 answers
  --unavailable-rate R   share (0..1) of 503 answers
  --malformed-rate R     share (0..1) of malformed successful answers
  --malformed-kinds K,.. html, truncated, wrong-shape (default all)
  --reset-rate R         share (0..1) of reset connections
  --hang                 never answer
  --hang-after-commit    order_create: place the order, then never answer
  --fault-actions A,..   limit faults to these actions (default all)`;

function fail(message: string): never {
  process.stderr.write(`klikk simulator: ${message}\n`);
  process.exit(2);
}

function num(name: string, value: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < min || n > max) fail(`--${name} must be a number from ${min} to ${max} (got ${JSON.stringify(value)})`);
  return n;
}

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        port: { type: "string" },
        host: { type: "string" },
        state: { type: "string" },
        seed: { type: "string" },
        "tick-ms": { type: "string" },
        "period-ms": { type: "string" },
        "payment-delay-ms": { type: "string" },
        servers: { type: "string" },
        "nonce-ttl-ms": { type: "string" },
        "faults-api": { type: "boolean" },
        log: { type: "boolean" },
        quiet: { type: "boolean" },
        "exit-with-parent": { type: "boolean" },
        "latency-ms": { type: "string" },
        "error-rate": { type: "string" },
        "unavailable-rate": { type: "string" },
        "malformed-rate": { type: "string" },
        "malformed-kinds": { type: "string" },
        "reset-rate": { type: "string" },
        hang: { type: "boolean" },
        "hang-after-commit": { type: "boolean" },
        "fault-actions": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    fail(`${(e as Error).message}\n${usage}`);
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const seed = v.seed ?? "demo";
  if (seed !== "demo" && seed !== "empty") fail(`--seed must be demo or empty (got ${JSON.stringify(seed)})`);

  const faults: Faults = {};
  const latency = num("latency-ms", v["latency-ms"], 0, 600_000);
  if (latency !== undefined) faults.latencyMs = latency;
  const r500 = num("error-rate", v["error-rate"], 0, 1);
  if (r500 !== undefined) faults.rate500 = r500;
  const r503 = num("unavailable-rate", v["unavailable-rate"], 0, 1);
  if (r503 !== undefined) faults.rate503 = r503;
  const malformed = num("malformed-rate", v["malformed-rate"], 0, 1);
  if (malformed !== undefined) faults.malformedRate = malformed;
  const reset = num("reset-rate", v["reset-rate"], 0, 1);
  if (reset !== undefined) faults.resetRate = reset;
  if (v["malformed-kinds"] !== undefined) {
    const kinds = v["malformed-kinds"].split(",").map((k) => k.trim());
    for (const k of kinds) if (!(malformedKinds as readonly string[]).includes(k)) fail(`--malformed-kinds: unknown kind ${JSON.stringify(k)} (use ${malformedKinds.join(", ")})`);
    faults.malformedKinds = kinds as MalformedKind[];
  }
  if (v.hang) faults.hang = true;
  if (v["hang-after-commit"]) faults.hangAfterCommit = true;
  if (v["fault-actions"] !== undefined) faults.actions = v["fault-actions"].split(",").map((a) => a.trim()).filter(Boolean);

  const options: SimulatorOptions = {
    seed,
    faults,
    faultsApi: v["faults-api"] === true,
    quiet: v.quiet === true,
    log: v.log === true,
  };
  const port = num("port", v.port, 0, 65535);
  if (port !== undefined) options.port = port;
  if (v.host !== undefined) options.host = v.host;
  if (v.state !== undefined) options.statePath = v.state;
  const tick = num("tick-ms", v["tick-ms"], 1);
  if (tick !== undefined) options.tickMs = tick;
  const period = num("period-ms", v["period-ms"], 1);
  if (period !== undefined) options.periodMs = period;
  const pay = num("payment-delay-ms", v["payment-delay-ms"], 0);
  if (pay !== undefined) options.paymentDelayMs = pay;
  const servers = num("servers", v.servers, 0, 1_000_000);
  if (servers !== undefined) options.servers = servers;
  const ttl = num("nonce-ttl-ms", v["nonce-ttl-ms"], 1);
  if (ttl !== undefined) options.nonceTtlMs = ttl;

  startSimulator(options).then(
    (sim) => {
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        sim.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      if (v["exit-with-parent"]) {
        // Orphans are adopted by another process: the parent id changes when the parent ends.
        const parent = process.ppid;
        setInterval(() => {
          if (process.ppid !== parent) stop();
        }, 500);
      }
      process.stdout.write(`klikk simulator listening on ${sim.url}\n`);
      if (!options.quiet) {
        process.stdout.write(formatDemoCredentials());
        process.stdout.write(`Try: curl -s -u demo:demo -X POST ${sim.url} -d '{"action":"order_list"}'\n`);
        if (options.faultsApi) process.stdout.write(`Control endpoints (no auth): ${sim.origin}/__sim/{faults,reset,advance,pay,state}\n`);
        if (Object.keys(faults).length > 0) process.stdout.write(`Faults: ${JSON.stringify(faults)}\n`);
      }
    },
    (e: unknown) => {
      if (e instanceof StateFileError) fail(e.message);
      const err = e as NodeJS.ErrnoException;
      if (err.code === "EADDRINUSE") fail(`port ${options.port ?? defaults.port} is already in use: pick another with --port`);
      fail(err.message ?? String(e));
    },
  );
}

main();
