/**
 * `npm start`: validates the settings, builds once when no build exists, starts the embedded
 * simulator when KLIKK_API_URL is unset (demo mode), then serves the standalone build.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "../lib/config/env.ts";
import { buildApp, serverNodeFlags, standaloneServer } from "./build.ts";

function fail(message: string): never {
  console.error(`klikk dashboard: ${message}`);
  process.exit(1);
}

const checked = parseEnv({ ...process.env, NODE_ENV: "production" }, () => randomBytes(32).toString("base64url"));
if (!checked.ok) fail(checked.message);
const env = checked.env;
const host = process.env.HOST || "127.0.0.1";

function ensureBuild(): void {
  if (existsSync(standaloneServer)) return;
  // Measured: about 20 s on an idle 2-core machine, 151 s on a busy one.
  console.log("klikk dashboard: no build found, running `next build` first (usually 20 s to 3 minutes, longer on a busy machine)…");
  if (!buildApp()) fail("the build failed; see the output above");
}

async function main() {
  ensureBuild();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(env.port), HOSTNAME: host };
  let closeSimulator: (() => Promise<void>) | null = null;

  if (env.demoMode) {
    const { formatDemoCredentials, startSimulator } = await import("../simulator/index.ts");
    const simulator = await startSimulator({ port: env.simulatorPort, host: "127.0.0.1", quiet: true }).catch((error: Error) =>
      fail(`the simulator could not start on port ${env.simulatorPort} (${error.message}); set SIMULATOR_PORT to a free port`),
    );
    closeSimulator = simulator.close;
    console.log(`klikk simulator listening on ${simulator.url}`);
    process.stdout.write(formatDemoCredentials());
    if (env.sessionSecretGenerated) {
      // One secret shared with the server process, so that its cookies stay readable.
      childEnv.SESSION_SECRET = env.sessionPasswords[0]?.secret;
      console.warn("klikk dashboard: SESSION_SECRET is not set; generated one for this run (sessions end on restart). Set it outside demo mode.");
    }
  }

  const server = spawn(process.execPath, [...serverNodeFlags(), standaloneServer], { cwd: path.dirname(standaloneServer), env: childEnv, stdio: "inherit" });
  console.log(`klikk dashboard: serving http://localhost:${env.port}${env.demoMode ? " (demo mode, against the simulator)" : ` against ${env.klikkApiUrl}`}`);

  const stop = (signal: NodeJS.Signals) => {
    server.kill(signal);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", async (code, signal) => {
    await closeSimulator?.();
    process.exit(code ?? (signal ? 0 : 1));
  });
}

await main();
