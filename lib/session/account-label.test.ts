import { describe, expect, it } from "vitest";
import { accountLabel, accountShortName } from "./account-label";

describe("the account label", () => {
  it("names the user, or the token by its last characters, with the profile when known", () => {
    expect(accountLabel({ method: "digest", username: "demo" })).toBe("Signed in as demo");
    expect(accountLabel({ method: "token", tokenHint: "1a2b", profileName: "Demo AS" })).toBe("Signed in with token …1a2b (Demo AS)");
    expect(accountLabel({ method: "token" })).toBe("Signed in with an account token");
    expect(accountShortName({ method: "token" })).toBe("Token");
    expect(accountShortName({ method: "basic", username: "demo-readonly" })).toBe("demo-readonly");
  });
});
