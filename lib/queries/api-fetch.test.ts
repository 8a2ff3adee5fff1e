import { describe, expect, it } from "vitest";
import { ApiError, loadedForCall } from "./api-fetch";

describe("loadedForCall", () => {
  it("passes loaded code through", async () => {
    expect(await loadedForCall(Promise.resolve(42))).toBe(42);
  });

  it("turns a failed load into the network error a call without an answer gets", async () => {
    const failed = loadedForCall(Promise.reject(new Error("Failed to load chunk /_next/static/chunks/x.js from module 1")));
    await expect(failed).rejects.toBeInstanceOf(ApiError);
    await expect(failed).rejects.toMatchObject({ status: 0, code: "network", message: "The dashboard could not be reached. Check your connection and try again." });
  });
});
