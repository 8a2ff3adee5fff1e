/**
 * Starts the simulator and the built dashboard as child processes on loopback, for the
 * benchmark, the load test and the screenshots. Separate processes, so that the load generator
 * in this process does not share an event loop with what it measures.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import net from "node:net";
import path from "node:path";
import { buildApp, root, serverNodeFlags, standaloneServer } from "./build.ts";

export type Stack = {
  appUrl: string;
  simulatorUrl: string;
  simulatorOrigin: string;
  appPid: number;
  /** Signs in through the dashboard and returns the Cookie header value. */
  signIn(credentials?: Record<string, string>): Promise<string>;
  stop(): Promise<void>;
};

export const SESSION_SECRET = "benchmark-session-secret-0123456789-abcdef";

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

async function waitFor(url: string, child: ChildProcess, name: string, timeoutMs = 30_000): Promise<void> {
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
  if (existsSync(standaloneServer)) return;
  console.log("no build found: running the production build first…");
  if (!buildApp()) throw new Error("the build failed");
}

export async function startStack({ servers = 0, simulatorArgs = [], appEnv = {} }: { servers?: number; simulatorArgs?: string[]; appEnv?: Record<string, string> } = {}): Promise<Stack> {
  ensureBuild();
  const simulatorPort = await freePort();
  const appPort = await freePort();
  const simulator = spawn(
    process.execPath,
    ["--disable-warning=ExperimentalWarning", path.join(root, "simulator", "cli.ts"), "--port", String(simulatorPort), "--quiet", "--faults-api", ...(servers ? ["--servers", String(servers)] : []), ...simulatorArgs],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const simulatorOrigin = `http://127.0.0.1:${simulatorPort}`;
  const simulatorUrl = `${simulatorOrigin}/api`;
  await waitFor(`${simulatorOrigin}/__sim/faults`, simulator, "the simulator");
  const app = spawn(process.execPath, [...serverNodeFlags(), standaloneServer], {
    cwd: path.dirname(standaloneServer),
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(appPort),
      HOSTNAME: "127.0.0.1",
      KLIKK_API_URL: simulatorUrl,
      SESSION_SECRET,
      SIGN_IN_MAX_FAILURES: "100000",
      NEXT_TELEMETRY_DISABLED: "1",
      // A fresh embedded store for every run, outside the project.
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "klikk-stack-")),
      ...appEnv,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const appUrl = `http://127.0.0.1:${appPort}`;
  // Children must not outlive an interrupted run (Ctrl-C, a timeout): they would keep serving,
  // and loading the machine, unseen.
  const killChildren = () => {
    for (const child of [app, simulator]) if (child.exitCode === null) child.kill("SIGTERM");
  };
  process.once("exit", killChildren);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      killChildren();
      process.exit(130);
    });
  }
  await waitFor(`${appUrl}/api/health`, app, "the dashboard");

  return {
    appUrl,
    simulatorUrl,
    simulatorOrigin,
    appPid: app.pid ?? 0,
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
      for (const child of [app, simulator]) {
        if (child.exitCode !== null) continue;
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
    },
  };
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
