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
    [{ KLIKK_PORTAL_URL: "portal" }, /^KLIKK_PORTAL_URL must be an absolute http\(s\) URL such as https:\/\/my\.klikk\.com\//],
    [{ PRICE_LIST: "{not json" }, /^PRICE_LIST is not valid JSON/],
    [{ PRICE_LIST: '{"currency":"euro","period":"month","perGbRam":4,"perVcpu":3,"perGbStorage":0.1,"perIpv4":2}' }, /^PRICE_LIST: currency must be an ISO 4217 code/],
    [{ PRICE_LIST: '{"currency":"EUR","period":"week","perGbRam":4,"perVcpu":3,"perGbStorage":0.1,"perIpv4":2}' }, /^PRICE_LIST: period must be "month" or "year"/],
    [{ PRICE_LIST: '{"currency":"EUR","period":"month","perGbRam":-4,"perVcpu":3,"perGbStorage":0.1,"perIpv4":2}' }, /^PRICE_LIST: perGbRam must be 0 or more/],
    [{ PRICE_LIST: '{"currency":"EUR","period":"month","perGbRam":4,"perVcpu":3,"perGbStorage":0.1}' }, /^PRICE_LIST: perIpv4 must be a number/],
    [{ PRICE_LIST: '{"currency":"EUR","period":"month","perGbRam":4,"perVcpu":3,"perGbStorage":0.1,"perIpv4":2,"perGpu":9}' }, /^PRICE_LIST: unknown key "perGpu"/],
    [{ PRICE_LIST: "/no/such/prices.json" }, /^PRICE_LIST \(\/no\/such\/prices\.json\) cannot be read/],
  ])("refuses %o with a message naming the variable", (source, message) => {
    const result = parseEnv(source, generate);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe("prices and the portal", () => {
  const list = { currency: "CHF", period: "month", perGbRam: 5, perVcpu: 4, perGbStorage: 0.2, perIpv4: 1.5 };
  const real = { KLIKK_API_URL: "https://my.klikk.com/api", SESSION_SECRET: secret };

  it("demo mode ships the simulator's own table; outside it there is no price list unless one is given", () => {
    expect(parseEnv({}, generate)).toMatchObject({ ok: true, env: { priceList: { currency: "EUR", period: "month", perGbRam: 4, perVcpu: 3, perGbStorage: 0.1, perIpv4: 2 } } });
    expect(parseEnv(real, generate)).toMatchObject({ ok: true, env: { priceList: null, portalUrl: "https://my.klikk.com/" } });
  });

  it("reads PRICE_LIST inline or from the file it names", () => {
    expect(parseEnv({ ...real, PRICE_LIST: JSON.stringify(list) }, generate)).toMatchObject({ ok: true, env: { priceList: list } });
    const files: Record<string, string> = { "/etc/klikk/prices.json": JSON.stringify(list) };
    const readFile = (p: string) => {
      const text = files[p];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${p}'`);
      return text;
    };
    expect(parseEnv({ ...real, PRICE_LIST: "/etc/klikk/prices.json" }, generate, readFile)).toMatchObject({ ok: true, env: { priceList: list } });
  });

  it("takes KLIKK_PORTAL_URL", () => {
    expect(parseEnv({ ...real, KLIKK_PORTAL_URL: "https://portal.example.com/billing" }, generate)).toMatchObject({ ok: true, env: { portalUrl: "https://portal.example.com/billing" } });
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

  it("stops with one line naming PRICE_LIST when it is not a price list", () => {
    const result = runStart({ PRICE_LIST: '{"currency":"EUR"}', SESSION_SECRET: secret });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^klikk dashboard: PRICE_LIST: period must be "month" or "year"$/);
  });

  it("stops with one line naming DATA_DIR when it cannot be written, before any build", () => {
    const result = runStart({ DATA_DIR: "/proc/version/data", SESSION_SECRET: secret });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^klikk dashboard: DATA_DIR \/proc\/version\/data cannot be written \(.+\); set DATA_DIR to a writable folder$/);
  });

  it("stops with one line naming REDIS_URL when it is not a Redis URL, without repeating it", () => {
    const result = runStart({ REDIS_URL: "http://user:hunter2@cache:6379", SESSION_SECRET: secret });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^klikk dashboard: REDIS_URL must start with redis:\/\/ or rediss:\/\//);
    expect(result.stderr).not.toContain("hunter2");
  });

  it("stops with one line naming KLIKK_API_URL when it is not a URL", () => {
    const result = runStart({ KLIKK_API_URL: "my.klikk.com/api", SESSION_SECRET: secret });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^klikk dashboard: KLIKK_API_URL must be an absolute http\(s\) URL/);
  });
});
