import { defineConfig, devices } from "@playwright/test";
import { appLogFile, appServerEnv, E2E } from "./e2e/support/env";
import { chromiumLaunchOptions } from "./scripts/chromium";

/**
 * End-to-end tests drive real Chromium against the real standalone build and the real
 * simulator over HTTP. `npm test` builds first; `npm run test:e2e` expects a build.
 * The browser and its arguments are scripts/chromium.ts's (PLAYWRIGHT_CHROMIUM_PATH picks it).
 */
const node = process.execPath;

/** The standalone build, against the simulator, as `npm start` serves it in production. */
function appServer(port: number, env: Record<string, string>) {
  return {
    // The log goes to a file that the log audit reads at the end of the run (secrets, stack traces).
    // A fresh store for each run: the instance's DATA_DIR is emptied first.
    command: `rm -rf ${env.DATA_DIR ?? appServerEnv(port).DATA_DIR} && mkdir -p .cache && exec ${node} .next/standalone/server.js > ${appLogFile(port)} 2>&1`,
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: appServerEnv(port, env),
  };
}

export default defineConfig({
  testDir: "./e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000 * E2E.timeoutFactor,
  expect: { timeout: 10_000 * E2E.timeoutFactor },
  reporter: [["list"], ["json", { outputFile: ".cache/playwright-report.json" }]],
  use: {
    baseURL: E2E.appUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    { name: "chromium", testIgnore: /log-audit\.spec\.ts/, use: { ...devices["Desktop Chrome"], channel: undefined } },
    // Reads what the servers logged during every other test, so it runs after them.
    { name: "log-audit", testMatch: /log-audit\.spec\.ts/, dependencies: ["chromium"] },
  ],
  webServer: [
    {
      command: `${node} --disable-warning=ExperimentalWarning simulator/cli.ts --port ${E2E.simulatorPort} --faults-api --tick-ms 250 --period-ms 4000 --payment-delay-ms 1500`,
      url: `${E2E.simulatorOrigin}/__sim/faults`,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      timeout: 30_000,
    },
    appServer(E2E.appPort, { SIGN_IN_MAX_FAILURES: "1000" }),
    // Trusts X-Forwarded-For so that each sign-in limit test can come from an address of its own.
    appServer(E2E.strictAppPort, { TRUST_PROXY: "true" }),
  ],
});
