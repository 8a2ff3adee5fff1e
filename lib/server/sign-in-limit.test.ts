import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { beginSignIn } from "./sign-in-limit";
import { openSqliteStore } from "./store/sqlite";

const dir = mkdtempSync(path.join(tmpdir(), "klikk-limit-"));
const store = openSqliteStore(path.join(dir, "limit.sqlite"));
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

let unique = 0;
const address = () => `192.0.2.${(unique += 1)}`;
const options = { addressLimit: 10, lockMs: 10_000 };

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught as { status: number; code: string; message: string; headers?: Record<string, string> },
  );
  if (!error) throw new Error("expected a refusal");
  return error;
}

describe("sign-in limit (on the SQLite store)", () => {
  it("lets one attempt per address run at a time; the others get 429 at once", async () => {
    const from = address();
    const first = await beginSignIn(store, from, "user:a", options);
    const second = await refusal(beginSignIn(store, from, "user:b", options));
    expect(second).toMatchObject({ status: 429, code: "sign_in_busy" });
    expect(second.headers?.["Retry-After"]).toBe("1");
    await first.failed();
    await (await beginSignIn(store, from, "user:b", options)).succeeded();
  });

  it("counts attempts refused as busy too, so a burst uses up the address's budget", async () => {
    const from = address();
    const burst = await Promise.allSettled(Array.from({ length: 20 }, (_, index) => beginSignIn(store, from, `user:burst-${index}`, options)));
    const admitted = burst.filter((result): result is PromiseFulfilledResult<Awaited<ReturnType<typeof beginSignIn>>> => result.status === "fulfilled");
    expect(admitted.length).toBeGreaterThanOrEqual(1);
    for (const attempt of admitted) await attempt.value.failed();
    // The right password after the burst: refused, the address has used its ten attempts.
    await expect(refusal(beginSignIn(store, from, "user:right", options))).resolves.toMatchObject({ status: 429, code: "rate_limited" });
  });

  it("lets one attempt per username run at a time, whatever the address", async () => {
    const first = await beginSignIn(store, address(), "user:same", options);
    await expect(refusal(beginSignIn(store, address(), "user:same", options))).resolves.toMatchObject({ status: 429 });
    await first.abandoned();
  });

  it("counts an attempt before the upstream answers and refuses the address after the limit", async () => {
    const from = address();
    const remaining: number[] = [];
    for (let index = 0; index < 10; index += 1) {
      remaining.push((await (await beginSignIn(store, from, `user:guess-${index}`, options)).failed()).remaining);
    }
    expect(remaining).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    const refused = await refusal(beginSignIn(store, from, "user:right", options));
    expect(refused).toMatchObject({ status: 429 });
    expect(refused.message).toMatch(/from this address\. Wait 1[45] minutes/);
  });

  it("takes back a successful or abandoned attempt", async () => {
    const from = address();
    for (let index = 0; index < 12; index += 1) await (await beginSignIn(store, from, `user:ok-${index}`, options))[index % 2 ? "succeeded" : "abandoned"]();
    expect(await store.readCounter(`sign-in:address:${from}:attempts`)).toMatchObject({ count: 0 });
  });

  it("slows a username down with a growing delay instead of locking it out", async () => {
    const subject = "user:victim";
    for (let index = 0; index < 4; index += 1) await (await beginSignIn(store, address(), subject, options)).failed();
    expect(await store.readCounter(`sign-in:subject:${subject}:delay`)).toBeNull();
    await (await beginSignIn(store, address(), subject, options)).failed();
    const delay = await store.readCounter(`sign-in:subject:${subject}:delay`);
    expect(delay).not.toBeNull();
    expect((delay?.resetAt ?? 0) - Date.now()).toBeLessThanOrEqual(1_000);
    const refused = await refusal(beginSignIn(store, address(), subject, options));
    expect(refused.message).toMatch(/for this account\. Wait \d+ seconds?/);
  });
});
