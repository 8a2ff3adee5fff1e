import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { KlikkError } from "@/lib/klikk/errors";
import { accountIdentity, getAccountFlags, rememberRefusal } from "./account-flags";

describe("account flags", () => {
  it("names an account the same way at every sign-in, never by its token", () => {
    expect(accountIdentity({ method: "basic", username: "demo-readonly", password: "x" })).toBe("basic:demo-readonly");
    expect(accountIdentity({ method: "digest", username: "demo", password: "y" })).toBe("digest:demo");
    const token = accountIdentity({ method: "token", token: "demo-token" });
    expect(token).toBe(`token:${createHash("sha256").update("demo-token").digest("hex")}`);
    expect(token).not.toContain("demo-token");
  });

  it("remembers a read-only refusal for that account only, and nothing else", async () => {
    const readOnly = { method: "basic" as const, username: "flags-test-ro", password: "p" };
    const other = { method: "basic" as const, username: "flags-test-other", password: "p" };
    await rememberRefusal(readOnly, new KlikkError("forbidden", "not on this profile"));
    await rememberRefusal(readOnly, new Error("something else"));
    expect(await getAccountFlags(accountIdentity(readOnly))).toEqual({ readOnly: false });
    await rememberRefusal(readOnly, new KlikkError("forbidden", "read-only access: placing orders is not allowed", { reason: "read_only" }));
    expect(await getAccountFlags(accountIdentity(readOnly))).toEqual({ readOnly: true });
    expect(await getAccountFlags(accountIdentity(other))).toEqual({ readOnly: false });
  });
});
