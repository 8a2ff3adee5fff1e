import path from "node:path";
import { serverProcessEnv } from "../../scripts/build";

/**
 * Ports and secrets of the e2e stack (loopback only). The ports can be moved with
 * E2E_APP_PORT and E2E_SIMULATOR_PORT so that two checkouts can run their suites side by side.
 */
const appPort = Number(process.env.E2E_APP_PORT || 3100);
const simulatorPort = Number(process.env.E2E_SIMULATOR_PORT || 4110);

export const E2E = {
  appPort,
  appUrl: `http://localhost:${appPort}`,
  /**
   * A second instance of the same build with the default sign-in limit (10 failures), for the
   * tests of that limit (it trusts X-Forwarded-For, so each test picks its own address); the main
   * instance allows many more so that the refusals tested across the suite do not lock each other
   * out (they all come from 127.0.0.1).
   */
  strictAppPort: appPort + 50,
  strictAppUrl: `http://localhost:${appPort + 50}`,
  simulatorPort,
  simulatorOrigin: `http://127.0.0.1:${simulatorPort}`,
  simulatorApiUrl: `http://127.0.0.1:${simulatorPort}/api`,
  /**
   * One factor for every timeout of the e2e configuration (E2E_TIMEOUT_FACTOR; 2 under CI): a slow
   * or shared machine gets more time everywhere instead of a test here and there.
   */
  timeoutFactor: Number(process.env.E2E_TIMEOUT_FACTOR) || (process.env.CI ? 2 : 1),
  /** Known to the tests so that they can seal forged, expired and rotated cookies. */
  sessionSecret: "e2e-session-secret-that-is-long-enough-0123456789",
} as const;

/** A test's own timeout (a long test, a slow poll) stretched by the same factor as the configuration's. */
export function scaled(milliseconds: number): number {
  return milliseconds * E2E.timeoutFactor;
}

/** Where the e2e stack's dashboard instance on `port` writes its log. */
export function appLogFile(port: number): string {
  return `.cache/e2e-app-${port}.log`;
}

/** The environment of a dashboard instance of the e2e stack (the standalone build). */
export function appServerEnv(port: number, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    // As npm start runs the server: malloc arenas, and idle connections kept longer than a
    // client's pause (Node's 5 s reset a sign-in POST of a slow run; scripts/build.ts).
    ...serverProcessEnv(),
    NODE_ENV: "production",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    KLIKK_API_URL: E2E.simulatorApiUrl,
    SESSION_SECRET: E2E.sessionSecret,
    KLIKK_TIMEOUT_MS: "3000",
    // Each instance its own embedded store, emptied when the stack starts. Absolute: the standalone
    // server changes into its own folder before it reads the setting.
    DATA_DIR: path.resolve(`.cache/e2e-data/${port}`),
    ...overrides,
  };
}
