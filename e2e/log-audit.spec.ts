import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { appLogFile, E2E } from "./support/env";
import { findSecrets } from "./support/secrets";

/**
 * Runs after every other test (a dependent project): what the dashboard instances logged during
 * the whole run must hold no credentials. Unexpected upstream answers were logged (the fault
 * tests provoke them), so the log is not empty and this check has something to read.
 */
test("the server logs of the whole run hold no credentials", () => {
  const logs = [E2E.appPort, E2E.strictAppPort].map((port) => ({ file: appLogFile(port), text: readFileSync(appLogFile(port), "utf8") }));
  for (const { file, text } of logs) {
    expect(findSecrets(text), `secrets in ${file}`).toEqual([]);
  }
  const main = logs[0]!.text;
  expect(main, "the fault tests' upstream errors were logged").toMatch(/upstream upstream_invalid/);
});
