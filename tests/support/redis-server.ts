/**
 * A real redis-server (Debian's package) on a free loopback port, for the store's contract suite
 * and the e2e tests of several instances. Nothing stands in for Redis: when redis-server is not
 * installed the tests fail and say how to install it (`.ci/run` does).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { connect, createServer } from "node:net";

export type RedisServer = {
  port: number;
  url: string;
  /** Stops the server abruptly (SIGKILL), as a crash or a lost host would. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

const REDIS_BINARY = process.env.REDIS_SERVER_PATH || "redis-server";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function launch(port: number): ChildProcess {
  const check = spawnSync(REDIS_BINARY, ["--version"]);
  if (check.error || check.status !== 0) {
    throw new Error(`redis-server is needed for these tests and was not found (${REDIS_BINARY}). Install it: apt-get install -y redis-server`);
  }
  return spawn(REDIS_BINARY, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"], {
    stdio: "ignore",
  });
}

/** One PING over a raw connection: true when the server answers PONG. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("error", () => resolve(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
  });
}

/** Resolves once the server answers PING (polling a condition, not sleeping a fixed time). */
async function waitUntilUp(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await pings(port))) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode} on port ${port}`);
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function exited(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child = launch(port);
  await waitUntilUp(port, child);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async kill() {
      await exited(child, "SIGKILL");
    },
    async restart() {
      await exited(child, "SIGKILL");
      child = launch(port);
      await waitUntilUp(port, child);
    },
    async stop() {
      await exited(child, "SIGTERM");
    },
  };
}
