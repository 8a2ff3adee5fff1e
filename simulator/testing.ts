/**
 * Test helpers for the simulator's own suites: a raw HTTP caller (node:http, so tests control
 * every header and can see each WWW-Authenticate value) and a small independent Digest client.
 * Deliberately not the dashboard's lib/klikk client: the simulator must be checked on its own.
 */
import { createHash, randomBytes } from "node:crypto";
import { request } from "node:http";

export type Reply = {
  status: number;
  headers: Record<string, string[]>;
  text: string;
  json: unknown;
};

export type CallOptions = {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** An object is JSON-encoded; a string or Buffer is sent as is; undefined sends nothing. */
  body?: unknown;
  /** Send the body with chunked encoding (no Content-Length). */
  chunked?: boolean;
  timeoutMs?: number;
  host?: string;
};

/** One HTTP request to the simulator; rejects on a network error or the timeout. */
export function call(origin: string, opts: CallOptions = {}): Promise<Reply> {
  const url = new URL(opts.path ?? "/api", origin);
  const body =
    opts.body === undefined
      ? undefined
      : Buffer.isBuffer(opts.body)
        ? opts.body
        : Buffer.from(typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body));
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (body !== undefined && !opts.chunked) headers["Content-Length"] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: opts.host ?? url.hostname.replace(/^\[|\]$/g, ""), port: url.port, path: url.pathname + url.search, method: opts.method ?? "POST", headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = text === "" ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          const h: Record<string, string[]> = {};
          for (const [k, v] of Object.entries(res.headersDistinct)) if (v) h[k] = v;
          resolve({ status: res.statusCode ?? 0, headers: h, text, json });
        });
      },
    );
    req.on("error", reject);
    if (opts.timeoutMs) req.setTimeout(opts.timeoutMs, () => req.destroy(new Error("timeout")));
    if (opts.chunked && body !== undefined) {
      // Several writes so the body really streams.
      const step = 64 * 1024;
      for (let i = 0; i < body.length; i += step) req.write(body.subarray(i, i + step));
      req.end();
    } else {
      req.end(body);
    }
  });
}

export const basic = (user: string, password: string) => ({
  Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`,
});
export const token = (t: string) => ({ "X-Account-Token": t });

export type Challenge = { scheme: string; params: Record<string, string> };

/** Parse one WWW-Authenticate value holding a single challenge. */
export function parseChallenge(value: string): Challenge {
  const space = value.indexOf(" ");
  const scheme = space === -1 ? value : value.slice(0, space);
  const params: Record<string, string> = {};
  const re = /([a-zA-Z0-9_-]+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]+))/g;
  for (const m of value.slice(space + 1).matchAll(re)) params[(m[1] as string).toLowerCase()] = m[2] ?? m[3] ?? "";
  return { scheme, params };
}

const h = (alg: string, s: string) => createHash(alg.startsWith("SHA-256") ? "sha256" : "md5").update(s).digest("hex");

/** The Authorization header for a Digest challenge (RFC 7616, qop=auth). */
export function digestHeader(o: {
  challenge: Challenge;
  username: string;
  password: string;
  method?: string;
  uri?: string;
  nc?: number;
  cnonce?: string;
  algorithm?: string;
  /** Send the name as username*=UTF-8''… (RFC 7616 3.4.4) instead of username="…". */
  extendedUsername?: boolean;
}): string {
  const p = o.challenge.params;
  const algorithm = o.algorithm ?? p.algorithm ?? "MD5";
  const method = o.method ?? "POST";
  const uri = o.uri ?? "/api";
  const nonce = p.nonce ?? "";
  const realm = p.realm ?? "";
  const nc = (o.nc ?? 1).toString(16).padStart(8, "0");
  const cnonce = o.cnonce ?? randomBytes(12).toString("base64url");
  let ha1 = h(algorithm, `${o.username}:${realm}:${o.password}`);
  if (algorithm.endsWith("-sess")) ha1 = h(algorithm, `${ha1}:${nonce}:${cnonce}`);
  const ha2 = h(algorithm, `${method}:${uri}`);
  const response = h(algorithm, `${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`);
  const name = o.extendedUsername ? `username*=UTF-8''${encodeURIComponent(o.username)}` : `username="${o.username}"`;
  return `Digest ${name}, realm="${realm}", nonce="${nonce}", uri="${uri}", algorithm=${algorithm}, response="${response}", qop=auth, nc=${nc}, cnonce="${cnonce}", opaque="${p.opaque ?? ""}"`;
}

/** Ask for a challenge (an unauthenticated call) and return the Digest one for `algorithm`. */
export async function fetchChallenge(origin: string, algorithm: "SHA-256" | "MD5"): Promise<Challenge> {
  const r = await call(origin, { body: { action: "order_list" } });
  const found = (r.headers["www-authenticate"] ?? []).map(parseChallenge).find((c) => c.scheme === "Digest" && c.params.algorithm === algorithm);
  if (!found) throw new Error(`no ${algorithm} challenge in ${JSON.stringify(r.headers["www-authenticate"])}`);
  return found;
}
