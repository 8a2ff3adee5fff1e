/**
 * GET /api/servers read while it downloads. A list of 20,000 servers is about 5.6 MB of JSON;
 * read whole (`response.text()`, then one `JSON.parse`), it was decoded and parsed only after
 * its last byte, 110-200 ms on 2 cores between the data's arrival and the first rows. Here each
 * chunk is decoded as it comes and the servers it completes are parsed at once, so what is left
 * after the last byte is that chunk's share.
 *
 * Finding where a server ends without reading every character: a character-by-character
 * scanner in JavaScript cost half as much again as JSON.parse itself (measured: 40-90 ms for
 * the 5.6 MB), so only the head of the body, up to the servers array, is scanned. Inside the
 * array a batch ends at the last `]},{` of the text so far (a server's last field is its
 * storage list; nothing inside a network or a storage holds a list), and `JSON.parse` of the
 * batch as an array is the proof: the parse reads from the start of an element, so it succeeds
 * only if the cut falls between two elements (a cut in a string or a nested list leaves either
 * open). Where no cut proves out (another layout of the fields), the text waits for the end.
 * At the end, the head, the unparsed rest and the body's tail are parsed in one go, and the
 * servers parsed before are put in front. So the answer is what JSON.parse of the whole body
 * gives, and a body that is not JSON throws as JSON.parse does.
 * No React, no DOM: unit-tested under Node.
 */
import type { ServersAnswer } from "@/lib/accounts/tag-servers";
import type { Server } from "@/lib/klikk/schemas";

// Loaded with the list's parser rather than by an import of its own: the servers query loads
// this module for every list anyway, and a second lazy module cost every page that lists servers
// its loader in the first load.
export { takeEarlyResponse } from "@/lib/queries/early-response";
export { rememberEntityTag, revalidationHeaders } from "@/lib/queries/list-validators";

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;

/** Where one server ends and the next begins, as the upstream writes them (see above). */
const CUT = "]},{";
/** Unproven cuts in a row after which the parser stops trying and parses at the end. */
const MAX_MISSES = 3;

export class ServersBodyParser {
  /** The servers parsed before the end of the body, in body order. */
  readonly servers: Server[] = [];
  /** Called with each batch of servers just parsed (the inventory builds its rows meanwhile). */
  onBatch: ((batch: readonly Server[]) => void) | undefined;

  /** The body up to and including the `[` of the servers array, once found. */
  private head = "";
  /** The text after the head (or all of it before the head is found) not yet parsed. */
  private text = "";
  private inside = false;
  private misses = 0;
  // The head scanner's state: it follows strings and nesting up to the servers array.
  private pos = 0;
  private depth = 0;
  private inString = false;
  private stringStart = 0;
  private keyIsServers = false;
  private topIsObject = false;

  /** Takes the next decoded piece of the body and parses the servers it completes. */
  push(chunk: string): void {
    this.text += chunk;
    if (!this.inside && !this.findHead()) return;
    if (this.misses >= MAX_MISSES) return;
    const text = this.text;
    for (let cut = text.lastIndexOf(CUT); cut >= 0; cut = text.lastIndexOf(CUT, cut - 1)) {
      let batch: Server[];
      try {
        batch = JSON.parse(`[${text.slice(0, cut + 2)}]`) as Server[];
      } catch {
        if (++this.misses >= MAX_MISSES) return;
        continue;
      }
      this.misses = 0;
      // After the comma: the next element's `{` starts the text.
      this.text = text.slice(cut + 3);
      for (let i = 0; i < batch.length; i++) this.servers.push(batch[i]!);
      this.onBatch?.(batch);
      return;
    }
  }

  /** The whole answer, once the body has ended; throws a SyntaxError for what is not JSON. */
  finish(): ServersAnswer {
    const answer = JSON.parse(this.head + this.text) as ServersAnswer;
    if (this.servers.length === 0) return answer;
    const rest = answer.servers;
    const servers = this.servers;
    for (let i = 0; i < rest.length; i++) servers.push(rest[i]!);
    answer.servers = servers;
    return answer;
  }

  /**
   * Scans for the `[` that opens the array under the top-level key "servers"; moves the text up
   * to it into `head`. Only strings and nesting are followed: the scan is over a few hundred
   * characters of a real answer, and JSON.parse checks everything in finish().
   */
  private findHead(): boolean {
    const text = this.text;
    let { depth, inString, stringStart, keyIsServers, topIsObject } = this;
    let i = this.pos;
    let found = false;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        // Skip the escaped character, which may be in the next chunk (scanning resumes past it).
        if (c === BACKSLASH) i++;
        else if (c === QUOTE) {
          inString = false;
          if (depth === 1) keyIsServers = i - stringStart === 8 && text.startsWith("servers", stringStart + 1);
        }
      } else if (c === QUOTE) {
        inString = true;
        stringStart = i;
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        depth++;
        if (depth === 1) topIsObject = c === OPEN_OBJECT;
        else if (c === OPEN_ARRAY && depth === 2 && keyIsServers && topIsObject) {
          found = true;
          break;
        }
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
    }
    if (found) {
      this.head = text.slice(0, i + 1);
      this.text = text.slice(i + 1);
      this.inside = true;
      return true;
    }
    Object.assign(this, { pos: i, depth, inString, stringStart, keyIsServers, topIsObject });
    return false;
  }
}

/** Reads a response body through the parser as it arrives. */
export async function readServersBody(body: ReadableStream<Uint8Array>, parser: ServersBodyParser): Promise<ServersAnswer> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.push(decoder.decode(value, { stream: true }));
  }
  parser.push(decoder.decode());
  return parser.finish();
}
