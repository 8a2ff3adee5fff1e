/**
 * `npm test`: lint, typecheck, unit tests, production build, then the Playwright suite against
 * the built app. Stops at the first failing step, exits non-zero on any failure, and ends with
 * one summary line counting the tests that ran: `tests: N passed, N failed`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { buildApp, root } from "./build.ts";

const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const cacheDir = path.join(root, ".cache");
const vitestReport = path.join(cacheDir, "vitest-report.json");
const playwrightReport = path.join(cacheDir, "playwright-report.json");

type Counts = { passed: number; failed: number; skipped: number };
const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
const timings: string[] = [];

function run(label: string, step: () => boolean): void {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const ok = step();
  timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s${ok ? "" : " (failed)"}`);
  if (!ok) finish(`${label} failed`);
}

function exec(command: string, args: string[], env: Record<string, string> = {}): boolean {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function countVitest(): void {
  const report = readJson(vitestReport) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number } | null;
  if (!report) return;
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function countPlaywright(): void {
  const report = readJson(playwrightReport) as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } } | null;
  if (!report?.stats) return;
  totals.passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
  totals.failed += report.stats.unexpected ?? 0;
  totals.skipped += report.stats.skipped ?? 0;
}

function finish(failure: string | null): never {
  console.log(`\n${timings.join(" · ")}`);
  if (failure) console.log(`npm test: ${failure}`);
  const ranNone = totals.passed + totals.failed === 0;
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
  process.exit(failure || totals.failed > 0 || ranNone ? 1 : 0);
}

mkdirSync(cacheDir, { recursive: true });
for (const file of [vitestReport, playwrightReport]) rmSync(file, { force: true });

run("lint", () => exec(bin("eslint"), [".", "--max-warnings=0"]));
run("typecheck", () => exec(bin("tsc"), ["--noEmit"]));
run("unit tests", () => {
  const ok = exec(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]);
  countVitest();
  return ok && existsSync(vitestReport);
});
run("build", () => buildApp());
run("end-to-end tests", () => {
  const ok = exec(bin("playwright"), ["test"]);
  countPlaywright();
  return ok;
});
finish(null);
