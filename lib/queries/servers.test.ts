import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Server } from "@/lib/klikk/schemas";
import { listenToServerDownloads, serversQueryOptions, type ServersListener } from "./servers";

const server = (id: number) => ({ id, name: `gen-${id}`, networks: [], storages: [{ id, size: 1 }] }) as unknown as Server;

/** /api/servers answering `body` in chunks of `size` bytes. */
function answer(body: unknown, size = 64) {
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
      controller.close();
    },
  });
  vi.stubGlobal("fetch", vi.fn(async () => new Response(stream, { status: 200, headers: { "Content-Type": "application/json" } })));
}

async function fetchServers() {
  const client = new QueryClient();
  return client.fetchQuery(serversQueryOptions());
}

afterEach(() => {
  vi.unstubAllGlobals();
  listenToServerDownloads(() => ({ add() {}, finish() {} }));
});

describe("the servers query", () => {
  const servers = Array.from({ length: 40 }, (_, i) => server(i + 1));

  it("reads the list as it arrives, tags it with its accounts and tells the listener", async () => {
    const added: number[] = [];
    let finished: readonly { account: string }[] = [];
    listenToServerDownloads(() => ({ add: (batch) => void added.push(...batch.map((s) => s.id)), finish: (list) => void (finished = list) }));
    answer({ servers, sources: [{ account: "a", count: 30 }, { account: "b", count: 10 }] });
    const list = await fetchServers();
    expect(list.map((s) => s.id)).toEqual(servers.map((s) => s.id));
    expect(list.map((s) => s.account)).toEqual([...Array(30).fill("a"), ...Array(10).fill("b")]);
    expect(added.length).toBeGreaterThan(0);
    expect(added).toEqual(servers.slice(0, added.length).map((s) => s.id));
    expect(finished).toBe(list);
  });

  it("still returns the list when the listener fails", async () => {
    const failing: ServersListener = {
      add: () => {
        throw new TypeError("broken");
      },
      finish: () => {
        throw new TypeError("broken");
      },
    };
    listenToServerDownloads(() => failing);
    answer({ servers: servers.map((s) => ({ ...s })), sources: [{ account: "a" }] });
    expect((await fetchServers()).length).toBe(40);
  });

  it("rejects an answer that is not JSON", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response('{"servers": [{"id": 1}', { status: 200 })));
    await expect(fetchServers()).rejects.toThrow(SyntaxError);
  });

  it("asks again with the ETag of the list it holds, and keeps that very list on 304", async () => {
    const asked: (string | null)[] = [];
    let current = { tag: '"one"', body: { servers: servers.slice(0, 3), sources: [{ account: "a" }] } };
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init: RequestInit) => {
        const held = new Headers(init.headers).get("If-None-Match");
        asked.push(held);
        if (held === current.tag) return new Response(null, { status: 304, headers: { ETag: current.tag } });
        return new Response(JSON.stringify(current.body), { status: 200, headers: { ETag: current.tag } });
      }),
    );
    const client = new QueryClient();
    const first = await client.fetchQuery(serversQueryOptions());
    const again = await client.fetchQuery({ ...serversQueryOptions(), staleTime: 0 });
    expect(again).toBe(first);
    current = { tag: '"two"', body: { servers: servers.slice(0, 4), sources: [{ account: "a" }] } };
    const changed = await client.fetchQuery({ ...serversQueryOptions(), staleTime: 0 });
    expect(changed.map((s) => s.id)).toEqual([1, 2, 3, 4]);
    expect(await client.fetchQuery({ ...serversQueryOptions(), staleTime: 0 })).toBe(changed);
    expect(asked).toEqual([null, '"one"', '"one"', '"two"']);
  });
});
