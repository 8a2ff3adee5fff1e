import "server-only";
import { randomBytes } from "node:crypto";
import { parseEnv, type AppEnv } from "@/lib/config/env";

// Kept on globalThis so that every module graph in this process (proxy, route handlers, pages)
// sees the same generated demo secret; a second secret would make cookies unreadable.
const globalForEnv = globalThis as typeof globalThis & { __klikkEnv?: AppEnv };

/** Thrown when the environment is invalid; its message is the one line to show. */
export class EnvError extends Error {}

/** The validated settings of this process. Throws EnvError with one clear line when invalid. */
export function getEnv(): AppEnv {
  if (globalForEnv.__klikkEnv) return globalForEnv.__klikkEnv;
  const result = parseEnv(process.env, () => randomBytes(32).toString("base64url"));
  if (!result.ok) throw new EnvError(result.message);
  if (result.env.sessionSecretGenerated) {
    console.warn(
      "klikk dashboard: SESSION_SECRET is not set; generated one for this process (sessions end when it restarts). Set SESSION_SECRET in production.",
    );
  }
  globalForEnv.__klikkEnv = result.env;
  return result.env;
}
