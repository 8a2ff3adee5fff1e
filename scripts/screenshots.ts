/**
 * `npm run screenshots`: starts the built dashboard against the simulator, signs in and saves a
 * screenshot of every page in the light and the dark theme to docs/screenshots/, for the README.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium.ts";
import { root } from "./build.ts";
import { startStack } from "./stack.ts";

const pages = [
  { name: "login", path: "/login", signedIn: false },
  { name: "overview", path: "/", signedIn: true },
  { name: "orders", path: "/orders", signedIn: true },
  { name: "order", path: "/orders/82", signedIn: true },
  { name: "new-order", path: "/orders/new", signedIn: true },
  { name: "servers", path: "/servers", signedIn: true },
  { name: "server", path: "/servers/4408", signedIn: true },
];

async function main() {
  const outDir = path.join(root, "docs", "screenshots");
  mkdirSync(outDir, { recursive: true });
  const stack = await startStack();
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    for (const theme of ["light", "dark"] as const) {
      for (const mobile of [false, true]) {
        const context = await browser.newContext({ baseURL: stack.appUrl, colorScheme: theme, viewport: mobile ? { width: 375, height: 812 } : { width: 1280, height: 860 }, deviceScaleFactor: 1 });
        const page = await context.newPage();
        for (const entry of pages) {
          if (entry.signedIn && !(await context.cookies()).some((cookie) => cookie.name === "klikk")) {
            const response = await page.request.post("/api/session", { headers: { Origin: stack.appUrl, "Content-Type": "application/json" }, data: { method: "token", token: "demo-token" } });
            if (response.status() !== 200) throw new Error(`sign-in failed: ${response.status()}`);
          }
          if (mobile && !["overview", "orders", "servers"].includes(entry.name)) continue;
          await page.goto(entry.path);
          await page.waitForLoadState("networkidle");
          const file = path.join(outDir, `${entry.name}${mobile ? "-mobile" : ""}-${theme}.png`);
          await page.screenshot({ path: file, fullPage: !mobile });
          console.log(`saved ${path.relative(root, file)}`);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
}

await main();
