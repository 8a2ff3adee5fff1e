import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../../simulator/index.ts";
import { createKlikkClient } from "./client.ts";
import { DigestChallengeCache } from "./digest.ts";
import { isKlikkError } from "./errors.ts";

/**
 * Digest under concurrency, against the simulator, which (like Apache httpd with nonce-count
 * checking) refuses a nonce count that does not grow. Concurrent calls share a cached nonce, so
 * their counts can arrive out of order; the client must recover on its own.
 */
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, quiet: true, seed: "demo" });
});
afterAll(async () => {
  await sim?.close();
});

/** Network jitter: each request leaves after a random few milliseconds, so counts arrive out of order. */
const jitteryFetch: typeof fetch = async (input, init) => {
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 8));
  return fetch(input, init);
};

describe("Digest client under concurrency", () => {
  it("80 concurrent calls on one session all succeed, 5 rounds in a row", async () => {
    const client = createKlikkClient({
      baseUrl: sim.url,
      auth: { method: "digest", username: "demo", password: "demo" },
      digestCache: new DigestChallengeCache(),
      fetch: jitteryFetch,
      maxRetries: 0,
    });
    for (let round = 0; round < 5; round += 1) {
      // Calls start spread over a few tens of milliseconds, as a busy dashboard's do: some start
      // while others are still answering a challenge.
      const results = await Promise.allSettled(
        Array.from({ length: 80 }, async () => {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
          return client.orderList();
        }),
      );
      const failures = results.filter((result) => result.status === "rejected").map((result) => String((result as PromiseRejectedResult).reason));
      expect(failures, `round ${round + 1}`).toEqual([]);
    }
  });

  it("a wrong password is still refused after one fresh challenge, concurrently too", async () => {
    const client = createKlikkClient({ baseUrl: sim.url, auth: { method: "digest", username: "demo", password: "wrong" }, digestCache: new DigestChallengeCache() });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => client.orderList()));
    for (const result of results) {
      expect(result.status).toBe("rejected");
      const reason = (result as PromiseRejectedResult).reason;
      expect(isKlikkError(reason) && reason.code).toBe("unauthenticated");
    }
  });
});

describe("Digest mutual authentication", () => {
  let impostor: Server;
  let url: string;
  beforeAll(async () => {
    // Answers like a Digest server, but cannot know the password: its rspauth is made up.
    impostor = createServer((req, res) => {
      if (!req.headers.authorization) {
        res.writeHead(401, { "WWW-Authenticate": 'Digest realm="klikk", qop="auth", algorithm=SHA-256, nonce="abc", opaque="x"', "Content-Type": "application/json" });
        res.end('{"status":401,"message":"authentication required"}');
        return;
      }
      res.writeHead(200, { "Content-Type": "application/json", "Authentication-Info": `qop=auth, rspauth="${"0".repeat(64)}", nc=00000001` });
      res.end('{"orders":[]}');
    });
    await new Promise<void>((resolve) => impostor.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(impostor.address() as AddressInfo).port}/api`;
  });
  afterAll(async () => {
    await new Promise((resolve) => impostor.close(resolve));
  });

  it("refuses an answer whose rspauth does not prove the password", async () => {
    const client = createKlikkClient({ baseUrl: url, auth: { method: "digest", username: "demo", password: "demo" }, digestCache: new DigestChallengeCache() });
    const error = await client.orderList().catch((caught: unknown) => caught);
    expect(isKlikkError(error) && error.code).toBe("upstream_invalid");
  });

  it("accepts the simulator's rspauth", async () => {
    const client = createKlikkClient({ baseUrl: sim.url, auth: { method: "digest", username: "demo", password: "demo" }, digestCache: new DigestChallengeCache() });
    await expect(client.orderList()).resolves.toBeInstanceOf(Array);
  });
});
