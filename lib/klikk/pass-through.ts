/**
 * Passing a large upstream answer on without building it twice. A 20,000-server list is about
 * 5.6 MB of JSON; reading it into objects, checking them and serialising them again for the
 * browser cost far more than the bytes' trip (measured on 2 cores: parse 50-200 ms, check
 * 25-75 ms, serialise 40-145 ms, against about 60 ms for a bare Next.js handler that streams the
 * same answer through). So:
 *
 * - when the strict, documented form accepted the answer (./schemas.ts hands back the input
 *   itself then) and the answer is exactly `{"servers": [...]}`, the upstream's own bytes are
 *   what the browser would have received, value for value: they are sent as they came: a large list in the
 *   chunks it came in (no joined copy; a Uint8Array body would also be copied once more by
 *   Response), a small one (an order list) joined into one buffer. A bare array is wrapped in `{"servers": …}` without being parsed again. Anything
 *   the tolerant form had to repair is serialised from the repaired values as before;
 * - the SHA-256 of every answer sent as it came is remembered (a few dozen digests, no data), so
 *   the same bytes again (a refresh of an unchanged list, the usual case) are known to be valid
 *   without being parsed: the check is a pure function of the bytes, so its result is too. A
 *   changed answer has another digest and is checked in full;
 * - the same digest names the body for the browser (an ETag): a browser that already holds this
 *   very list is told so (304) instead of being sent 5.6 MB to parse and lay out again.
 *
 * Server-only (node:crypto); no React, no Next.
 */
import { createHash } from "node:crypto";
import { joinChunks } from "../http/capped-body.ts";

const encoder = new TextEncoder();

/** Digests of answers that passed the strict check, per action; least recently used dropped first. */
export class ValidatedAnswers {
  private readonly digests = new Set<string>();
  private readonly size: number;

  constructor(size = 64) {
    this.size = size;
  }

  /** The key of these bytes for this action. */
  static key(action: string, chunks: readonly Uint8Array[]): string {
    const hash = createHash("sha256");
    for (const chunk of chunks) hash.update(chunk);
    return `${action}:${hash.digest("base64")}`;
  }

  has(key: string): boolean {
    if (!this.digests.has(key)) return false;
    // Most recently used last, so that the oldest is the first to go.
    this.digests.delete(key);
    this.digests.add(key);
    return true;
  }

  add(key: string): void {
    this.digests.delete(key);
    this.digests.add(key);
    if (this.digests.size > this.size) this.digests.delete(this.digests.values().next().value as string);
  }
}

const globalForAnswers = globalThis as typeof globalThis & { __klikkValidatedAnswers?: ValidatedAnswers };
/** One per process (every module graph of a Next server shares it). */
export const validatedAnswers = (globalForAnswers.__klikkValidatedAnswers ??= new ValidatedAnswers());

/**
 * Whether a checked list answer can go out as its own bytes: the check returned the input
 * untouched (`data` is the very array in `json`, or `json` itself for a bare array) and nothing
 * else is in it.
 */
export function sendableAsItCame(key: string, json: unknown, data: unknown): boolean {
  if (Array.isArray(json)) return data === json;
  if (typeof json !== "object" || json === null) return false;
  const keys = Object.keys(json);
  return keys.length === 1 && keys[0] === key && (json as Record<string, unknown>)[key] === data;
}

const isSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/**
 * Up to this size a body goes out as one buffer: joining a few kilobytes costs less than a
 * stream's reads (an order list: about 70 µs less per request than a stream piped through a
 * transform). Larger lists stream in the chunks they came in, each let go once handed on.
 */
const JOIN_BELOW_BYTES = 64 * 1024;

/** Where the first byte that is not white space is, across chunks; null when there is none. */
function firstByteAt(parts: readonly Uint8Array[]): { part: number; at: number } | null {
  for (let part = 0; part < parts.length; part += 1) {
    const chunk = parts[part]!;
    let at = 0;
    while (at < chunk.byteLength && isSpace(chunk[at])) at += 1;
    if (at < chunk.byteLength) return { part, at };
  }
  return null;
}

/**
 * A list's JSON body, known to be one JSON object (`{"<key>": [...]}`, perhaps with fields put in
 * front), held as the chunks it is made of until it is sent once (`responseBody`).
 */
export class ListBody {
  private readonly parts: Uint8Array[];
  /** What the body's bytes are a pure function of (a digest of them, or of what they were made from). */
  private readonly fingerprint: string;

  /**
   * @param parts the body's bytes, in order; the first byte that is not white space is `{`.
   * @param fingerprint equal for two bodies exactly when their bytes are (a digest, not the bytes).
   */
  constructor(parts: Uint8Array[], fingerprint: string) {
    this.parts = parts;
    this.fingerprint = fingerprint;
  }

  /**
   * The body's ETag (RFC 9110 8.8.3): a digest of the fingerprint. Weak, because the server may
   * compress the body on its way out, and a strong tag would have to change with the coding;
   * If-None-Match compares weakly anyway.
   */
  get entityTag(): string {
    return `W/"${createHash("sha256").update(this.fingerprint).digest("base64url")}"`;
  }

  get byteLength(): number {
    let total = 0;
    for (const part of this.parts) total += part.byteLength;
    return total;
  }

  /**
   * The same body with more fields put in front: `{"servers": […]}` becomes
   * `{"sources": […], "servers": […]}` without reading the list (the dashboard's answer names the
   * account of each run of servers, issue 15). The object's opening `{` is replaced by the
   * fields' opening.
   */
  withLeadingFields(fields: Record<string, unknown>): ListBody {
    const first = firstByteAt(this.parts);
    if (!first || this.parts[first.part]![first.at] !== 0x7b /* { */) throw new Error("a list body must be a JSON object");
    const inner = JSON.stringify(fields);
    const opening = encoder.encode(`{${inner.slice(1, -1)},`);
    return new ListBody([opening, this.parts[first.part]!.subarray(first.at + 1), ...this.parts.slice(first.part + 1)], `${this.fingerprint}\u0000${inner}`);
  }

  /** The body for a Response: one buffer when small, else a stream of its chunks. Call once. */
  responseBody(): Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> {
    const parts = this.parts.filter((part) => part.byteLength > 0);
    const total = this.byteLength;
    if (total < JOIN_BELOW_BYTES) return joinChunks(parts, total);
    let next = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        const part = parts[next];
        if (part === undefined) {
          controller.close();
          return;
        }
        // Let go of each chunk once it is handed on.
        parts[next] = new Uint8Array(0);
        next += 1;
        controller.enqueue(part);
      },
    });
  }
}

/**
 * The chunks of a list answer known to be valid, as the body `{"<key>": [...]}`: an object is
 * sent as it is; a bare array (its first byte that is not white space is `[`) is wrapped, its
 * byte order mark dropped (the decoder dropped it before parsing; inside the wrapper it would not be).
 * `digest` is the chunks' ValidatedAnswers key: what is sent is a pure function of them.
 */
export function listBodyOf(key: string, chunks: readonly Uint8Array[], digest: string): ListBody {
  const parts = chunks.filter((chunk) => chunk.byteLength > 0);
  if (parts.length > 0 && parts[0]![0] === 0xef && parts[0]![1] === 0xbb && parts[0]![2] === 0xbf) parts[0] = parts[0]!.subarray(3);
  const first = firstByteAt(parts);
  if (first && parts[first.part]![first.at] === 0x5b /* [ */) {
    parts.splice(0, first.part + 1, encoder.encode(`{${JSON.stringify(key)}:`), parts[first.part]!.subarray(first.at));
    parts.push(encoder.encode("}"));
  }
  return new ListBody(parts, `as-it-came:${key}:${digest}`);
}

/** A body made here (a repaired answer, or lists merged across accounts). */
export function serialisedBody(text: string): ListBody {
  return new ListBody([encoder.encode(text)], `serialised:${createHash("sha256").update(text).digest("base64")}`);
}

/** `{"<key>": data}` for answers that were repaired: serialised as before. */
export function serialiseList(key: string, data: unknown): ListBody {
  return serialisedBody(JSON.stringify({ [key]: data }));
}
