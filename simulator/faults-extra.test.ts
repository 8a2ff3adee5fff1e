import { afterEach, describe, expect, it } from "vitest";
import { startSimulator } from "./index.ts";

type Sim = Awaited<ReturnType<typeof startSimulator>>;
let sim: Sim | null = null;

afterEach(async () => {
  await sim?.close();
  sim = null;
});

const post = (url: string, body: unknown, init: RequestInit = {}) =>
  fetch(url, { method: "POST", headers: { "X-Account-Token": "demo-token", "Content-Type": "application/json", Connection: "close" }, body: JSON.stringify(body), ...init });

describe("test-only faults and stats", () => {
  it("applies faults to the next N matching requests only", async () => {
    sim = await startSimulator({ port: 0, quiet: true, faultsApi: true });
    sim.setFaults({ rate503: 1, times: 2, actions: ["order_list"] });
    expect((await post(sim.url, { action: "order_list" })).status).toBe(503);
    expect((await post(sim.url, { action: "server_list" })).status).toBe(200);
    expect((await post(sim.url, { action: "order_list" })).status).toBe(503);
    expect((await post(sim.url, { action: "order_list" })).status).toBe(200);
    expect(sim.getFaults()).toEqual({});
  });

  it("answers a redirect without acting, and counts requests and client aborts", async () => {
    sim = await startSimulator({ port: 0, quiet: true, faultsApi: true });
    sim.setFaults({ redirectTo: "http://127.0.0.1:9/elsewhere" });
    const redirected = await post(sim.url, { action: "order_list" }, { redirect: "manual" });
    expect(redirected.status).toBe(307);
    expect(redirected.headers.get("location")).toBe("http://127.0.0.1:9/elsewhere");

    sim.setFaults({ hang: true });
    const controller = new AbortController();
    const hanging = post(sim.url, { action: "server_list" }, { signal: controller.signal }).catch(() => "aborted");
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    expect(await hanging).toBe("aborted");
    await expect.poll(async () => (await (await fetch(`${sim!.origin}/__sim/stats`)).json()).clientAborts).toBe(1);
    const stats = await (await fetch(`${sim.origin}/__sim/stats`)).json();
    expect(stats.requests).toMatchObject({ order_list: 1, server_list: 1 });
  });
});
