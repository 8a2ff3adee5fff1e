import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../../simulator/index.ts";
import { listSessionServers } from "./account-lists";
import type { SessionAccount, SessionData } from "./session";

/**
 * The servers of a session read from the simulator over HTTP, with and without the page
 * prefetch's size limit (lib/server/prefetch.ts).
 */
let sim: Simulator;
let session: SessionData;

beforeAll(async () => {
  // 8,000 generated servers: about 2.2 MB of JSON, over a 2 MB limit.
  sim = await startSimulator({ port: 0, quiet: true, servers: 8_000, faultsApi: true });
  process.env.KLIKK_API_URL = sim.url;
  process.env.SESSION_SECRET ??= "account-lists-test-secret-0123456789abcdef";
  const account: SessionAccount = { key: "k1", identity: "token:test", auth: { method: "token", token: "demo-token" }, primary: true, addedAt: 0 };
  session = { id: "s", identity: account.identity, auth: account.auth, createdAt: 0, lastSeenAt: 0, clientAddress: "127.0.0.1", userAgent: "test", accounts: [account], active: account };
});

afterAll(async () => {
  await sim?.close();
});

const signal = () => AbortSignal.timeout(30_000);

describe("listSessionServers", () => {
  it("reads the whole list without a limit", async () => {
    const listed = await listSessionServers(session, undefined, signal());
    expect(listed.parts).toHaveLength(1);
    expect(listed.parts[0]!.servers).toHaveLength(8_013);
    expect(listed.failures).toEqual([]);
  });

  it('says "too large" for an answer over the limit, without an account failure', async () => {
    expect(await listSessionServers(session, undefined, signal(), null, { maxBodyBytes: 2 * 1024 * 1024 })).toBe("too large");
  });

  it("reads a list under the limit as without one", async () => {
    const listed = await listSessionServers(session, undefined, signal(), null, { maxBodyBytes: 4 * 1024 * 1024 });
    expect(listed === "too large" ? listed : listed.parts[0]!.servers.length).toBe(8_013);
  });
});
