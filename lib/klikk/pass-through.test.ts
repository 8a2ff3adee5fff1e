import { describe, expect, it } from "vitest";
import { type ListBody, listBodyOf, serialiseList } from "./pass-through";

const bytes = (text: string) => new TextEncoder().encode(text);
const read = (body: ListBody) => new Response(body.responseBody()).text();

describe("withLeadingFields", () => {
  it("puts fields in front of a passed-through list without reading it", async () => {
    const body = listBodyOf("servers", [bytes('  {"serv'), bytes('ers":[{"id":1},{"id":2}]}')]);
    const text = await read(body.withLeadingFields({ sources: [{ account: "k" }] }));
    expect(JSON.parse(text)).toEqual({ sources: [{ account: "k" }], servers: [{ id: 1 }, { id: 2 }] });
  });

  it("works on a bare array the pass-through wrapped, and on a body that starts in a later chunk", async () => {
    const body = listBodyOf("servers", [bytes("\n"), bytes(" [{\"id\":3}]")]);
    expect(JSON.parse(await read(body.withLeadingFields({ sources: [] })))).toEqual({ sources: [], servers: [{ id: 3 }] });
  });
});

describe("ListBody.responseBody", () => {
  it("joins a small body into one buffer, byte for byte", () => {
    const body = listBodyOf("orders", [bytes('{"orders":'), bytes("[]}")]).responseBody();
    expect(body).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(body as Uint8Array)).toBe('{"orders":[]}');
  });

  it("streams a large body in the chunks it came in", async () => {
    const item = `{"id":1,"name":"${"x".repeat(1000)}"},`;
    const chunks = [bytes('{"servers":['), ...Array.from({ length: 100 }, () => bytes(item)), bytes('{"id":2}]}')];
    const body = listBodyOf("servers", chunks).responseBody();
    expect(body).toBeInstanceOf(ReadableStream);
    const parsed = (await new Response(body).json()) as { servers: unknown[] };
    expect(parsed.servers).toHaveLength(101);
  });

  it("refuses to put fields in front of something that is not a JSON object", () => {
    expect(() => serialiseList("servers", []).withLeadingFields({ a: 1 })).not.toThrow();
    expect(() => listBodyOf("x", [bytes("  ")]).withLeadingFields({ a: 1 })).toThrow(/JSON object/);
  });
});
