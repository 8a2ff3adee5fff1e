/**
 * State file, real-time ticks, generated servers and the CLI.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { StateFileError, startSimulator } from "./index.ts";
import { basic, call, token, type Reply } from "./testing.ts";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const j = (r: Reply) => r.json as Json;
const dir = mkdtempSync(join(tmpdir(), "klikk-sim-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const order = {
  action: "order_create",
  reference: "persisted",
  items: [
    {
      name: "keep-1",
      product: {
        name: "VPS",
        options: { quantity_ram_gb: 1, quantity_cpu: 1, quantity_storage_gb: 20, os: "Debian", os_version: "12", features: { sshd: { ip_allow: "::1" } } },
      },
    },
  ],
};

describe("--state", () => {
  it("saves after every change and loads at start; ids continue", async () => {
    const path = join(dir, "state.json");
    const a = await startSimulator({ port: 0, quiet: true, statePath: path, tickMs: 60_000 });
    expect(JSON.parse(readFileSync(path, "utf8")).version).toBe(1);
    const created = await call(a.origin, { headers: token("demo-token"), body: order });
    expect(j(created).order_id).toBe(100);
    // Saved before the answer: the file already has it.
    expect(JSON.parse(readFileSync(path, "utf8")).orders.some((o: Json) => o.reference === "persisted")).toBe(true);
    await call(a.origin, { headers: token("demo-token"), body: { action: "order_cancel", order_id: 71, order_item_id: 1004 } });
    await a.close();

    const b = await startSimulator({ port: 0, quiet: true, statePath: path, tickMs: 60_000 });
    try {
      const st = j(await call(b.origin, { headers: token("demo-token"), body: { action: "order_status", order_id: 100 } }));
      expect(st).toMatchObject({ order_id: 100, status: 110, order_items: [{ id: 1100, reference: "keep-1" }] });
      expect(j(await call(b.origin, { headers: token("demo-token"), body: { action: "order_status", order_id: 71 } })).order_items[0].status).toBe(900);
      const next = await call(b.origin, { headers: basic("demo", "demo"), body: { ...order, reference: "second" } });
      expect(j(next).order_id).toBe(101);
    } finally {
      await b.close();
    }
    // Atomic writes leave no temporary files behind.
    expect(readdirSync(dir).filter((f) => f.includes("tmp"))).toEqual([]);
    // No secrets in the file: no passwords or tokens in clear.
    const text = readFileSync(path, "utf8");
    for (const secret of ['"demo-token"', '"demo-token-remote"', '"demo-token-labs"']) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"password"/);
  });

  it.each([
    ["not JSON", "{not json"],
    ["empty", ""],
    ["wrong shape", JSON.stringify({ version: 1, orders: "x" })],
    ["another version", JSON.stringify({ version: 2 })],
  ])("refuses a corrupt file (%s) and leaves it untouched", async (_name, content) => {
    const path = join(dir, `corrupt-${_name.replace(/\W/g, "")}.json`);
    writeFileSync(path, content);
    const err = await startSimulator({ port: 0, quiet: true, statePath: path }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StateFileError);
    expect((err as Error).message).toContain(path);
    expect((err as Error).message).not.toContain("\n");
    expect(readFileSync(path, "utf8")).toBe(content);
  });
});

describe("real-time ticks", () => {
  it("a paid order completes by itself with a fast tick", async () => {
    const sim = await startSimulator({ port: 0, quiet: true, tickMs: 40 });
    try {
      const r = await call(sim.origin, { headers: token("demo-token"), body: order });
      expect(j(r).status).toBe(110);
      const seen = new Set<number>();
      const deadline = Date.now() + 3000;
      let status = 110;
      while (status !== 0 && Date.now() < deadline) {
        status = j(await call(sim.origin, { headers: token("demo-token"), body: { action: "order_status", order_id: 100 } })).status;
        seen.add(status);
        await new Promise((res) => setTimeout(res, 10));
      }
      expect(status).toBe(0);
      expect([...seen].every((s) => [110, 200, 210, 0].includes(s))).toBe(true);
      expect(j(await call(sim.origin, { headers: token("demo-token"), body: { action: "server_list", order_item_id: 1100 } })).servers).toHaveLength(1);
    } finally {
      await sim.close();
    }
  });
});

describe("--servers N", () => {
  it("adds deterministic generated servers to Demo AS, quickly", async () => {
    const t = performance.now();
    const sim = await startSimulator({ port: 0, quiet: true, servers: 20_000 });
    const startup = performance.now() - t;
    try {
      expect(startup).toBeLessThan(2000);
      const r = await call(sim.origin, { headers: token("demo-token"), body: { action: "server_list" } });
      const servers = j(r).servers as Json[];
      expect(servers.length).toBe(20_000 + 13);
      const gen1 = servers.find((s) => s.name === "gen-00001");
      expect(gen1).toMatchObject({ id: 100001, customer_id: 310, order_item_id: 0 });
      const orders = j(await call(sim.origin, { headers: token("demo-token"), body: { action: "order_list" } })).orders as Json[];
      expect(orders.length, "generated servers belong to no order").toBeLessThan(30);
      expect(servers.find((s) => s.name === "gen-20000")).toBeTruthy();
      const labs = j(await call(sim.origin, { headers: token("demo-token-labs"), body: { action: "server_list" } })).servers as Json[];
      expect(labs.length).toBe(1);
      const created = await call(sim.origin, { headers: token("demo-token"), body: order });
      expect(j(created).order_id).toBe(100);
      expect(j(await call(sim.origin, { headers: token("demo-token"), body: { action: "order_status", order_id: 100 } })).order_items[0].id).toBe(1100);
    } finally {
      await sim.close();
    }
  });
});

function runCli(args: string[], untilLine?: RegExp): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--disable-warning=ExperimentalWarning", "simulator/cli.ts", ...args], { cwd: join(import.meta.dirname, "..") });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
      if (untilLine && untilLine.test(stdout)) child.kill("SIGTERM");
    });
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("cli", () => {
  it("prints the listening line and the credentials, and stops cleanly on SIGTERM", async () => {
    const r = await runCli(["--port", "0"], /token demo-token-labs/);
    expect(r.stdout.split("\n")[0]).toMatch(/^klikk simulator listening on http:\/\/127\.0\.0\.1:\d+\/api$/);
    expect(r.stdout).toContain("user demo / password demo");
    expect(r.stdout).toContain("token demo-token-remote");
    expect(r.code).toBe(0);
  });
  it("refuses a corrupt state file with one line", async () => {
    const path = join(dir, "cli-corrupt.json");
    writeFileSync(path, "garbage");
    const r = await runCli(["--port", "0", "--state", path]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(path);
    expect(readFileSync(path, "utf8")).toBe("garbage");
  });
  it("refuses bad flags", async () => {
    expect((await runCli(["--seed", "nope"])).code).toBe(2);
    expect((await runCli(["--error-rate", "3"])).code).toBe(2);
    expect((await runCli(["--bogus"])).code).toBe(2);
  });
});
