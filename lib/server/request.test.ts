import { describe, expect, it } from "vitest";
import { z } from "zod";
import { HttpError } from "./http";
import { MAX_BODY_BYTES, readJson } from "./request";

const schema = z.object({ name: z.string() });

function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/api/x", { method: "POST", body, headers, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);
}

async function httpError(p: Promise<unknown>): Promise<HttpError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HttpError) return e;
    throw e;
  }
  throw new Error("expected a rejection");
}

/** A chunked body (no Content-Length) of `chunks` chunks of 8 KiB; counts what was pulled. */
function chunked(chunks: number) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === chunks) return controller.close();
      state.pulled += 1;
      controller.enqueue(new Uint8Array(8 * 1024).fill(0x20));
    },
    cancel() {
      state.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, state };
}

describe("readJson", () => {
  it("parses and validates a JSON body", async () => {
    expect(await readJson(post(JSON.stringify({ name: "a" })), schema)).toEqual({ name: "a" });
  });

  it("answers 413 for a declared length over 64 KiB", async () => {
    const e = await httpError(readJson(post("{}", { "Content-Length": String(MAX_BODY_BYTES + 1) }), schema));
    expect({ status: e.status, code: e.code, message: e.message }).toEqual({
      status: 413,
      code: "payload_too_large",
      message: "The request body is larger than 64 KiB.",
    });
  });

  it("answers 413 for a chunked body over 64 KiB, without reading it all", async () => {
    const { stream, state } = chunked(100);
    const e = await httpError(readJson(post(stream), schema));
    expect([e.status, e.code, e.message]).toEqual([413, "payload_too_large", "The request body is larger than 64 KiB."]);
    expect(state.pulled).toBeLessThanOrEqual(10);
    expect(state.cancelled).toBe(true);
  });

  it("reads a chunked body of exactly 64 KiB", async () => {
    // 64 KiB of spaces is empty JSON text: it is read in full and then fails validation, not size.
    const e = await httpError(readJson(post(chunked(8).stream), schema));
    expect(e.status).toBe(400);
  });

  it("answers 400 for invalid JSON, and validates an empty body as undefined", async () => {
    const bad = await httpError(readJson(post("{nope"), schema));
    expect([bad.status, bad.code, bad.message]).toEqual([400, "validation", "The request body is not valid JSON."]);
    const empty = await httpError(readJson(post(null), schema));
    expect(empty.status).toBe(400);
    expect(await readJson(post(null), schema.optional())).toBeUndefined();
  });

  it("names the field that failed validation", async () => {
    const e = await httpError(readJson(post(JSON.stringify({ name: 1 })), schema));
    expect([e.status, e.code, Object.keys(e.fields ?? {})]).toEqual([400, "validation", ["name"]]);
  });
});
