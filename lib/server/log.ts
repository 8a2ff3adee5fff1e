import "server-only";
import pino from "pino";

/**
 * The server's one logger: one JSON line per event on stdout (pino), for log collectors.
 * Callers pass messages and fields that never contain credentials: upstream errors arrive here as
 * KlikkError.detail, which the client builds without them, and activity events carry only the
 * account's identity (a username or a token hash). The log audit of the e2e suite checks this.
 */
const globalForLogger = globalThis as typeof globalThis & { __klikkLogger?: pino.Logger };
const base = (globalForLogger.__klikkLogger ??= pino({
  base: { service: "klikk-dashboard" },
  level: process.env.LOG_LEVEL || "info",
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  // Defence in depth: fields with these names are never written, whatever a caller passes.
  redact: { paths: ["password", "token", "auth", "credential", "*.password", "*.token", "*.auth", "*.credential"], censor: "[redacted]" },
}));

function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack?.split("\n").slice(1, 6).join("\n") };
  return { message: String(error) };
}

export const logger = {
  info(message: string, fields: Record<string, unknown> = {}) {
    base.info(fields, message);
  },
  warn(message: string, fields: Record<string, unknown> = {}) {
    base.warn(fields, message);
  },
  error(message: string, error?: unknown) {
    base.error(error === undefined ? {} : { err: describe(error) }, message);
  },
};
