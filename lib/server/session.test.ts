import { describe, expect, it } from "vitest";
import { cookieValue } from "./session";

describe("cookieValue", () => {
  it("reads one cookie as Next's cookies() does: the last of a repeated name, URI-decoded", () => {
    expect(cookieValue("a=1; klikk=Fe26.2*1*abc; b=2", "klikk")).toBe("Fe26.2*1*abc");
    expect(cookieValue("klikk=old;klikk=new", "klikk")).toBe("new");
    expect(cookieValue("klikk=a%20b", "klikk")).toBe("a b");
  });

  it("finds nothing for another name, a prefix of it, a bare word or no header", () => {
    expect(cookieValue("klikk2=x; xklikk=y; klikk", "klikk")).toBeUndefined();
    expect(cookieValue(null, "klikk")).toBeUndefined();
  });

  it("skips a value that does not decode and keeps an earlier one", () => {
    expect(cookieValue("klikk=good; klikk=%E0%A4%A", "klikk")).toBe("good");
  });
});
