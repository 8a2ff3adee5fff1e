import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv, parseSessionSecret } from "./env";

const secret = "s".repeat(32);
const generate = () => "generated-secret-generated-secret-0";

describe("parseEnv", () => {
  it("defaults to demo mode against the simulator", () => {
    const result = parseEnv({}, generate);
    expect(result).toMatchObject({ ok: true, env: { demoMode: true, klikkApiUrl: "http://127.0.0.1:4010/api", port: 3000, sessionSecretGenerated: true } });
  });

  it("turns demo mode off when KLIKK_API_URL is set", () => {
    const result = parseEnv({ KLIKK_API_URL: "https://my.klikk.com/api", SESSION_SECRET: secret, NODE_ENV: "production" }, generate);
    expect(result).toMatchObject({ ok: true, env: { demoMode: false, klikkApiUrl: "https://my.klikk.com/api", sessionSecretGenerated: false } });
  });

  it.each([
    [{ KLIKK_API_URL: "not a url" }, /^KLIKK_API_URL must be an absolute http\(s\) URL/],
    [{ KLIKK_API_URL: "ftp://host/api" }, /^KLIKK_API_URL must use http or https/],
    [{ KLIKK_API_URL: "https://user:pw@host/api" }, /^KLIKK_API_URL must not contain credentials/],
    [{ SESSION_SECRET: "short" }, /^SESSION_SECRET must be at least 32 characters/],
    [{ KLIKK_API_URL: "https://my.klikk.com/api", NODE_ENV: "production" }, /^SESSION_SECRET is required/],
    [{ PORT: "70000" }, /^PORT must be a port number/],
    [{ SIMULATOR_PORT: "abc" }, /^SIMULATOR_PORT must be a port number/],
    [{ TRUST_PROXY: "maybe" }, /^TRUST_PROXY must be true or false/],
    [{ APP_ORIGIN: "https://dash.example.com/path" }, /^APP_ORIGIN must be an origin without a path/],
    [{ KLIKK_TIMEOUT_MS: "5" }, /^KLIKK_TIMEOUT_MS must be a whole number/],
  ])("refuses %o with a message naming the variable", (source, message) => {
    const result = parseEnv(source, generate);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe("parseSessionSecret", () => {
  it("accepts id:secret pairs for rotation, newest (highest id) first", () => {
    const result = parseSessionSecret(`1:${"a".repeat(32)},2:${"b".repeat(32)}`);
    expect(result).toEqual({ ok: true, passwords: [{ id: 2, secret: "b".repeat(32) }, { id: 1, secret: "a".repeat(32) }] });
  });

  it("refuses duplicate ids and unlabelled entries in a list", () => {
    expect(parseSessionSecret(`1:${"a".repeat(32)},1:${"b".repeat(32)}`).ok).toBe(false);
    expect(parseSessionSecret(`${"a".repeat(32)},${"b".repeat(32)}`).ok).toBe(false);
  });
});

describe("npm start", () => {
  const start = path.resolve(__dirname, "../../scripts/start.ts");
  const runStart = (env: Record<string, string>) =>
    spawnSync(process.execPath, ["--disable-warning=ExperimentalWarning", start], { env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", ...env } as NodeJS.ProcessEnv, encoding: "utf8", timeout: 15_000 });

  it("stops with one line naming SESSION_SECRET when it is too short", () => {
    const result = runStart({ SESSION_SECRET: "too-short" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^klikk dashboard: SESSION_SECRET must be at least 32 characters/);
  });

  it("stops with one line naming KLIKK_API_URL when it is not a URL", () => {
    const result = runStart({ KLIKK_API_URL: "my.klikk.com/api", SESSION_SECRET: secret });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^klikk dashboard: KLIKK_API_URL must be an absolute http\(s\) URL/);
  });
});
