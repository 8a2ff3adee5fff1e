/**
 * HTTP Digest access authentication, client side (RFC 7616), with node:crypto.
 *
 * - `parseWwwAuthenticate` reads every challenge of every WWW-Authenticate value, including
 *   several challenges joined into one value with commas (what fetch's Headers#get returns), with
 *   quoted strings, escaped quotes and token68 handled per RFC 9110 section 11.
 * - `selectDigestChallenge` prefers SHA-512-256, then SHA-256, then MD5 (each plain before
 *   -sess) and accepts only challenges offering qop "auth".
 * - `computeDigestResponse` / `buildAuthorization` are pure, so the RFC 7616 section 3.9.1
 *   vectors test them directly.
 * - `digestFetch` runs one request through a Digest exchange: it authenticates preemptively from
 *   a small process-wide cache of the last accepted challenge per (origin, username), retries
 *   once on `stale=true`, and never loops on a 401.
 *
 * Server-only (node:crypto).
 */
import { createHash, randomBytes } from "node:crypto";

// ---------------------------------------------------------------- parsing

/** One challenge: its scheme as sent, and its auth-params (names lower-cased) or token68. */
export type AuthChallenge = {
  scheme: string;
  params: Record<string, string>;
  token68?: string;
};

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68CHAR = /[A-Za-z0-9\-._~+/]/;

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t";
}

/**
 * Parses WWW-Authenticate (or Proxy-Authenticate) into challenges, in order. Accepts one value
 * or several (one per header line); each value may hold several comma-separated challenges.
 * Malformed parts are skipped rather than thrown on: the caller picks what it understands.
 */
export function parseWwwAuthenticate(header: string | readonly string[] | null | undefined): AuthChallenge[] {
  if (header === null || header === undefined) return [];
  const values = typeof header === "string" ? [header] : header;
  const out: AuthChallenge[] = [];
  for (const value of values) parseValue(value, out);
  return out;
}

function parseValue(s: string, out: AuthChallenge[]): void {
  let i = 0;
  const n = s.length;

  const skipSpaces = () => {
    while (i < n && isSpace(s[i])) i++;
  };
  const skipListSeparators = () => {
    while (i < n && (isSpace(s[i]) || s[i] === ",")) i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < n && TCHAR.test(s[i]!)) i++;
    return s.slice(start, i);
  };
  const readQuoted = (): string => {
    // s[i] === '"'
    i++;
    let v = "";
    while (i < n) {
      const c = s[i]!;
      if (c === "\\" && i + 1 < n) {
        v += s[i + 1];
        i += 2;
      } else if (c === '"') {
        i++;
        return v;
      } else {
        v += c;
        i++;
      }
    }
    return v; // unterminated: take what there is
  };
  /** Tries `token BWS "=" BWS ( token / quoted-string )` at i; restores i and returns null if not one. */
  const tryParam = (): [string, string] | null => {
    const save = i;
    const name = readToken();
    if (name === "") return null;
    skipSpaces();
    if (s[i] !== "=") {
      i = save;
      return null;
    }
    i++;
    skipSpaces();
    let value: string;
    if (s[i] === '"') {
      value = readQuoted();
    } else {
      value = readToken();
      if (value === "") {
        i = save;
        return null;
      }
    }
    // A parameter ends at a comma or the end of the value.
    skipSpaces();
    if (i < n && s[i] !== ",") {
      i = save;
      return null;
    }
    return [name.toLowerCase(), value];
  };

  while (i < n) {
    skipListSeparators();
    if (i >= n) break;
    const scheme = readToken();
    if (scheme === "") {
      // Not a challenge start: skip to the next comma.
      while (i < n && s[i] !== ",") i++;
      continue;
    }
    const challenge: AuthChallenge = { scheme, params: {} };
    out.push(challenge);
    if (!isSpace(s[i])) continue; // "Scheme" alone, or "Scheme," : no parameters
    skipSpaces();

    // token68 (e.g. "Negotiate abc==") or the first auth-param.
    const first = tryParam();
    if (first === null) {
      const start = i;
      while (i < n && TOKEN68CHAR.test(s[i]!)) i++;
      while (i < n && s[i] === "=") i++;
      if (i > start) challenge.token68 = s.slice(start, i);
      skipSpaces();
      continue; // a comma (or the end) follows; the next challenge starts after it
    }
    setParam(challenge, first);

    // More parameters of this challenge, until something that is a new challenge's scheme.
    while (i < n) {
      skipListSeparators();
      if (i >= n) break;
      const param = tryParam();
      if (param === null) break; // not "name=value": the next challenge starts here
      setParam(challenge, param);
    }
  }
}

function setParam(challenge: AuthChallenge, [name, value]: [string, string]): void {
  // The first occurrence wins; a repeated parameter is a server error we do not reward.
  if (!Object.hasOwn(challenge.params, name)) challenge.params[name] = value;
}

// ---------------------------------------------------------------- selection

export type DigestAlgorithm = "MD5" | "MD5-sess" | "SHA-256" | "SHA-256-sess" | "SHA-512-256" | "SHA-512-256-sess";

/** A Digest challenge we can answer: qop "auth" offered, algorithm supported. */
export type DigestChallenge = {
  realm: string;
  nonce: string;
  opaque?: string;
  algorithm: DigestAlgorithm;
  /** The algorithm as the server spelled it, echoed back. */
  algorithmToken: string;
  qop: "auth";
  stale: boolean;
  userhash: boolean;
  charsetUtf8: boolean;
};

const ALGORITHMS: Readonly<Record<string, { alg: DigestAlgorithm; rank: number }>> = {
  "sha-512-256": { alg: "SHA-512-256", rank: 6 },
  "sha-512-256-sess": { alg: "SHA-512-256-sess", rank: 5 },
  "sha-256": { alg: "SHA-256", rank: 4 },
  "sha-256-sess": { alg: "SHA-256-sess", rank: 3 },
  md5: { alg: "MD5", rank: 2 },
  "md5-sess": { alg: "MD5-sess", rank: 1 },
};

/** Reads one parsed challenge as a usable Digest challenge, or null (not Digest, no qop=auth, …). */
export function toDigestChallenge(c: AuthChallenge): DigestChallenge | null {
  if (c.scheme.toLowerCase() !== "digest") return null;
  const { realm, nonce } = c.params;
  if (realm === undefined || nonce === undefined || nonce === "") return null;
  const algorithmToken = c.params.algorithm ?? "MD5"; // RFC 7616: absent means MD5
  const known = ALGORITHMS[algorithmToken.toLowerCase()];
  if (!known) return null;
  // qop is a comma-separated list inside one quoted string; only "auth" is supported (auth-int
  // would need the body hashed, and RFC 2069's qop-less mode is obsolete).
  const qops = (c.params.qop ?? "").split(",").map((q) => q.trim().toLowerCase());
  if (!qops.includes("auth")) return null;
  const challenge: DigestChallenge = {
    realm,
    nonce,
    algorithm: known.alg,
    algorithmToken,
    qop: "auth",
    stale: (c.params.stale ?? "").toLowerCase() === "true",
    userhash: (c.params.userhash ?? "").toLowerCase() === "true",
    charsetUtf8: (c.params.charset ?? "").toLowerCase() === "utf-8",
  };
  if (c.params.opaque !== undefined) challenge.opaque = c.params.opaque;
  return challenge;
}

/** The best Digest challenge on offer (strongest algorithm; first of equals), or null. */
export function selectDigestChallenge(challenges: readonly AuthChallenge[]): DigestChallenge | null {
  let best: DigestChallenge | null = null;
  let bestRank = 0;
  for (const c of challenges) {
    const d = toDigestChallenge(c);
    if (!d) continue;
    const rank = ALGORITHMS[d.algorithm.toLowerCase()]!.rank;
    if (rank > bestRank) {
      best = d;
      bestRank = rank;
    }
  }
  return best;
}

// ---------------------------------------------------------------- computing

const NODE_HASH: Readonly<Record<string, string>> = {
  MD5: "md5",
  "SHA-256": "sha256",
  "SHA-512-256": "sha512-256",
};

function baseAlgorithm(alg: DigestAlgorithm): string {
  return alg.endsWith("-sess") ? alg.slice(0, -5) : alg;
}

function hashHex(alg: DigestAlgorithm, data: string): string {
  return createHash(NODE_HASH[baseAlgorithm(alg)]!).update(data, "utf8").digest("hex");
}

export type DigestResponseInput = {
  algorithm: DigestAlgorithm;
  username: string;
  password: string;
  realm: string;
  method: string;
  /** The request-target as sent, e.g. "/api" or "/dir/index.html". */
  uri: string;
  nonce: string;
  /** 8 hex digits, e.g. "00000001". */
  nc: string;
  cnonce: string;
  qop: "auth";
};

/** The `response` value of RFC 7616 section 3.4.1 (qop=auth), lower-case hex. */
export function computeDigestResponse(input: DigestResponseInput): string {
  const { algorithm, username, password, realm, method, uri, nonce, nc, cnonce, qop } = input;
  let ha1 = hashHex(algorithm, `${username}:${realm}:${password}`);
  if (algorithm.endsWith("-sess")) ha1 = hashHex(algorithm, `${ha1}:${nonce}:${cnonce}`);
  const ha2 = hashHex(algorithm, `${method}:${uri}`);
  return hashHex(algorithm, `${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`);
}

/** `n` as the 8 lower-case hex digits of the nc parameter: 1 -> "00000001", 26 -> "0000001a". */
export function formatNonceCount(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 0xffffffff) throw new RangeError("nonce count out of range");
  return n.toString(16).padStart(8, "0");
}

/** A fresh client nonce: 24 random bytes, base64 (as long as the RFC's example). */
export function createCnonce(): string {
  return randomBytes(24).toString("base64");
}

function quote(v: string): string {
  return `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

// Printable ASCII without the characters that would need escaping in a quoted-string.
const PLAIN_USERNAME = /^[\x20-\x7e]*$/;

export type AuthorizationInput = {
  challenge: DigestChallenge;
  username: string;
  password: string;
  method: string;
  uri: string;
  /** The nonce count, 1 for the first request with this nonce. */
  nc: number;
  cnonce: string;
};

/** The Authorization header value answering `challenge` (RFC 7616 section 3.4). */
export function buildAuthorization(input: AuthorizationInput): string {
  const { challenge, username, password, method, uri, cnonce } = input;
  const nc = formatNonceCount(input.nc);
  const response = computeDigestResponse({
    algorithm: challenge.algorithm,
    username,
    password,
    realm: challenge.realm,
    method,
    uri,
    nonce: challenge.nonce,
    nc,
    cnonce,
    qop: challenge.qop,
  });
  const parts: string[] = [];
  if (challenge.userhash) {
    parts.push(`username=${quote(hashHex(challenge.algorithm, `${username}:${challenge.realm}`))}`);
  } else if (PLAIN_USERNAME.test(username)) {
    parts.push(`username=${quote(username)}`);
  } else {
    // RFC 7616 section 3.4.4: a username outside ASCII goes in username* (RFC 8187 encoding).
    parts.push(`username*=UTF-8''${encodeRfc8187(username)}`);
  }
  parts.push(
    `realm=${quote(challenge.realm)}`,
    `uri=${quote(uri)}`,
    `algorithm=${challenge.algorithmToken}`,
    `nonce=${quote(challenge.nonce)}`,
    `nc=${nc}`,
    `cnonce=${quote(cnonce)}`,
    `qop=${challenge.qop}`,
    `response=${quote(response)}`,
  );
  if (challenge.opaque !== undefined) parts.push(`opaque=${quote(challenge.opaque)}`);
  if (challenge.userhash) parts.push("userhash=true");
  return `Digest ${parts.join(", ")}`;
}

function encodeRfc8187(v: string): string {
  return encodeURIComponent(v).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// ---------------------------------------------------------------- the exchange

type CacheEntry = { challenge: DigestChallenge; nc: number };

/**
 * The last accepted challenge per (origin, username), so the next call authenticates without
 * the extra 401 round trip. Bounded (least recently used goes first); holds no secrets, only
 * what the server sent in the clear.
 */
export class DigestChallengeCache {
  readonly #entries = new Map<string, CacheEntry>();
  readonly #max: number;

  constructor(maxEntries = 256) {
    this.#max = maxEntries;
  }

  static key(origin: string, username: string): string {
    return `${origin}\n${username}`;
  }

  get(key: string): CacheEntry | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, challenge: DigestChallenge): CacheEntry {
    const entry: CacheEntry = { challenge, nc: 0 };
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    while (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return entry;
  }

  /** Shares an entry that one call used privately; its nonce count goes on from where it is. */
  adopt(key: string, entry: CacheEntry): void {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }
}

/** The process-wide cache `digestFetch` uses unless given another. */
export const defaultDigestCache = new DigestChallengeCache();

export type DigestCredentials = { username: string; password: string };

export type DigestFetchOptions = {
  fetch?: typeof globalThis.fetch;
  cache?: DigestChallengeCache;
};

/** The server's Authentication-Info did not prove that it knows the password (rspauth mismatch). */
export class DigestServerAuthError extends Error {
  override readonly name = "DigestServerAuthError";
}

/**
 * Sends one request with Digest authentication. The body must be replayable (a string or
 * null). Returns the final Response: a 2xx or any other answer, or the 401 that ended the
 * exchange, for the caller to map. At most three requests: a preemptive one from the cache, one
 * answering a fresh challenge, one answering `stale=true`; never more.
 *
 * Concurrency: a cached nonce is shared by concurrent calls, and their nonce counts can reach the
 * server out of order, which a server that checks counts refuses. So a 401 to a shared nonce is
 * answered with the new challenge used by this call alone (nobody else can overtake its count);
 * once that succeeds it becomes the shared one. When the server sends Authentication-Info with
 * rspauth, it must match, or DigestServerAuthError is thrown: the answer did not come from a
 * server that knows the password.
 */
export async function digestFetch(
  url: string | URL,
  init: RequestInit & { method: string; body?: string | null },
  credentials: DigestCredentials,
  options: DigestFetchOptions = {},
): Promise<Response> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const cache = options.cache ?? defaultDigestCache;
  const target = new URL(url);
  const uri = target.pathname + target.search;
  const key = DigestChallengeCache.key(target.origin, credentials.username);
  // What the last request sent (a holder: the closure below writes it).
  const last: { sent: { entry: CacheEntry; nc: number; cnonce: string } | null } = { sent: null };

  const send = (entry: CacheEntry | undefined): Promise<Response> => {
    const headers = new Headers(init.headers);
    last.sent = null;
    if (entry) {
      entry.nc += 1; // claimed synchronously, so concurrent calls never share a count
      const cnonce = createCnonce();
      last.sent = { entry, nc: entry.nc, cnonce };
      headers.set(
        "Authorization",
        buildAuthorization({ challenge: entry.challenge, username: credentials.username, password: credentials.password, method: init.method, uri, nc: entry.nc, cnonce }),
      );
    }
    return doFetch(target, { ...init, headers });
  };

  let entry = cache.get(key);
  // The nonce count is 8 hex digits; start over with a fresh challenge before it wraps.
  if (entry && entry.nc >= 0xfffffff0) {
    cache.delete(key);
    entry = undefined;
  }
  let shared = entry !== undefined;
  let staleRetried = false;
  let res = await send(entry);

  for (;;) {
    if (res.status !== 401) {
      const sent = last.sent;
      if (sent) {
        verifyResponseAuth(res, credentials, uri, sent);
        if (!shared) cache.adopt(key, sent.entry);
        rememberNextNonce(cache, key, sent.entry, res);
      }
      return res;
    }
    const challenge = selectDigestChallenge(parseWwwAuthenticate(res.headers.get("www-authenticate")));
    let next: DigestChallenge | null = null;
    if (challenge) {
      // No credentials sent yet, or a shared nonce (gone, or its count overtaken): once, with a challenge of our own.
      if (!entry || shared) next = challenge;
      else if (challenge.stale && !staleRetried) {
        staleRetried = true; // right password, expired nonce: once, with the new nonce
        next = challenge;
      }
    }
    if (!next) {
      // Credentials refused (or nothing we can answer): stop, and forget this nonce.
      cache.delete(key);
      return res;
    }
    await res.body?.cancel().catch(() => {});
    entry = { challenge: next, nc: 0 };
    shared = false;
    res = await send(entry);
  }
}

/** Checks rspauth in Authentication-Info (RFC 7616 3.5): the server proves it knows the password. */
function verifyResponseAuth(res: Response, credentials: DigestCredentials, uri: string, sent: { entry: CacheEntry; nc: number; cnonce: string }): void {
  const info = res.headers.get("authentication-info");
  if (!info) return;
  const params = parseWwwAuthenticate(`X ${info}`)[0]?.params;
  const rspauth = params?.rspauth;
  if (!rspauth) return;
  const { challenge } = sent.entry;
  // rspauth is the response computed with an empty method: A2 = ":" request-uri.
  const expected = computeDigestResponse({
    algorithm: challenge.algorithm,
    username: credentials.username,
    password: credentials.password,
    realm: challenge.realm,
    method: "",
    uri,
    nonce: challenge.nonce,
    nc: formatNonceCount(sent.nc),
    cnonce: params.cnonce ?? sent.cnonce,
    qop: "auth",
  });
  if (rspauth.toLowerCase() !== expected) throw new DigestServerAuthError("the server's Digest rspauth does not match: its answer is not trusted");
}

/** Authentication-Info may carry `nextnonce`: use it from the next request on (nc restarts). */
function rememberNextNonce(cache: DigestChallengeCache, key: string, entry: CacheEntry, res: Response): void {
  const info = res.headers.get("authentication-info");
  if (!info) return;
  // Authentication-Info is a bare auth-param list: parse it as the parameters of a dummy scheme.
  const parsed = parseWwwAuthenticate(`X ${info}`)[0];
  const nextnonce = parsed?.params.nextnonce;
  if (nextnonce) cache.set(key, { ...entry.challenge, nonce: nextnonce, stale: false });
}
