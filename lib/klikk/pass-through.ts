/**
 * Passing a large upstream answer on without building it twice. A 20,000-server list is about
 * 5.6 MB of JSON; reading it into objects, checking them and serialising them again for the
 * browser cost far more than the bytes' trip (measured on 2 cores: parse 50-200 ms, check
 * 25-75 ms, serialise 40-145 ms, against about 60 ms for a bare Next.js handler that streams the
 * same answer through). So:
 *
 * - when the strict, documented form accepted the answer (./schemas.ts hands back the input
 *   itself then) and the answer is exactly `{"servers": [...]}`, the upstream's own bytes are
 *   what the browser would have received, value for value: they are sent as they came. A bare
 *   array is wrapped in `{"servers": …}` without being parsed again. Anything the tolerant form
 *   had to repair is serialised from the repaired values as before;
 * - the SHA-256 of every answer sent as it came is remembered (a few dozen digests, no data), so
 *   the same bytes again (a refresh of an unchanged list, the usual case) are known to be valid
 *   without being parsed: the check is a pure function of the bytes, so its result is too. A
 *   changed answer has another digest and is checked in full.
 *
 * Server-only (node:crypto); no React, no Next.
 */
import { createHash } from "node:crypto";

const encoder = new TextEncoder();

/** Bytes ready for a Response body. (Chunks read from fetch are never backed by shared memory.) */
export type BodyBytes = Uint8Array<ArrayBuffer>;

/** Digests of answers that passed the strict check, per action; oldest dropped first. */
export class ValidatedAnswers {
  private readonly digests = new Set<string>();
  private readonly size: number;

  constructor(size = 64) {
    this.size = size;
  }

  /** The key of these bytes for this action. */
  static key(action: string, bytes: Uint8Array): string {
    return `${action}:${createHash("sha256").update(bytes).digest("base64")}`;
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
 * How a checked list answer can be sent as `{"<key>": [...]}`: its own bytes when the check
 * returned the input untouched (`data` is the very array inside `json`) and nothing else is in
 * it, else null (serialise `data`).
 */
export function listBodyAsSent(key: string, bytes: BodyBytes, json: unknown, data: unknown): BodyBytes | null {
  if (Array.isArray(json)) return data === json ? wrapIfBare(key, bytes) : null;
  if (typeof json !== "object" || json === null) return null;
  const keys = Object.keys(json);
  if (keys.length !== 1 || keys[0] !== key || (json as Record<string, unknown>)[key] !== data) return null;
  return bytes;
}

/**
 * The bytes of a list answer already known to be valid, as `{"<key>": [...]}`: a bare array
 * (the first byte that is not white space is `[`) is wrapped, an object is sent as it is.
 */
export function wrapIfBare(key: string, bytes: BodyBytes): BodyBytes {
  let at = 0;
  // A byte order mark is dropped by the decoder before parsing; inside the wrapper it would not be.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) at = 3;
  while (at < bytes.byteLength && (bytes[at] === 0x20 || bytes[at] === 0x09 || bytes[at] === 0x0a || bytes[at] === 0x0d)) at += 1;
  if (bytes[at] !== 0x5b) return bytes; // "["
  const head = encoder.encode(`{${JSON.stringify(key)}:`);
  const list = bytes.subarray(at);
  const out = new Uint8Array(head.byteLength + list.byteLength + 1);
  out.set(head, 0);
  out.set(list, head.byteLength);
  out[out.byteLength - 1] = 0x7d; // "}"
  return out;
}

/** `{"<key>": data}` as UTF-8, for answers that were repaired. */
export function serialiseList(key: string, data: unknown): BodyBytes {
  return encoder.encode(JSON.stringify({ [key]: data }));
}
