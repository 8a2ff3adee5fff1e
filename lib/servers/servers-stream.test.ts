import { describe, expect, it } from "vitest";
import { readServersBody, ServersBodyParser } from "./servers-stream";

/** Feeds `text` in pieces of `size` characters and returns the answer. */
function parseInPieces(text: string, size: number, batches?: unknown[][]) {
  const parser = new ServersBodyParser();
  if (batches) parser.onBatch = (batch) => void batches.push([...batch]);
  for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size));
  return parser.finish();
}

const servers = Array.from({ length: 7 }, (_, i) => ({
  id: i + 1,
  name: `web-${i} "quoted" \\ {brace} [bracket], comma: ü ✓ ]},{ "x": [1]},{`,
  networks: [{ id: i, ipv4: "192.0.2.1", ipv6: "2001:db8::1" }, { id: i + 100, ipv4: "", ipv6: "2001:db8::2" }],
  storages: i % 3 ? [{ id: i, size: 20000 }] : [],
}));

describe("ServersBodyParser", () => {
  const bodies = {
    "servers first": JSON.stringify({ servers, sources: [{ account: "a", count: 7 }] }),
    "sources first, with spaces": JSON.stringify({ sources: [{ account: "servers" }], failures: [{ servers: [1] }], servers }, null, 2),
    empty: JSON.stringify({ sources: [], servers: [] }),
    "no servers key": JSON.stringify({ error: { code: "internal", message: "servers" } }),
  };
  for (const [name, body] of Object.entries(bodies)) {
    it(`gives what JSON.parse gives, in any pieces (${name})`, () => {
      for (const size of [1, 2, 3, 7, 64, body.length]) expect(parseInPieces(body, size)).toEqual(JSON.parse(body));
    });
  }

  it("hands on the servers in batches while they arrive, in order", () => {
    const plain = servers.map((server, i) => ({ ...server, name: `web-${i}` }));
    const body = JSON.stringify({ servers: plain });
    const batches: unknown[][] = [];
    expect(parseInPieces(body, 40, batches)).toEqual(JSON.parse(body));
    expect(batches.length).toBeGreaterThan(3);
    // The last one ends the array, not at a cut: it is parsed with the body's tail.
    expect(batches.flat()).toEqual(plain.slice(0, -1));
  });

  it("parses servers whose fields come in another order at the end, all the same", () => {
    const other = servers.map(({ storages, ...rest }) => ({ storages, ...rest }));
    const body = JSON.stringify({ servers: other });
    const batches: unknown[][] = [];
    expect(parseInPieces(body, 30, batches)).toEqual(JSON.parse(body));
    expect(batches).toEqual([]);
  });

  it("takes the top-level servers key only", () => {
    const body = JSON.stringify({ nested: { servers: [1, 2] }, list: ["servers", [3]], servers: [{ id: 4 }] });
    expect(parseInPieces(body, 5)).toEqual(JSON.parse(body));
    const array = JSON.stringify(["servers", [{ id: 1 }]]);
    expect(parseInPieces(array, 3)).toEqual(JSON.parse(array));
  });

  it("rejects what is not JSON, a cut-off list included", () => {
    const body = JSON.stringify({ servers });
    expect(() => parseInPieces(body.slice(0, -10), 16)).toThrow(SyntaxError);
    expect(() => parseInPieces(body.slice(0, -1), 16)).toThrow(SyntaxError);
    expect(() => parseInPieces('{"servers": [{"id": 1},, {"id": 2}]}', 4)).toThrow(SyntaxError);
    expect(() => parseInPieces("", 4)).toThrow(SyntaxError);
  });

  it("reads a byte stream, characters split between chunks included", async () => {
    const body = JSON.stringify({ servers, sources: [] });
    const bytes = new TextEncoder().encode(body);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 5) controller.enqueue(bytes.slice(i, i + 5));
        controller.close();
      },
    });
    expect(await readServersBody(stream, new ServersBodyParser())).toEqual(JSON.parse(body));
  });
});
