import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildIsCurrent, newestSourceTime, serverNodeFlags, serverProcessEnv } from "./build.ts";

/** A checkout with one source file and a build, each with the given modification time (s). */
function checkout(sourceTime: number, buildTime: number | null) {
  const base = mkdtempSync(path.join(tmpdir(), "klikk-build-"));
  mkdirSync(path.join(base, "app", "orders"), { recursive: true });
  const source = path.join(base, "app", "orders", "page.tsx");
  writeFileSync(source, "export default 1;\n");
  utimesSync(source, sourceTime, sourceTime);
  const server = path.join(base, ".next", "standalone", "server.js");
  if (buildTime !== null) {
    mkdirSync(path.dirname(server), { recursive: true });
    writeFileSync(server, "");
    utimesSync(server, buildTime, buildTime);
  }
  return { base, server };
}

describe("whether the build is current", () => {
  it("finds the newest source file, in folders and skipping what is missing", () => {
    const { base } = checkout(1_000, null);
    expect(newestSourceTime(base, ["app", "no-such-file.ts"])).toBe(1_000_000);
  });

  it("is current when built after the last change, stale when a source changed since, and missing without a build", () => {
    const built = checkout(1_000, 2_000);
    expect(buildIsCurrent(built.server, built.base)).toBe(true);
    const stale = checkout(3_000, 2_000);
    expect(buildIsCurrent(stale.server, stale.base)).toBe(false);
    const none = checkout(1_000, null);
    expect(buildIsCurrent(none.server, none.base)).toBe(false);
  });
});

describe("how the server process is run", () => {
  it("limits glibc to two malloc arenas and keeps idle connections 65 s, unless the environment says otherwise", () => {
    expect(serverProcessEnv({})).toEqual({ MALLOC_ARENA_MAX: "2", KEEP_ALIVE_TIMEOUT: "65000" });
    expect(serverProcessEnv({ MALLOC_ARENA_MAX: "4" })).toEqual({ KEEP_ALIVE_TIMEOUT: "65000" });
    expect(serverProcessEnv({ MALLOC_ARENA_MAX: "4", KEEP_ALIVE_TIMEOUT: "5000" })).toEqual({});
  });

  it("sets the heap sizes unless NODE_OPTIONS sets one", () => {
    const saved = process.env.NODE_OPTIONS;
    try {
      delete process.env.NODE_OPTIONS;
      expect(serverNodeFlags()).toEqual(["--max-semi-space-size=8", "--max-old-space-size=256"]);
      process.env.NODE_OPTIONS = "--max-old-space-size=512";
      expect(serverNodeFlags()).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved;
    }
  });
});
