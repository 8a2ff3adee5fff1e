/**
 * `npm run bench:inventory`: the server inventory with 20,000 servers, measured in Chromium.
 * Prints figures, not a pass/fail: issue 18's targets are a first table render within 150 ms
 * after the data arrives and search keystrokes until the table has updated within 16 ms at the
 * 95th percentile and 33 ms at worst.
 *
 * Needs a build (`npm run build`). Starts the simulator (`servers: 20000`) and the standalone
 * app on free ports, signs in with demo-token, then:
 * - first render: per run, /servers in a fresh tab of a Chromium that Playwright does not drive
 *   (scripts/bare-browser.ts says why: Playwright's network events cost the page 40-60 ms inside
 *   this very window), from the end of the /api/servers response (Resource Timing) to the marks
 *   the inventory sets when its first rows are in the DOM and the frame after (components/
 *   servers/inventory-results.tsx). The same figure from the Playwright pages below is printed
 *   beside it;
 * then per run opens /servers in a fresh Playwright page:
 * - keystroke: from the keydown's timestamp to the moment the table's data-result-count changes
 *   (a MutationObserver), for each key of "g" then "gen-00001" narrowing down, once the search
 *   text built in idle time after the first paint is ready (mark "inventory:search-ready");
 * - palette keystroke: the same keys typed into the command palette (Ctrl-K) on the same page,
 *   from the keydown's timestamp to the moment its listbox's data-result-count changes, with
 *   the same observer, so the two figures compare like for like.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium.ts";
import { launchBareBrowser, type BareBrowser } from "./bare-browser.ts";
import { root } from "./build.ts";
import { startStack } from "./stack.ts";

/** The `q` quantile by nearest rank: with 20 to 40 keystrokes p95 is one of the slowest two. */
function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

type FirstRender = {
  /** Response end of /api/servers -> first rows committed to the DOM (ms, median). */
  commitMs: number;
  /** Response end of /api/servers -> the frame after the first rows (ms, median). */
  paintMs: number;
  /** Query data stored -> first rows committed (ms, median): the render alone. */
  dataToRowsMs: number;
  /**
   * Navigation -> the frame after the first rows (ms, median): what a person waits for. The
   * figures above start at the response's end, which moves with how fast the page drains the
   * list: a change can shorten them by making that end later without showing the rows sooner
   * (one did in session 11), and only this figure tells the two apart.
   */
  navigationToPaintMs: number;
  /** Navigation -> the end of the /api/servers response (ms, median). */
  responseEndMs: number;
};

export type InventoryBenchResult = {
  servers: number;
  runs: number;
  /** In a browser without Playwright's instrumentation, as a person's. */
  firstRender: FirstRender;
  /** In the Playwright pages of the keystroke runs, with its network events on. */
  firstRenderUnderPlaywright: FirstRender;
  /** Keydown -> the table shows the new result (ms, median over every measured keystroke). */
  keystrokeMs: number;
  /** Keydown -> the frame after the update (ms, median). */
  keystrokeFrameMs: number;
  /** Worst keystroke (ms). */
  keystrokeMaxMs: number;
  /** Keydown -> the table updated (ms, 95th percentile over every measured keystroke). */
  keystrokeP95Ms: number;
  keystrokeSamples: number;
  /** Keydown -> the command palette shows the new result (ms, median), over the same servers and keys. */
  paletteKeystrokeMs: number;
  paletteKeystrokeFrameMs: number;
  paletteKeystrokeMaxMs: number;
  paletteKeystrokeSamples: number;
};

export const SERVERS = 20_000;
/** Each step is one key; every step changes the number of matching servers. */
const KEY_STEPS: { from: string; key: string }[] = [
  { from: "", key: "g" },
  { from: "gen-", key: "0" },
  { from: "gen-0", key: "0" },
  { from: "gen-00", key: "0" },
  { from: "gen-000", key: "0" },
  { from: "gen-0000", key: "1" },
];

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

/** Each figure's median over the loads; from the navigation, the median of each load's own sum. */
export function medians(samples: readonly FirstRenderSample[]): FirstRender {
  return {
    commitMs: median(samples.map((s) => s.commit)),
    paintMs: median(samples.map((s) => s.paint)),
    dataToRowsMs: median(samples.map((s) => s.dataToRows)),
    navigationToPaintMs: median(samples.map((s) => s.responseEnd + s.paint)),
    responseEndMs: median(samples.map((s) => s.responseEnd)),
  };
}

type Win = Window & { __kd?: number; __pending?: Promise<{ kd: number; updated: number; frame: number }> };

/** The inventory's table, or (with `palette`) the command palette's listbox. */
async function armKeystroke(page: Page, palette = false): Promise<void> {
  await page.evaluate((palette) => {
    const w = window as Win;
    const current = palette
      ? () => document.querySelector("[role=listbox][data-result-count]")?.getAttribute("data-result-count") ?? ""
      : () => document.querySelector("table[data-result-count]")?.getAttribute("data-result-count") ?? document.querySelector("[data-testid=result-count]")?.textContent ?? "";
    const before = current();
    w.__pending = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (current() === before) return;
        const updated = performance.now();
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve({ kd: w.__kd ?? updated, updated, frame: performance.now() }), 0));
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["data-result-count"] });
    });
  }, palette);
}

/** The command palette's search box, opened with Ctrl-K over the loaded inventory. */
export async function openPalette(page: Page): Promise<void> {
  await page.keyboard.press("Control+k");
  await page.getByRole("combobox", { name: "Search orders, servers, pages and actions" }).waitFor({ timeout: 30_000 });
}

/**
 * One keystroke in the open command palette, as measureSearchKey's in the inventory: from
 * `step.from` in its box, the time from the key's keydown to its listbox's update and to the
 * next frame. bench:compare --first-palette-keystroke compares two builds on the first.
 */
export async function measurePaletteKey(page: Page, step: { from: string; key: string } = KEY_STEPS[0]!): Promise<{ updated: number; frame: number }> {
  await page.getByRole("combobox", { name: "Search orders, servers, pages and actions" }).fill(step.from);
  // The results render with the box's text (command-palette.tsx), so once it holds the text the
  // listbox is the fill's; then two frames, so the fill's paint is not inside the measured key.
  await page.waitForFunction((from) => (document.querySelector("[role=combobox]") as HTMLInputElement | null)?.value === from && document.querySelector("[role=listbox]") !== null, step.from);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForTimeout(50);
  await armKeystroke(page, true);
  await page.keyboard.press(step.key);
  const result = await page.evaluate(() => (window as Win).__pending);
  if (!result) throw new Error("the palette keystroke was not observed");
  return { updated: result.updated - result.kd, frame: result.frame - result.kd };
}

/** The same keys in the command palette, opened with Ctrl-K over the loaded inventory. */
async function measurePalette(page: Page, keystrokes: { updated: number[]; frame: number[] }): Promise<void> {
  await openPalette(page);
  for (const step of KEY_STEPS) {
    const result = await measurePaletteKey(page, step);
    keystrokes.updated.push(result.updated);
    keystrokes.frame.push(result.frame);
  }
}

type Samples = { updated: number[]; frame: number[] };

/** One load's first render: `responseEnd` from the navigation, the others from `responseEnd`. */
export type FirstRenderSample = { commit: number; paint: number; dataToRows: number; responseEnd: number };

/**
 * The first render's figures from the inventory's marks, once its rows have painted; null
 * before. Run in the page, by Playwright or by the bare browser (as its source text).
 */
function readFirstRender(expectedCount: string): FirstRenderSample | null {
  const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
  if (Number.isNaN(mark("inventory:rows-painted"))) return null;
  const count = document.querySelector("table[data-result-count]")?.getAttribute("data-result-count");
  if (count !== expectedCount) throw new Error(`expected ${expectedCount} servers in the table, found ${count}`);
  const resource = performance
    .getEntriesByType("resource")
    .filter((e) => new URL(e.name).pathname === "/api/servers")
    .at(-1) as PerformanceResourceTiming | undefined;
  const responseEnd = resource?.responseEnd ?? Number.NaN;
  return {
    commit: mark("inventory:rows-committed") - responseEnd,
    paint: mark("inventory:rows-painted") - responseEnd,
    dataToRows: mark("inventory:rows-committed") - mark("inventory:data"),
    // Marks and Resource Timing count from the navigation's start (the page's time origin).
    responseEnd,
  };
}

const EXPECTED_COUNT = String(SERVERS + 13);

/**
 * One load of `url` (/servers of an app whose simulator has the bench's 20,000 extra servers) in
 * a fresh tab of the bare browser, and its first render. Also used by bench:compare.
 */
export async function firstRenderInBareTab(browser: BareBrowser, url: string): Promise<FirstRenderSample> {
  const page = await browser.open(url);
  try {
    const deadline = Date.now() + 120_000;
    let sample: FirstRenderSample | null = null;
    // Polled every 100 ms from outside the page: the marks carry their own times.
    while (!(sample = await page.evaluate<FirstRenderSample | null>(`(${readFirstRender.toString()})(${JSON.stringify(EXPECTED_COUNT)})`))) {
      if (Date.now() > deadline) throw new Error("the inventory's rows did not paint within 120 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return sample;
  } finally {
    await page.close();
  }
}

/** The first render in a fresh tab of the bare browser, `runs` times after one warm-up load. */
async function measureFirstRenders(browser: BareBrowser, appUrl: string, runs: number, log: (line: string) => void): Promise<FirstRenderSample[]> {
  const samples: FirstRenderSample[] = [];
  for (let i = 0; i <= runs; i++) {
    const sample = await firstRenderInBareTab(browser, `${appUrl}/servers`);
    if (i === 0) continue;
    samples.push(sample);
    log(
      `run ${i}: first render ${sample.commit.toFixed(1)} ms (painted ${sample.paint.toFixed(1)} ms; ${(sample.responseEnd + sample.paint).toFixed(1)} ms after navigation) in a browser without Playwright`,
    );
  }
  return samples;
}

async function measureOnce(page: Page, appUrl: string, keystrokes: Samples, paletteKeystrokes: Samples) {
  await page.goto(`${appUrl}/servers`);
  // Polled every 100 ms, not on every animation frame (Playwright's default): a frame-by-frame
  // poll is the harness's own script on the main thread, 0.2-3 ms a frame in traces, inside the
  // very window it measures. The marks carry their own times, so a later poll changes nothing.
  await page.waitForFunction(() => performance.getEntriesByName("inventory:rows-painted").length > 0, undefined, { timeout: 120_000, polling: 100 });
  const first = (await page.evaluate(readFirstRender, EXPECTED_COUNT))!;

  // The search text is built in idle slices right after the first paint; a person does not type
  // within that ~0.1 s, so the keystrokes are measured once it is ready (the steady state).
  await page.waitForFunction(() => performance.getEntriesByName("inventory:search-ready").length > 0, undefined, { timeout: 30_000, polling: 100 });
  for (const step of KEY_STEPS) {
    const result = await measureSearchKey(page, step);
    keystrokes.updated.push(result.updated);
    keystrokes.frame.push(result.frame);
  }
  await measurePalette(page, paletteKeystrokes);
  return first;
}

/** A context for measureSearchKey: the bench's window, and each keydown's time kept for armKeystroke. */
export async function keystrokeContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.addInitScript(() => {
    document.addEventListener("keydown", (event) => ((window as Window & { __kd?: number }).__kd = event.timeStamp), { capture: true });
  });
  return context;
}

/**
 * One search keystroke on a loaded inventory (its search text ready): from `step.from` in the
 * box, the time from the key's keydown to the table's update and to the next frame. The first
 * of KEY_STEPS on a fresh page is the slow one (code running for the first time); bench:compare
 * --first-keystroke compares two builds on it.
 */
export async function measureSearchKey(page: Page, step: { from: string; key: string } = KEY_STEPS[0]!): Promise<{ updated: number; frame: number }> {
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.fill(step.from);
  // The table renders in the input event itself, so once the box holds the text the count is
  // the fill's. (This also waited for a "(updating)" note to go; nothing writes one since the
  // search stopped deferring its render, so that part was always true.) Then two frames, so
  // the fill's paint is not inside the measured key.
  await page.waitForFunction((from) => (document.querySelector("input[type=search]") as HTMLInputElement | null)?.value === from, step.from);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForTimeout(50);
  await armKeystroke(page);
  await page.keyboard.press(step.key);
  const result = await page.evaluate(() => (window as Win).__pending);
  if (!result) throw new Error("the keystroke was not observed");
  return { updated: result.updated - result.kd, frame: result.frame - result.kd };
}

export async function runInventoryBench(options: { runs?: number; log?: (line: string) => void } = {}): Promise<InventoryBenchResult> {
  const runs = options.runs ?? 5;
  const log = options.log ?? (() => {});
  // The simulator and the built app in their own processes, as in the other benchmarks.
  const stack = await startStack({ servers: SERVERS });
  const appUrl = stack.appUrl;
  let firstRenders: FirstRenderSample[];
  let bare: BareBrowser | undefined;
  try {
    bare = await launchBareBrowser();
    const [name, value] = (await stack.signIn()).split("=") as [string, string];
    await bare.setCookie(appUrl, name, value);
    firstRenders = await measureFirstRenders(bare, appUrl, runs, log);
  } catch (error) {
    await stack.stop();
    throw error;
  } finally {
    await bare?.close();
  }
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const context = await keystrokeContext(browser, { baseURL: appUrl });
    const signIn = await context.request.post("/api/session", {
      headers: { Origin: appUrl, "Content-Type": "application/json" },
      data: { method: "token", token: "demo-token" },
    });
    if (signIn.status() !== 200) throw new Error(`sign-in failed with ${signIn.status()}`);

    const underPlaywright: FirstRenderSample[] = [];
    const keystrokes = { updated: [] as number[], frame: [] as number[] };
    const paletteKeystrokes = { updated: [] as number[], frame: [] as number[] };
    // One warm-up load: the first navigation also compiles the page's scripts.
    for (let i = 0; i <= runs; i++) {
      const page = await context.newPage();
      const sample = { updated: [] as number[], frame: [] as number[] };
      const paletteSample = { updated: [] as number[], frame: [] as number[] };
      const first = await measureOnce(page, appUrl, sample, paletteSample);
      await page.close();
      if (i === 0) continue;
      underPlaywright.push(first);
      keystrokes.updated.push(...sample.updated);
      keystrokes.frame.push(...sample.frame);
      paletteKeystrokes.updated.push(...paletteSample.updated);
      paletteKeystrokes.frame.push(...paletteSample.frame);
      log(`run ${i}: under Playwright first render ${first.commit.toFixed(1)} ms (painted ${first.paint.toFixed(1)} ms), keystrokes ${sample.updated.map((v) => v.toFixed(1)).join(", ")} ms`);
      log(`run ${i}: palette keystrokes ${paletteSample.updated.map((v) => v.toFixed(1)).join(", ")} ms`);
    }
    return {
      servers: SERVERS + 13,
      runs,
      firstRender: medians(firstRenders),
      firstRenderUnderPlaywright: medians(underPlaywright),
      keystrokeMs: median(keystrokes.updated),
      keystrokeFrameMs: median(keystrokes.frame),
      keystrokeMaxMs: Math.round(Math.max(...keystrokes.updated) * 10) / 10,
      keystrokeP95Ms: Math.round(percentile(keystrokes.updated, 0.95) * 10) / 10,
      keystrokeSamples: keystrokes.updated.length,
      paletteKeystrokeMs: median(paletteKeystrokes.updated),
      paletteKeystrokeFrameMs: median(paletteKeystrokes.frame),
      paletteKeystrokeMaxMs: Math.round(Math.max(...paletteKeystrokes.updated) * 10) / 10,
      paletteKeystrokeSamples: paletteKeystrokes.updated.length,
    };
  } finally {
    await browser.close();
    await stack.stop();
  }
}

function verdict(value: number, target: number): string {
  return value <= target ? `within the ${target} ms target` : `OVER the ${target} ms target`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.env.BENCH_RUNS || 5);
  console.log(`bench:inventory: ${SERVERS} generated servers, ${runs} runs in Chromium (root ${root})`);
  try {
    const r = await runInventoryBench({ runs, log: (line) => console.log(`  ${line}`) });
    const { firstRender: f, firstRenderUnderPlaywright: p } = r;
    console.log(`first render after the data arrives: ${f.commitMs} ms to rows in the DOM, ${f.paintMs} ms to the next frame (median; ${verdict(f.paintMs, 150)})`);
    console.log(`  of which rendering the rows from the query data: ${f.dataToRowsMs} ms`);
    console.log(`  navigation to the painted rows: ${f.navigationToPaintMs} ms (the list's response ended at ${f.responseEndMs} ms)`);
    console.log(`  the same under Playwright (its network events on): ${p.commitMs} ms to rows in the DOM, ${p.paintMs} ms to the next frame, ${p.dataToRowsMs} ms from the query data`);
    console.log(`one search keystroke until the table has updated: ${r.keystrokeMs} ms (median of ${r.keystrokeSamples}; next frame ${r.keystrokeFrameMs} ms; p95 ${r.keystrokeP95Ms} ms, ${verdict(r.keystrokeP95Ms, 16)}; worst ${r.keystrokeMaxMs} ms, ${verdict(r.keystrokeMaxMs, 33)})`);
    console.log(
      `one command palette keystroke until its results have updated: ${r.paletteKeystrokeMs} ms (median of ${r.paletteKeystrokeSamples}; next frame ${r.paletteKeystrokeFrameMs} ms; worst ${r.paletteKeystrokeMaxMs} ms; ${r.paletteKeystrokeMs <= r.keystrokeMs ? "no slower than" : "SLOWER than"} the inventory's)`,
    );
    process.exit(0);
  } catch (error) {
    console.error(`bench:inventory failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
