import http from "node:http";
import { publicKeyLine } from "../tests/support/ssh-keys";
import { unsafeSamples } from "../tests/support/unsafe-text";
import { E2E } from "./support/env";
import { demo, expect, sameOrigin, signIn, test } from "./support/fixtures";
import { orderBody } from "./support/orders";

const KEY = publicKeyLine("");

/** Every free-text field of an order, with where its error lands. */
const FIELDS: { field: string; body: (text: string) => ReturnType<typeof orderBody> }[] = [
  { field: "reference", body: (text) => orderBody("input-1", { reference: `ref ${text}` }) },
  { field: "items[0].product.options.features.cloud_init_url", body: (text) => orderBody("input-1", { cloudInitUrl: `https://example.com/${text}` }) },
  {
    field: "items[0].product.options.features.sshd.authorized_keys",
    body: (text) => {
      const body = orderBody("input-1");
      (body.items[0]!.product.options.features.sshd as Record<string, string>).authorized_keys = `${KEY} me@${text}`;
      return body;
    },
  },
];

test.describe("free-text input", () => {
  test("every free-text field refuses each unsafe character class with 400 naming the field", async ({ request }) => {
    await signIn(request, demo.token);
    for (const { field, body } of FIELDS) {
      for (const sample of unsafeSamples) {
        // A C0 control in a key's comment splits the line, which is a different (also refused) error.
        const response = await request.post("/api/orders", {
          headers: { ...sameOrigin, "Idempotency-Key": `input-${Date.now()}-${Math.random().toString(36).slice(2)}` },
          data: body(sample.text),
        });
        expect(response.status(), `${field} with ${sample.label}`).toBe(400);
        const error = (await response.json()).error;
        expect(error.code).toBe("validation");
        expect(Object.keys(error.fields ?? {}), `${field} with ${sample.label}`).toContain(field);
      }
    }
  });

  test("a username with an invisible or bidi character is refused before the upstream is asked", async ({ request }) => {
    for (const text of ["de\u200Bmo", "\u202Eomed"]) {
      const response = await request.post("/api/session", { headers: sameOrigin, data: { ...demo.basic, username: text } });
      expect(response.status()).toBe(400);
      expect((await response.json()).error.fields).toHaveProperty("username");
    }
  });
});

type RawAnswer = { status: number; text: string; headers: http.IncomingHttpHeaders };

/**
 * A raw request (fetch refuses TRACE and CONNECT itself). With `announcedBodyBytes` it sends a
 * head announcing that much body and none of it, so an answer shows the server did not wait to
 * read the body. (Sending the body raced the server's early answer: on a fast machine the
 * connection was closed under the 2 MB still being written, and the write's EPIPE came first.)
 */
function rawRequest(method: string, path: string, announcedBodyBytes?: number): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers = announcedBodyBytes === undefined ? {} : { "Content-Type": "text/plain", "Content-Length": announcedBodyBytes };
    const request = http.request(`${E2E.appUrl}${path}`, { method, headers }, (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, text, headers: response.headers });
        request.destroy();
      });
    });
    request.on("error", reject);
    if (announcedBodyBytes === undefined) request.end();
    else request.flushHeaders();
  });
}

test.describe("methods and bodies", () => {
  for (const path of ["/api/orders", "/orders", "/"]) {
    test(`TRACE ${path} gets 405 in the JSON error shape`, async () => {
      const answer = await rawRequest("TRACE", path);
      expect(answer.status).toBe(405);
      expect(JSON.parse(answer.text).error.code).toBe("method_not_allowed");
      expect(answer.text).not.toMatch(/at .*\.js:\d+/);
    });
  }

  test("a page refuses a request body before reading it", async () => {
    const answer = await rawRequest("POST", "/orders", 2 * 1024 * 1024);
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe("GET, HEAD");
  });
});

test.describe("where sign-in leads", () => {
  for (const next of ["/.//evil.example/x", "/..//evil.example/x", "/%2e//evil.example/x", "//evil.example/x", "/\\evil.example/x", "https://evil.example/x"]) {
    test(`next=${next} stays on this origin after a real sign-in`, async ({ page }) => {
      await page.goto(`/login?next=${encodeURIComponent(next)}`);
      await page.getByRole("radio", { name: /Account token/ }).check();
      await page.getByRole("textbox", { name: "Account token" }).fill("demo-token");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(`${E2E.appUrl}/`);
      await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    });
  }
});
