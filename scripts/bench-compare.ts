/**
 * `npm run bench:compare -- --before <dir>`: the per-request cost of this build against another
 * checkout's build (e.g. the commit before a change, in a git worktree with its own `npm ci &&
 * npm run build`), on one simulator. Sequential GET /api/orders through each dashboard, timed
 * with a sub-millisecond clock, interleaved in pairs whose order is drawn at random: an A/A run
 * (the same build twice) showed that whichever goes second reads about 0.5 ms slower, so a fixed
 * order would measure the order, not the change. Prints the p50 of each and the difference.
 *
 * With --first-render N, also the inventory's first render over 20,000 servers (scripts/
 * bench-inventory.ts): N rounds of one /servers load per build in the bare browser, the builds'
 * order swapped each round, after a warm-up load each. Three bench:inventory runs of one
 * unchanged build within half an hour gave medians of 228.6, 295.0 and 198.3 ms in session 11,
 * so a change of a few tens of milliseconds needs the two side by side. Prints the medians from
 * the end of the list's response and from the navigation: a change that only moves the
 * response's end shows in the first and not in the second.
 *
 * With --first-keystroke N, also the inventory's first search keystroke (bench-inventory.ts's
 * first key step, "g" over 20,000 servers) in a fresh tab of each build, N rounds alternating
 * as above, under Playwright. The first key decides bench:inventory's keystroke p95 (one in six
 * of its keys, and the slowest: code running for the first time), and it spreads between runs
 * of one build as the first render does.
 * With --first-palette-keystroke N, the same for the command palette: Ctrl-K over the loaded
 * inventory, then its first key.
 * Options: --before DIR (required), --requests N per build (default 1000), --first-render N,
 * --first-keystroke N, --first-palette-keystroke N.
 */
import { chromium, type Page } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { launchBareBrowser } from "./bare-browser.ts";
import { firstRenderInBareTab, keystrokeContext, measurePaletteKey, measureSearchKey, median, medians, openPalette, SERVERS, type FirstRenderSample } from "./bench-inventory.ts";
import { chromiumLaunchOptions } from "./chromium.ts";
import { ensureBuild, freePort, SESSION_SECRET } from "./stack.ts";
import { root, serverNodeFlags, serverProcessEnv } from "./build.ts";

const { values: flags } = parseArgs({
  options: {
    before: { type: "string" },
    requests: { type: "string", default: "1000" },
    "first-render": { type: "string" },
    "first-keystroke": { type: "string" },
    "first-palette-keystroke": { type: "string" },
  },
});
if (!flags.before) {
  console.error("bench:compare: give the other checkout with --before <dir> (built with npm run build)");
  process.exit(1);
}
const requests = Number(flags.requests);
function rounds(flag: "first-render" | "first-keystroke" | "first-palette-keystroke"): number {
  const value = flags[flag] === undefined ? 0 : Number(flags[flag]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`bench:compare: --${flag} takes a number of rounds, such as 10`);
    process.exit(1);
  }
  return value;
}
const firstRenderRounds = rounds("first-render");
const firstKeystrokeRounds = rounds("first-keystroke");
const firstPaletteKeystrokeRounds = rounds("first-palette-keystroke");
const children: ChildProcess[] = [];
process.once("exit", () => children.forEach((child) => child.kill()));

async function up(url: string): Promise<void> {
  for (let tries = 0; tries < 300; tries += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
}

/**
 * `url` is what the requests here use; `browserUrl` names the host the browser uses, 127.0.0.1
 * or `browserHost`: the two builds need two host names in the browser, which keeps one cookie
 * jar per host whatever the port, and both builds' session cookies have the same name.
 */
async function startDashboard(dir: string, simulatorUrl: string, browserHost = "127.0.0.1"): Promise<{ url: string; browserUrl: string; cookie: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...serverNodeFlags(), path.join(dir, ".next", "standalone", "server.js")], {
    env: {
      ...process.env,
      ...serverProcessEnv(),
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      KLIKK_API_URL: simulatorUrl,
      SESSION_SECRET,
      SIGN_IN_MAX_FAILURES: "100000",
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "klikk-compare-")),
    },
    stdio: "ignore",
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  await up(`${url}/api/health`);
  const signIn = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { Origin: url, "Content-Type": "application/json" },
    body: JSON.stringify({ method: "token", token: "demo-token" }),
  });
  const cookie = /^(klikk=[^;]+)/.exec(signIn.headers.get("set-cookie") ?? "")?.[1];
  if (!cookie) throw new Error(`sign-in on ${dir} failed: ${signIn.status}`);
  return { url, browserUrl: `http://${browserHost}:${port}`, cookie };
}

async function timed(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/api/orders`, { headers: { Cookie: cookie } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`GET /api/orders answered ${response.status}`);
  return performance.now() - started;
}

/** The builds' order in a round of page loads: swapped every round, so neither always goes first. */
const buildsInRound = (round: number) => (round % 2 === 0 ? (["before", "after"] as const) : (["after", "before"] as const));

const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

ensureBuild();
const simulatorPort = await freePort();
children.push(
  spawn(
    process.execPath,
    [
      "--disable-warning=ExperimentalWarning",
      path.join(root, "simulator", "cli.ts"),
      "--port",
      String(simulatorPort),
      "--quiet",
      "--faults-api",
      ...(firstRenderRounds > 0 || firstKeystrokeRounds > 0 || firstPaletteKeystrokeRounds > 0 ? ["--servers", String(SERVERS)] : []),
    ],
    { stdio: "ignore" },
  ),
);
const simulatorUrl = `http://127.0.0.1:${simulatorPort}/api`;
await up(`http://127.0.0.1:${simulatorPort}/__sim/faults`);
const before = await startDashboard(path.resolve(flags.before), simulatorUrl);
const after = await startDashboard(root, simulatorUrl, "localhost");
const times = { before: [] as number[], after: [] as number[] };
for (let index = 0; index < 200; index += 1) {
  await timed(before.url, before.cookie);
  await timed(after.url, after.cookie);
}
for (let index = 0; index < requests; index += 1) {
  if (Math.random() < 0.5) {
    times.before.push(await timed(before.url, before.cookie));
    times.after.push(await timed(after.url, after.cookie));
  } else {
    times.after.push(await timed(after.url, after.cookie));
    times.before.push(await timed(before.url, before.cookie));
  }
}
console.log(
  `GET /api/orders p50 over ${requests} interleaved requests each: before ${p50(times.before).toFixed(2)} ms, this build ${p50(times.after).toFixed(2)} ms, difference ${(p50(times.after) - p50(times.before)).toFixed(2)} ms`,
);

if (firstRenderRounds > 0) {
  const browser = await launchBareBrowser();
  try {
    const builds = { before, after };
    for (const { browserUrl, cookie } of Object.values(builds)) {
      const [name, value] = cookie.split("=") as [string, string];
      await browser.setCookie(browserUrl, name, value);
    }
    const samples = { before: [] as FirstRenderSample[], after: [] as FirstRenderSample[] };
    for (let round = 0; round <= firstRenderRounds; round += 1) {
      const order = buildsInRound(round);
      for (const name of order) {
        const sample = await firstRenderInBareTab(browser, `${builds[name].browserUrl}/servers`);
        // Round 0 is each build's warm-up: its first load also compiles the page's scripts.
        if (round > 0) samples[name].push(sample);
      }
    }
    // The same medians as bench:inventory's, so the figures of the two compare.
    for (const name of ["before", "after"] as const) {
      const f = medians(samples[name]);
      console.log(
        `inventory first render over ${firstRenderRounds} alternating loads, ${name === "before" ? "before" : "this build"}: ${f.paintMs} ms from the response's end to the painted rows, ${f.navigationToPaintMs} ms from the navigation (response end at ${f.responseEndMs} ms)`,
      );
    }
  } finally {
    await browser.close();
  }
}

/**
 * The first keystroke of `what` in a fresh tab of each build, `rounds` rounds alternating as the
 * first render's, once the inventory's search text is ready (as in bench:inventory).
 */
async function compareFirstKeys(what: string, rounds: number, measure: (page: Page) => Promise<number>): Promise<void> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const builds = { before, after };
    // A context per build: each keeps its own session cookie.
    const contexts = Object.fromEntries(
      await Promise.all(
        Object.entries(builds).map(async ([name, { browserUrl, cookie }]) => {
          const context = await keystrokeContext(browser);
          const [cookieName, value] = cookie.split("=") as [string, string];
          await context.addCookies([{ name: cookieName, value, url: browserUrl }]);
          return [name, context] as const;
        }),
      ),
    );
    const keys = { before: [] as number[], after: [] as number[] };
    for (let round = 0; round <= rounds; round += 1) {
      const order = buildsInRound(round);
      for (const name of order) {
        const page = await contexts[name]!.newPage();
        try {
          await page.goto(`${builds[name].browserUrl}/servers`);
          await page.waitForFunction(() => performance.getEntriesByName("inventory:search-ready").length > 0, undefined, { timeout: 120_000, polling: 100 });
          const updated = await measure(page);
          // Round 0 is each build's warm-up, as for the first render.
          if (round > 0) keys[name].push(updated);
        } finally {
          await page.close();
        }
      }
    }
    for (const name of ["before", "after"] as const) {
      const sorted = [...keys[name]].sort((a, b) => a - b);
      console.log(
        `${what} over ${rounds} alternating loads, ${name === "before" ? "before" : "this build"}: median ${median(sorted).toFixed(1)} ms to the updated results (${sorted.map((v) => v.toFixed(1)).join(", ")})`,
      );
    }
  } finally {
    await browser.close();
  }
}

if (firstKeystrokeRounds > 0) {
  await compareFirstKeys("inventory first keystroke", firstKeystrokeRounds, async (page) => (await measureSearchKey(page)).updated);
}
if (firstPaletteKeystrokeRounds > 0) {
  await compareFirstKeys("command palette first keystroke", firstPaletteKeystrokeRounds, async (page) => {
    await openPalette(page);
    return (await measurePaletteKey(page)).updated;
  });
}
process.exit(0);
