import "server-only";
import { getEnv } from "@/lib/server/env";
import { logger } from "@/lib/server/log";
import { openRedisStore } from "./redis";
import { openSqliteStore } from "./sqlite";
import type { Store } from "./types";

export type { ActivityEvent, LinkedAccountRecord, SessionRecord, Store, StoredAnswer } from "./types";
export { isStoreUnavailable, StoreUnavailableError } from "./types";

/** The SQLite file inside DATA_DIR. */
export const SQLITE_FILE_NAME = "klikk-dashboard.sqlite";

// One store per process, shared by every module graph (proxy, route handlers, pages).
const globalForStore = globalThis as typeof globalThis & { __klikkStore?: Store };

/** Opens the engine the settings choose: Redis when REDIS_URL is set, else SQLite in DATA_DIR. */
export function openStore(): Store {
  const env = getEnv();
  if (env.redisUrl) {
    let lastLogged = 0;
    return openRedisStore(env.redisUrl, {
      onError(error) {
        // The client retries by itself; one line every ten seconds while it is down is enough.
        if (Date.now() - lastLogged < 10_000) return;
        lastLogged = Date.now();
        logger.warn(`store: redis unavailable (${error.message}); retrying`);
      },
    });
  }
  return openSqliteStore(`${env.dataDir}/${SQLITE_FILE_NAME}`);
}

/** The process's store, opened on first use. */
export function getStore(): Store {
  return (globalForStore.__klikkStore ??= openStore());
}
