import { describe, expect, it } from "vitest";
import { listBodyOf, withLeadingFields } from "./pass-through";

const bytes = (text: string) => new TextEncoder().encode(text);
const read = (body: ReadableStream<Uint8Array>) => new Response(body).text();

describe("withLeadingFields", () => {
  it("puts fields in front of a passed-through list without reading it", async () => {
    const body = listBodyOf("servers", [bytes('  {"serv'), bytes('ers":[{"id":1},{"id":2}]}')]);
    const text = await read(withLeadingFields(body, { sources: [{ account: "k" }] }));
    expect(JSON.parse(text)).toEqual({ sources: [{ account: "k" }], servers: [{ id: 1 }, { id: 2 }] });
  });

  it("works on a bare array the pass-through wrapped, and on a body that starts in a later chunk", async () => {
    const body = listBodyOf("servers", [bytes("\n"), bytes(" [{\"id\":3}]")]);
    expect(JSON.parse(await read(withLeadingFields(body, { sources: [] })))).toEqual({ sources: [], servers: [{ id: 3 }] });
  });
});
