import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { E2E, scaled } from "./support/env";
import { expect, test } from "./support/fixtures";
import { resetStats, simulatorStats } from "./support/simulator";

/**
 * The sign-in limits of an instance with the default SIGN_IN_MAX_FAILURES (10), kept in its
 * store. That instance trusts X-Forwarded-For, so each test signs in from an address of its own.
 */
let api: APIRequestContext;
test.beforeAll(async () => {
  api = await playwrightRequest.newContext({ baseURL: E2E.strictAppUrl });
});
test.afterAll(async () => {
  await api.dispose();
});

// Addresses never repeat within a run, also when a failed test restarts the worker (which
// evaluates this file again): a documentation-range IPv6 address with a time-based suffix.
let lastAddress = 0;
function fromNewAddress(): Record<string, string> {
  lastAddress = Math.max(lastAddress + 1, Date.now() * 1000 + Math.floor(Math.random() * 1000));
  const suffix = lastAddress.toString(16).padStart(16, "0").match(/.{4}/g)?.join(":");
  return { Origin: E2E.strictAppUrl, "Content-Type": "application/json", "X-Forwarded-For": `2001:db8::${suffix}` };
}

const basic = (username: string, password: string) => ({ method: "basic", username, password });

test("50 concurrent wrong sign-ins from one address: at most 10 reach the upstream, and the right password in the burst is refused", async ({ request }) => {
  const headers = fromNewAddress();
  await resetStats(request);
  const wrong = Array.from({ length: 50 }, (_, index) => api.post("/api/session", { headers, data: basic("demo", `wrong-${index}`) }));
  const right = api.post("/api/session", { headers, data: basic("demo", "demo") });
  const answers = await Promise.all([...wrong, right]);
  const statuses = answers.map((answer) => answer.status());
  expect(statuses.filter((status) => status !== 401 && status !== 429), "only refusals").toEqual([]);
  expect(statuses.at(-1), "the right password sent in the burst").toBe(429);
  const upstreamCalls = (await simulatorStats(request)).requests.order_list ?? 0;
  expect(upstreamCalls).toBeGreaterThan(0);
  expect(upstreamCalls).toBeLessThanOrEqual(10);
  const limited = answers.find((answer) => answer.status() === 429);
  expect(Number(limited?.headers()["retry-after"])).toBeGreaterThan(0);
});

test("an address gets a hard 429 after 10 failures, and the form is told when three or fewer remain", async () => {
  const headers = fromNewAddress();
  const messages: string[] = [];
  for (let attempt = 1; attempt <= 10; attempt += 1) {
    // A different unknown username each time: this is the address limit, not the username's.
    const response = await api.post("/api/session", { headers, data: basic(`nobody-${attempt}-${Date.now()}`, "wrong") });
    expect(response.status(), `failure ${attempt}`).toBe(401);
    messages.push((await response.json()).error.message);
  }
  expect(messages[5]).toBe("Wrong username or password.");
  expect(messages[7]).toMatch(/2 attempts left before sign-in from this address is paused for 15 minutes/);
  expect(messages[8]).toMatch(/1 attempt left/);
  const limited = await api.post("/api/session", { headers, data: basic("demo", "demo") });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(60);
  expect((await limited.json()).error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/from this address\. Wait 1[45] minutes/) });
});

test("a username is slowed down, not locked out: after the delay its owner signs in", async () => {
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    const response = await api.post("/api/session", { headers: fromNewAddress(), data: basic("demo-readonly", `wrong-${attempt}`) });
    expect(response.status(), `failure ${attempt}`).toBe(401);
  }
  const slowed = await api.post("/api/session", { headers: fromNewAddress(), data: basic("demo-readonly", "demo") });
  expect(slowed.status()).toBe(429);
  expect((await slowed.json()).error.message).toMatch(/for this account\. Wait \d+ seconds?/);
  // The first delay is one second: poll until the owner gets in, from yet another address.
  await expect
    .poll(async () => (await api.post("/api/session", { headers: fromNewAddress(), data: basic("demo-readonly", "demo") })).status(), { timeout: scaled(15_000) })
    .toBe(200);
});
