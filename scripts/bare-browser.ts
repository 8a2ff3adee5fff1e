/**
 * Chromium driven over the DevTools protocol without Playwright, for measurements that
 * Playwright's own instrumentation would take part in.
 *
 * Why: Playwright enables the protocol's Network domain on every page (for its request and
 * response events), and with it Chromium keeps a copy of each response body for the debugger and
 * decodes it to text on the page's main thread when the response ends. For the inventory's
 * 5.6 MB server list that was a task of 40 to 60 ms right after the last byte, inside the first
 * render that bench:inventory measures and in no user's browser (traces: ResponseBodyLoader::
 * DidFinishLoadingBody with TextResourceDecoder::Decode; measured with this client: the first
 * render 199 and 219 ms without Network.enable, 249 and 254 ms with it, medians of five loads).
 * This client sends only what it names: no domain is enabled.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromiumArgs, chromiumPath } from "./chromium.ts";

type Reply = { id?: number; result?: unknown; error?: { message: string } };

export type BarePage = {
  /** Evaluates `expression` in the page and returns its value (JSON-serialisable). */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
};

export type BareBrowser = {
  /** A new page in its own tab, sized as the Playwright pages are, navigated to `url`. */
  open(url: string): Promise<BarePage>;
  setCookie(url: string, name: string, value: string): Promise<void>;
  close(): Promise<void>;
};

export async function launchBareBrowser(): Promise<BareBrowser> {
  if (!chromiumPath) throw new Error("no Chromium found: install Debian's chromium or set PLAYWRIGHT_CHROMIUM_PATH");
  const profile = mkdtempSync(path.join(tmpdir(), "klikk-bare-chromium-"));
  // As Playwright launches it: headless, no sandbox (it may run as root in CI), our arguments.
  const chrome = spawn(chromiumPath, ["--headless", "--no-sandbox", "--remote-debugging-port=0", `--user-data-dir=${profile}`, ...chromiumArgs, "about:blank"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools endpoint: ${output.slice(-500)}`)), 30_000);
    chrome.stderr!.on("data", (data: Buffer) => {
      output += data.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    chrome.once("exit", (code) => reject(new Error(`Chromium exited with ${code}: ${output.slice(-500)}`)));
  });
  const socket = new WebSocket(endpoint);
  try {
    await new Promise((resolve, reject) => {
      socket.addEventListener("open", resolve, { once: true });
      socket.addEventListener("error", () => reject(new Error("could not connect to Chromium's DevTools endpoint")), { once: true });
    });
  } catch (error) {
    chrome.kill();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  let lastId = 0;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  // A browser that crashed or was closed answers nothing more: fail the calls still waiting
  // instead of leaving the bench hanging on them.
  socket.addEventListener("close", () => {
    for (const call of waiting.values()) call.reject(new Error("Chromium's DevTools connection closed"));
    waiting.clear();
  });
  socket.addEventListener("message", (event) => {
    const reply = JSON.parse(String(event.data)) as Reply;
    const call = reply.id === undefined ? undefined : waiting.get(reply.id);
    if (!call) return;
    waiting.delete(reply.id!);
    if (reply.error) call.reject(new Error(reply.error.message));
    else call.resolve(reply.result);
  });
  const send = <T>(method: string, params: object = {}, sessionId?: string): Promise<T> => {
    const id = ++lastId;
    socket.send(JSON.stringify({ id, method, params, sessionId }));
    return new Promise<T>((resolve, reject) => waiting.set(id, { resolve: resolve as (value: unknown) => void, reject }));
  };

  return {
    async open(url) {
      const { targetId } = await send<{ targetId: string }>("Target.createTarget", { url: "about:blank" });
      const { sessionId } = await send<{ sessionId: string }>("Target.attachToTarget", { targetId, flatten: true });
      await send("Emulation.setDeviceMetricsOverride", { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false }, sessionId);
      await send("Page.navigate", { url }, sessionId);
      return {
        async evaluate<T>(expression: string) {
          const { result, exceptionDetails } = await send<{ result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
            "Runtime.evaluate",
            { expression, returnByValue: true, awaitPromise: true },
            sessionId,
          );
          if (exceptionDetails) throw new Error(`evaluation failed in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
          return result.value;
        },
        async close() {
          await send("Target.closeTarget", { targetId });
        },
      };
    },
    async setCookie(url, name, value) {
      await send("Storage.setCookies", { cookies: [{ name, value, url, httpOnly: true, sameSite: "Lax" }] });
    },
    async close() {
      socket.close();
      if (chrome.exitCode === null && chrome.signalCode === null) {
        const exited = new Promise((resolve) => chrome.once("exit", resolve));
        chrome.kill();
        await exited;
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
