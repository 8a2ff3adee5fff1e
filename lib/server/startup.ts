import { EnvError, getEnv } from "@/lib/server/env";
import { installTrustedClientAddress } from "@/lib/server/trusted-client-address";

/**
 * Start-up of the Node server, called from instrumentation.ts before the first request:
 * stamp requests with the socket's address, and validate the settings so that a bad value
 * stops start-up with one clear line.
 */
export function startServer(): void {
  installTrustedClientAddress();
  try {
    getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`klikk dashboard: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
