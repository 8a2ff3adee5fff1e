import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chromiumArgs, PLAYWRIGHT_DISABLED_FEATURES } from "./chromium.ts";

/** The names in Playwright's own `disabledFeatures = [...]`, read from the installed playwright-core. */
function playwrightDisabledFeatures(): string[] {
  const require = createRequire(import.meta.url);
  const bundle = readFileSync(path.join(path.dirname(require.resolve("playwright-core/package.json")), "lib", "coreBundle.js"), "utf8");
  const list = /disabledFeatures = \[([\s\S]*?)\]/.exec(bundle);
  if (!list) throw new Error("playwright-core no longer has a disabledFeatures list where this test looks: read chromiumSwitches in its source and update scripts/chromium.ts");
  return [...list[1]!.replace(/\/\/.*$/gm, "").matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
}

describe("the browser's launch arguments", () => {
  it("repeat every feature Playwright disables, since Chromium keeps only the last --disable-features", () => {
    const theirs = playwrightDisabledFeatures();
    expect(theirs.length).toBeGreaterThan(5);
    expect(PLAYWRIGHT_DISABLED_FEATURES).toEqual(expect.arrayContaining(theirs));
  });

  it("carry one --disable-features, with the address bar's WebUI popup off", () => {
    const switches = chromiumArgs.filter((arg) => arg.startsWith("--disable-features="));
    expect(switches).toHaveLength(1);
    expect(switches[0]!.split("=")[1]!.split(",")).toEqual(expect.arrayContaining(["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", ...PLAYWRIGHT_DISABLED_FEATURES]));
  });
});
