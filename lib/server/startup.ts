import { EnvError, getEnv } from "@/lib/server/env";
import { getStore } from "@/lib/server/store";
import { installTrustedClientAddress } from "@/lib/server/trusted-client-address";

function stop(message: string): never {
  console.error(`klikk dashboard: ${message}`);
  process.exit(1);
}

/**
 * Start-up of the Node server, called from instrumentation.ts before the first request: stamp
 * requests with the socket's address, validate the settings and open the store, so that a bad
 * value or an unwritable DATA_DIR stops start-up with one clear line.
 */
export async function startServer(): Promise<void> {
  installTrustedClientAddress();
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) stop(error.message);
    throw error;
  }
  if (!env.demoMode && !env.appOrigin) {
    console.warn(
      "klikk dashboard: APP_ORIGIN is not set: the Host header is trusted for the CSRF check and the cookie is not marked Secure behind a TLS proxy. Set APP_ORIGIN to the public origin.",
    );
  }
  let store;
  try {
    store = getStore();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    stop(`DATA_DIR ${env.dataDir} cannot be written (${reason}); set DATA_DIR to a writable folder`);
  }
  if (store.engine === "redis") {
    // Not fatal: the instance serves 503 store_unavailable until Redis answers, then recovers.
    await store.ping().catch(() => console.warn("klikk dashboard: Redis (REDIS_URL) does not answer yet; retrying in the background"));
  }
}
