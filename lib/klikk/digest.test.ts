import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  DigestChallengeCache,
  buildAuthorization,
  computeDigestResponse,
  digestFetch,
  formatNonceCount,
  parseWwwAuthenticate,
  selectDigestChallenge,
  type DigestChallenge,
} from "./digest.ts";

// RFC 7616 section 3.9.1.
const rfc = {
  username: "Mufasa",
  password: "Circle of Life",
  realm: "http-auth@example.org",
  method: "GET",
  uri: "/dir/index.html",
  nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
  nc: "00000001",
  cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
  qop: "auth" as const,
  opaque: "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS",
};

describe("RFC 7616 section 3.9.1 vectors", () => {
  it("SHA-256", () => {
    expect(computeDigestResponse({ ...rfc, algorithm: "SHA-256" })).toBe(
      "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
    );
  });

  it("MD5", () => {
    expect(computeDigestResponse({ ...rfc, algorithm: "MD5" })).toBe("8ca523f5e9506fed4657c9700eebdbec");
  });

  it("builds the RFC's Authorization header from the RFC's challenge", () => {
    const header =
      'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, ' +
      'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", ' +
      'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, ' +
      'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"';
    const challenge = selectDigestChallenge(parseWwwAuthenticate(header));
    expect(challenge?.algorithm).toBe("SHA-256");
    const auth = buildAuthorization({
      challenge: challenge!,
      username: rfc.username,
      password: rfc.password,
      method: "GET",
      uri: rfc.uri,
      nc: 1,
      cnonce: rfc.cnonce,
    });
    expect(auth).toBe(
      'Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, ' +
        'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, ' +
        'cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, ' +
        'response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", ' +
        'opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
    );
  });

  it("computes the -sess variants from the session HA1", () => {
    const sha = (s: string) => createHash("sha256").update(s).digest("hex");
    const ha1 = sha(`${sha(`${rfc.username}:${rfc.realm}:${rfc.password}`)}:${rfc.nonce}:${rfc.cnonce}`);
    const ha2 = sha(`${rfc.method}:${rfc.uri}`);
    const expected = sha(`${ha1}:${rfc.nonce}:${rfc.nc}:${rfc.cnonce}:auth:${ha2}`);
    expect(computeDigestResponse({ ...rfc, algorithm: "SHA-256-sess" })).toBe(expected);
  });
});

describe("parseWwwAuthenticate", () => {
  it("reads mixed Basic and Digest challenges in one comma-joined value", () => {
    const header =
      'Basic realm="klikk", Digest realm="klikk", qop="auth", algorithm=SHA-256, nonce="n1", opaque="o1", ' +
      'Digest realm="klikk", qop="auth", algorithm=MD5, nonce="n2", opaque="o2"';
    const challenges = parseWwwAuthenticate(header);
    expect(challenges.map((c) => c.scheme)).toEqual(["Basic", "Digest", "Digest"]);
    expect(challenges[0]!.params).toEqual({ realm: "klikk" });
    expect(challenges[1]!.params).toEqual({ realm: "klikk", qop: "auth", algorithm: "SHA-256", nonce: "n1", opaque: "o1" });
    expect(challenges[2]!.params.algorithm).toBe("MD5");
    expect(selectDigestChallenge(challenges)).toMatchObject({ algorithm: "SHA-256", nonce: "n1", opaque: "o1" });
  });

  it("reads several header values, and prefers SHA-256 whatever the order", () => {
    const challenges = parseWwwAuthenticate([
      'Digest realm="klikk", qop="auth", algorithm=MD5, nonce="m"',
      'Basic realm="klikk"',
      'Digest realm="klikk", qop="auth", algorithm=SHA-256-sess, nonce="s"',
    ]);
    expect(challenges.map((c) => c.scheme)).toEqual(["Digest", "Basic", "Digest"]);
    expect(selectDigestChallenge(challenges)?.algorithm).toBe("SHA-256-sess");
    const plainBeatsSess = parseWwwAuthenticate(
      'Digest realm="r", qop="auth", algorithm=SHA-256-sess, nonce="a", Digest realm="r", qop="auth", algorithm=SHA-256, nonce="b"',
    );
    expect(selectDigestChallenge(plainBeatsSess)?.nonce).toBe("b");
  });

  it("keeps commas and escaped quotes inside quoted strings", () => {
    const [c] = parseWwwAuthenticate(
      String.raw`Digest realm="a, \"quoted\" realm", nonce="x,y=z", qop="auth,auth-int", opaque="\\back"`,
    );
    expect(c!.params).toEqual({ realm: 'a, "quoted" realm', nonce: "x,y=z", qop: "auth,auth-int", opaque: "\\back" });
  });

  it("copes with odd spacing, case, empty list items, token68 and bare schemes", () => {
    const challenges = parseWwwAuthenticate(
      ' ,  NEGOTIATE , Bearer abc123==, digest   REALM = "r" ,, NONCE="n",qop="auth" , Basic',
    );
    expect(challenges).toEqual([
      { scheme: "NEGOTIATE", params: {} },
      { scheme: "Bearer", params: {}, token68: "abc123==" },
      { scheme: "digest", params: { realm: "r", nonce: "n", qop: "auth" } },
      { scheme: "Basic", params: {} },
    ]);
    expect(selectDigestChallenge(challenges)).toMatchObject({ algorithm: "MD5", nonce: "n" }); // no algorithm -> MD5
    expect(parseWwwAuthenticate(null)).toEqual([]);
    expect(parseWwwAuthenticate("")).toEqual([]);
  });

  it("refuses challenges without qop=auth or with unknown algorithms", () => {
    expect(selectDigestChallenge(parseWwwAuthenticate('Digest realm="r", nonce="n", qop="auth-int"'))).toBeNull();
    expect(selectDigestChallenge(parseWwwAuthenticate('Digest realm="r", nonce="n"'))).toBeNull();
    expect(selectDigestChallenge(parseWwwAuthenticate('Digest realm="r", nonce="n", qop="auth", algorithm=SHA-1'))).toBeNull();
    expect(selectDigestChallenge(parseWwwAuthenticate('Basic realm="r"'))).toBeNull();
  });
});

describe("buildAuthorization details", () => {
  const challenge: DigestChallenge = {
    realm: "klikk",
    nonce: "n",
    algorithm: "SHA-256",
    algorithmToken: "SHA-256",
    qop: "auth",
    stale: false,
    userhash: false,
    charsetUtf8: true,
  };

  it("writes nc as 8 hex digits", () => {
    expect([1, 2, 10, 16, 255, 0xffffffff].map(formatNonceCount)).toEqual([
      "00000001",
      "00000002",
      "0000000a",
      "00000010",
      "000000ff",
      "ffffffff",
    ]);
    expect(() => formatNonceCount(0)).toThrow(RangeError);
    expect(buildAuthorization({ challenge, username: "u", password: "p", method: "POST", uri: "/api", nc: 26, cnonce: "c" })).toContain(
      "nc=0000001a,",
    );
  });

  it("escapes quotes in the username and omits opaque when none was sent", () => {
    const auth = buildAuthorization({ challenge, username: 'a"b\\c', password: "p", method: "POST", uri: "/api", nc: 1, cnonce: "c" });
    expect(auth).toContain(String.raw`username="a\"b\\c"`);
    expect(auth).not.toContain("opaque");
    expect(parseWwwAuthenticate(auth)[0]!.params.username).toBe('a"b\\c');
  });

  it("hashes the username when the server asks for userhash, and encodes non-ASCII names", () => {
    const hashed = buildAuthorization({ challenge: { ...challenge, userhash: true }, username: "u", password: "p", method: "POST", uri: "/", nc: 1, cnonce: "c" });
    expect(hashed).toContain(`username="${createHash("sha256").update("u:klikk").digest("hex")}"`);
    expect(hashed).toContain("userhash=true");
    const utf8 = buildAuthorization({ challenge, username: "Jäsøn", password: "p", method: "POST", uri: "/", nc: 1, cnonce: "c" });
    expect(utf8).toContain("username*=UTF-8''J%C3%A4s%C3%B8n");
  });
});

// ---------------------------------------------------------------- against a real server

type Mode = { staleFirst: number; alwaysStale: boolean };

const USER = "alice";
const PASSWORD = "s3cret-pass";
const REALM = "klikk-test";

let server: Server;
let baseUrl: string;
let mode: Mode;
let seen: { authorization: string | undefined; status: number }[];
let nonceSeq = 0;
let validNonces: Set<string>;
let seenNc: Map<string, string[]>;

function sha256(s: string): string {
  return createHash("sha256").update(s).digest("hex");
}
function md5(s: string): string {
  return createHash("md5").update(s).digest("hex");
}

function challenge(res: ServerResponse, stale = false): void {
  const nonce = `nonce-${++nonceSeq}`;
  validNonces.add(nonce);
  res.setHeader("WWW-Authenticate", [
    `Basic realm="${REALM}", Digest realm="${REALM}", qop="auth", algorithm=SHA-256, nonce="${nonce}", opaque="op,aque"${stale ? ", stale=true" : ""}`,
    `Digest realm="${REALM}", qop="auth", algorithm=MD5, nonce="${nonce}", opaque="op,aque"${stale ? ", stale=TRUE" : ""}`,
  ]);
  res.statusCode = 401;
  res.setHeader("Content-Type", "application/json");
  res.end(JSON.stringify({ status: 401, message: "authentication required" }));
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const authorization = req.headers.authorization;
  const finish = (status: number) => {
    seen.push({ authorization, status });
  };
  const p = authorization ? parseWwwAuthenticate(authorization)[0]?.params : undefined;
  if (!p || !authorization?.startsWith("Digest ")) {
    challenge(res);
    finish(401);
    return;
  }
  const hash = p.algorithm === "MD5" ? md5 : sha256;
  const ha1 = hash(`${p.username}:${REALM}:${PASSWORD}`);
  const ha2 = hash(`${req.method}:${p.uri}`);
  const expected = hash(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`);
  const okUser = p.username === USER && p.response === expected && p.opaque === "op,aque" && p.uri === req.url;
  if (!okUser) {
    challenge(res);
    finish(401);
    return;
  }
  const nonce = p.nonce ?? "";
  if (!validNonces.has(nonce)) {
    challenge(res); // unknown nonce: not stale, a fresh challenge
    finish(401);
    return;
  }
  if (mode.alwaysStale || mode.staleFirst > 0) {
    mode.staleFirst--;
    validNonces.delete(nonce);
    challenge(res, true);
    finish(401);
    return;
  }
  const list = seenNc.get(nonce) ?? [];
  list.push(p.nc ?? "");
  seenNc.set(nonce, list);
  res.setHeader("Content-Type", "application/json");
  res.end(JSON.stringify({ ok: true, nc: p.nc }));
  finish(200);
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  mode = { staleFirst: 0, alwaysStale: false };
  seen = [];
  validNonces = new Set();
  seenNc = new Map();
});

const post = { method: "POST", body: '{"action":"order_list"}', headers: { "Content-Type": "application/json" } };

describe("digestFetch against a server", () => {
  it("answers the challenge with SHA-256, then authenticates preemptively with the next nc", async () => {
    const cache = new DigestChallengeCache();
    const first = await digestFetch(baseUrl, post, { username: USER, password: PASSWORD }, { cache });
    expect(first.status).toBe(200);
    expect(seen.map((s) => s.status)).toEqual([401, 200]);
    expect(seen[1]!.authorization).toMatch(/^Digest username="alice", realm="klikk-test", uri="\/api", algorithm=SHA-256, /);
    expect(seen[1]!.authorization).toContain('opaque="op,aque"');

    for (let i = 0; i < 2; i++) {
      const again = await digestFetch(baseUrl, post, { username: USER, password: PASSWORD }, { cache });
      expect(again.status).toBe(200);
    }
    // one round trip saved per call: no further 401s
    expect(seen.map((s) => s.status)).toEqual([401, 200, 200, 200]);
    expect([...seenNc.values()][0]).toEqual(["00000001", "00000002", "00000003"]);
    // a new cnonce every time
    const cnonces = seen.slice(1).map((s) => parseWwwAuthenticate(s.authorization!)[0]!.params.cnonce);
    expect(new Set(cnonces).size).toBe(3);
  });

  it("retries once with the new nonce on stale=true", async () => {
    const cache = new DigestChallengeCache();
    mode.staleFirst = 1;
    const res = await digestFetch(baseUrl, post, { username: USER, password: PASSWORD }, { cache });
    expect(res.status).toBe(200);
    expect(seen.map((s) => s.status)).toEqual([401, 401, 200]);
    const nonces = seen.slice(1).map((s) => parseWwwAuthenticate(s.authorization!)[0]!.params.nonce);
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(parseWwwAuthenticate(seen[2]!.authorization!)[0]!.params.nc).toBe("00000001");
  });

  it("does not loop when the server keeps saying stale", async () => {
    mode.alwaysStale = true;
    const res = await digestFetch(baseUrl, post, { username: USER, password: PASSWORD }, { cache: new DigestChallengeCache() });
    expect(res.status).toBe(401);
    expect(seen).toHaveLength(3); // challenge, answer, one stale retry
  });

  it("stops after one refused answer on a wrong password, and forgets the nonce", async () => {
    const cache = new DigestChallengeCache();
    const res = await digestFetch(baseUrl, post, { username: USER, password: "wrong" }, { cache });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ status: 401, message: "authentication required" });
    expect(seen).toHaveLength(2);
    expect(cache.size).toBe(0);
  });

  it("recovers once when a cached nonce is no longer known, then stops", async () => {
    const cache = new DigestChallengeCache();
    expect((await digestFetch(baseUrl, post, { username: USER, password: PASSWORD }, { cache })).status).toBe(200);
    validNonces.clear(); // the server restarted
    seen = [];
    expect((await digestFetch(baseUrl, post, { username: USER, password: PASSWORD }, { cache })).status).toBe(200);
    expect(seen.map((s) => s.status)).toEqual([401, 200]);
    // With a cached nonce AND a wrong password: preemptive try, one fresh try, stop.
    seen = [];
    const res = await digestFetch(baseUrl, post, { username: USER, password: "nope" }, { cache });
    expect(res.status).toBe(401);
    expect(seen).toHaveLength(2);
  });

  it("bounds the challenge cache", async () => {
    const cache = new DigestChallengeCache(2);
    for (const name of ["a", "b", "c"]) {
      await digestFetch(baseUrl, post, { username: name, password: "x" }, { cache });
      cache.set(DigestChallengeCache.key("http://x", name), selectDigestChallenge(parseWwwAuthenticate('Digest realm="r", nonce="n", qop="auth"'))!);
    }
    expect(cache.size).toBe(2);
  });
});
