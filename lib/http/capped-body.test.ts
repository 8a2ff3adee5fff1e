import { describe, expect, it } from "vitest";
import { decodeUtf8Chunks, readCappedText } from "./capped-body.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

/** A stream of the given chunks that records how many were pulled and whether it was cancelled. */
function source(chunks: Uint8Array[]) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = chunks[state.pulled];
        if (next === undefined) {
          controller.close();
          return;
        }
        state.pulled += 1;
        controller.enqueue(next);
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 }, // pull only when read, so `pulled` counts what the reader asked for
  );
  return { stream, state };
}

describe("readCappedText", () => {
  it("reads a body under the cap, and exactly at it", async () => {
    expect(await readCappedText(source([bytes("ab"), bytes("cd")]).stream, 10)).toEqual({ ok: true, text: "abcd" });
    expect(await readCappedText(source([bytes("ab"), bytes("cd")]).stream, 4)).toEqual({ ok: true, text: "abcd" });
  });

  it("reads no body as empty text", async () => {
    expect(await readCappedText(null, 10)).toEqual({ ok: true, text: "" });
    expect(await readCappedText(null, 10, { declaredLength: "0" })).toEqual({ ok: true, text: "" });
  });

  it("refuses a declared length over the cap without reading, and cancels the stream", async () => {
    const { stream, state } = source([bytes("x".repeat(100))]);
    expect(await readCappedText(stream, 10, { declaredLength: "100" })).toEqual({ ok: false, reason: "too_large", declared: 100 });
    expect(state).toEqual({ pulled: 0, cancelled: true });
    expect(await readCappedText(null, 10, { declaredLength: "11" })).toEqual({ ok: false, reason: "too_large", declared: 11 });
  });

  it("stops at the chunk that passes the cap when no length was declared, and cancels", async () => {
    const { stream, state } = source([bytes("12345"), bytes("67890"), bytes("x"), bytes("never read")]);
    expect(await readCappedText(stream, 10)).toEqual({ ok: false, reason: "too_large" });
    expect(state).toEqual({ pulled: 3, cancelled: true });
  });

  it("counts the bytes even when the declared length is small, malformed or empty", async () => {
    for (const declaredLength of ["3", "abc", "", null]) {
      const { stream, state } = source([bytes("12345678"), bytes("90ab")]);
      expect(await readCappedText(stream, 10, { declaredLength })).toEqual({ ok: false, reason: "too_large" });
      expect(state.cancelled).toBe(true);
    }
  });

  it("truncates instead of failing in truncate mode, whatever the declared length", async () => {
    const { stream, state } = source([bytes("12345"), bytes("67890"), bytes("never read")]);
    expect(await readCappedText(stream, 7, { declaredLength: "1000", truncate: true })).toEqual({ ok: true, text: "1234567" });
    expect(state).toEqual({ pulled: 2, cancelled: true });
    expect(await readCappedText(source([bytes("short")]).stream, 7, { truncate: true })).toEqual({ ok: true, text: "short" });
  });

  it("decodes UTF-8 split across chunks, and replaces invalid bytes rather than throwing", async () => {
    const euro = bytes("€"); // three bytes
    const split = [euro.subarray(0, 1), euro.subarray(1), bytes("!")];
    expect(await readCappedText(source(split).stream, 10)).toEqual({ ok: true, text: "€!" });
    expect(await readCappedText(source([new Uint8Array([0x61, 0xff, 0x62])]).stream, 10)).toEqual({ ok: true, text: "a\uFFFDb" });
  });

  it("passes on a stream's error", async () => {
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error("reset"));
      },
    });
    await expect(readCappedText(stream, 10)).rejects.toThrow("reset");
  });
});

describe("decodeUtf8Chunks", () => {
  it("joins a character split across chunks", () => {
    const bytes = new TextEncoder().encode("Zürich €");
    expect(decodeUtf8Chunks([bytes.subarray(0, 2), bytes.subarray(2, 9), bytes.subarray(9)])).toBe("Zürich €");
  });
});
