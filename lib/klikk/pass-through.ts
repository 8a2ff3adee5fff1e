/**
 * Passing a large upstream answer on without building it twice. A 20,000-server list is about
 * 5.6 MB of JSON; reading it into objects, checking them and serialising them again for the
 * browser cost far more than the bytes' trip (measured on 2 cores: parse 50-200 ms, check
 * 25-75 ms, serialise 40-145 ms, against about 60 ms for a bare Next.js handler that streams the
 * same answer through). So:
 *
 * - when the strict, documented form accepted the answer (./schemas.ts hands back the input
 *   itself then) and the answer is exactly `{"servers": [...]}`, the upstream's own bytes are
 *   what the browser would have received, value for value: they are sent as they came, in the
 *   chunks they came in (no joined copy; a Uint8Array body would also be copied once more by
 *   Response). A bare array is wrapped in `{"servers": …}` without being parsed again. Anything
 *   the tolerant form had to repair is serialised from the repaired values as before;
 * - the SHA-256 of every answer sent as it came is remembered (a few dozen digests, no data), so
 *   the same bytes again (a refresh of an unchanged list, the usual case) are known to be valid
 *   without being parsed: the check is a pure function of the bytes, so its result is too. A
 *   changed answer has another digest and is checked in full.
 *
 * Server-only (node:crypto); no React, no Next.
 */
import { createHash } from "node:crypto";

const encoder = new TextEncoder();

/** A list's JSON body, ready for a Response, read once. */
export type ListBody = ReadableStream<Uint8Array>;

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
 * The chunks of a list answer known to be valid, as the body `{"<key>": [...]}`: an object is
 * sent as it is; a bare array (its first byte that is not white space is `[`) is wrapped, its
 * byte order mark dropped (the decoder dropped it before parsing; inside the wrapper it would not be).
 */
export function listBodyOf(key: string, chunks: readonly Uint8Array[]): ListBody {
  const parts = chunks.filter((chunk) => chunk.byteLength > 0);
  if (parts.length > 0 && parts[0]![0] === 0xef && parts[0]![1] === 0xbb && parts[0]![2] === 0xbf) parts[0] = parts[0]!.subarray(3);
  // The first byte that is not white space, across chunks.
  for (let index = 0; index < parts.length; index += 1) {
    const chunk = parts[index]!;
    let at = 0;
    while (at < chunk.byteLength && isSpace(chunk[at])) at += 1;
    if (at === chunk.byteLength) continue;
    if (chunk[at] === 0x5b /* [ */) {
      parts.splice(0, index + 1, encoder.encode(`{${JSON.stringify(key)}:`), chunk.subarray(at));
      parts.push(encoder.encode("}"));
    }
    break;
  }
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

/** `{"<key>": data}` for answers that were repaired: serialised as before. */
export function serialiseList(key: string, data: unknown): ListBody {
  return listBodyOf(key, [encoder.encode(JSON.stringify({ [key]: data }))]);
}

/**
 * A list body with more fields put in front: `{"servers": […]}` becomes
 * `{"sources": […], "servers": […]}` without reading the list (the dashboard's answer names the
 * account of each run of servers, issue 15). The body is known to be a JSON object (listBodyOf
 * guarantees it), so its first byte that is not white space is `{` and is replaced by the
 * fields' opening.
 */
export function withLeadingFields(body: ListBody, fields: Record<string, unknown>): ListBody {
  const inner = JSON.stringify(fields);
  const opening = encoder.encode(`{${inner.slice(1, -1)},`);
  let opened = false;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (opened) return controller.enqueue(chunk);
        let at = 0;
        while (at < chunk.byteLength && isSpace(chunk[at])) at += 1;
        if (at === chunk.byteLength) return;
        if (chunk[at] !== 0x7b /* { */) throw new Error("a list body must be a JSON object");
        opened = true;
        controller.enqueue(opening);
        if (at + 1 < chunk.byteLength) controller.enqueue(chunk.subarray(at + 1));
      },
    }),
  );
}
