/**
 * Starts the simulator and the built dashboard as child processes on loopback, for the
 * benchmark, the load test and the screenshots. Separate processes, so that the load generator
 * in this process does not share an event loop with what it measures.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import net from "node:net";
import path from "node:path";
import { buildApp, buildIsCurrent, root, serverNodeFlags, serverProcessEnv, standaloneServer } from "./build.ts";

export type Stack = {
  appUrl: string;
  simulatorUrl: string;
  simulatorOrigin: string;
  /** The dashboard's server process (node .next/standalone/server.js). */
  appPid: number;
  /**
   * The processes `npm start` runs as (npm, its shell, the launcher, the server), or just the
   * server when it was started directly. Read on demand: a launcher may replace itself.
   */
  groupPids(): number[];
  /** Signs in through the dashboard and returns the Cookie header value. */
  signIn(credentials?: Record<string, string>): Promise<string>;
  stop(): Promise<void>;
};

export const SESSION_SECRET = "benchmark-session-secret-0123456789-abcdef";

/**
 * BENCH_PORT_BASE=N gives the stack fixed ports N, N+1, N+2… (simulator, dashboard, baseline), for a
 * shared machine where each person keeps to a range; without it the system picks free ports.
 */
let nextFixedPort = Number(process.env.BENCH_PORT_BASE) || 0;
export async function stackPort(): Promise<number> {
  return nextFixedPort ? nextFixedPort++ : freePort();
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(url: string, child: ChildProcess, name: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(url, { method: "GET" });
      await response.body?.cancel();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${name} was not ready at ${url} within ${timeoutMs} ms`);
}

export function ensureBuild(): void {
  if (buildIsCurrent()) return;
  console.log(`${existsSync(standaloneServer) ? "the build is older than the source" : "no build found"}: running the production build first…`);
  if (!buildApp()) throw new Error("the build failed");
}

/** The descendants of a process (Linux /proc), itself first. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The fields after the command name, which may itself hold spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Gone meanwhile.
    }
  }
  const out: number[] = [];
  const visit = (p: number) => {
    out.push(p);
    for (const child of children.get(p) ?? []) visit(child);
  };
  visit(pid);
  return out;
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    return "";
  }
}

export type StackOptions = {
  servers?: number;
  simulatorArgs?: string[];
  appEnv?: Record<string, string>;
  /**
   * "server" (default) spawns the standalone server directly; "npm-start" runs `npm start` as a
   * user would, against this stack's simulator, so the launcher's memory can be measured too.
   */
  launcher?: "server" | "npm-start";
};

export async function startStack({ servers = 0, simulatorArgs = [], appEnv = {}, launcher = "server" }: StackOptions = {}): Promise<Stack> {
  ensureBuild();
  const simulatorPort = await stackPort();
  const appPort = await stackPort();
  const simulator = spawn(
    process.execPath,
    ["--disable-warning=ExperimentalWarning", path.join(root, "simulator", "cli.ts"), "--port", String(simulatorPort), "--quiet", "--faults-api", ...(servers ? ["--servers", String(servers)] : []), ...simulatorArgs],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const simulatorOrigin = `http://127.0.0.1:${simulatorPort}`;
  const simulatorUrl = `${simulatorOrigin}/api`;
  await waitFor(`${simulatorOrigin}/__sim/faults`, simulator, "the simulator");
  const appProcessEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...serverProcessEnv(),
    NODE_ENV: "production",
    PORT: String(appPort),
    HOSTNAME: "127.0.0.1",
    HOST: "127.0.0.1",
    KLIKK_API_URL: simulatorUrl,
    SESSION_SECRET,
    SIGN_IN_MAX_FAILURES: "100000",
    NEXT_TELEMETRY_DISABLED: "1",
    // A fresh embedded store for every run, outside the project.
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "klikk-stack-")),
    ...appEnv,
  };
  const app: ChildProcess =
    launcher === "npm-start"
      ? // Its own process group, so that stopping it reaches the shell and server under npm too.
        spawn(process.env.npm_execpath ? process.execPath : "npm", [...(process.env.npm_execpath ? [process.env.npm_execpath] : []), "start", "--silent"], {
          cwd: root,
          env: appProcessEnv,
          stdio: ["ignore", "ignore", "inherit"],
          detached: true,
        })
      : spawn(process.execPath, [...serverNodeFlags(), standaloneServer], { cwd: path.dirname(standaloneServer), env: appProcessEnv, stdio: ["ignore", "ignore", "inherit"] });
  const stopApp = (signal: NodeJS.Signals) => {
    if (app.exitCode !== null || !app.pid) return;
    if (launcher === "npm-start") {
      try {
        process.kill(-app.pid, signal);
      } catch {
        // Already gone.
      }
    } else app.kill(signal);
  };
  const appUrl = `http://127.0.0.1:${appPort}`;
  // Children must not outlive an interrupted run (Ctrl-C, a timeout): they would keep serving,
  // and loading the machine, unseen.
  const killChildren = () => {
    stopApp("SIGTERM");
    if (simulator.exitCode === null) simulator.kill("SIGTERM");
  };
  process.once("exit", killChildren);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      killChildren();
      process.exit(130);
    });
  }
  await waitFor(`${appUrl}/api/health`, app, "the dashboard", launcher === "npm-start" ? 60_000 : 30_000);
  // Next renames its process "next-server (vX)" once it runs.
  const serverPid = processTree(app.pid ?? 0).find((pid) => /standalone\/server\.js|next-server/.test(commandLine(pid))) ?? app.pid ?? 0;

  return {
    appUrl,
    simulatorUrl,
    simulatorOrigin,
    appPid: serverPid,
    groupPids: () => processTree(app.pid ?? 0),
    async signIn(credentials = { method: "token", token: "demo-token" }) {
      const response = await fetch(`${appUrl}/api/session`, {
        method: "POST",
        headers: { Origin: appUrl, "Content-Type": "application/json" },
        body: JSON.stringify(credentials),
      });
      if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
      const cookie = response.headers.getSetCookie().find((value) => value.startsWith("klikk="));
      if (!cookie) throw new Error("sign-in set no session cookie");
      return cookie.split(";")[0]!;
    },
    async stop() {
      if (app.exitCode === null) {
        const exited = new Promise((resolve) => app.once("exit", resolve));
        stopApp("SIGTERM");
        await exited;
      }
      if (simulator.exitCode === null) {
        simulator.kill("SIGTERM");
        await new Promise((resolve) => simulator.once("exit", resolve));
      }
    },
  };
}

/**
 * Memory only this process holds, in MB (Private_Clean + Private_Dirty of smaps_rollup): what
 * ending it would free. Its resident memory also counts the pages of the node binary that every
 * node process on the machine shares (about 50 MB), so a sum of resident figures counts those
 * pages once per process.
 */
export function privateMemoryMb(pid: number): number | null {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(rollup)?.[1] ?? 0);
    return (kb("Private_Clean") + kb("Private_Dirty")) / 1024;
  } catch {
    return null;
  }
}

/** Resident memory of a process in MB, from /proc (Linux): current and peak (VmHWM). */
export function residentMemoryMb(pid: number): { current: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { current: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}
