/**
 * The embedded klikk simulator: a stand-in for the upstream action API (see
 * ../shared/klikk-api.md and simulator/README.md). `startSimulator()` is what tests, the demo mode
 * and the CLI use.
 */
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Authenticator } from "./auth.ts";
import { faultsSchema, type Faults, type Stats } from "./faults.ts";
import { createRequestHandler } from "./server.ts";
import { addGeneratedServers, demoState, emptyState } from "./seed.ts";
import { loadStateFile, type State } from "./state.ts";
import { Store } from "./store.ts";

export type { Faults, MalformedKind } from "./faults.ts";
export { StateFileError } from "./state.ts";
import { demoCredentials } from "./seed.ts";
export { demoCredentials };

/** The demo credentials as printed at start by the CLI and by `npm start`. */
export function formatDemoCredentials(): string {
  const lines = demoCredentials.map((c) =>
    c.kind === "user" ? `  user ${c.name} / password ${c.secret}: ${c.note}` : `  token ${c.secret}: ${c.note}`,
  );
  return `Demo credentials:\n${lines.join("\n")}\n`;
}

export type SimulatorOptions = {
  /** 0 = an ephemeral port. Default 4010. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Persist the state to this file (atomically, after every change) and load it at start. */
  statePath?: string;
  /** Default "demo". */
  seed?: "demo" | "empty";
  /** Provisioning step interval (110 -> 200 -> 210 -> 0). Default 3000: a paid order completes in ~9 s. */
  tickMs?: number;
  /** Time from cancellation (900) to the period end (910). Default 60000. */
  periodMs?: number;
  /** Demo auto-payment of invoices after this delay; 0 = only /__sim/pay pays. Default 15000. */
  paymentDelayMs?: number;
  /** Generated servers added to "Demo AS" (gen-00001, ...). Default 0. */
  servers?: number;
  /** Enable the unauthenticated /__sim/* control endpoints (tests only). */
  faultsApi?: boolean;
  /** Initial faults. */
  faults?: Faults;
  /** Digest nonce lifetime in virtual ms. Default 300000 (5 minutes). */
  nonceTtlMs?: number;
  /** No console output at all (overrides `log`). */
  quiet?: boolean;
  /** One line per request on stderr (method, path, action, status, time; never credentials). */
  log?: boolean;
};

export type Simulator = {
  /** e.g. http://127.0.0.1:4010/api */
  url: string;
  /** e.g. http://127.0.0.1:4010 */
  origin: string;
  port: number;
  /** Stop listening, end open connections and timers, save the state. */
  close(): Promise<void>;
  /** Replace the fault configuration ({} = no faults). */
  setFaults(faults: Faults): void;
  getFaults(): Faults;
  /** Move the virtual clock forward and apply due transitions (same as POST /__sim/advance). */
  advance(ms: number): void;
  /** Back to the seed (same as POST /__sim/reset). */
  reset(): void;
};

export const defaults = {
  port: 4010,
  host: "127.0.0.1",
  tickMs: 3000,
  periodMs: 60_000,
  paymentDelayMs: 15_000,
  nonceTtlMs: 300_000,
} as const;

function checkNumber(name: string, value: number, min: number): number {
  if (!Number.isFinite(value) || value < min) throw new RangeError(`${name} must be a number >= ${min} (got ${value})`);
  return value;
}

/** Start the simulator; rejects with StateFileError when the state file cannot be used. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const seedKind = options.seed ?? "demo";
  const generated = Math.floor(checkNumber("servers", options.servers ?? 0, 0));
  const tickMs = checkNumber("tickMs", options.tickMs ?? defaults.tickMs, 1);
  const periodMs = checkNumber("periodMs", options.periodMs ?? defaults.periodMs, 1);
  const paymentDelayMs = checkNumber("paymentDelayMs", options.paymentDelayMs ?? defaults.paymentDelayMs, 0);
  const nonceTtlMs = checkNumber("nonceTtlMs", options.nonceTtlMs ?? defaults.nonceTtlMs, 1);
  const quiet = options.quiet === true;
  const log = !quiet && options.log === true ? (line: string) => process.stderr.write(`[sim] ${line}\n`) : null;
  const warn = quiet ? () => {} : (line: string) => process.stderr.write(`klikk simulator: ${line}\n`);

  const buildSeed = (): State => {
    const now = Date.now();
    if (seedKind === "empty") {
      const s = emptyState(now);
      if (generated > 0) addGeneratedServers(s, now, generated);
      return s;
    }
    return demoState(now, generated);
  };

  // Throws StateFileError for a corrupt file, before anything listens or writes.
  const loaded = options.statePath ? loadStateFile(options.statePath) : null;
  if (loaded && generated > 0) warn(`state loaded from ${options.statePath}: --servers is ignored`);
  const store = new Store(loaded ?? buildSeed(), { tickMs, periodMs, paymentDelayMs, statePath: options.statePath });
  if (!loaded && options.statePath) {
    store.markDirty();
    store.flush();
  }

  store.warmCaches();

  let faults: Faults = {};
  const setFaults = (f: Faults) => {
    faults = faultsSchema.parse(f);
  };
  if (options.faults) setFaults(options.faults);

  const auth = new Authenticator(store, { nonceTtlMs });
  const hanging = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const reset = () => {
    store.replace(buildSeed());
    store.warmCaches();
    store.markDirty();
    store.flush();
  };

  const stats: Stats = { requests: {}, clientAborts: 0 };
  const server = createServer(
    createRequestHandler({
      store,
      auth,
      getFaults: () => faults,
      setFaults,
      faultsApi: options.faultsApi === true,
      reset,
      log,
      hanging,
      timers,
      stats,
    }),
  );
  // Longer than any client's idle pool timeout, so a client never sends a request on a socket
  // the simulator is closing at that moment (which a non-retried order_create would report as
  // an unknown outcome).
  server.keepAliveTimeout = 65_000;
  server.on("clientError", (_err, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
  });

  const host = options.host ?? defaults.host;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? defaults.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (e) => warn(`server error: ${e.message}`));

  // Only keeps the state file current when nobody asks; answers settle on their own.
  const ticker = setInterval(() => {
    try {
      store.settle();
      store.flush();
    } catch (e) {
      warn(`could not save state: ${(e as Error).message}`);
    }
  }, Math.min(tickMs, 1000));
  ticker.unref();

  const port = (server.address() as AddressInfo).port;
  const hostPart = host.includes(":") ? `[${host}]` : host;
  const origin = `http://${hostPart}:${port}`;
  let closed: Promise<void> | null = null;

  return {
    url: `${origin}/api`,
    origin,
    port,
    setFaults,
    getFaults: () => faults,
    advance: (ms) => {
      store.advance(checkNumber("ms", ms, 0));
      store.flush();
    },
    reset,
    close() {
      closed ??= new Promise<void>((resolve) => {
        clearInterval(ticker);
        for (const t of timers) clearTimeout(t);
        timers.clear();
        for (const res of hanging) res.destroy();
        hanging.clear();
        server.close(() => resolve());
        server.closeAllConnections();
        try {
          store.settle();
          store.flush();
        } catch (e) {
          warn(`could not save state: ${(e as Error).message}`);
        }
      });
      return closed;
    },
  };
}
