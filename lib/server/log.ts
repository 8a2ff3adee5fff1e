import "server-only";

/**
 * One line per event on stderr/stdout. Callers pass messages that never contain credentials:
 * upstream errors arrive here as KlikkError.detail, which the client builds without them.
 */
function format(level: string, message: string): string {
  return `${new Date().toISOString()} ${level} ${message}`;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}${error.stack ? `\n${error.stack.split("\n").slice(1, 6).join("\n")}` : ""}`;
  return String(error);
}

export const logger = {
  info(message: string) {
    console.log(format("info", message));
  },
  warn(message: string) {
    console.warn(format("warn", message));
  },
  error(message: string, error?: unknown) {
    console.error(format("error", error === undefined ? message : `${message}: ${describe(error)}`));
  },
};
