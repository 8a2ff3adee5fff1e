/**
 * The dashboard's settings, read from the environment and validated with zod.
 *
 * Pure and free of `server-only` so that the start script (plain Node), the unit tests and the
 * server-only wrapper in lib/server/env.ts all share one definition. Each problem is reported as
 * one line naming the variable and what it expects, and start-up stops on the first of them.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { PriceList } from "@/lib/pricing";
import { demoPriceList, parsePriceList } from "./price-list.ts";

/** One password for iron-session, with the id that seals carry so old cookies stay readable. */
export type SessionPassword = { id: number; secret: string };

export type AppEnv = {
  /** The upstream action API endpoint. */
  klikkApiUrl: string;
  /** True when KLIKK_API_URL is unset: the dashboard talks to the embedded simulator. */
  demoMode: boolean;
  /** Session passwords, newest (highest id) first; the newest seals, all of them unseal. */
  sessionPasswords: SessionPassword[];
  /** True when no SESSION_SECRET was given and one was generated for this process (demo only). */
  sessionSecretGenerated: boolean;
  port: number;
  simulatorPort: number;
  /** The public origin (scheme://host[:port]) used by the CSRF checks; null means "the request's own". */
  appOrigin: string | null;
  /** Trust X-Forwarded-For / X-Forwarded-Proto / X-Forwarded-Host from a reverse proxy. */
  trustProxy: boolean;
  /** Deadline of one upstream call, in milliseconds. */
  upstreamTimeoutMs: number;
  /** Failed sign-ins allowed per client address and per username in 15 minutes. */
  signInMaxFailures: number;
  /** Where the embedded store keeps its SQLite file. */
  dataDir: string;
  /** Redis for several instances; null means the embedded SQLite store. */
  redisUrl: string | null;
  /** How long activity events are kept. */
  activityRetentionDays: number;
  /**
   * The operator's price list (PRICE_LIST), or in demo mode the simulator's own table; null when
   * there is none, and then no price is shown anywhere.
   */
  priceList: PriceList | null;
  /** Where customers pay invoices (KLIKK_PORTAL_URL). */
  portalUrl: string;
  production: boolean;
};

/** The provider's customer portal, where invoices are paid. */
export const DEFAULT_PORTAL_URL = "https://my.klikk.com/";

const MIN_SECRET_LENGTH = 32;

const portSchema = (name: string, fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return fallback;
      const port = Number(value);
      if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
        ctx.addIssue({ code: "custom", message: `${name} must be a port number from 1 to 65535 (got "${value}")` });
        return z.NEVER;
      }
      return port;
    });

const wholeNumberSchema = (name: string, { min, max, fallback, unit }: { min: number; max: number; fallback: number; unit: string }) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return fallback;
      const number = Number(value);
      if (!/^\d+$/.test(value) || number < min || number > max) {
        ctx.addIssue({ code: "custom", message: `${name} must be a whole number${unit ? ` of ${unit}` : ""} from ${min} to ${max} (got "${value}")` });
        return z.NEVER;
      }
      return number;
    });

const booleanSchema = (name: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return false;
      const normalized = value.toLowerCase();
      if (["1", "true", "yes", "on"].includes(normalized)) return true;
      if (["0", "false", "no", "off"].includes(normalized)) return false;
      ctx.addIssue({ code: "custom", message: `${name} must be true or false (got "${value}")` });
      return z.NEVER;
    });

/** Parses `SESSION_SECRET`: one secret, or `id:secret` pairs separated by commas for rotation. */
export function parseSessionSecret(raw: string): { ok: true; passwords: SessionPassword[] } | { ok: false; message: string } {
  const entries = raw.split(",").map((entry) => entry.trim()).filter((entry) => entry.length > 0);
  if (entries.length === 0) return { ok: false, message: "SESSION_SECRET is empty: give a random string of 32 characters or more" };
  const rotated = entries.length > 1 || /^\d+:/.test(entries[0] ?? "");
  const passwords: SessionPassword[] = [];
  for (const [index, entry] of entries.entries()) {
    let id = 1;
    let secret = entry;
    if (rotated) {
      const match = /^(\d+):(.*)$/s.exec(entry);
      if (!match) {
        return {
          ok: false,
          message: `SESSION_SECRET entry ${index + 1} must look like "<id>:<secret>" when several secrets are given (for rotation)`,
        };
      }
      id = Number(match[1]);
      secret = match[2] ?? "";
    }
    if (secret.length < MIN_SECRET_LENGTH) {
      return {
        ok: false,
        message: `SESSION_SECRET${rotated ? ` entry ${index + 1}` : ""} must be at least ${MIN_SECRET_LENGTH} characters long (got ${secret.length}); generate one with: openssl rand -base64 32`,
      };
    }
    if (passwords.some((password) => password.id === id)) {
      return { ok: false, message: `SESSION_SECRET uses the id ${id} twice: give each secret its own id` };
    }
    passwords.push({ id, secret });
  }
  passwords.sort((a, b) => b.id - a.id);
  return { ok: true, passwords };
}

function checkHttpUrl(name: string, value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${name} must be an absolute http(s) URL such as https://my.klikk.com/api (got "${value}")`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `${name} must use http or https (got "${url.protocol}")`;
  }
  if (url.username || url.password) {
    return `${name} must not contain credentials: sign in through the dashboard instead`;
  }
  return null;
}

const rawEnvSchema = z.object({
  KLIKK_API_URL: z.string().optional(),
  SESSION_SECRET: z.string().optional(),
  PORT: portSchema("PORT", 3000),
  SIMULATOR_PORT: portSchema("SIMULATOR_PORT", 4010),
  APP_ORIGIN: z.string().optional(),
  TRUST_PROXY: booleanSchema("TRUST_PROXY"),
  KLIKK_TIMEOUT_MS: wholeNumberSchema("KLIKK_TIMEOUT_MS", { min: 100, max: 120_000, fallback: 10_000, unit: "milliseconds" }),
  SIGN_IN_MAX_FAILURES: wholeNumberSchema("SIGN_IN_MAX_FAILURES", { min: 1, max: 100_000, fallback: 10, unit: "" }),
  DATA_DIR: z.string().optional(),
  REDIS_URL: z.string().optional(),
  ACTIVITY_RETENTION_DAYS: wholeNumberSchema("ACTIVITY_RETENTION_DAYS", { min: 1, max: 3650, fallback: 90, unit: "days" }),
  PRICE_LIST: z.string().optional(),
  KLIKK_PORTAL_URL: z.string().optional(),
  NODE_ENV: z.string().optional(),
});

/** `redis://` or `rediss://` (TLS), with optional credentials, host and database number. */
function checkRedisUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `REDIS_URL must be a URL such as redis://127.0.0.1:6379 (got a value that is not a URL)`;
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") return `REDIS_URL must start with redis:// or rediss:// (got "${url.protocol}//")`;
  if (!url.hostname) return "REDIS_URL must name a host, such as redis://127.0.0.1:6379";
  return null;
}

export type EnvResult = { ok: true; env: AppEnv } | { ok: false; message: string };

/**
 * Validates the environment. `generateSecret` is called only in demo mode without SESSION_SECRET.
 */
export function parseEnv(
  source: Record<string, string | undefined>,
  generateSecret: () => string,
  readFile: (path: string) => string = (path) => readFileSync(path, "utf8"),
): EnvResult {
  const parsed = rawEnvSchema.safeParse(source);
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues[0]?.message ?? "invalid environment" };
  }
  const raw = parsed.data;
  const production = raw.NODE_ENV === "production";

  const apiUrl = raw.KLIKK_API_URL?.trim();
  const demoMode = !apiUrl;
  if (apiUrl) {
    const problem = checkHttpUrl("KLIKK_API_URL", apiUrl);
    if (problem) return { ok: false, message: problem };
  }

  let appOrigin: string | null = null;
  if (raw.APP_ORIGIN?.trim()) {
    const value = raw.APP_ORIGIN.trim();
    const problem = checkHttpUrl("APP_ORIGIN", value);
    if (problem) return { ok: false, message: problem.replace("such as https://my.klikk.com/api", "such as https://dashboard.example.com") };
    const url = new URL(value);
    if (url.pathname !== "/" || url.search || url.hash) {
      return { ok: false, message: `APP_ORIGIN must be an origin without a path, such as https://dashboard.example.com (got "${value}")` };
    }
    appOrigin = url.origin;
  }

  let priceList: PriceList | null = demoMode ? demoPriceList : null;
  if (raw.PRICE_LIST?.trim()) {
    const result = parsePriceList(raw.PRICE_LIST.trim(), readFile);
    if (!result.ok) return { ok: false, message: result.message };
    priceList = result.list;
  }

  let portalUrl = DEFAULT_PORTAL_URL;
  if (raw.KLIKK_PORTAL_URL?.trim()) {
    const value = raw.KLIKK_PORTAL_URL.trim();
    const problem = checkHttpUrl("KLIKK_PORTAL_URL", value);
    if (problem) return { ok: false, message: problem.replace("such as https://my.klikk.com/api", "such as https://my.klikk.com/") };
    portalUrl = value;
  }

  let sessionPasswords: SessionPassword[];
  let sessionSecretGenerated = false;
  if (raw.SESSION_SECRET !== undefined && raw.SESSION_SECRET !== "") {
    const secret = parseSessionSecret(raw.SESSION_SECRET);
    if (!secret.ok) return { ok: false, message: secret.message };
    sessionPasswords = secret.passwords;
  } else if (demoMode || !production) {
    sessionPasswords = [{ id: 1, secret: generateSecret() }];
    sessionSecretGenerated = true;
  } else {
    return {
      ok: false,
      message: "SESSION_SECRET is required when KLIKK_API_URL is set in production: give a random string of 32 characters or more (openssl rand -base64 32)",
    };
  }

  const redisUrl = raw.REDIS_URL?.trim() || null;
  if (redisUrl) {
    // The message never repeats the value: a Redis URL can carry a password.
    const problem = checkRedisUrl(redisUrl);
    if (problem) return { ok: false, message: problem };
  }
  // Relative to the working folder; scripts/start.ts passes the server an absolute path.
  const dataDir = raw.DATA_DIR?.trim() || "data";

  return {
    ok: true,
    env: {
      klikkApiUrl: apiUrl || `http://127.0.0.1:${raw.SIMULATOR_PORT}/api`,
      demoMode,
      sessionPasswords,
      sessionSecretGenerated,
      port: raw.PORT,
      simulatorPort: raw.SIMULATOR_PORT,
      appOrigin,
      trustProxy: raw.TRUST_PROXY,
      upstreamTimeoutMs: raw.KLIKK_TIMEOUT_MS,
      signInMaxFailures: raw.SIGN_IN_MAX_FAILURES,
      dataDir,
      redisUrl,
      activityRetentionDays: raw.ACTIVITY_RETENTION_DAYS,
      priceList,
      portalUrl,
      production,
    },
  };
}
