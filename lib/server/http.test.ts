import { describe, expect, it } from "vitest";
import { serialisedBody } from "@/lib/klikk/pass-through";
import { listResponse, matchesEntityTag } from "./http";

describe("matchesEntityTag", () => {
  const tag = '"abc"';

  it("matches the tag alone, in a list, weak or as *", () => {
    expect(matchesEntityTag('"abc"', tag)).toBe(true);
    expect(matchesEntityTag('"x", "abc"', tag)).toBe(true);
    expect(matchesEntityTag('W/"abc"', tag)).toBe(true);
    expect(matchesEntityTag("*", tag)).toBe(true);
  });

  it("compares a weak ETag by its opaque tag", () => {
    expect(matchesEntityTag('W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEntityTag('"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEntityTag('W/"abd"', 'W/"abc"')).toBe(false);
  });

  it("does not match another tag, an unquoted one or none", () => {
    expect(matchesEntityTag('"abd"', tag)).toBe(false);
    expect(matchesEntityTag("abc", tag)).toBe(false);
    expect(matchesEntityTag("", tag)).toBe(false);
    expect(matchesEntityTag(null, tag)).toBe(false);
  });
});

describe("listResponse", () => {
  const body = () => serialisedBody('{"servers":[{"id":1}]}');
  const request = (ifNoneMatch?: string) => new Request("http://dashboard.test/api/servers", { headers: ifNoneMatch ? { "If-None-Match": ifNoneMatch } : {} });

  it("sends the list with its ETag, never to be stored", async () => {
    const response = listResponse(request(), body());
    expect(response.status).toBe(200);
    expect(response.headers.get("ETag")).toBe(body().entityTag);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toEqual({ servers: [{ id: 1 }] });
  });

  it("answers 304 without a body to a browser that holds this very list, and 200 to one that holds another", async () => {
    const held = listResponse(request(body().entityTag), body());
    expect(held.status).toBe(304);
    expect(held.headers.get("ETag")).toBe(body().entityTag);
    expect(await held.text()).toBe("");
    expect(listResponse(request('"an-older-list"'), body()).status).toBe(200);
  });
});
