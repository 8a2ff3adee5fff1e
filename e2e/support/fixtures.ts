import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type APIRequestContext, type Page } from "@playwright/test";
import { E2E, scaled } from "./env";
import { findSecrets } from "./secrets";
import { simulator } from "./simulator";

export type Credentials =
  | { method: "token"; token: string }
  | { method: "basic" | "digest"; username: string; password: string };

export const demo = {
  token: { method: "token", token: "demo-token" },
  labsToken: { method: "token", token: "demo-token-labs" },
  remoteToken: { method: "token", token: "demo-token-remote" },
  basic: { method: "basic", username: "demo", password: "demo" },
  digest: { method: "digest", username: "demo", password: "demo" },
  readonly: { method: "basic", username: "demo-readonly", password: "demo" },
  twoFactor: { method: "digest", username: "demo-2fa", password: "demo" },
} as const satisfies Record<string, Credentials>;

/** Same-origin JSON headers, as the dashboard's own pages send them. */
export const sameOrigin = { Origin: E2E.appUrl, "Content-Type": "application/json" };

/** Signs in through the API (setup by API, not by clicking); the cookie lands in the page's context. */
export async function signIn(request: APIRequestContext, credentials: Credentials = demo.token, origin?: string): Promise<void> {
  // Relative to the context's base URL unless another instance's origin is given.
  const response = await request.post(origin ? `${origin}/api/session` : "/api/session", { headers: { ...sameOrigin, Origin: origin ?? E2E.appUrl }, data: credentials });
  expect(response.status(), `sign-in as ${credentials.method} should succeed`).toBe(200);
}

/** Puts the simulator back to its seed and clears faults, so each test starts from the same data. */
export async function resetSimulator(_request?: APIRequestContext): Promise<void> {
  await simulator.reset();
}

/** Runs axe for WCAG 2 A/AA and fails with the list of violations. */
export async function expectNoAxeViolations(page: Page, context: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${context}`).toEqual([]);
}

export async function setTheme(page: Page, theme: "light" | "dark"): Promise<void> {
  await page.evaluate((value) => {
    localStorage.setItem("klikk-theme", value);
    document.documentElement.dataset.theme = value;
  }, theme);
}

const SCANNED_TYPES = /json|javascript|html|text|x-component/;

export const test = base.extend<{ signedInPage: Page; secretScan: void }>({
  /**
   * Pages arrive with their data in the HTML, before React has hydrated them: a click or a
   * select made then can be lost on a slow machine. Every goto and reload here waits until the
   * page reacts (components/shell/hydration-marker marks it), or gives up quietly for pages that never do.
   */
  page: async ({ page }, provide) => {
    const ready = () => page.locator("html[data-hydrated=true]").waitFor({ state: "attached", timeout: scaled(15_000) }).catch(() => undefined);
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (...args: Parameters<Page["goto"]>) => {
      const response = await goto(...args);
      await ready();
      return response;
    };
    page.reload = async (...args: Parameters<Page["reload"]>) => {
      const response = await reload(...args);
      await ready();
      return response;
    };
    await provide(page);
  },
  signedInPage: async ({ page }, provide) => {
    await signIn(page.request);
    await provide(page);
  },
  /**
   * Runs in every test: each URL the page requests and each text answer it receives (HTML, the
   * RSC payload, JSON, scripts) is searched for credentials; finding one fails the test.
   */
  secretScan: [
    async ({ page }, provide) => {
      const findings: string[] = [];
      const scans: Promise<void>[] = [];
      page.on("request", (request) => {
        for (const name of findSecrets(decodeURIComponent(request.url()))) findings.push(`${name} in the URL ${request.url()}`);
      });
      // Bodies are read once their request has finished, so a streamed answer that the page
      // abandoned never holds up the test.
      page.on("requestfinished", (request) => {
        scans.push(
          (async () => {
            const response = await request.response();
            if (!response || !SCANNED_TYPES.test(response.headers()["content-type"] ?? "")) return;
            const text = await response.text();
            for (const name of findSecrets(text)) findings.push(`${name} in the answer to ${response.url()}`);
          })().catch(() => undefined), // Redirects and discarded loads have no body to read.
        );
      });
      await provide();
      await Promise.race([Promise.all(scans), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      expect(findings, "credentials must never reach the browser").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
