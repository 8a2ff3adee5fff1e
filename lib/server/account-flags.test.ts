import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { KlikkError } from "@/lib/klikk/errors";
import { getAccountFlags, rememberRefusal } from "./account-flags";
import { accountIdentity } from "./identity";
import { openSqliteStore } from "./store/sqlite";

const dir = mkdtempSync(path.join(tmpdir(), "klikk-flags-"));
const store = openSqliteStore(path.join(dir, "flags.sqlite"));
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("account flags (on the SQLite store)", () => {
  it("names an account the same way at every sign-in, never by its token", () => {
    expect(accountIdentity({ method: "basic", username: "demo-readonly", password: "x" })).toBe("user:demo-readonly");
    expect(accountIdentity({ method: "digest", username: "demo-readonly", password: "y" })).toBe("user:demo-readonly");
    const token = accountIdentity({ method: "token", token: "demo-token" });
    expect(token).toMatch(/^token:[0-9a-f]{32}$/);
    expect(token).not.toContain("demo-token");
  });

  it("remembers a read-only refusal for that account only, and nothing else", async () => {
    const readOnly = { method: "basic" as const, username: "flags-test-ro", password: "p" };
    const other = { method: "basic" as const, username: "flags-test-other", password: "p" };
    await rememberRefusal(readOnly, new KlikkError("forbidden", "not on this profile"), store);
    await rememberRefusal(readOnly, new Error("something else"), store);
    expect(await getAccountFlags(accountIdentity(readOnly), store)).toEqual({ readOnly: false });
    await rememberRefusal(readOnly, new KlikkError("forbidden", "read-only access: placing orders is not allowed", { reason: "read_only" }), store);
    expect(await getAccountFlags(accountIdentity(readOnly), store)).toEqual({ readOnly: true });
    expect(await getAccountFlags(accountIdentity(other), store)).toEqual({ readOnly: false });
  });
});
