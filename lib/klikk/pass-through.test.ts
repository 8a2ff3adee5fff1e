import { describe, expect, it } from "vitest";
import { type ListBody, listBodyOf as listBodyOfDigested, serialisedBody, serialiseList, ValidatedAnswers } from "./pass-through";

const bytes = (text: string) => new TextEncoder().encode(text);
const read = (body: ListBody) => new Response(body.responseBody()).text();
/** As the client makes them: the digest is the chunks' ValidatedAnswers key. */
const listBodyOf = (key: string, chunks: Uint8Array[]) => listBodyOfDigested(key, chunks, ValidatedAnswers.key("server_list", chunks));

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

describe("ListBody.entityTag", () => {
  const servers = '{"servers":[{"id":1},{"id":2}]}';
  const tagOf = (chunks: string[], account = "k") => listBodyOf("servers", chunks.map(bytes)).withLeadingFields({ sources: [{ account }] }).entityTag;

  it("is a weak tag, the same for the same bytes however they were cut", () => {
    const tag = tagOf([servers]);
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{43}"$/);
    expect(tagOf([servers.slice(0, 5), servers.slice(5, 17), servers.slice(17)])).toBe(tag);
  });

  it("changes with the list, and with the fields put in front (another account's answer)", () => {
    const tag = tagOf([servers]);
    expect(tagOf([servers.replace('"id":2', '"id":3')])).not.toBe(tag);
    expect(tagOf([servers], "other")).not.toBe(tag);
    expect(listBodyOf("servers", [bytes(servers)]).entityTag).not.toBe(tag);
  });

  it("names a serialised body by its text", () => {
    expect(serialisedBody(servers).entityTag).toBe(serialisedBody(servers).entityTag);
    expect(serialiseList("servers", [{ id: 1 }, { id: 2 }]).entityTag).toBe(serialisedBody(servers).entityTag);
    expect(serialisedBody(servers).entityTag).not.toBe(serialisedBody(servers.replace("1", "4")).entityTag);
  });
});
