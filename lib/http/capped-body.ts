/**
 * Reading a web stream as text, up to a byte cap: the one reader behind both the klikk client
 * (upstream answers, lib/klikk/client.ts) and the route handlers (request bodies,
 * lib/server/request.ts), so both stop at the cap the same way.
 *
 * - A declared length (Content-Length) past the cap fails at once, the stream cancelled unread;
 * - otherwise bytes are counted as they arrive and the stream is cancelled as soon as the next
 *   chunk would pass the cap, so a body without Content-Length (chunked) cannot make us buffer
 *   more than `cap` bytes either;
 * - in `truncate` mode the first `cap` bytes are kept instead (for error bodies, which are a
 *   message, not data) and the declared length is not consulted.
 *
 * The text is decoded as UTF-8, invalid bytes replaced, never thrown on. Browser- and
 * Node-safe: web streams and TextDecoder only (no Buffer, no `server-only`), so the client keeps
 * running under Node's type stripping and this file stays importable anywhere.
 */

/**
 * The text, or why there is none. On too_large, `declared` is the Content-Length that was
 * refused; it is absent when the bytes themselves passed the cap.
 */
export type CappedText = { ok: true; text: string } | { ok: false; reason: "too_large"; declared?: number };

export type CappedTextOptions = {
  /** The Content-Length header as sent (null or absent when none was). */
  declaredLength?: string | null;
  /** Keep the first `cap` bytes and drop the rest rather than failing. */
  truncate?: boolean;
};

/** The bytes as they arrived, in chunks, or why there are none (as for CappedText). */
export type CappedChunks = { ok: true; chunks: Uint8Array[]; total: number } | { ok: false; reason: "too_large"; declared?: number };

export async function readCappedText(
  stream: ReadableStream<Uint8Array> | null,
  cap: number,
  options: CappedTextOptions = {},
): Promise<CappedText> {
  const read = await readCappedChunks(stream, cap, options);
  return read.ok ? { ok: true, text: new TextDecoder("utf-8", { fatal: false }).decode(concat(read.chunks, read.total)) } : read;
}

/** UTF-8 chunks to text, invalid bytes replaced, never thrown on; no copy of the bytes first. */
export function decodeUtf8Chunks(chunks: readonly Uint8Array[]): string {
  const decoder = new TextDecoder("utf-8", { fatal: false });
  let text = "";
  for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/**
 * The same reading as readCappedText, without decoding or joining: the chunks as they arrived,
 * for an answer that may be passed on as it came (lib/klikk/pass-through.ts).
 */
export async function readCappedChunks(
  stream: ReadableStream<Uint8Array> | null,
  cap: number,
  options: CappedTextOptions = {},
): Promise<CappedChunks> {
  const { declaredLength, truncate = false } = options;
  if (!truncate && declaredLength !== undefined && declaredLength !== null) {
    // Number() of a malformed value is NaN, never > cap: such a body is simply counted below.
    const declared = Number(declaredLength);
    if (declared > cap) {
      await stream?.cancel().catch(() => {});
      return { ok: false, reason: "too_large", declared };
    }
  }
  if (!stream) return { ok: true, chunks: [], total: 0 };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > cap) {
      await reader.cancel().catch(() => {});
      if (!truncate) return { ok: false, reason: "too_large" };
      chunks.push(value.subarray(0, cap - total));
      total = cap;
      break;
    }
    chunks.push(value);
    total += value.byteLength;
  }
  return { ok: true, chunks, total };
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  return joinChunks(chunks, total);
}

/** The chunks' bytes, `total` of them, copied into one new buffer. */
export function joinChunks(chunks: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
