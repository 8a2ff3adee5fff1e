/**
 * `npm start`: validates the settings, builds once when no build exists, starts the simulator
 * when KLIKK_API_URL is unset (demo mode), then becomes the standalone server.
 *
 * "Becomes": this launcher replaces itself with the server (process.execve, same process id), so
 * that what runs under npm is npm, its shell and the server, not also a launcher holding zod, the
 * settings and a module graph for as long as the server runs (measured: 85 MB resident beside a
 * 300 MB server; npm run bench prints the group). Signals reach the server directly. In demo mode
 * the simulator is a process of its own that ends with its parent. Where process.execve is
 * missing (Node before 22.15, Windows) the server is a child process as before.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { accessSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv } from "../lib/config/env.ts";
import { buildApp, buildIsCurrent, serverNodeFlags, serverProcessEnv, standaloneServer } from "./build.ts";

function fail(message: string): never {
  console.error(`klikk dashboard: ${message}`);
  process.exit(1);
}

const checked = parseEnv({ ...process.env, NODE_ENV: "production" }, () => randomBytes(32).toString("base64url"));
if (!checked.ok) fail(checked.message);
const env = { ...checked.env, dataDir: path.resolve(checked.env.dataDir) };
const host = process.env.HOST || "127.0.0.1";

/** The embedded store's folder must be writable; found out now rather than after a build. */
function ensureDataDir(): void {
  if (env.redisUrl) return;
  try {
    mkdirSync(env.dataDir, { recursive: true });
    accessSync(env.dataDir, constants.W_OK);
  } catch (error) {
    fail(`DATA_DIR ${env.dataDir} cannot be written (${(error as Error).message}); set DATA_DIR to a writable folder`);
  }
}

const DEMO_SECRET_FILE = "demo-session-secret";

/** The demo secret of an earlier run in this DATA_DIR, or `fresh`, written there (owner-only) for the next. */
function demoSessionSecret(fresh: string): string {
  const file = path.join(env.dataDir, DEMO_SECRET_FILE);
  try {
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length >= 32) return kept;
  } catch {
    // First run in this DATA_DIR.
  }
  try {
    writeFileSync(file, `${fresh}\n`, { mode: 0o600 });
  } catch {
    // Redis deployments may have no DATA_DIR; the secret then lasts for this run only.
  }
  return fresh;
}

function ensureBuild(): void {
  if (buildIsCurrent()) return;
  // Measured: about 20 s on an idle 2-core machine, 151 s on a busy one.
  const why = existsSync(standaloneServer) ? "the build is older than the source" : "no build found";
  console.log(`klikk dashboard: ${why}, running \`next build\` first (usually 20 s to 3 minutes, longer on a busy machine)…`);
  if (!buildApp()) fail("the build failed; see the output above");
}

/**
 * The demo simulator in a process of its own (it cannot live in this one, which becomes the
 * server), told to end when its parent does. Resolves once it answers.
 */
async function startDemoSimulator(): Promise<ChildProcess> {
  const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "simulator", "cli.ts");
  let stderr = "";
  const child = spawn(process.execPath, ["--disable-warning=ExperimentalWarning", cli, "--port", String(env.simulatorPort), "--host", "127.0.0.1", "--quiet", "--exit-with-parent"], {
    stdio: ["ignore", "inherit", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const origin = `http://127.0.0.1:${env.simulatorPort}`;
  for (const started = Date.now(); Date.now() - started < 30_000; ) {
    if (child.exitCode !== null) break;
    try {
      await (await fetch(`${origin}/api`, { method: "HEAD" })).body?.cancel();
      // Its error output is not read once this process is the server.
      child.stderr?.removeAllListeners("data");
      child.stderr?.destroy();
      return child;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  child.kill();
  const reason = stderr.trim().replace(/^klikk simulator: /, "") || "it did not answer within 30 s";
  return fail(`the simulator could not start on port ${env.simulatorPort} (${reason}); set SIMULATOR_PORT to a free port`);
}

async function main() {
  ensureDataDir();
  ensureBuild();
  // The server runs inside the build folder: DATA_DIR goes to it as an absolute path.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...serverProcessEnv(), NODE_ENV: "production", PORT: String(env.port), HOSTNAME: host, DATA_DIR: env.dataDir };
  let simulator: ChildProcess | null = null;

  if (env.demoMode) {
    simulator = await startDemoSimulator();
    const { formatDemoCredentials } = await import("../simulator/index.ts");
    process.stdout.write(formatDemoCredentials());
    if (env.sessionSecretGenerated) {
      // One secret shared with the server process, kept in DATA_DIR so that a restart keeps
      // everybody signed in (the stored credentials are encrypted with a key derived from it).
      childEnv.SESSION_SECRET = demoSessionSecret(env.sessionPasswords[0]?.secret ?? randomBytes(32).toString("base64url"));
      console.warn(`klikk dashboard: SESSION_SECRET is not set; using a generated one kept in ${path.join(env.dataDir, DEMO_SECRET_FILE)}. Set it outside demo mode.`);
    }
  }

  console.log(`klikk dashboard: serving http://localhost:${env.port}${env.demoMode ? " (demo mode, against the simulator)" : ` against ${env.klikkApiUrl}`}`);
  const serverArgs = [...serverNodeFlags(), standaloneServer];

  if (typeof process.execve === "function") {
    // The server finds its folder itself (server.js changes into it).
    process.execve(process.execPath, [process.execPath, ...serverArgs], childEnv);
  }

  const server = spawn(process.execPath, serverArgs, { cwd: path.dirname(standaloneServer), env: childEnv, stdio: "inherit" });
  const stop = (signal: NodeJS.Signals) => {
    server.kill(signal);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code, signal) => {
    simulator?.kill();
    process.exit(code ?? (signal ? 0 : 1));
  });
}

await main();
