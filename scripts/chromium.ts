/**
 * How every browser this project drives is launched: the e2e tests (playwright.config.ts), the
 * benchmarks and the screenshots. One list, so that a fix here reaches all of them.
 */
import { existsSync } from "node:fs";

/** PLAYWRIGHT_CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download. */
export const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/**
 * Playwright 1.65's own `--disable-features` list (chromiumSwitches in playwright-core).
 * Chromium keeps only the last `--disable-features` on its command line, so ours must repeat
 * Playwright's or it would switch them back on. scripts/chromium.test.ts fails when Playwright's
 * list gains a name that this one lacks.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * Chromium 156 (Debian's 156.0.8078.114) builds the address bar's popup as a WebUI page in a
 * renderer of its own, in headless mode too, and loads it again for each new page: in traces of
 * a /servers load that renderer's threads were busy about as long as the page's own, on a
 * 2-core machine. Nothing here uses the address bar. Puppeteer turns the same two off by default
 * (puppeteer/puppeteer#15278).
 */
const OUR_DISABLED_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"];

export const chromiumArgs = [
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OUR_DISABLED_FEATURES].join(",")}`,
];

/** Options for Playwright's `chromium.launch` and the e2e configuration's `launchOptions`. */
export const chromiumLaunchOptions = { executablePath: chromiumPath, args: chromiumArgs };
